// The one validated Inputs object, built from the environment before any side effect.
// Every bad input is a UserError naming the input, the bad value and what is accepted.
import { accessSync, constants, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError } from './errors.js'
import { parseVersionSpec } from './installer/version-spec.js'
import { SYSTEM_VERSION } from './installer/system-terraform.js'
import { TOOLS, type Tool } from './installer/tool.js'
import { withoutUserinfo } from './installer/download.js'
import { readTrustedKeys, SIGNING_KEY_ACCEPTED } from './installer/verify-signature.js'
import { DEFAULT_TOFU_DOWNLOAD_URL, TOFU_SIGNING_KEY_ACCEPTED } from './installer/opentofu.js'
import { rootHasBackend } from './terraform/backend-block.js'
import { parseExpectedRoots, type ExpectedRoot } from './roots-summary/expected-roots.js'
import { DEFAULT_DRIFT_LABEL } from './drift/drift-policy.js'

export const COMMANDS = ['validate', 'plan', 'apply', 'discover', 'summarize', 'drift'] as const
export type Command = (typeof COMMANDS)[number]
export const COMMENT_MODES = ['always', 'changes-only', 'off'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]
export const STACKS = ['chat-llm'] as const
export type Stack = (typeof STACKS)[number]

// Stateful Azure resource types whose delete or replace needs `allow-destroy: true`.
export const DEFAULT_GUARDED_RESOURCE_TYPES = [
  'azurerm_postgresql_flexible_server',
  'azurerm_postgresql_flexible_server_database',
  'azurerm_postgresql_server',
  'azurerm_postgresql_database',
  'azurerm_key_vault',
  'azurerm_key_vault_key',
  'azurerm_key_vault_secret',
  'azurerm_storage_account',
  'azurerm_storage_container',
  'azurerm_managed_redis',
  'azurerm_redis_cache',
  'azurerm_redis_enterprise_cluster',
  'azurerm_redis_enterprise_database',
  'azurerm_cognitive_account',
  'azurerm_cognitive_account_project',
  'azurerm_container_registry',
  'azurerm_log_analytics_workspace'
]

// Names of every input, as in action.yml (a test keeps the two in sync).
export const INPUT_NAMES = [
  'command',
  'working-directory',
  'stack',
  'stack-files',
  'workspace',
  'terraform-version',
  'terraform-download-url',
  'terraform-signing-key',
  'tool',
  'tofu-download-url',
  'tofu-signing-key',
  'github-token',
  'fmt-check',
  'backend-config',
  'var-file',
  'variables',
  'comment',
  'mask',
  'plan-path',
  'plan-digest',
  'allow-destroy',
  'guarded-resource-types',
  'changed-files',
  'base-ref',
  'lock-timeout',
  'root-globs',
  'ignore-globs',
  'provider-cache',
  'plans-dir',
  'expected-roots',
  'freshness-check',
  'pull-request',
  'drift-label'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

export interface Inputs {
  command: Command
  /** Absolute path of the Terraform root (inside the workspace, or the bundled stack). */
  workingDirectory: string
  /** How the root is named in comments and metadata: relative to the workspace, or `stack:chat-llm`. */
  rootLabel: string
  stack?: Stack
  /** Absolute directory whose *.tf files are added to the bundled stack (extra resources, *_override.tf). */
  stackFiles: string
  workspace: string
  terraformVersion: string
  terraformDownloadUrl: string
  /** Armored public key(s); empty means the embedded HashiCorp release key. */
  terraformSigningKey: string
  /** What is installed and run: Terraform, or OpenTofu (terraform-version then names the OpenTofu version). */
  tool: Tool
  /** Laid out like OpenTofu's GitHub releases (`<url>/v<version>/<file>`). */
  tofuDownloadUrl: string
  /** OpenTofu's armored release key, as the user pasted it (required with tool tofu; checked by fingerprint). */
  tofuSigningKey: string
  githubToken: string
  fmtCheck: boolean
  /** `-backend-config` arguments: `key=value` pairs or absolute file paths. */
  backendConfig: string[]
  /** Absolute paths of `-var-file` arguments. */
  varFiles: string[]
  /** `-var` arguments as `name=value`. */
  variables: string[]
  comment: CommentMode
  /** Extra values to redact everywhere (also registered with core.setSecret). */
  mask: string[]
  planPath: string
  planDigest: string
  allowDestroy: boolean
  guardedResourceTypes: string[]
  changedFiles: string[]
  baseRef: string
  /** `-lock-timeout` for init, plan and apply: a Go duration such as 0s, 30s, 5m, 1h30m. */
  lockTimeout: string
  /** GITHUB_WORKSPACE, absolute. */
  workspaceDir: string
  /** RUNNER_TEMP, absolute. */
  tempDir: string
  /** discover: directories that are roots whatever their contents, globs relative to the workspace. */
  rootGlobs: string[]
  /** discover: directories (and everything below them) that are never roots, globs relative to the workspace. */
  ignoreGlobs: string[]
  /** Restore/save terraform's plugin cache with the Actions cache, keyed on the lock file. */
  providerCache: boolean
  /** summarize: absolute directory the plan artifacts were downloaded into (relative values start at the workspace). */
  plansDir: string
  /** summarize: plans-dir as the user wrote it, for messages. */
  plansDirValue: string
  /** summarize: roots that must appear in the summary (a missing plan dir is a failed root). */
  expectedRoots: ExpectedRoot[]
  /** plan: compare with the plan the PR's comment recorded and set a commit status instead of writing the comment. */
  freshnessCheck: boolean
  /** freshness-check: the PR whose reviewed plan is compared; undefined = from the event. */
  pullRequest?: number
  /** drift: the label of the drift issues (how they are listed). */
  driftLabel: string
}

export type Env = Record<string, string | undefined>

function raw(env: Env, name: InputName): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

function lines(env: Env, name: InputName, comments = true): string[] {
  return raw(env, name)
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !(comments && l.startsWith('#')))
}

function show(value: string): string {
  const oneLine = JSON.stringify(value)
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…"` : oneLine
}

function oneOf<T extends string>(env: Env, name: InputName, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name)
  if (value === '') return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UserError(`input ${name}: ${show(value)} is not accepted; use one of: ${allowed.join(', ')}`)
}

function bool(env: Env, name: InputName, fallback: boolean): boolean {
  const value = raw(env, name)
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UserError(`input ${name}: ${show(value)} is not a boolean; use true or false`)
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function insideWorkspace(workspaceDir: string, name: InputName, value: string): string {
  const path = resolve(workspaceDir, value)
  if (!isInside(workspaceDir, path)) {
    throw new UserError(
      `input ${name}: ${show(value)} resolves to ${path}, outside the workspace ${workspaceDir}; use a path inside the repository`
    )
  }
  return path
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

type Kind = 'directory' | 'file'

/**
 * A path input that must exist, be a `kind`, and stay inside the workspace after symlinks are followed (a link in
 * the repository must not lead terraform to files outside it). `relativeTo` is where a user may have meant the
 * path to start (the working-directory), for the hint.
 */
function existingInWorkspace(
  workspaceDir: string,
  name: InputName,
  value: string,
  kind: Kind,
  accepted: string,
  relativeTo?: string
): string {
  const path = insideWorkspace(workspaceDir, name, value)
  const stats = statOf(path)
  if (!stats) {
    const meant = relativeTo && !isAbsolute(value) ? resolve(relativeTo, value) : undefined
    if (meant && meant !== path && statOf(meant)) {
      const fromRoot = relative(workspaceDir, meant).split(sep).join('/')
      throw new UserError(
        `input ${name}: ${show(value)} does not exist relative to the repository root (paths are relative to the repository root, not to working-directory); write ${show(fromRoot)}`
      )
    }
    throw new UserError(`input ${name}: ${show(value)} does not exist (${path}); use ${accepted}`)
  }
  const isKind = kind === 'directory' ? stats.isDirectory() : stats.isFile()
  if (!isKind) {
    const is = stats.isDirectory() ? 'a directory' : stats.isFile() ? 'a file' : 'not a regular file'
    throw new UserError(`input ${name}: ${show(value)} is ${is}, not a ${kind}; use ${accepted}`)
  }
  const real = realpathSync(path)
  const realWorkspace = realpathSync(workspaceDir)
  if (!isInside(realWorkspace, real)) {
    throw new UserError(
      `input ${name}: ${show(value)} is a symbolic link to ${real}, outside the workspace ${realWorkspace}; use a path inside the repository`
    )
  }
  return path
}

function hasTerraformFiles(dir: string, tofuFiles = false): boolean {
  const suffixes = tofuFiles ? ['.tf', '.tf.json', '.tofu', '.tofu.json'] : ['.tf', '.tf.json']
  return readdirSync(dir).some(f => suffixes.some(s => f.endsWith(s)))
}

function requiredDir(env: Env, variable: string, checkDisk: boolean): string {
  const value = env[variable]
  if (!value) {
    throw new UserError(
      `environment: ${variable} is not set; a GitHub Actions runner sets it for every step (outside Actions, without GITHUB_ACTIONS=true, it defaults to the current directory)`
    )
  }
  const dir = resolve(value)
  if (checkDisk && !statOf(dir)?.isDirectory()) {
    throw new UserError(`environment: ${variable} (${dir}) is not a directory; run this action after actions/checkout`)
  }
  return dir
}

/** RUNNER_TEMP holds the download and the plan dir: a read-only or missing one is named now, not as ENOENT later. */
function writableTemp(dir: string, fromEnv: boolean): void {
  const stats = statOf(dir)
  if (!stats) {
    if (fromEnv)
      throw new UserError(`environment: RUNNER_TEMP (${dir}) does not exist; give the job a writable RUNNER_TEMP`)
    return
  }
  if (!stats.isDirectory()) {
    throw new UserError(`environment: RUNNER_TEMP (${dir}) is not a directory; give the job a writable RUNNER_TEMP`)
  }
  try {
    accessSync(dir, constants.W_OK)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'not writable'
    const why = code === 'EROFS' ? 'is on a read-only file system' : 'is not writable'
    throw new UserError(
      `environment: RUNNER_TEMP (${dir}) ${why} (${code}); the action downloads terraform and writes the plan there, give the job a writable RUNNER_TEMP`
    )
  }
}

/** Terraform's `-lock-timeout` takes a Go duration: 0, or numbers with ns, us, ms, s, m, h (e.g. 1h30m). */
export const DURATION = /^(0|(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+)$/

/**
 * The secrets inside URL inputs (the userinfo, the password, each decoded too), to mask before anything is logged.
 * Runs on the raw environment, before validation: an error message about the URL must already be masked.
 */
export function urlSecrets(env: Env): string[] {
  return [
    ...new Set(
      ['terraform-download-url', 'tofu-download-url'].flatMap(name => userinfoSecrets(raw(env, name as InputName)))
    )
  ]
}

function userinfoSecrets(value: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(value)
  if (!m) return []
  const userinfo = m[1]
  const colon = userinfo.indexOf(':')
  const password = colon < 0 ? '' : userinfo.slice(colon + 1)
  const decode = (t: string): string => {
    try {
      return decodeURIComponent(t)
    } catch {
      return t
    }
  }
  return [...new Set([userinfo, decode(userinfo), password, decode(password)].filter(v => v !== ''))]
}

/** A download-url input: an http(s) base URL without query or fragment, trailing slashes trimmed. */
function downloadUrl(env: Env, name: InputName, fallback: string): string {
  const value = (raw(env, name) || fallback).replace(/\/+$/, '')
  const layout = name === 'tofu-download-url' ? `OpenTofu's GitHub releases, ${fallback}` : fallback
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UserError(
      `input ${name}: ${show(withoutUserinfo(value))} is not a URL; use an http(s) URL laid out like ${layout}`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(
      `input ${name}: ${show(withoutUserinfo(value))} uses ${url.protocol}; use an http(s) URL laid out like ${layout}`
    )
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UserError(
      `input ${name}: ${show(withoutUserinfo(value))} has a query or fragment; use the base URL of the mirror, laid out like ${layout}`
    )
  }
  return value
}

/** A signing-key input: empty, or armored public key text (parsed later, in verifyInputs and the installer). */
function signingKey(env: Env, name: InputName, accepted: string): string {
  const value = raw(env, name)
  // a private key is never echoed, not even its first characters
  if (value.includes('PRIVATE KEY')) {
    throw new UserError(`input ${name}: contains a private key, which must never be shared; ${accepted}`)
  }
  if (value !== '' && !value.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) {
    throw new UserError(`input ${name}: not an armored OpenPGP public key (${show(value)}); ${accepted}`)
  }
  return value
}

const WORKSPACE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,89}$/
const VARIABLE_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_-]*=/
const SHA256_HEX = /^[0-9a-f]{64}$/
const RESOURCE_TYPE = /^[a-z0-9_*]+$/

export interface ReadOptions {
  /**
   * Also check the file system: paths exist, are of the right kind, stay inside the workspace after symlinks,
   * RUNNER_TEMP is writable. The action always does; pure callers (tests of the parsing) may leave it off.
   */
  checkDisk?: boolean
}

/**
 * Build the validated inputs. `bundledStackDir` is where the action's own copy of the stack root lives.
 */
export function readInputs(env: Env, bundledStackDir: (stack: Stack) => string, options: ReadOptions = {}): Inputs {
  const checkDisk = options.checkDisk ?? false
  // File-system checks run after every other input is validated, so a plain typo is reported first.
  const onDisk: Array<() => void> = []
  const command = oneOf(env, 'command', COMMANDS, 'plan')
  const tool = oneOf(env, 'tool', TOOLS, 'terraform')
  const workspaceDir = requiredDir(env, 'GITHUB_WORKSPACE', false)
  onDisk.push(() => void requiredDir(env, 'GITHUB_WORKSPACE', true))
  const tempDir = env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP) : resolve(workspaceDir, '..', '_temp')
  // discover only reads the checkout and summarize only the plans dir; the others run terraform in a root
  const runsTerraform = command !== 'discover' && command !== 'summarize'

  const stackValue = raw(env, 'stack')
  const dirValue = raw(env, 'working-directory')
  let stack: Stack | undefined
  let workingDirectory: string
  let rootLabel: string
  if (stackValue !== '') {
    stack = oneOf(env, 'stack', STACKS, 'chat-llm')
    if (dirValue !== '' && dirValue !== '.') {
      throw new UserError(
        `inputs stack and working-directory: both are set (${show(stackValue)}, ${show(dirValue)}); set stack for the bundled root or working-directory for your own, not both`
      )
    }
    workingDirectory = bundledStackDir(stack)
    rootLabel = `stack:${stack}`
  } else {
    const value = dirValue === '' ? '.' : dirValue
    const accepted = 'a directory of the repository that holds a Terraform root (its .tf files)'
    workingDirectory = insideWorkspace(workspaceDir, 'working-directory', value)
    onDisk.push(() => {
      if (!runsTerraform) return
      const dir = existingInWorkspace(workspaceDir, 'working-directory', value, 'directory', accepted)
      if (!hasTerraformFiles(dir, tool === 'tofu')) {
        const kinds = tool === 'tofu' ? '.tf, .tf.json, .tofu or .tofu.json' : '.tf or .tf.json'
        throw new UserError(`input working-directory: ${show(value)} has no ${kinds} files; use ${accepted}`)
      }
    })
    rootLabel = relative(workspaceDir, workingDirectory).split(sep).join('/') || '.'
  }

  const stackFilesValue = raw(env, 'stack-files')
  if (stackFilesValue !== '' && !stack) {
    throw new UserError(
      `input stack-files: ${show(stackFilesValue)} is set without stack; it adds files to the bundled root, so set stack too`
    )
  }
  const stackFilesAccepted = 'a folder of .tf files in the repository'
  const stackFiles = stackFilesValue === '' ? '' : insideWorkspace(workspaceDir, 'stack-files', stackFilesValue)
  onDisk.push(() => {
    if (!runsTerraform || stackFiles === '') return
    existingInWorkspace(workspaceDir, 'stack-files', stackFilesValue, 'directory', stackFilesAccepted)
    if (!hasTerraformFiles(stackFiles)) {
      throw new UserError(`input stack-files: ${show(stackFilesValue)} has no .tf files; use ${stackFilesAccepted}`)
    }
  })

  const workspace = raw(env, 'workspace') || 'default'
  if (!WORKSPACE_NAME.test(workspace)) {
    throw new UserError(
      `input workspace: ${show(workspace)} is not a valid Terraform workspace name; use letters, digits, '-', '_' and '.' (at most 90)`
    )
  }

  const terraformVersion = raw(env, 'terraform-version')
  // `system` is the terraform on PATH; anything else goes to the installer's own parser, so what is accepted here
  // is exactly what it can resolve.
  if (terraformVersion !== '' && terraformVersion !== SYSTEM_VERSION) {
    try {
      parseVersionSpec(terraformVersion, `input terraform-version: ${show(terraformVersion)}`)
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`${err.message}, or system (the ${tool} on PATH)`)
      throw err
    }
  }

  const terraformDownloadUrl = downloadUrl(env, 'terraform-download-url', 'https://releases.hashicorp.com')
  const terraformSigningKey = signingKey(env, 'terraform-signing-key', SIGNING_KEY_ACCEPTED)
  const tofuDownloadUrl = downloadUrl(env, 'tofu-download-url', DEFAULT_TOFU_DOWNLOAD_URL)
  const tofuSigningKey = signingKey(env, 'tofu-signing-key', TOFU_SIGNING_KEY_ACCEPTED)
  // A key meant for the other tool would silently not be used: say so instead.
  const [unused, used] =
    tool === 'tofu' ? ['terraform-signing-key', 'tofu-signing-key'] : ['tofu-signing-key', 'terraform-signing-key']
  if ((tool === 'tofu' ? terraformSigningKey : tofuSigningKey) !== '') {
    throw new UserError(`input ${unused}: set, but tool is ${tool}, which uses ${used}; move the key there or set tool`)
  }
  // OpenTofu's key does not ship with the action: without the user's copy nothing could be verified.
  if (tool === 'tofu' && runsTerraform && terraformVersion !== SYSTEM_VERSION && tofuSigningKey === '') {
    throw new UserError(
      `input tofu-signing-key: empty; with tool: tofu it is required, as OpenTofu's release key does not ship with this action yet: ${TOFU_SIGNING_KEY_ACCEPTED}`
    )
  }

  // Files are checked wherever terraform would read them; relative paths start at the repository root.
  const fileIn = (name: InputName, line: string, accepted: string): string => {
    const relativeTo = stack ? undefined : workingDirectory
    onDisk.push(() => {
      if (runsTerraform) existingInWorkspace(workspaceDir, name, line, 'file', accepted, relativeTo)
    })
    return insideWorkspace(workspaceDir, name, line)
  }
  const backendConfig = lines(env, 'backend-config').map(line => {
    if (line.includes('=')) return line
    return fileIn('backend-config', line, 'key=value, or a backend config file relative to the repository root')
  })
  const varFiles = lines(env, 'var-file').map(line =>
    fileIn('var-file', line, 'a .tfvars file relative to the repository root')
  )
  const variables = lines(env, 'variables').map(line => {
    if (!VARIABLE_ASSIGNMENT.test(line)) {
      throw new UserError(
        `input variables: ${show(line.replace(/=.*/s, '=…'))} is not an assignment; write one name=value per line`
      )
    }
    return line
  })

  const planDigest = raw(env, 'plan-digest')
    .toLowerCase()
    .replace(/^sha256:/, '')
  if (planDigest !== '' && !SHA256_HEX.test(planDigest)) {
    throw new UserError(
      `input plan-digest: ${show(planDigest)} is not a SHA-256 digest; use the 64 hex characters of the plan step's plan-digest output`
    )
  }
  const planPathValue = raw(env, 'plan-path')
  const planPath = planPathValue === '' ? '' : resolve(workspaceDir, planPathValue)
  if (command === 'apply') {
    if (planPath === '') {
      throw new UserError(
        'input plan-path: empty; apply needs the saved plan file from the plan step (its plan-path output, after download-artifact)'
      )
    }
    onDisk.push(() => {
      const stats = statOf(planPath)
      if (!stats) {
        throw new UserError(
          `input plan-path: ${show(planPathValue)} does not exist (${planPath}); download the plan artifact first and pass the plan step's plan-path`
        )
      }
      if (!stats.isFile()) {
        throw new UserError(
          `input plan-path: ${show(planPathValue)} is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}; use the saved plan file itself (the plan step's plan-path output, e.g. <artifact>/tfplan)`
        )
      }
    })
    if (planDigest === '') {
      throw new UserError(
        "input plan-digest: empty; apply needs the plan step's plan-digest output so only the reviewed plan is applied"
      )
    }
  }

  const guardedValue = lines(env, 'guarded-resource-types').flatMap(l => l.split(/[\s,]+/).filter(Boolean))
  for (const type of guardedValue) {
    if (!RESOURCE_TYPE.test(type)) {
      throw new UserError(
        `input guarded-resource-types: ${show(type)} is not a resource type; use names like azurerm_key_vault (a trailing * matches a prefix), or "none"`
      )
    }
  }
  const guardedResourceTypes =
    guardedValue.length === 0
      ? DEFAULT_GUARDED_RESOURCE_TYPES
      : guardedValue.length === 1 && guardedValue[0] === 'none'
        ? []
        : guardedValue

  const lockTimeout = raw(env, 'lock-timeout') || '0s'
  if (!DURATION.test(lockTimeout)) {
    throw new UserError(
      `input lock-timeout: ${show(lockTimeout)} is not a duration; use a number with a unit, such as 0s, 30s, 5m or 1h30m`
    )
  }

  const driftLabel = raw(env, 'drift-label') || DEFAULT_DRIFT_LABEL
  // The issues list takes labels comma-separated; GitHub allows 50 characters.
  if (driftLabel.length > 50 || driftLabel.includes(',')) {
    throw new UserError(
      `input drift-label: ${show(driftLabel)} is not a usable label name; use one GitHub label of at most 50 characters, without commas`
    )
  }

  onDisk.push(() => {
    if (runsTerraform) writableTemp(tempDir, Boolean(env.RUNNER_TEMP))
  })

  // Artifacts are usually downloaded to RUNNER_TEMP, outside the workspace: any path is accepted; it is only read.
  const plansDirValue = raw(env, 'plans-dir')
  if (command === 'summarize' && plansDirValue === '') {
    throw new UserError(
      'input plans-dir: empty; summarize needs the directory the plan artifacts were downloaded into (actions/download-artifact with pattern: terraform-plan-*)'
    )
  }
  const plansDir = plansDirValue === '' ? '' : resolve(workspaceDir, plansDirValue)
  const expectedRoots = parseExpectedRoots(raw(env, 'expected-roots'))
  const freshnessCheck = bool(env, 'freshness-check', false)
  if (freshnessCheck && command !== 'plan') {
    throw new UserError(
      `input freshness-check: true is only for command plan (got command ${command}); it plans the merged result and compares it with the reviewed plan`
    )
  }
  const pullRequestValue = raw(env, 'pull-request')
  if (pullRequestValue !== '' && !/^[1-9][0-9]{0,9}$/.test(pullRequestValue)) {
    throw new UserError(`input pull-request: ${show(pullRequestValue)} is not a pull request number; use e.g. 123`)
  }
  if (pullRequestValue !== '' && !freshnessCheck) {
    throw new UserError(
      `input pull-request: ${show(pullRequestValue)} is set without freshness-check: true; it names the pull request whose reviewed plan the freshness check compares with`
    )
  }

  const inputs: Inputs = {
    command,
    workingDirectory,
    rootLabel,
    stack,
    stackFiles,
    workspace,
    terraformVersion,
    terraformDownloadUrl,
    terraformSigningKey,
    tool,
    tofuDownloadUrl,
    tofuSigningKey,
    githubToken: raw(env, 'github-token'),
    fmtCheck: bool(env, 'fmt-check', true),
    backendConfig,
    varFiles,
    variables,
    comment: oneOf(env, 'comment', COMMENT_MODES, 'always'),
    mask: lines(env, 'mask', false),
    planPath,
    planDigest,
    allowDestroy: bool(env, 'allow-destroy', false),
    guardedResourceTypes,
    changedFiles: lines(env, 'changed-files'),
    baseRef: raw(env, 'base-ref'),
    lockTimeout,
    workspaceDir,
    tempDir,
    rootGlobs: globs(env, 'root-globs'),
    ignoreGlobs: globs(env, 'ignore-globs'),
    providerCache: bool(env, 'provider-cache', true),
    plansDir,
    plansDirValue,
    expectedRoots,
    freshnessCheck,
    ...(pullRequestValue !== '' ? { pullRequest: Number(pullRequestValue) } : {}),
    driftLabel
  }
  if (checkDisk) for (const check of onDisk) check()
  return inputs
}

/**
 * The checks that need more than a stat, still before any side effect: the signing key parses as OpenPGP, and
 * backend-config is only given to a root that declares a backend. `rootSources` are the directories whose .tf
 * files make the root (for a bundled stack: its source and stack-files, as the staged copy does not exist yet).
 */
export async function verifyInputs(inputs: Inputs, rootSources: string[]): Promise<void> {
  if (inputs.terraformSigningKey !== '') await readTrustedKeys(inputs.terraformSigningKey)
  const usesBackend = inputs.command === 'plan' || inputs.command === 'apply' || inputs.command === 'drift'
  if (usesBackend && inputs.backendConfig.length > 0 && (await rootHasBackend(rootSources)) === false) {
    const first = inputs.backendConfig[0]
    const shown = first.includes('=') ? first.replace(/=.*/s, '=…') : relative(inputs.workspaceDir, first)
    throw new UserError(
      `input backend-config: ${show(shown)} is set, but the root ${inputs.rootLabel} declares no backend (terraform would ignore it); add a backend block such as terraform { backend "azurerm" {} }, or remove backend-config`
    )
  }
}

/** Workspace-relative directory globs (`*`, `**`, `?`), one per line. */
function globs(env: Env, name: InputName): string[] {
  return lines(env, name).map(glob => {
    const segments = glob.replace(/\\/g, '/').split('/')
    if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob) || segments.includes('..')) {
      throw new UserError(
        `input ${name}: ${show(glob)} leaves the workspace; use a directory glob relative to the repository, such as stacks/* or envs/**`
      )
    }
    return glob
  })
}
