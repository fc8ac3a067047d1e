// discover end to end for one workspace: read its Terraform directories, normalise the changed paths, apply the
// pure core.
import { isAbsolute, posix, relative, sep } from 'node:path'
import { affectedRoots, type DiscoverResult } from './affected-roots.js'
import type { RootGlobs } from './root-rule.js'
import { isSkipped, readTerraformDirectories } from './terraform-directories.js'

export interface DiscoverOptions extends RootGlobs {
  /** The repository checkout (GITHUB_WORKSPACE); changed files and results are relative to it. */
  workspaceDir: string
  /** Changed paths relative to workspaceDir (absolute paths inside it are accepted too). */
  changedFiles: string[]
}

export async function discoverAffectedRoots(options: DiscoverOptions): Promise<DiscoverResult> {
  const directories = await readTerraformDirectories(options.workspaceDir)
  const changed = options.changedFiles
    .map(file => normalizeChangedPath(options.workspaceDir, file))
    .filter((file): file is string => file !== undefined)
  return affectedRoots(directories, changed, { rootGlobs: options.rootGlobs, ignoreGlobs: options.ignoreGlobs })
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
