// command: discover — which Terraform roots does a change affect? Reads the .tf files of the workspace (no
// terraform, no network) and git only to list the changed files.
//
// The rule, in full:
// - A "Terraform directory" is a directory with at least one `*.tf` or `*.tf.json` file. Hidden directories,
//   `node_modules` and `.terraform` are not searched.
// - A Terraform directory is a root when it matches one of `rootGlobs`, or has a `terraform { backend "…" {} }` or
//   `terraform { cloud {} }` block, or has a `provider` block and no other Terraform directory calls it as a local
//   module (a called directory with a provider block is a legacy module, not a root). Anything else is a module.
// - A changed file belongs to the nearest Terraform directory above it (so `root/templates/x.yaml` belongs to
//   `root`, and a nested root owns its own files).
// - A root is affected when a file it owns changed, or a file owned by a local module it calls changed, following
//   `source = "./…"` and `source = "../…"` transitively. Registry, git and other remote sources are not followed.
// - A Terraform directory that no longer exists (its .tf files were deleted) cannot be planned from this commit: it
//   is reported in `deletedDirectories`, never in the matrix, and the files under it affect nothing else.
import { parseHcl as parse } from '../hcl/parse-hcl.js'
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { isAbsolute, join, posix, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { UserError } from '../errors.js'

export interface DiscoverOptions {
  /** The repository checkout (GITHUB_WORKSPACE); changed files and results are relative to it. */
  workspaceDir: string
  /** Changed paths relative to workspaceDir (absolute paths inside it are accepted too). */
  changedFiles: string[]
  /** Directories to treat as roots regardless of their contents, as globs relative to workspaceDir (`stacks/*`). */
  rootGlobs?: string[]
}

export interface DiscoverResult {
  /** Affected roots, relative to workspaceDir with `/` separators (`.` for the workspace itself), sorted. */
  roots: string[]
  /** The matrix for `strategy.matrix`: one entry per affected root. */
  matrix: { include: Array<{ 'working-directory': string }> }
  /** Terraform directories touched by the change that no longer exist, sorted. */
  deletedDirectories: string[]
}

/** What discovery needs to know about one Terraform directory. */
export interface TerraformDirectory {
  hasBackend: boolean
  hasProvider: boolean
  /** Local module directories it calls, relative to the workspace. */
  localModules: string[]
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.terraform', '.git'])
const isTerraformFile = (name: string): boolean => name.endsWith('.tf') || name.endsWith('.tf.json')
const isSkipped = (name: string): boolean => SKIPPED_DIRECTORIES.has(name) || name.startsWith('.')

export async function discoverAffectedRoots(options: DiscoverOptions): Promise<DiscoverResult> {
  const directories = await readTerraformDirectories(options.workspaceDir)
  const changed = options.changedFiles
    .map(file => normalizeChangedPath(options.workspaceDir, file))
    .filter((file): file is string => file !== undefined)
  return affectedRoots(directories, changed, options.rootGlobs ?? [])
}

/** The pure core: Terraform directories (keyed by workspace-relative path) and changed paths in, roots out. */
export function affectedRoots(
  directories: Map<string, TerraformDirectory>,
  changedFiles: string[],
  rootGlobs: string[] = []
): DiscoverResult {
  const calledAsModule = new Set([...directories.values()].flatMap(d => d.localModules))
  const globs = rootGlobs.map(globToRegExp)
  const isRoot = (dir: string, info: TerraformDirectory): boolean =>
    globs.some(g => g.test(dir)) || info.hasBackend || (info.hasProvider && !calledAsModule.has(dir))

  const deleted = new Set(
    changedFiles
      .filter(file => isTerraformFile(posix.basename(file)))
      .map(file => posix.dirname(file))
      .filter(dir => !directories.has(dir))
  )
  const owners = new Set(directories.keys())
  const changedDirectories = new Set<string>()
  const deletedDirectories = new Set<string>()
  for (const file of changedFiles) {
    const owner = nearestOwner(file, owners, deleted)
    if (owner?.deleted) deletedDirectories.add(owner.dir)
    else if (owner) changedDirectories.add(owner.dir)
  }

  const roots = [...directories]
    .filter(([dir, info]) => isRoot(dir, info))
    .map(([dir]) => dir)
    .filter(root => [...moduleClosure(root, directories)].some(dir => changedDirectories.has(dir)))
    .sort()
  return {
    roots,
    matrix: { include: roots.map(root => ({ 'working-directory': root })) },
    deletedDirectories: [...deletedDirectories].sort()
  }
}

/** The nearest Terraform directory at or above the file's directory; deleted ones count, so their files stay put. */
function nearestOwner(
  file: string,
  existing: Set<string>,
  deleted: Set<string>
): { dir: string; deleted: boolean } | undefined {
  let dir = posix.dirname(file)
  for (;;) {
    if (deleted.has(dir)) return { dir, deleted: true }
    if (existing.has(dir)) return { dir, deleted: false }
    if (dir === '.') return undefined
    dir = posix.dirname(dir)
  }
}

/** The root itself and every local module it reaches. */
function moduleClosure(root: string, directories: Map<string, TerraformDirectory>): Set<string> {
  const seen = new Set<string>()
  const pending = [root]
  while (pending.length > 0) {
    const dir = pending.pop()!
    if (seen.has(dir)) continue
    seen.add(dir)
    pending.push(...(directories.get(dir)?.localModules ?? []))
  }
  return seen
}

/** `stacks/*` matches one level, `**` any number of levels; matched against workspace-relative directories. */
export function globToRegExp(glob: string): RegExp {
  const normalized = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.'
  let pattern = ''
  for (let i = 0; i < normalized.length; i++) {
    const char = normalized[i]
    if (char === '*' && normalized[i + 1] === '*') {
      const slash = normalized[i + 2] === '/'
      pattern += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (char === '*') pattern += '[^/]*'
    else if (char === '?') pattern += '[^/]'
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${pattern}$`)
}

/** Workspace-relative, `/`-separated, no `./`; undefined for paths outside the workspace or in skipped folders. */
function normalizeChangedPath(workspaceDir: string, file: string): string | undefined {
  const trimmed = file.trim()
  if (trimmed === '') return undefined
  const relativePath = isAbsolute(trimmed) ? relative(workspaceDir, trimmed).split(sep).join('/') : trimmed
  const normalized = posix.normalize(relativePath.replace(/\\/g, '/'))
  if (normalized === '.' || normalized.startsWith('../') || normalized === '..' || posix.isAbsolute(normalized)) {
    return undefined
  }
  const segments = normalized.split('/')
  if (segments.slice(0, -1).some(isSkipped)) return undefined
  return normalized
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the workspace

/** Every Terraform directory of the workspace, keyed by its workspace-relative path (`.` for the workspace). */
export async function readTerraformDirectories(workspaceDir: string): Promise<Map<string, TerraformDirectory>> {
  const directories = new Map<string, TerraformDirectory>()
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(join(workspaceDir, dir), { withFileTypes: true })
    const files = entries.filter(e => e.isFile() && isTerraformFile(e.name)).map(e => e.name)
    if (files.length > 0) directories.set(dir, await readTerraformDirectory(workspaceDir, dir, files))
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkipped(entry.name)) await walk(dir === '.' ? entry.name : `${dir}/${entry.name}`)
    }
  }
  await walk('.')
  return directories
}

async function readTerraformDirectory(workspaceDir: string, dir: string, files: string[]): Promise<TerraformDirectory> {
  const info: TerraformDirectory = { hasBackend: false, hasProvider: false, localModules: [] }
  for (const file of files.sort()) {
    const text = await readFile(join(workspaceDir, dir, file), 'utf8')
    const blocks = await readBlocks(`${dir}/${file}`, text)
    info.hasBackend ||= blocks.hasBackend
    info.hasProvider ||= blocks.hasProvider
    for (const source of blocks.moduleSources) {
      if (!/^\.\.?(\/|$)/.test(source)) continue
      const target = posix.normalize(posix.join(dir, source)).replace(/\/+$/, '') || '.'
      if (target !== '..' && !target.startsWith('../') && !info.localModules.includes(target)) {
        info.localModules.push(target)
      }
    }
  }
  return info
}

interface Blocks {
  hasBackend: boolean
  hasProvider: boolean
  moduleSources: string[]
}

/**
 * The blocks discovery cares about, from HCL via @cdktf/hcl2json or from Terraform's JSON syntax. A file that does
 * not parse (a pull request can break one) falls back to a line scan, so its root is still found and planned, and
 * the plan reports the syntax error.
 */
export async function readBlocks(fileName: string, text: string): Promise<Blocks> {
  let body: Record<string, unknown>
  try {
    body = fileName.endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>) : await parse(fileName, text)
  } catch {
    return scanBlocks(text)
  }
  const terraformBlocks = list(body.terraform)
  const moduleCalls = Object.values(asObject(body.module)).flatMap(list)
  return {
    hasBackend: terraformBlocks.some(t => t.backend !== undefined || t.cloud !== undefined),
    hasProvider: Object.keys(asObject(body.provider)).length > 0,
    moduleSources: moduleCalls.map(m => m.source).filter((s): s is string => typeof s === 'string')
  }
}

function scanBlocks(text: string): Blocks {
  return {
    hasBackend: /^\s*(backend\s+"[^"]*"|cloud)\s*\{/m.test(text),
    hasProvider: /^\s*provider\s+"[^"]*"\s*\{/m.test(text),
    moduleSources: [...text.matchAll(/^\s*source\s*=\s*"([^"]*)"/gm)].map(m => m[1])
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** hcl2json gives every block as a list; Terraform's JSON syntax allows a single object too. */
function list(value: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asObject)
}

// ---------------------------------------------------------------------------------------------------------------
// The git edge

/** Runs git with the given arguments in `cwd` and returns stdout. */
export type Git = (args: string[], cwd: string) => Promise<string>

const execFileAsync = promisify(execFile)

export const runGit: Git = async (args, cwd) => {
  const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
  return stdout
}

export interface ListChangedFilesOptions {
  workspaceDir: string
  /** The commit to compare with: the pull request base, or the commit before a push. */
  baseRef: string
  /** Default: HEAD. */
  headRef?: string
}

/**
 * Files changed on head since it forked from base (`git diff --name-only base...head`), relative to workspaceDir
 * (`--relative`, so a workspace below the repository top works too). Renames are listed as a deletion plus an
 * addition, so a moved root counts at both places.
 */
export async function listChangedFiles(options: ListChangedFilesOptions, git: Git = runGit): Promise<string[]> {
  const headRef = options.headRef || 'HEAD'
  for (const [name, ref] of [
    ['base-ref', options.baseRef],
    ['head ref', headRef]
  ]) {
    // A ref starting with "-" would be read as an option by git.
    if (ref === '' || ref.startsWith('-') || [...ref].some(c => c.trim() === '' || c < ' ' || c === '\x7f')) {
      throw new UserError(
        `input ${name}: ${JSON.stringify(ref)} is not a git ref; use a commit SHA, branch or tag (or set changed-files)`
      )
    }
  }
  let stdout: string
  try {
    stdout = await git(
      ['diff', '--name-only', '-z', '--no-renames', '--relative', `${options.baseRef}...${headRef}`, '--'],
      options.workspaceDir
    )
  } catch (error) {
    const detail = String((error as { stderr?: unknown }).stderr || (error as Error).message)
      .trim()
      .split('\n')[0]
    throw new UserError(
      `discover: git diff ${options.baseRef}...${headRef} failed (${detail}); check out the full history (actions/checkout with fetch-depth: 0) or pass changed-files`
    )
  }
  return stdout.split('\0').filter(file => file !== '')
}
