// Which Terraform directories are roots (planned on their own) and which are modules (planned through the roots that
// call them). Pure: the directory facts come from terraform-directories.ts.
//
// The rule, in full (the README's "Which directories are roots" says the same with examples):
// 1. A Terraform directory is a directory with at least one `*.tf` or `*.tf.json` file. Hidden directories,
//    `node_modules` and `.terraform` are not searched. Override files (`override.tf`, `*_override.tf` and their
//    `.tf.json` forms) are merged into other configuration by Terraform, so they are not read.
// 2. A directory matching an `ignore-globs` glob, or below one that does, is never a root.
// 3. Otherwise a directory matching a `root-globs` glob is a root.
// 4. Otherwise a directory is a root when it has configuration of its own (a block other than `terraform {}`:
//    resource, data, module, provider, variable, output, locals, …) and either declares a `backend` or `cloud`
//    block, or is not called as a local module (`source = "./…"` or `"../…"`) by another Terraform directory.
//    So a directory holding only override files, or only a `terraform { backend … }` block, is not a root, and a
//    called directory without a backend is a module even when it still declares a provider (a legacy module).

/** What discovery needs to know about one Terraform directory (override files left out). */
export interface TerraformDirectory {
  hasBackend: boolean
  hasProvider: boolean
  /** Any block other than `terraform {}`: resources, data sources, module calls, providers, variables, outputs, … */
  hasContent: boolean
  /** Local module directories it calls, relative to the workspace. */
  localModules: string[]
}

export interface RootGlobs {
  /** Directories that are roots whatever their contents (rule 3). */
  rootGlobs?: string[]
  /** Directories that are never roots, with everything below them (rule 2). */
  ignoreGlobs?: string[]
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

/** The directory and every directory above it, up to `.`. */
function selfAndAncestors(dir: string): string[] {
  const result = [dir]
  for (let d = dir; d !== '.' && d.includes('/');) {
    d = d.slice(0, d.lastIndexOf('/'))
    result.push(d)
  }
  if (dir !== '.') result.push('.')
  return result
}

/** A predicate telling roots from modules for one set of directories (rules 2 to 4). */
export function rootRule(
  directories: Map<string, TerraformDirectory>,
  globs: RootGlobs = {}
): (dir: string, info: TerraformDirectory) => boolean {
  const calledAsModule = new Set(
    [...directories.entries()].flatMap(([dir, d]) => d.localModules.filter(m => m !== dir))
  )
  const roots = (globs.rootGlobs ?? []).map(globToRegExp)
  const ignored = (globs.ignoreGlobs ?? []).map(globToRegExp)
  return (dir, info) => {
    if (selfAndAncestors(dir).some(d => ignored.some(g => g.test(d)))) return false
    if (roots.some(g => g.test(dir))) return true
    return info.hasContent && (info.hasBackend || !calledAsModule.has(dir))
  }
}
