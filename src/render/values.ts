// How one attribute value or change is written: redacted, sensitive and unknown values named, long values cut
// around what differs, escaped.
import { formatPath, type PathStep } from '../plan/attribute-diff.js'
import type { JsonValue, ShapeFlags } from '../plan/plan-json.js'
import { childFlags } from '../plan/value-diff.js'
import { code, escapeInline } from './safe-text.js'

export interface ValueContext {
  /** replaces known secrets inside any raw text */
  redact(s: string): string
  /** true when a path's attribute name looks like a credential */
  isCredentialPath(path: readonly PathStep[]): boolean
}

export const SENSITIVE = '<em>(sensitive)</em>'
export const UNKNOWN = '<em>(known after apply)</em>'
/** Inside a value written inline: unquoted, so never confused with a string. */
export const INLINE_SENSITIVE = '(sensitive)'
export const INLINE_UNKNOWN = '(known after apply)'
/** longest value shown before it is cut (a change shows the part around its first difference) */
export const MAX_VALUE_CHARS = 500
/** longest resource address shown */
export const MAX_ADDRESS_CHARS = 300
/** characters kept before the first difference of a long changed value */
const WINDOW_LEAD = 60

const NO_CUT = Number.MAX_SAFE_INTEGER

/** A value as one line of raw text (JSON-like; unknown and sensitive parts named), not yet escaped. */
export function inlineRaw(
  ctx: ValueContext,
  v: JsonValue | undefined,
  path: readonly PathStep[] = [],
  unknown?: ShapeFlags,
  sensitive?: ShapeFlags
): string {
  // One path array, extended and shortened in place: this runs for every value of a 10,000-resource plan.
  return raw(ctx, v, [...path], unknown, sensitive)
}

function raw(
  ctx: ValueContext,
  v: JsonValue | undefined,
  path: PathStep[],
  unknown: ShapeFlags | undefined,
  sensitive: ShapeFlags | undefined
): string {
  if (unknown === true) return INLINE_UNKNOWN
  if (v === undefined || v === null) return 'null'
  if (sensitive === true || (path.length > 0 && ctx.isCredentialPath(path))) return INLINE_SENSITIVE
  if (typeof v === 'string') return JSON.stringify(ctx.redact(v))
  if (typeof v !== 'object') return String(v)
  const nestedUnknown = typeof unknown === 'object' && unknown !== null ? unknown : undefined
  const nestedSensitive = typeof sensitive === 'object' && sensitive !== null ? sensitive : undefined
  if (Array.isArray(v)) {
    const n = Math.max(v.length, Array.isArray(nestedUnknown) ? nestedUnknown.length : 0)
    let out = '['
    for (let i = 0; i < n; i++) {
      path.push(i)
      out += (i > 0 ? ',' : '') + raw(ctx, v[i], path, childFlags(nestedUnknown, i), childFlags(nestedSensitive, i))
      path.pop()
    }
    return `${out}]`
  }
  let keys = Object.keys(v)
  if (nestedUnknown && !Array.isArray(nestedUnknown)) {
    const extra = Object.keys(nestedUnknown).filter(k => nestedUnknown[k] === true && !(k in v))
    if (extra.length > 0) keys = [...keys, ...extra]
  }
  keys.sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    const u = nestedUnknown ? childFlags(nestedUnknown, k) : undefined
    // Null attributes are noise in an object shown whole (Terraform hides them too).
    if ((v[k] === null || v[k] === undefined) && u !== true) continue
    path.push(k)
    out += `${first ? '' : ','}${JSON.stringify(ctx.redact(k))}:${raw(ctx, v[k], path, u, nestedSensitive ? childFlags(nestedSensitive, k) : undefined)}`
    path.pop()
    first = false
  }
  return `${out}}`
}

/** Cuts raw text to `max` characters, saying how many were left out. */
export function cutRaw(s: string, max: number): string {
  if (s.length <= max) return s
  let at = max
  const c = s.charCodeAt(at - 1)
  if (c >= 0xd800 && c <= 0xdbff) at--
  return `${s.slice(0, at)}…(${s.length - at} more chars)`
}

/** A value as a code element (`(known after apply)` / `(sensitive)` in italics when it is wholly so). */
export function inlineValue(
  ctx: ValueContext,
  v: JsonValue | undefined,
  path: readonly PathStep[],
  unknown: ShapeFlags | undefined,
  sensitive: ShapeFlags | undefined,
  max = MAX_VALUE_CHARS
): string {
  const raw = inlineRaw(ctx, v, path, unknown, sensitive)
  if (raw === INLINE_UNKNOWN) return UNKNOWN
  if (raw === INLINE_SENSITIVE) return SENSITIVE
  return code(cutRaw(raw, max), NO_CUT)
}

/**
 * Both sides of a changed value, each at most about `max` characters: when longer, a window that starts a
 * little before the first difference, with the elided parts counted, so the change is always visible.
 */
export function changedPair(before: string, after: string, max = MAX_VALUE_CHARS): [string, string] {
  if (before.length <= max && after.length <= max) return [before, after]
  let prefix = 0
  const limit = Math.min(before.length, after.length)
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let start = Math.max(0, prefix - WINDOW_LEAD)
  const c = before.charCodeAt(start)
  if (start > 0 && c >= 0xdc00 && c <= 0xdfff) start--
  const side = (s: string): string => {
    const head = start > 0 ? `…(${start} chars)…` : ''
    return head + cutRaw(s.slice(start), max)
  }
  return [side(before), side(after)]
}

/** Old and new value of a changed leaf as code elements, windowed around the difference when long. */
export function changedValues(
  ctx: ValueContext,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: readonly PathStep[],
  max = MAX_VALUE_CHARS
): [string, string] {
  const b = inlineRaw(ctx, before, path)
  const a = inlineRaw(ctx, after, path)
  const wrap = (raw: string): string => (raw === INLINE_SENSITIVE ? SENSITIVE : code(raw, NO_CUT))
  const [wb, wa] = changedPair(b, a, max)
  return [wrap(wb), wrap(wa)]
}

export function valueText(ctx: ValueContext, v: JsonValue | undefined): string {
  return inlineValue(ctx, v, [], undefined, undefined)
}

export function addressCode(ctx: ValueContext, address: string): string {
  return code(ctx.redact(address), MAX_ADDRESS_CHARS)
}

export function pathCode(ctx: ValueContext, path: readonly PathStep[]): string {
  return code(ctx.redact(formatPath(path)), MAX_VALUE_CHARS)
}

/** Caller or plan text shown as one safe line. */
export function plainLine(ctx: ValueContext, s: string, max = 500): string {
  const redacted = ctx.redact(s)
  return escapeInline(
    redacted.length > max ? `${redacted.slice(0, max)}…(${redacted.length - max} more chars)` : redacted
  )
}
