// The comment's attribute diffs against Terraform's own renderer, on real plans: every corpus root under
// fixtures/fidelity/<name> is applied (before/), planned (after/), and shown twice, as JSON (which we render)
// and as text (`terraform show`). Both renderings are parsed into leaf entries (add / remove / change, attribute
// path, values) and compared: what Terraform prints as added, removed or changed, we print the same way with the
// same values; nothing Terraform shows as unchanged do we show as changed. Destroys are the one designed
// difference: we show only the identifying attributes, so there our entries must be a subset of Terraform's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { PlanJson, ResourceChange } from '../src/plan/plan-json.js'
import type { ProviderSchemas } from '../src/plan/provider-schema.js'
import { relevantDrift } from '../src/plan/relevant-drift.js'
import { parseProviderSchemas, readProviderSchemas } from '../src/terraform/provider-schemas.js'
import { outputChangeLines, resourceAttributeLines } from '../src/render/attribute-lines.js'
import type { ValueContext } from '../src/render/values.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'
import { cleanupPlans, generatePlan } from './support/terraform-plans.js'

const run = promisify(execFile)
const fidelityDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fidelity')
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const dirs: string[] = []

interface Corpus {
  json: PlanJson
  text: string
  schemas: ProviderSchemas | undefined
  dir: string
  tf(args: string[], env?: Record<string, string>): Promise<string>
}

/** Applies before/, plans after/; `env` adds to the environment (e.g. the offline azurerm CLI config). */
async function buildCorpus(root: string, env: Record<string, string>, planArgs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), `tf-fidelity-${root}-`))
  dirs.push(dir)
  const work = join(dir, 'root')
  const base = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', ...env }
  const tf = async (args: string[], extra: Record<string, string> = {}): Promise<string> =>
    (await run('terraform', args, { cwd: work, env: { ...base, ...extra }, maxBuffer: 1 << 30 })).stdout
  const useConfig = (phase: string): void => {
    for (const f of existsSync(work) ? readdirSync(work) : []) if (f.endsWith('.tf')) rmSync(join(work, f))
    cpSync(join(fidelityDir, root, phase), work, { recursive: true })
  }
  useConfig('before')
  await tf(['init', '-input=false', '-no-color'])
  await tf(['apply', '-auto-approve', '-input=false', '-no-color'])
  useConfig('after')
  await tf(['init', '-input=false', '-no-color'])
  await tf(['plan', '-input=false', '-no-color', '-out=tfplan', ...planArgs])
  const json = JSON.parse(await tf(['show', '-json', 'tfplan'])) as PlanJson
  const text = await tf(['show', '-no-color', 'tfplan'])
  const read = await readProviderSchemas({ run: async args => ({ stdout: await tf(args) }) })
  return { json, text, schemas: read.schemas, dir, tf } satisfies Corpus
}

/** The bundled stack (modules/chat-llm-stack, offline azurerm): dev applied, then a plan with changed inputs. */
async function buildStackCorpus(planVars: string[]): Promise<Corpus> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-fidelity-stack-'))
  dirs.push(dir)
  cpSync(join(repoRoot, 'modules'), join(dir, 'modules'), {
    recursive: true,
    filter: src => !/[/\\]\.terraform([/\\]|$)|\.terraform\.lock\.hcl$|terraform\.tfstate/.test(src)
  })
  const work = join(dir, 'modules', 'chat-llm-stack')
  // Terraform merges *override.tf last: the partial azurerm backend becomes a local one.
  writeFileSync(join(work, 'override.tf'), 'terraform {\n  backend "local" {}\n}\n')
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
  const tf = async (args: string[], extra: Record<string, string> = {}): Promise<string> =>
    (await run('terraform', args, { cwd: work, env: { ...env, ...extra }, maxBuffer: 1 << 30 })).stdout
  const vars = ['-var-file=env/dev.tfvars']
  await tf(['init', '-input=false', '-no-color'])
  await tf(['apply', '-auto-approve', '-input=false', '-no-color', ...vars])
  await tf(['plan', '-input=false', '-no-color', '-out=tfplan', ...vars, ...planVars])
  const json = JSON.parse(await tf(['show', '-json', 'tfplan'])) as PlanJson
  const text = await tf(['show', '-no-color', 'tfplan'])
  const read = await readProviderSchemas({ run: async args => ({ stdout: await tf(args) }) })
  return { json, text, schemas: read.schemas, dir, tf }
}

const plainCtx: ValueContext = { redact: s => s, isCredentialPath: () => false }

// ---------------------------------------------------------------------------------------------------------
// Entries: one changed leaf each. Paths are attribute/map keys only (list and set positions dropped, since
// Terraform prints none), `{json}` marks a step into a jsonencode'd string, `{lines}` into a multi-line string.

type Kind = 'add' | 'remove' | 'change'
interface Entry {
  kind: Kind
  path: string
  before?: string
  after?: string
  forced?: boolean
}
const UNKNOWN = '(known after apply)'
const SENSITIVE = '(sensitive)'
/** a value we do not compare (the before side of a container that becomes unknown) */
const ANY = '*'

function entryKey(e: Entry): string {
  return `${e.kind} ${e.path} ${e.before ?? ''} → ${e.after ?? ''}`
}

/** Flattens a value into leaves under `path` (null leaves dropped: both renderers hide them on creates). */
function leaves(kind: 'add' | 'remove', path: string, v: unknown, out: Entry[], forced = false): void {
  const push = (p: string, value: string): void => {
    out.push(kind === 'add' ? { kind, path: p, after: value, forced } : { kind, path: p, before: value, forced })
  }
  if (v === null || v === undefined) return
  if (typeof v === 'string' && (v === `\u0000${UNKNOWN}` || v === `\u0000${SENSITIVE}`)) return push(path, v.slice(1))
  if (typeof v === 'string') {
    const t = v.trimStart()
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        const decoded: unknown = JSON.parse(v)
        if (typeof decoded === 'object' && decoded !== null) return leaves(kind, `${path}{json}`, decoded, out, forced)
      } catch {
        // not JSON: an ordinary string
      }
    }
    if (v.includes('\n')) return push(`${path}{lines}`, JSON.stringify(v.replace(/\n$/, '')))
    return push(path, JSON.stringify(v))
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return push(path, '[]')
    for (const x of v) leaves(kind, path, x, out, forced)
    return
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v as object)
    if (keys.length === 0) return push(path, '{}')
    for (const k of keys) leaves(kind, join2(path, k), (v as Record<string, unknown>)[k], out, forced)
    return
  }
  push(path, JSON.stringify(v))
}

function join2(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

// ---------------------------------------------------------------------------------------------------------
// Terraform's human output

interface Frame {
  path: string
  kind: 'object' | 'list' | 'json' | 'heredoc'
  sym: string
  forced: boolean
  entries: Entry[]
  lines: string[]
  /** heredocs: the column of their lines' symbols */
  indent?: number
}

/** Terraform's HCL-quoted string or scalar as our canonical token (JSON text). */
function tfScalar(s: string): string | undefined {
  const t = s.trim().replace(/,$/, '')
  if (t === '(known after apply)') return UNKNOWN
  if (t === '(sensitive value)' || t === '(sensitive)') return SENSITIVE
  if (t === 'null') return undefined
  if (t.startsWith('"')) {
    const v = JSON.parse(t.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) as string
    return JSON.stringify(v)
  }
  return t
}

/** Entries of one resource's (or the outputs') block of `terraform show` text, `lines` without the header. */
export function parseTerraformBlock(lines: readonly string[]): Entry[] {
  const out: Entry[] = []
  const stack: Frame[] = [{ path: '', kind: 'object', sym: ' ', forced: false, entries: out, lines: [] }]
  const top = (): Frame => stack[stack.length - 1]
  const emit = (e: Entry): void => {
    top().entries.push({ ...e, forced: e.forced || top().forced })
  }
  for (const raw of lines) {
    const frame = top()
    if (frame.kind === 'heredoc') {
      const m = /^(\s*)EOT(.*)$/.exec(raw)
      if (m && raw.trim().startsWith('EOT')) {
        stack.pop()
        if (frame.sym === '+' || frame.sym === '-') {
          const value = JSON.stringify(frame.lines.join('\n'))
          const e: Entry =
            frame.sym === '+'
              ? { kind: 'add', path: `${frame.path}{lines}`, after: value }
              : { kind: 'remove', path: `${frame.path}{lines}`, before: value }
          top().entries.push({ ...e, forced: frame.forced })
        } else top().entries.push(...frame.entries)
        continue
      }
      // Inside a heredoc the symbol column is the 2 characters before the text.
      const body = raw.slice(Math.min(raw.length, frameIndent(frame)))
      const sym = body.slice(0, 2)
      const text = body.slice(2)
      frame.lines.push(text)
      if (sym === '+ ') frame.entries.push({ kind: 'add', path: `${frame.path}{lines}`, after: JSON.stringify(text) })
      else if (sym === '- ')
        frame.entries.push({ kind: 'remove', path: `${frame.path}{lines}`, before: JSON.stringify(text) })
      continue
    }
    const m = /^(\s*)(?:([-+~]|-\/\+|\+\/-) )?(.*)$/.exec(raw)!
    const sym = m[2] ?? ' '
    let content = m[3].trimEnd()
    if (content === '' || content.startsWith('#')) continue
    let forced = false
    if (content.endsWith('# forces replacement')) {
      forced = true
      content = content.slice(0, -'# forces replacement'.length).trimEnd()
    }
    // Closers: `}`, `]`, `)`, optionally `-> (known after apply)` / `-> null` and a list comma.
    const close = /^([}\])])(?: -> (.+?))?,?$/.exec(content)
    if (close) {
      const done = stack.pop()!
      if (done.kind === 'json' && close[1] !== ')') throw new Error(`unbalanced ${raw}`)
      const target = top()
      if (close[2] && close[2] !== 'null' && done.sym === '~') {
        // A container that becomes unknown: its children are its old value, shown with "-".
        target.entries.push({
          kind: 'change',
          path: done.path,
          before: ANY,
          after: tfScalar(close[2]),
          forced: done.forced
        })
      } else target.entries.push(...done.entries)
      continue
    }
    const inList = frame.kind === 'list' || frame.kind === 'json'
    let key: string | undefined
    let value = content
    if (!inList) {
      const kv = /^("(?:[^"\\]|\\.)*"|[^\s=]+)\s*=\s*(.*)$/.exec(content)
      const block = /^([A-Za-z0-9_-]+) \{$/.exec(content)
      if (block) {
        stack.push({
          path: join2(frame.path, block[1]),
          kind: 'object',
          sym,
          forced: forced || frame.forced,
          entries: [],
          lines: []
        })
        continue
      }
      if (!kv) throw new Error(`cannot parse terraform line: ${raw}`)
      key = kv[1].startsWith('"') ? (JSON.parse(kv[1]) as string) : kv[1]
      value = kv[2]
    }
    const path = key === undefined ? frame.path : join2(frame.path, key)
    const opener = /^(?:(.*?) -> )?(\{|\[|jsonencode\(|<<-EOT)$/.exec(value)
    if (opener) {
      const kind =
        opener[2] === '{' ? 'object' : opener[2] === '[' ? 'list' : opener[2] === '<<-EOT' ? 'heredoc' : 'json'
      const p = kind === 'json' ? `${path}{json}` : path
      // Heredoc lines put their own symbol two columns right of the opener's.
      const indent = m[1].length + (m[2] ? 4 : 2)
      stack.push({ path: p, kind, sym, forced: forced || frame.forced, entries: [], lines: [], indent })
      continue
    }
    // A scalar: `V`, `B -> A`.
    const arrow = /^(.*?) -> (.*)$/.exec(value.replace(/,$/, ''))
    if (sym === '~') {
      const b = arrow ? tfScalar(arrow[1]) : tfScalar(value)
      const a = arrow ? tfScalar(arrow[2]) : tfScalar(value)
      emit({ kind: 'change', path, before: b, after: a, forced })
    } else if (sym === '+') {
      const a = tfScalar(arrow ? arrow[2] : value)
      if (a !== undefined) emit({ kind: 'add', path, after: a, forced })
    } else if (sym === '-') {
      const b = tfScalar(arrow ? arrow[1] : value)
      if (b !== undefined) emit({ kind: 'remove', path, before: b, forced })
    }
  }
  return out
}

function frameIndent(frame: Frame): number {
  return frame.indent ?? 0
}

interface TerraformView {
  resources: Map<string, Entry[]>
  outputs: Entry[]
  drift: Map<string, Entry[]>
}

/** Splits `terraform show` text into resource blocks (`# address ...` + body), drift and outputs. */
function parseTerraformText(text: string): TerraformView {
  const lines = text.split('\n')
  const view: TerraformView = { resources: new Map(), outputs: [], drift: new Map() }
  let section: 'drift' | 'changes' | 'outputs' | undefined
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (/^Note: Objects have changed outside of Terraform/.test(l)) section = 'drift'
    else if (/^Terraform will perform the following actions/.test(l)) section = 'changes'
    else if (/^Changes to Outputs:/.test(l)) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i].startsWith('  '); i++) body.push(lines[i].slice(2))
      view.outputs = parseTerraformBlock(body)
      section = 'outputs'
    }
    const header = /^ {1,2}# (\S+) (?:has moved to (\S+)$|(?:will|must|has|is) )/.exec(l)
    if (!header || section === undefined || section === 'outputs') continue
    // The block: from the `resource "t" "n" {` line to its `}` at the same indentation.
    let j = i + 1
    while (j < lines.length && /^ {1,2}#/.test(lines[j])) j++
    const body: string[] = []
    for (j++; j < lines.length && lines[j] !== '    }'; j++) body.push(lines[j].slice(4))
    const target = section === 'drift' ? view.drift : view.resources
    target.set(header[2] ?? header[1], parseTerraformBlock(body))
    i = j
  }
  return view
}

// ---------------------------------------------------------------------------------------------------------
// Our lines

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
function unescapeHtml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&([a-z]+);/g, (m, n: string) => ENTITY[n] ?? m)
    .replace(/↵/g, '\n')
}

/** Our inline value (raw text of a <code> element, or an <em> marker) as a JS value; undefined for null. */
function ourValue(html: string): unknown {
  const em = /^<em>\((known after apply|sensitive)\)<\/em>$/.exec(html)
  if (em) return `\u0000(${em[1]})`
  const code = /^<code>([\s\S]*)<\/code>$/.exec(html)
  if (!code) throw new Error(`not a value: ${html}`)
  const raw = unescapeHtml(code[1])
  if (raw.includes('…(')) return { elided: raw }
  // Unquoted markers inside a JSON-like value become marker strings.
  let json = ''
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (inString) {
      json += c
      if (c === '\\') json += raw[++i]
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      json += c
    } else if (raw.startsWith(`(${'known after apply'})`, i)) {
      json += JSON.stringify(`\u0000${UNKNOWN}`)
      i += UNKNOWN.length - 1
    } else if (raw.startsWith(SENSITIVE, i)) {
      json += JSON.stringify(`\u0000${SENSITIVE}`)
      i += SENSITIVE.length - 1
    } else json += c
  }
  return JSON.parse(json) as unknown
}

/** `a.b[0]["k.x"]` → `a.b.k.x` (positions dropped, keys kept). */
function ourPath(formatted: string): string {
  const keys: string[] = []
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.?([^.[\]]+)/g
  for (const m of formatted.matchAll(re)) {
    if (m[1] !== undefined) continue
    keys.push(m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[3])
  }
  return keys.join('.')
}

function scalarToken(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string' && v.startsWith('\u0000')) return v.slice(1)
  if (typeof v === 'object' && v !== null && 'elided' in v) return `~${(v as { elided: string }).elided}`
  if (typeof v === 'object') return ANY
  return JSON.stringify(v)
}

/** Our Markdown lines as entries; `mode` says what a `path = value` line means (a create or a destroy). */
function parseOurLines(lines: readonly string[], mode: 'add' | 'remove'): Entry[] {
  const out: Entry[] = []
  const headers: { depth: number; path: string; kind: 'json' | 'lines'; forced: boolean }[] = []
  for (const line of lines) {
    const m = /^( *)- (.*)$/.exec(line)
    if (!m) throw new Error(`not a list item: ${line}`)
    const depth = m[1].length / 2
    while (headers.length > 0 && headers[headers.length - 1].depth >= depth) headers.pop()
    let text = m[2]
    let forced = false
    if (text.endsWith(' <strong>(forces replacement)</strong>')) {
      forced = true
      text = text.slice(0, -' <strong>(forces replacement)</strong>'.length)
    }
    if (text.startsWith('…and ')) throw new Error(`lines were cut: ${line}`)
    const unknowns = /^\d+ attributes? known after apply: (.*)$/.exec(text)
    if (unknowns) {
      for (const c of unknowns[1].matchAll(/<code>(.*?)<\/code>/g))
        out.push({ kind: 'add', path: ourPath(unescapeHtml(c[1])), after: UNKNOWN })
      continue
    }
    const parent = headers[headers.length - 1]
    if (parent?.kind === 'lines') {
      const l = /^line \d+: (removed|added) (<code>.*<\/code>)$/.exec(text)!
      const lineText = unescapeHtml(/^<code>(.*)<\/code>$/.exec(l[2])![1])
      const value = lineText.includes('…(') ? `~${JSON.stringify(lineText)}` : JSON.stringify(lineText)
      const path = `${parent.path}{lines}`
      out.push(l[1] === 'added' ? { kind: 'add', path, after: value } : { kind: 'remove', path, before: value })
      continue
    }
    const pm = /^<code>(.*?)<\/code>(:| =) (.*)$/.exec(text) ?? /^\(whole value\):() (.*)$/.exec(text)
    if (!pm) throw new Error(`cannot parse our line: ${line}`)
    const rel = pm[1] === undefined || text.startsWith('(whole value)') ? '' : ourPath(unescapeHtml(pm[1]))
    const path = parent ? (rel === '' ? `${parent.path}{json}` : `${parent.path}{json}.${rel}`) : rel
    const rest = text.startsWith('(whole value)') ? pm[2] : pm[3]
    const sep = text.startsWith('(whole value)') ? ':' : pm[2]
    const f = forced || (parent?.forced ?? false)
    if (sep === ' =') {
      leaves(mode, path, ourValue(rest), out, f)
      continue
    }
    if (rest === 'jsonencode, changed:' || rest.startsWith('multi-line string,')) {
      headers.push({ depth, path, kind: rest.startsWith('json') ? 'json' : 'lines', forced: f })
      continue
    }
    if (rest === '<em>(sensitive)</em> (changed)') {
      out.push({ kind: 'change', path, before: SENSITIVE, after: SENSITIVE, forced: f })
      continue
    }
    const added = /^(added|removed) (.*)$/.exec(rest)
    if (added) {
      leaves(added[1] === 'added' ? 'add' : 'remove', path, ourValue(added[2]), out, f)
      continue
    }
    const arrow = /^(<code>.*?<\/code>|<em>.*?<\/em>) → (<code>.*<\/code>|<em>.*<\/em>)$/.exec(rest)
    if (!arrow) throw new Error(`cannot parse our value: ${line}`)
    const b = ourValue(arrow[1])
    const a = ourValue(arrow[2])
    if (b === null) leaves('add', path, a, out, f)
    else if (a === null) leaves('remove', path, b, out, f)
    else out.push({ kind: 'change', path, before: scalarToken(b), after: scalarToken(a), forced: f })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Comparison

/** An elided value of ours (`~…(N chars)…xyz…(M more chars)`) matches Terraform's full value. */
function valueMatches(ours: string | undefined, theirs: string | undefined): boolean {
  if (ours === theirs || ours === ANY || theirs === ANY) return true
  if (ours?.startsWith('~') && theirs !== undefined) {
    const raw = ours.slice(1)
    let pattern = ''
    let last = 0
    for (const m of raw.matchAll(/…\((\d+) chars\)…|…\((\d+) more chars\)$/g)) {
      pattern += escapeRegex(raw.slice(last, m.index)) + `[\\s\\S]{${m[1] ?? m[2]}}`
      last = m.index! + m[0].length
    }
    pattern += escapeRegex(raw.slice(last))
    return new RegExp(`^${pattern}$`).test(theirs)
  }
  return false
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Pairs entries; returns what is left unmatched on each side. */
function compare(ours: Entry[], theirs: Entry[]): { missing: string[]; extra: string[]; unforced: string[] } {
  const left = [...theirs]
  const extra: string[] = []
  const unforced: string[] = []
  for (const o of ours) {
    const i = left.findIndex(
      t => t.kind === o.kind && t.path === o.path && valueMatches(o.before, t.before) && valueMatches(o.after, t.after)
    )
    if (i < 0) extra.push(entryKey(o))
    else {
      if (left[i].forced && !o.forced) unforced.push(entryKey(o))
      left.splice(i, 1)
    }
  }
  return { missing: left.map(entryKey), extra, unforced }
}

function isDestroy(rc: ResourceChange): boolean {
  return rc.change.actions.length === 1 && rc.change.actions[0] === 'delete'
}

function checkPlan(corpus: Corpus, schemas: ProviderSchemas | undefined): string[] {
  const view = parseTerraformText(corpus.text)
  const problems: string[] = []
  const seen = new Set<string>()
  for (const rc of corpus.json.resource_changes ?? []) {
    // No-ops that Terraform lists (moves, imports) must show no change from us either.
    if (rc.change.actions.every(a => a === 'no-op') && !view.resources.has(rc.address)) continue
    seen.add(rc.address)
    // A forget shows no attribute change in Terraform; what we list identifies the object (checked elsewhere).
    if (rc.change.actions.includes('forget')) continue
    const theirs = view.resources.get(rc.address)
    if (!theirs) {
      problems.push(`${rc.address}: not found in terraform show`)
      continue
    }
    const lines = resourceAttributeLines(plainCtx, rc, {
      detail: 'diff',
      schemas,
      maxLines: 10_000,
      maxValueChars: 500
    })
    const create = rc.change.actions.length === 1 && rc.change.actions[0] === 'create'
    const ours = parseOurLines(lines, create ? 'add' : 'remove')
    const result = compare(ours, theirs)
    // A destroy shows only what identifies the object: a subset of what Terraform lists.
    if (isDestroy(rc)) result.missing = []
    for (const m of result.missing) problems.push(`${rc.address}: terraform shows, we do not: ${m}`)
    for (const x of result.extra) problems.push(`${rc.address}: we show, terraform does not: ${x}`)
    for (const u of result.unforced) problems.push(`${rc.address}: terraform says it forces replacement: ${u}`)
  }
  for (const address of view.resources.keys())
    if (!seen.has(address)) problems.push(`${address}: in terraform show, not a change in the JSON`)
  const outputs: Entry[] = []
  for (const [name, oc] of Object.entries(corpus.json.output_changes ?? {})) {
    if (oc.actions.every(a => a === 'no-op')) continue
    const create = oc.actions.length === 1 && oc.actions[0] === 'create'
    outputs.push(
      ...parseOurLines(
        outputChangeLines(plainCtx, name, oc, { detail: 'diff', maxLines: 10_000 }),
        create ? 'add' : 'remove'
      )
    )
  }
  const o = compare(outputs, view.outputs)
  for (const m of o.missing) problems.push(`outputs: terraform shows, we do not: ${m}`)
  for (const x of o.extra) problems.push(`outputs: we show, terraform does not: ${x}`)
  return problems
}

// ---------------------------------------------------------------------------------------------------------

afterAll(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  await cleanupPlans()
})

describe('diffs against terraform show: terraform_data structures', () => {
  let corpus: Corpus
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-fidelity-cli-'))
    dirs.push(dir)
    // An empty CLI config: terraform_data needs no provider, and the machine's config may point nowhere.
    writeFileSync(join(dir, 'empty.tfrc'), '')
    corpus = await buildCorpus('structures', { TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') })
  })

  it('classifies and values every changed leaf as terraform show does', () => {
    // The parser must have found the corpus' changes, or the comparison proves nothing.
    const view = parseTerraformText(corpus.text)
    expect(view.resources.size).toBeGreaterThanOrEqual(15)
    expect(view.outputs.length).toBeGreaterThanOrEqual(3)
    expect(checkPlan(corpus, corpus.schemas)).toEqual([])
  })

  it('catches a rendering that differs from terraform (the comparison can fail)', () => {
    // The same plan with one value changed behind Terraform's back: our lines now disagree with its text.
    const json = structuredClone(corpus.json)
    const map = json.resource_changes!.find(r => r.address === 'terraform_data.map')!
    ;(map.change.after as { input: { tags: { env: string } } }).input.tags.env = 'staging'
    const objects = json.resource_changes!.find(r => r.address === 'terraform_data.objects')!
    ;(objects.change.after as { input: unknown[] }).input.splice(1, 1)
    expect(checkPlan({ ...corpus, json }, corpus.schemas)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^terraform_data\.map: we show, terraform does not: change input\.tags\.env "dev" → "staging"/
        ),
        expect.stringMatching(/^terraform_data\.objects: terraform shows, we do not/)
      ])
    )
  })

  it('shows a list element removed from the middle as one removal, and the rest as Terraform pairs them', () => {
    const rc = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.deep_list')!
    const lines = resourceAttributeLines(plainCtx, rc, { detail: 'diff' })
    expect(lines).toContain('- <code>input.numbers[1]</code>: removed <code>2</code>')
    const objects = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.objects')!
    const objectLines = resourceAttributeLines(plainCtx, objects, { detail: 'diff' })
    expect(objectLines).toContain('- <code>input[2]</code>: removed <code>{"name":"c","port":3}</code>')
  })

  it('shows a long value around its first difference, never two identical prefixes', () => {
    const rc = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.long')!
    const [line] = resourceAttributeLines(plainCtx, rc, { detail: 'diff', maxValueChars: 120 })
    const m = /^- <code>input\.value<\/code>: <code>(.*)<\/code> → <code>(.*)<\/code>$/.exec(line)!
    expect(m).not.toBeNull()
    expect(m[1]).toMatch(/^…\(\d+ chars\)…\d{40,}/)
    expect(m[1]).toContain('before-suffix')
    expect(m[2]).toContain('after-suffix')
    expect(line.length).toBeLessThan(400)
  })

  it('shows unknowns inside output values as (known after apply)', () => {
    const oc = corpus.json.output_changes!.greeting
    expect(outputChangeLines(plainCtx, 'greeting', oc)).toEqual([
      '- <code>greeting[1]</code>: added <em>(known after apply)</em>'
    ])
    const created = outputChangeLines(plainCtx, 'greeting', { ...oc, actions: ['create'], before: null })
    expect(created).toEqual(['- <code>greeting</code> = <code>["hello",(known after apply),"world"]</code>'])
  })

  it('collapses known-after-apply echoes of a create into one line and hides nulls', () => {
    const rc = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.fresh')!
    expect(resourceAttributeLines(plainCtx, rc, { detail: 'diff' })).toEqual([
      '- <code>input</code> = <code>{"name":"fresh","nested":{"list":["x","y"]},"parent":(known after apply)}</code>',
      '- 2 attributes known after apply: <code>id</code>, <code>output</code>'
    ])
  })

  it('names the object a destroy removes', () => {
    const rc = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.doomed')!
    const lines = resourceAttributeLines(plainCtx, rc, { detail: 'diff' })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^- <code>id<\/code> = <code>"[0-9a-f-]{36}"<\/code>$/)
  })
})

describe('diffs against terraform show: moves, imports, removals, modules, sensitive outputs', () => {
  let corpus: Corpus
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-fidelity-cli-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'empty.tfrc'), '')
    corpus = await buildCorpus('lifecycle', { TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc') }, [
      '-replace=terraform_data.requested'
    ])
  })

  it('classifies and values every changed leaf as terraform show does', () => {
    const view = parseTerraformText(corpus.text)
    expect([...view.resources.keys()].sort()).toEqual([
      'module.child.terraform_data.inner',
      'terraform_data.adopted',
      'terraform_data.handed_over',
      'terraform_data.moved_here',
      'terraform_data.new_name',
      'terraform_data.requested'
    ])
    expect(checkPlan(corpus, corpus.schemas)).toEqual([])
  })

  it('a sensitive output is changed without showing either value', () => {
    expect(outputChangeLines(plainCtx, 'secret', corpus.json.output_changes!.secret)).toEqual([
      '- <code>secret</code>: <em>(sensitive)</em> (changed)'
    ])
  })

  it('a forgotten object is identified', () => {
    const rc = corpus.json.resource_changes!.find(r => r.address === 'terraform_data.handed_over')!
    expect(resourceAttributeLines(plainCtx, rc, { detail: 'diff' })).toEqual([
      expect.stringMatching(/^- <code>id<\/code> = <code>"[0-9a-f-]{36}"<\/code>$/)
    ])
  })
})

describe('diffs against terraform show: azurerm with provider schemas', () => {
  let reason: string | undefined
  let corpus: Corpus
  beforeAll(async () => {
    reason = await azurermUnavailableReason()
    reportSkip('render-fidelity.test.ts (azurerm)', reason)
    if (reason) return
    corpus = await buildCorpus('azurerm', {})
  })

  it('reads the provider schemas with terraform providers schema -json', () => {
    if (reason) return
    expect(corpus.schemas?.provider_schemas?.['registry.terraform.io/hashicorp/azurerm']).toBeDefined()
    expect(parseProviderSchemas('not json')).toEqual({ schemas: undefined, warning: expect.stringMatching(/not JSON/) })
  })

  it('classifies and values every changed leaf as terraform show does (sets by value, maps by key)', () => {
    if (reason) return
    expect(parseTerraformText(corpus.text).resources.size).toBe(4)
    expect(checkPlan(corpus, corpus.schemas)).toEqual([])
  })

  it('without schemas, a set is diffed as a list and no longer matches terraform', () => {
    if (reason) return
    const problems = checkPlan(corpus, undefined)
    expect(problems.some(p => p.startsWith('azurerm_network_security_group.web:'))).toBe(true)
  })
})

describe('diffs against terraform show: the bundled stack, second plan', () => {
  let reason: string | undefined
  let corpus: Corpus
  beforeAll(async () => {
    reason = await azurermUnavailableReason()
    reportSkip('render-fidelity.test.ts (stack)', reason)
    if (reason) return
    // The second plan: dev applied, then image, SKU, capacity and model version changed.
    corpus = await buildStackCorpus([
      '-var=app_image_name=chat-api:0.2.0',
      '-var=app_sku_name=S2',
      '-var=model_deployments={chat={model_name="gpt-4o",model_version="2024-08-06",sku_name="DataZoneStandard",capacity=20}}'
    ])
  }, 600_000)

  it('classifies and values every changed leaf as terraform show does', () => {
    if (reason) return
    const view = parseTerraformText(corpus.text)
    expect([...view.resources.keys()].sort()).toEqual([
      'module.ai.azurerm_cognitive_deployment.this["chat"]',
      'module.app.azurerm_linux_web_app.this',
      'module.app.azurerm_linux_web_app_slot.staging[0]',
      'module.app.azurerm_service_plan.this'
    ])
    expect(checkPlan(corpus, corpus.schemas)).toEqual([])
  })
})

describe('drift: only relevant attributes, as terraform shows them', () => {
  let reason: string | undefined
  let corpus: Corpus
  beforeAll(async () => {
    reason = await azurermUnavailableReason()
    reportSkip('render-fidelity.test.ts (drift)', reason)
    if (reason) return
    const base = await buildCorpus('azurerm', {})
    // Change two resources outside Terraform: the resource group's tags (which the plan's NSG and VNet read:
    // relevant) and the VNet's dns_servers (overwritten by the plan anyway: not relevant context).
    const sub = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-fidelity'
    const drift = join(base.dir, 'drift.json')
    writeFileSync(
      drift,
      JSON.stringify({
        [sub]: { tags: { env: 'dev', owner: 'portal-user', cost: '1' } },
        [`${sub}/providers/Microsoft.Network/virtualNetworks/vnet-fidelity`]: { dns_servers: ['10.9.9.9'] }
      })
    )
    await base.tf(['plan', '-input=false', '-no-color', '-out=tfplan'], { OFFLINE_AZURERM_DRIFT: drift })
    const json = JSON.parse(await base.tf(['show', '-json', 'tfplan'])) as PlanJson
    const text = await base.tf(['show', '-no-color', 'tfplan'])
    corpus = { ...base, json, text }
  })

  it('keeps the drift entries and attributes Terraform shows, and only those', () => {
    if (reason) return
    // Both objects drifted; Terraform shows only the resource group (its tags are read by the plan).
    expect(corpus.json.resource_drift?.map(rc => rc.address).sort()).toEqual([
      'azurerm_resource_group.main',
      'azurerm_virtual_network.main'
    ])
    const view = parseTerraformText(corpus.text)
    expect([...view.drift.keys()]).toEqual(['azurerm_resource_group.main'])
    expect(view.drift.get('azurerm_resource_group.main')).toEqual([
      { kind: 'change', path: 'tags.owner', before: '"team-a"', after: '"portal-user"', forced: false }
    ])
    const shown = relevantDrift(corpus.json)
    expect(shown.map(rc => rc.address).sort()).toEqual([...view.drift.keys()].sort())
    for (const rc of shown) {
      const lines = resourceAttributeLines(plainCtx, rc, { detail: 'diff', schemas: corpus.schemas, maxLines: 1000 })
      const result = compare(parseOurLines(lines, 'remove'), view.drift.get(rc.address)!)
      expect({ address: rc.address, ...result }).toEqual({ address: rc.address, missing: [], extra: [], unforced: [] })
    }
  })
})

describe('render time on a 10,000-resource plan', () => {
  it('renders every resource and output far under 10 % of terraform show -json', async () => {
    const plan = await generatePlan('large', { n: 10000, churn: 50 })
    const started = performance.now()
    let lines = 0
    for (const rc of plan.json.resource_changes ?? [])
      lines += resourceAttributeLines(plainCtx, rc, { detail: 'diff' }).length
    const ms = performance.now() - started
    process.stderr.write(
      `attribute lines: ${lines} in ${ms.toFixed(0)} ms; terraform show -json ${plan.showJsonMs.toFixed(0)} ms\n`
    )
    expect(lines).toBeGreaterThan(10000)
    expect(ms).toBeLessThan(plan.showJsonMs * 0.1)
  })
})
