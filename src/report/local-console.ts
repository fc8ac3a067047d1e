// Outside GitHub Actions nobody reads workflow commands: @actions/core's `::error::…`, `::group::…` lines become
// readable text on the terminal, and `::add-mask::<secret>` (which names the secret to the runner) prints nothing.
// The action keeps using @actions/core unchanged; only its stdout is translated, at the edge.
import { EOL } from 'node:os'

type Env = Record<string, string | undefined>

/** `::name key=value,…::message` as @actions/core writes it (command.js). */
const COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function properties(raw: string | undefined): Record<string, string> {
  const props: Record<string, string> = {}
  for (const pair of (raw ?? '').split(',')) {
    const eq = pair.indexOf('=')
    if (eq > 0) props[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
  }
  return props
}

/**
 * The readable form of one stdout line: the line itself when it is not a workflow command, undefined when it must
 * print nothing (add-mask, end of a group, debug without RUNNER_DEBUG, bookkeeping commands).
 */
export function localLine(line: string, env: Env = process.env): string | undefined {
  const m = COMMAND.exec(line)
  if (!m) return line
  const [, name, rawProps, rawMessage] = m
  const message = unescapeData(rawMessage)
  switch (name) {
    case 'add-mask':
      return undefined // never echo a secret
    case 'error':
    case 'warning':
    case 'notice': {
      const p = properties(rawProps)
      const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}${p.col ? `:${p.col}` : ''}: ` : ''
      const title = p.title ? `${p.title}: ` : ''
      return `${name}: ${where}${title}${message}`
    }
    case 'group':
      return `== ${message}`
    case 'endgroup':
      return undefined
    case 'debug':
      return env.RUNNER_DEBUG === '1' ? `debug: ${message}` : undefined
    case 'set-output':
      return `output ${properties(rawProps).name ?? ''}: ${message}`
    case 'add-path':
    case 'save-state':
    case 'set-env':
    case 'echo':
      return undefined
    default:
      return line
  }
}

/** Not on a runner: GITHUB_ACTIONS is "true" in every job step, and only there. */
export function isLocal(env: Env = process.env): boolean {
  return env.GITHUB_ACTIONS !== 'true'
}

let installed = false

/** Translate workflow commands written to stdout from now on (idempotent; a no-op on a runner). */
export function installLocalConsole(env: Env = process.env): void {
  if (installed || !isLocal(env)) return
  installed = true
  const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean
  // core.setOutput without GITHUB_OUTPUT writes a lone EOL before `::set-output`: held back, dropped before one
  let heldEol = ''
  process.on('exit', () => {
    if (heldEol) write(heldEol)
  })
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    let text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (text === EOL && heldEol === '') {
      heldEol = text
      return true
    }
    const held = heldEol
    heldEol = ''
    if (held && !text.startsWith('::set-output')) text = held + text
    if (!text.includes('::')) return write(text, ...rest)
    const out = text
      .split(/(?<=\n)/)
      .map(piece => {
        const eol = piece.endsWith('\n') ? (piece.endsWith('\r\n') ? '\r\n' : '\n') : ''
        const readable = localLine(piece.slice(0, piece.length - eol.length), env)
        return readable === undefined ? '' : readable + eol
      })
      .join('')
    return write(out, ...rest)
  }) as typeof process.stdout.write
}
