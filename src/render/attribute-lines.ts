// One resource's attribute changes as Markdown lines for the plan comment (before → after), placed by the
// layout under the resource's heading. Contract between the diff engine and the layout: the lines are safe
// Markdown (escaped, redacted), list items ("- …", nested by two-space indentation), never a table.
//
// Line shapes (one changed value each; `path` is the full attribute path):
//   update    - `path`: `before` → `after`            (`null` on a side where the value is null)
//   added     - `path`: added `value`                  (a map key, list element or set element that is new)
//   removed   - `path`: removed `value`
//   create    - `path` = `value`   and one "- N attributes known after apply: `a`, `b`" line
//   destroy   - `path` = `value`   (only the attributes that identify the object: id, name, …)
//   JSON      - `path`: jsonencode, changed:           followed by nested lines for the decoded paths
//   lines     - `path`: multi-line string, changed:    followed by nested "line N: removed/added `text`"
import { formatPath, outputDiff, resourceDiff } from '../plan/attribute-diff.js'
import type { JsonValue, OutputChange, ResourceChange, ShapeFlags } from '../plan/plan-json.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { childFlags, type PathStep, type ValueDiff } from '../plan/value-diff.js'
import { code } from './safe-text.js'
import {
  changedPair,
  changedValues,
  cutRaw,
  inlineRaw,
  inlineValue,
  MAX_VALUE_CHARS,
  SENSITIVE,
  UNKNOWN,
  type ValueContext
} from './values.js'

export type AttributeDetail = 'diff' | 'names'

export interface AttributeLinesOptions {
  /** 'diff': every changed attribute with its values; 'names': only the changed attribute paths */
  detail: AttributeDetail
  /** `terraform providers schema -json`, when the caller has it: tells lists from sets */
  schemas?: ProviderSchemas
  /** at most this many lines; the rest is counted in a final "…and N more" line */
  maxLines?: number
  /** longest value shown; longer changed values show a window around their first difference */
  maxValueChars?: number
}

export const MAX_ATTRIBUTE_LINES = 25

/**
 * Attributes that tell a reviewer which real object a destroy removes: the provider's ID, the object's name,
 * the cloud-wide identifiers of AWS (ARN) and Google (self link), and the scope Azure names are unique in.
 */
export const IDENTIFYING_ATTRIBUTES = [
  'id',
  'name',
  'arn',
  'self_link',
  'resource_group_name',
  'display_name',
  'bucket'
]

const MARK = ' <strong>(forces replacement)</strong>'
type Obj = { [key: string]: JsonValue }
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const NO_CUT = Number.MAX_SAFE_INTEGER

interface Line {
  depth: number
  text: string
  /** the top-level path this line is about (for the 'names' detail) */
  name: string
}

class Lines {
  readonly out: Line[] = []
  constructor(
    readonly ctx: ValueContext,
    readonly max: number
  ) {}
  path(path: readonly PathStep[]): string {
    return code(this.ctx.redact(formatPath(path)), NO_CUT)
  }
  push(depth: number, path: readonly PathStep[], text: string, forced = false): void {
    this.out.push({ depth, text: text + (forced ? MARK : ''), name: formatPath(path.slice(0, 1)) })
  }
}

/** Markdown list lines for one resource change; empty when there is nothing to show. */
export function resourceAttributeLines(ctx: ValueContext, rc: ResourceChange, opts: AttributeLinesOptions): string[] {
  const lines = new Lines(ctx, opts.maxValueChars ?? MAX_VALUE_CHARS)
  const c = rc.change
  const absent = (v: JsonValue | undefined): boolean => v === undefined || v === null
  // Creates and destroys need no diff: one side is all there is (and they are most of a large plan).
  if (absent(c.before) && c.after_unknown !== true && isObject(c.after))
    createLines(lines, c.after, c.after_unknown, c.after_sensitive)
  else if (absent(c.after) && c.after_unknown !== true) destroyLines(lines, c.before, c.before_sensitive)
  else
    for (const child of resourceDiff(rc, opts.schemas).children ?? [])
      updateLines(lines, child.diff, [child.key], 0, 'attribute')
  return finish(lines, opts)
}

/** Markdown list lines for one output change (the same engine: unknown and sensitive parts, nested diffs). */
export function outputChangeLines(
  ctx: ValueContext,
  name: string,
  oc: OutputChange,
  opts: Omit<AttributeLinesOptions, 'schemas'> = { detail: 'diff' }
): string[] {
  const lines = new Lines(ctx, opts.maxValueChars ?? MAX_VALUE_CHARS)
  const d = outputDiff(name, oc)
  if (d.action === 'create') createValue(lines, d.after, [name], d.unknown, d.afterSensitive)
  else if (d.action !== 'no-op') updateLines(lines, d, [name], 0, 'attribute')
  return finish(lines, opts)
}

function finish(lines: Lines, opts: AttributeLinesOptions | Omit<AttributeLinesOptions, 'schemas'>): string[] {
  const max = opts.maxLines ?? MAX_ATTRIBUTE_LINES
  const items =
    opts.detail === 'names'
      ? [...new Set(lines.out.filter(l => l.name !== '').map(l => l.name))].map(n => `- ${lines.path([n])}`)
      : lines.out.map(l => `${'  '.repeat(l.depth)}- ${l.text}`)
  if (items.length <= max) return items
  return [...items.slice(0, max), `- …and ${items.length - max} more`]
}

function createLines(lines: Lines, after: Obj, unknown: ShapeFlags | undefined, sensitive: ShapeFlags | undefined) {
  const keys = new Set(Object.keys(after))
  if (isObject(unknown)) for (const k of Object.keys(unknown)) keys.add(k)
  const later: string[] = []
  for (const k of [...keys].sort()) {
    const u = childFlags(unknown, k)
    if (u === true) later.push(lines.path([k]))
    else if (after[k] !== null && after[k] !== undefined) createValue(lines, after[k], [k], u, childFlags(sensitive, k))
  }
  if (later.length > 0) {
    const noun = later.length === 1 ? 'attribute' : 'attributes'
    lines.out.push({ depth: 0, text: `${later.length} ${noun} known after apply: ${later.join(', ')}`, name: '' })
  }
}

/** `path` = value for a new value; a container too long for one line is shown element by element. */
function createValue(
  lines: Lines,
  v: JsonValue | undefined,
  path: PathStep[],
  unknown: ShapeFlags | undefined,
  sensitive: ShapeFlags | undefined
): void {
  const raw = inlineRaw(lines.ctx, v, path, unknown, sensitive)
  if (raw.length <= lines.max || typeof v !== 'object' || v === null || sensitive === true || unknown === true) {
    lines.push(0, path, `${lines.path(path)} = ${wrapRaw(raw, lines.max)}`)
    return
  }
  const steps: PathStep[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v).sort()
  for (const step of steps) {
    const child = (v as Record<string | number, JsonValue>)[step]
    const u = childFlags(unknown, step)
    if ((child === null || child === undefined) && u !== true) continue
    createValue(lines, child, [...path, step], u, childFlags(sensitive, step))
  }
}

function destroyLines(lines: Lines, before: JsonValue | undefined, sensitive: ShapeFlags | undefined): void {
  if (!isObject(before)) return
  for (const name of IDENTIFYING_ATTRIBUTES) {
    const v = before[name]
    if (v === null || v === undefined) continue
    const value = inlineValue(lines.ctx, v, [name], undefined, childFlags(sensitive, name), lines.max)
    lines.push(0, [name], `${lines.path([name])} = ${value}`)
  }
}

function wrapRaw(raw: string, max: number): string {
  if (raw === '(known after apply)') return UNKNOWN
  if (raw === '(sensitive)') return SENSITIVE
  return code(cutRaw(raw, max), NO_CUT)
}

/** `role`: where the value sits, which decides how an added or removed value reads. */
function updateLines(
  lines: Lines,
  d: ValueDiff,
  path: PathStep[],
  depth: number,
  role: 'attribute' | 'list-element' | 'set-element'
): void {
  if (d.action === 'no-op') return
  const ctx = lines.ctx
  const shown = role === 'set-element' ? path.slice(0, -1) : path
  const name = lines.path(shown)
  const forced = d.forcesReplacement
  if (d.action === 'create' || d.action === 'delete') {
    const creating = d.action === 'create'
    const value = creating
      ? inlineValue(ctx, d.after, path, d.unknown, d.afterSensitive, lines.max)
      : inlineValue(ctx, d.before, path, undefined, d.beforeSensitive, lines.max)
    // A value that was (or becomes) null is a change from or to null; a key or element that appears is added.
    const present = creating ? d.before : d.after
    if (role === 'attribute' && present === null)
      lines.push(
        depth,
        shown,
        creating ? `${name}: ${code('null')} → ${value}` : `${name}: ${value} → ${code('null')}`,
        forced
      )
    else lines.push(depth, shown, `${name}: ${creating ? 'added' : 'removed'} ${value}`, forced)
    return
  }
  if (d.leaf === 'unknown') {
    const before = inlineValue(ctx, d.before, path, undefined, d.beforeSensitive, lines.max)
    lines.push(depth, shown, `${name}: ${before} → ${UNKNOWN}`, forced)
    return
  }
  if (d.leaf === 'sensitive' || (d.leaf === 'value' && ctx.isCredentialPath(path))) {
    const b = d.beforeSensitive === true || ctx.isCredentialPath(path)
    const a = d.afterSensitive === true || ctx.isCredentialPath(path)
    if (b && a) lines.push(depth, shown, `${name}: ${SENSITIVE} (changed)`, forced)
    else {
      const before = b ? SENSITIVE : inlineValue(ctx, d.before, path, undefined, undefined, lines.max)
      const after = a ? SENSITIVE : inlineValue(ctx, d.after, path, undefined, undefined, lines.max)
      lines.push(depth, shown, `${name}: ${before} → ${after}`, forced)
    }
    return
  }
  if (d.json) {
    lines.push(depth, shown, `${name}: jsonencode, changed:`, forced)
    jsonLines(lines, d.json, [], path, depth + 1)
    return
  }
  if (d.lines) {
    const removed = d.lines.filter(l => l.action === 'delete').length
    const added = d.lines.length - removed
    const count = (n: number, what: string): string => `${n} ${n === 1 ? 'line' : 'lines'} ${what}`
    lines.push(
      depth,
      shown,
      `${name}: multi-line string, ${count(removed, 'removed')}, ${count(added, 'added')}:`,
      forced
    )
    // A removed line followed by an added one is an edited line: a long pair is cut around its difference.
    const texts = d.lines.map(l => ctx.redact(l.text))
    for (let i = 0; i < d.lines.length; i++) {
      const l = d.lines[i]
      const next = d.lines[i + 1]
      let text = cutRaw(texts[i], lines.max)
      if (l.action === 'delete' && next?.action === 'create') text = changedPair(texts[i], texts[i + 1], lines.max)[0]
      else if (l.action === 'create' && d.lines[i - 1]?.action === 'delete')
        text = changedPair(texts[i - 1], texts[i], lines.max)[1]
      lines.push(
        depth + 1,
        shown,
        `line ${l.line}: ${l.action === 'delete' ? 'removed' : 'added'} ${code(text, NO_CUT)}`
      )
    }
    return
  }
  if (d.leaf === 'value' || !d.children) {
    const [before, after] = changedValues(ctx, d.before, d.after, path, lines.max)
    lines.push(depth, shown, `${name}: ${before} → ${after}`, forced)
    return
  }
  const childRole = d.collection === 'set' ? 'set-element' : d.collection === 'list' ? 'list-element' : 'attribute'
  for (const c of d.children) updateLines(lines, c.diff, [...path, c.key], depth, childRole)
}

/** The decoded JSON's changes, with paths inside the JSON (`Statement[0].Effect`) under the attribute's line. */
function jsonLines(lines: Lines, d: ValueDiff, inner: PathStep[], outer: PathStep[], depth: number): void {
  const sub = new Lines(lines.ctx, lines.max)
  if (d.children) {
    const role = d.collection === 'set' ? 'set-element' : d.collection === 'list' ? 'list-element' : 'attribute'
    for (const c of d.children) updateLines(sub, c.diff, [...inner, c.key], depth, role)
  } else updateLines(sub, d, inner, depth, 'attribute')
  // Lines are about the attribute that holds the JSON; a changed JSON root has no path of its own.
  for (const l of sub.out)
    lines.out.push({
      ...l,
      text: l.text.replace(/^<code><\/code>:/, '(whole value):'),
      name: formatPath(outer.slice(0, 1))
    })
}
