// The pure core of discover: Terraform directories (keyed by workspace-relative path) and changed paths in, the
// affected roots out.
// - A changed file belongs to the nearest Terraform directory above it (so `root/templates/x.yaml` belongs to
//   `root`, and a nested root owns its own files).
// - A root is affected when a file it owns changed, or a file owned by a local module it calls changed, following
//   `source = "./…"` and `source = "../…"` transitively. Registry, git and other remote sources are not followed.
// - A Terraform directory that no longer exists (its .tf files were deleted) cannot be planned from this commit: it
//   is reported in `deletedDirectories`, never in the matrix, and the files under it affect nothing else.
import { posix } from 'node:path'
import { rootRule, type RootGlobs, type TerraformDirectory } from './root-rule.js'

export interface DiscoverResult {
  /** Affected roots, relative to the workspace with `/` separators (`.` for the workspace itself), sorted. */
  roots: string[]
  /** The matrix for `strategy.matrix`: one entry per affected root. */
  matrix: { include: Array<{ 'working-directory': string }> }
  /** Terraform directories touched by the change that no longer exist, sorted. */
  deletedDirectories: string[]
}

export const isTerraformFile = (name: string): boolean => name.endsWith('.tf') || name.endsWith('.tf.json')

export function affectedRoots(
  directories: Map<string, TerraformDirectory>,
  changedFiles: string[],
  globs: RootGlobs = {}
): DiscoverResult {
  const isRoot = rootRule(directories, globs)
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
