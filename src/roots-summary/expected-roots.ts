// The roots a summary must show, from the `expected-roots` input: discover's `matrix` output as it is, a JSON list,
// or one root per line. Pure; a bad value is one UserError line.
import { UserError } from '../errors.js'

export interface ExpectedRoot {
  root: string
  /** Undefined: any workspace of the root counts. */
  workspace?: string
}

const ACCEPTED =
  'use the matrix output of command: discover, a JSON list of roots, or one root (relative to the repository) per line'

export function parseExpectedRoots(value: string): ExpectedRoot[] {
  const text = value.trim()
  if (text === '') return []
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new UserError(`input expected-roots: not valid JSON; ${ACCEPTED}`)
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { include?: unknown }).include
    if (!Array.isArray(list)) throw new UserError(`input expected-roots: JSON without an "include" list; ${ACCEPTED}`)
    return list.map(item => fromItem(item))
  }
  return text
    .split(/\r?\n/)
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))
    .map(root => ({ root: label(root) }))
}

function fromItem(item: unknown): ExpectedRoot {
  if (typeof item === 'string') return { root: label(item) }
  const entry = (item ?? {}) as Record<string, unknown>
  const dir = entry['working-directory']
  const stack = entry.stack
  const workspace = entry.workspace
  const root =
    typeof stack === 'string' && stack !== '' ? `stack:${stack}` : typeof dir === 'string' ? label(dir) : undefined
  if (root === undefined) {
    throw new UserError(
      `input expected-roots: an entry has no "working-directory" (or "stack"): ${JSON.stringify(item).slice(0, 80)}; ${ACCEPTED}`
    )
  }
  return typeof workspace === 'string' && workspace !== '' ? { root, workspace } : { root }
}

/** As the plan step labels a root: relative, `/`-separated, no `./` or trailing slash, `.` for the repository. */
function label(dir: string): string {
  const parts = dir
    .trim()
    .replace(/\\/g, '/')
    .split('/')
    .filter(p => p !== '' && p !== '.')
  return parts.length === 0 ? '.' : parts.join('/')
}
