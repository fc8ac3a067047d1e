// When terraform-version is empty: the root's `required_version` (read with the real HCL parser), else a
// `.terraform-version` file (tfenv's format; `.opentofu-version` for OpenTofu, tofuenv's) in the root or a parent
// up to the workspace, else nothing. OpenTofu also reads `.tofu` files, and `main.tofu` hides `main.tf`.
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, isAbsolute } from 'node:path'
import { parseHcl as parse } from '../hcl/parse-hcl.js'
import { UserError } from '../errors.js'

export interface RequiredVersion {
  spec: string
  /** what set it, for messages: `required_version "~> 1.10" (versions.tf)` */
  label: string
}

type Log = { info(m: string): void; debug?(m: string): void }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Pure: every `required_version` string in a parsed file (hcl2json or .tf.json shape: `terraform` block or list). */
export function extractRequiredVersions(parsed: unknown): string[] {
  if (!isRecord(parsed)) return []
  const blocks = Array.isArray(parsed.terraform) ? parsed.terraform : [parsed.terraform]
  const found: string[] = []
  for (const block of blocks) {
    // hcl2json renders expressions as "${...}"; only a plain string literal is a valid required_version
    if (isRecord(block) && typeof block.required_version === 'string' && !block.required_version.includes('${')) {
      found.push(block.required_version.trim())
    }
  }
  return found.filter(s => s !== '')
}

const isOverride = (name: string): boolean => /(^|_)override\.(tf|tofu)(\.json)?$/.test(name)

/** Pure: the configuration files of a root, as Terraform (or, with `tofuFiles`, OpenTofu) loads them. */
export function configurationFiles(names: string[], tofuFiles = false): string[] {
  const isTf = (n: string): boolean => n.endsWith('.tf') || n.endsWith('.tf.json')
  if (!tofuFiles) return names.filter(isTf).sort()
  const all = new Set(names)
  // OpenTofu ignores x.tf when x.tofu exists (and x.tf.json when x.tofu.json does)
  const shadowed = (n: string): boolean =>
    (n.endsWith('.tf') && all.has(`${n.slice(0, -3)}.tofu`)) ||
    (n.endsWith('.tf.json') && all.has(`${n.slice(0, -8)}.tofu.json`))
  return names.filter(n => (isTf(n) && !shadowed(n)) || n.endsWith('.tofu') || n.endsWith('.tofu.json')).sort()
}

/**
 * `required_version` from the root's `*.tf` / `*.tf.json` files. Several are all required, so they are joined with
 * commas; override files replace the others, as in Terraform. Files that do not parse are skipped with a note:
 * terraform itself reports syntax errors better than we can here.
 */
export async function readRequiredVersionFromRoot(
  rootDir: string,
  log?: Log,
  tofuFiles = false
): Promise<RequiredVersion | undefined> {
  let names: string[]
  try {
    names = configurationFiles(await readdir(rootDir), tofuFiles)
  } catch (err) {
    log?.debug?.(`cannot list ${rootDir}: ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  }
  const normal: Array<[string, string[]]> = []
  const overrides: Array<[string, string[]]> = []
  for (const name of names) {
    const text = await readFile(join(rootDir, name), 'utf8')
    let parsed: unknown
    try {
      parsed = name.endsWith('.json') ? JSON.parse(text) : await parse(name, text)
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
      log?.info(`${name}: cannot be parsed to look for required_version, skipping it (${why})`)
      continue
    }
    const versions = extractRequiredVersions(parsed)
    if (versions.length > 0) (isOverride(name) ? overrides : normal).push([name, versions])
  }
  const chosen = overrides.length > 0 ? overrides : normal
  if (chosen.length === 0) return undefined
  const spec = chosen.flatMap(([, v]) => v).join(', ')
  return { spec, label: `required_version "${spec}" (${chosen.map(([n]) => n).join(', ')})` }
}

/** Pure: the version line of a tfenv `.terraform-version` file (first non-empty, non-comment line). */
export function parseTerraformVersionFile(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim()
    if (line !== '') return line
  }
  return undefined
}

/** Directories from rootDir up to workspaceDir (inclusive); just rootDir when it is outside the workspace. */
export function dirsUpToWorkspace(rootDir: string, workspaceDir: string): string[] {
  const root = resolve(rootDir)
  const workspace = resolve(workspaceDir)
  const rel = relative(workspace, root)
  if (rel.startsWith('..') || isAbsolute(rel)) return [root]
  const dirs = [root]
  for (let dir = root; dir !== workspace;) {
    dir = dirname(dir)
    dirs.push(dir)
  }
  return dirs
}

export async function readTerraformVersionFile(
  rootDir: string,
  workspaceDir: string,
  fileName = '.terraform-version'
): Promise<RequiredVersion | undefined> {
  for (const dir of dirsUpToWorkspace(rootDir, workspaceDir)) {
    const file = join(dir, fileName)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue
    }
    const spec = parseTerraformVersionFile(text)
    if (spec === undefined) continue
    if (/^(latest:|min-required$|latest-allowed$)/.test(spec)) {
      throw new UserError(
        `${file} says "${spec}": of tfenv's (and tofuenv's) keywords only "latest" is supported; write an exact version or a constraint such as ~> 1.10`
      )
    }
    return { spec, label: `${fileName} "${spec}" (${file})` }
  }
  return undefined
}

/** required_version first, then the version file (.terraform-version); undefined means "use latest". */
export async function findRequiredVersion(
  rootDir: string,
  workspaceDir: string,
  log?: Log,
  tool: { versionFile: string; readsTofuFiles: boolean } = { versionFile: '.terraform-version', readsTofuFiles: false }
): Promise<RequiredVersion | undefined> {
  return (
    (await readRequiredVersionFromRoot(rootDir, log, tool.readsTofuFiles)) ??
    (await readTerraformVersionFile(rootDir, workspaceDir, tool.versionFile))
  )
}
