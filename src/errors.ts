// A problem the user can fix (bad input, refused apply, failed verification). main() prints its
// message as one line with no stack trace and exits 1; anything else is a bug and keeps its stack.
import { accessSync, constants } from 'node:fs'
import { isAbsolute, relative } from 'node:path'

export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/** A directory the action writes to, named as the user knows it: `RUNNER_TEMP`, `RUNNER_TOOL_CACHE`. */
export interface KnownDir {
  label: string
  path: string
}

// Faults of the disk, not of the network or the input: never worth a retry, and the fix is on the runner.
const DISK_FAULTS: Record<string, string> = {
  ENOSPC: 'no space left on',
  EDQUOT: 'disk quota exceeded on',
  EROFS: 'read-only file system:',
  EACCES: 'permission denied writing to',
  EPERM: 'operation not permitted on'
}

function codeOf(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}

function pathOf(err: unknown): string | undefined {
  const path = typeof err === 'object' && err !== null && 'path' in err ? (err as { path: unknown }).path : undefined
  return typeof path === 'string' ? path : undefined
}

export function isDiskFault(err: unknown): boolean {
  const code = codeOf(err)
  return code !== undefined && code in DISK_FAULTS
}

/**
 * One line for a disk fault: `no space left on RUNNER_TEMP (<its path>): could not write tfplan.json
 * (ENOSPC)`. The directory is the known one that holds the failing path (or `fallback`); undefined when `err` is
 * not a disk fault.
 */
export function diskFaultError(
  err: unknown,
  doing: string,
  dirs: KnownDir[],
  fallback?: KnownDir
): UserError | undefined {
  const code = codeOf(err)
  if (code === undefined || !(code in DISK_FAULTS)) return undefined
  const path = pathOf(err)
  const inside = (dir: string, p: string): boolean => {
    const rel = relative(dir, p)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  // the innermost known directory that holds the path
  const dir =
    (path === undefined
      ? undefined
      : dirs.filter(d => inside(d.path, path)).sort((a, b) => b.path.length - a.path.length)[0]) ?? fallback
  const where = dir ? `${dir.label} (${dir.path})` : (path ?? 'the disk')
  return new UserError(`${DISK_FAULTS[code]} ${where}: ${doing} (${code})`)
}

/**
 * Node reports a recursive mkdir on a read-only file system as ENOENT; when an error is not itself a disk fault,
 * ask the known directories whether they can be written at all, and name the first that cannot.
 */
export function unwritableDirError(doing: string, dirs: KnownDir[]): UserError | undefined {
  for (const dir of dirs) {
    try {
      accessSync(dir.path, constants.W_OK)
    } catch (err) {
      const fault = diskFaultError(err, doing, [dir], dir)
      if (fault) return fault
    }
  }
  return undefined
}
