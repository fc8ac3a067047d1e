// Puts a verified, extracted release into the tool cache without ever deleting or overwriting files another job
// may be running. @actions/tool-cache's cacheDir first deletes <tool>/<version>/<arch> and then copies file by
// file, so jobs that share a tool cache (self-hosted runners with one RUNNER_TOOL_CACHE) and install the same
// version at once break each other: spawn ENOENT, spawn ETXTBSY. Here the copy is made beside the target and
// renamed into place in one step; whoever renames first wins and the others use that copy, the same verified
// release.
import { randomBytes } from 'node:crypto'
import { access, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as tc from '@actions/tool-cache'

// Versions the installer resolves are plain semver, which tool-cache's own path (semver.clean) leaves as is.
const PLAIN_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

export async function placeInToolCache(
  sourceDir: string,
  tool: string,
  version: string,
  arch: string = process.arch
): Promise<string> {
  const root = process.env.RUNNER_TOOL_CACHE
  if (!root || !PLAIN_VERSION.test(version)) return tc.cacheDir(sourceDir, tool, version, arch)
  const versionDir = join(root, tool, version)
  const target = join(versionDir, arch)
  const complete = `${target}.complete`
  await mkdir(versionDir, { recursive: true })
  const staged = await mkdtemp(join(versionDir, `.${arch}-`))
  try {
    await cp(sourceDir, staged, { recursive: true })
    if (!(await putInPlace(staged, target))) {
      // Taken. A complete copy is used as it is; an incomplete one (a job killed between its rename and its
      // marker, or a copy tool-cache left half done) is moved aside and replaced, never deleted in place.
      if (!(await exists(complete))) {
        const aside = `${target}.stale-${randomBytes(4).toString('hex')}`
        await rename(target, aside).catch(ignoreTaken)
        await putInPlace(staged, target)
        await rm(aside, { recursive: true, force: true })
      }
    }
    await writeFile(complete, '')
    return target
  } finally {
    await rm(staged, { recursive: true, force: true })
  }
}

/** rename(2) of a directory onto a non-empty one fails: false means another copy is already there. */
async function putInPlace(staged: string, target: string): Promise<boolean> {
  try {
    await rename(staged, target)
    return true
  } catch (error) {
    ignoreTaken(error)
    return false
  }
}

function ignoreTaken(error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false
  )
