// A hidden first line that lets the action find its own comment or issue again: `<!-- <name>: <JSON> -->`.
// JSON has `<`, `>`, `&` and `-` escaped as \uXXXX, so no value (a directory name) can end the HTML comment early
// or make two targets share a marker. Used by the sticky PR comment and the drift issue.
import { posix } from 'node:path'

export const MARKER_END = ' -->'

/** Path as written in a marker: forward slashes, no "./" prefix or trailing slash; the root is ".". */
export function normalizeWorkingDirectory(dir: string): string {
  const normalized = posix.normalize(dir.replace(/\\/g, '/') || '.').replace(/\/+$/, '')
  return normalized === '' ? '/' : normalized
}

/** The marker line for one (root, workspace) target, e.g. `<!-- terraform-pr-gate: {"dir":"infra","ws":"default"} -->`. */
export function targetMarker(prefix: string, target: { workingDirectory: string; workspace: string }): string {
  const json = JSON.stringify({
    dir: normalizeWorkingDirectory(target.workingDirectory),
    ws: target.workspace || 'default'
  })
  return prefix + escapeForHtmlComment(json) + MARKER_END
}

// Inside JSON these characters only occur in strings, where \uXXXX is an equivalent spelling.
export function escapeForHtmlComment(json: string): string {
  return json.replace(/[<>&-]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The first line of a body, without a trailing CR, and the rest. */
export function splitFirstLine(text: string): [string, string] {
  const i = text.indexOf('\n')
  if (i < 0) return [text.replace(/\r$/, ''), '']
  return [text.slice(0, i).replace(/\r$/, ''), text.slice(i + 1)]
}
