// How one attribute value or change is written: redacted, sensitive and unknown values named, truncated, escaped.
import { formatPath, type AttributeDiff, type PathStep } from '../plan/attribute-diff.js'
import type { JsonValue } from '../plan/plan-json.js'
import { code, escapeInline } from './safe-text.js'

export interface ValueContext {
  /** replaces known secrets inside any raw text */
  redact(s: string): string
  /** true when a path's attribute name looks like a credential */
  isCredentialPath(path: readonly PathStep[]): boolean
}

export const SENSITIVE = '<em>(sensitive)</em>'
export const UNKNOWN = '<em>(known after apply)</em>'
/** longest value shown in a table cell before "…(N more chars)" */
export const MAX_VALUE_CHARS = 200
/** longest resource address shown */
export const MAX_ADDRESS_CHARS = 300

export function valueText(ctx: ValueContext, v: JsonValue | undefined): string {
  if (v === undefined || v === null) return code('null')
  const raw = typeof v === 'string' ? JSON.stringify(ctx.redact(v)) : ctx.redact(JSON.stringify(v))
  return code(raw, MAX_VALUE_CHARS)
}

export function addressCode(ctx: ValueContext, address: string): string {
  return code(ctx.redact(address), MAX_ADDRESS_CHARS)
}

export function pathCode(ctx: ValueContext, path: readonly PathStep[]): string {
  return code(ctx.redact(formatPath(path)), MAX_VALUE_CHARS)
}

/** `tags.env`: "dev" → "prod" ; for a create only the new value, for a delete only the old one. */
export function diffLine(ctx: ValueContext, d: AttributeDiff, forcesReplacement: boolean): string {
  const credential = ctx.isCredentialPath(d.path)
  const side = (v: JsonValue | undefined, sensitive: boolean, unknown = false): string =>
    unknown ? UNKNOWN : (sensitive || credential) && v !== null && v !== undefined ? SENSITIVE : valueText(ctx, v)
  const before = side(d.before, d.beforeSensitive)
  const after = side(d.after, d.afterSensitive, d.afterUnknown)
  const mark = forcesReplacement ? ' <strong>(forces replacement)</strong>' : ''
  const name = pathCode(ctx, d.path)
  if (d.before === undefined) return `${name} = ${after}${mark}`
  if (d.after === undefined && !d.afterUnknown) return `${name} = ${before} → ${code('null')}${mark}`
  if (before === after && (d.beforeSensitive || d.afterSensitive || credential))
    return `${name}: ${SENSITIVE} (changed)${mark}`
  return `${name}: ${before} → ${after}${mark}`
}

/** Caller or plan text shown as one safe line. */
export function plainLine(ctx: ValueContext, s: string, max = 500): string {
  const redacted = ctx.redact(s)
  return escapeInline(
    redacted.length > max ? `${redacted.slice(0, max)}…(${redacted.length - max} more chars)` : redacted
  )
}
