// The one validated Inputs object, built from the environment before any side effect.
// Every bad input is a UserError naming the input, the bad value and what is accepted.
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { UserError } from './errors.js'
import { parseVersionSpec } from './installer/version-spec.js'

export const COMMANDS = ['validate', 'plan', 'apply', 'discover'] as const
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
  'provider-cache'
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

function requiredDir(env: Env, variable: string): string {
  const value = env[variable]
  if (!value) throw new UserError(`environment: ${variable} is not set; run this action inside a GitHub Actions job`)
  return resolve(value)
}

const WORKSPACE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,89}$/
const VARIABLE_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_-]*=/
const SHA256_HEX = /^[0-9a-f]{64}$/
const RESOURCE_TYPE = /^[a-z0-9_*]+$/

/**
 * Build the validated inputs. `bundledStackDir` is where the action's own copy of the stack root lives.
 */
export function readInputs(env: Env, bundledStackDir: (stack: Stack) => string): Inputs {
  const command = oneOf(env, 'command', COMMANDS, 'plan')
  const workspaceDir = requiredDir(env, 'GITHUB_WORKSPACE')
  const tempDir = env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP) : resolve(workspaceDir, '..', '_temp')

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
    workingDirectory = insideWorkspace(workspaceDir, 'working-directory', dirValue === '' ? '.' : dirValue)
    rootLabel = relative(workspaceDir, workingDirectory).split(sep).join('/') || '.'
  }

  const stackFilesValue = raw(env, 'stack-files')
  if (stackFilesValue !== '' && !stack) {
    throw new UserError(
      `input stack-files: ${show(stackFilesValue)} is set without stack; it adds files to the bundled root, so set stack too`
    )
  }
  const stackFiles = stackFilesValue === '' ? '' : insideWorkspace(workspaceDir, 'stack-files', stackFilesValue)

  const workspace = raw(env, 'workspace') || 'default'
  if (!WORKSPACE_NAME.test(workspace)) {
    throw new UserError(
      `input workspace: ${show(workspace)} is not a valid Terraform workspace name; use letters, digits, '-', '_' and '.' (at most 90)`
    )
  }

  const terraformVersion = raw(env, 'terraform-version')
  // The installer's own parser, so what is accepted here is exactly what it can resolve.
  if (terraformVersion !== '') parseVersionSpec(terraformVersion, `input terraform-version: ${show(terraformVersion)}`)

  const terraformDownloadUrl = (raw(env, 'terraform-download-url') || 'https://releases.hashicorp.com').replace(
    /\/+$/,
    ''
  )
  let url: URL
  try {
    url = new URL(terraformDownloadUrl)
  } catch {
    throw new UserError(
      `input terraform-download-url: ${show(terraformDownloadUrl)} is not a URL; use an http(s) URL laid out like https://releases.hashicorp.com`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(
      `input terraform-download-url: ${show(terraformDownloadUrl)} uses ${url.protocol}; use an http(s) URL laid out like https://releases.hashicorp.com`
    )
  }

  const terraformSigningKey = raw(env, 'terraform-signing-key')
  if (terraformSigningKey !== '' && !terraformSigningKey.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) {
    throw new UserError(
      'input terraform-signing-key: not an armored OpenPGP public key; paste one or more blocks starting with -----BEGIN PGP PUBLIC KEY BLOCK-----, or leave it empty for HashiCorp’s key'
    )
  }

  const backendConfig = lines(env, 'backend-config').map(line => {
    if (line.includes('=')) return line
    return insideWorkspace(workspaceDir, 'backend-config', line)
  })
  const varFiles = lines(env, 'var-file').map(line => insideWorkspace(workspaceDir, 'var-file', line))
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

  return {
    command,
    workingDirectory,
    rootLabel,
    stack,
    stackFiles,
    workspace,
    terraformVersion,
    terraformDownloadUrl,
    terraformSigningKey,
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
    workspaceDir,
    tempDir,
    rootGlobs: globs(env, 'root-globs'),
    ignoreGlobs: globs(env, 'ignore-globs'),
    providerCache: bool(env, 'provider-cache', true)
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
