// One resource's attribute changes as Markdown lines for the plan comment (before → after), placed by the
// layout under the resource's heading. Contract between the diff engine and the layout: the lines are safe
// Markdown (escaped, redacted), list items ("- …", nested by two-space indentation), never a table.
import { attributeDiffs, formatPath } from '../plan/attribute-diff.js'
import type { ResourceChange } from '../plan/plan-json.js'
import { resourceSchema, type ProviderSchemas } from '../plan/provider-schema.js'
import { code } from './safe-text.js'
import { diffLine, type ValueContext } from './values.js'

export type AttributeDetail = 'diff' | 'names'

export interface AttributeLinesOptions {
  /** 'diff': every changed attribute with its values; 'names': only the changed attribute paths */
  detail: AttributeDetail
  /** `terraform providers schema -json`, when the caller has it: tells lists from sets */
  schemas?: ProviderSchemas
  /** at most this many top-level lines; the rest is counted in a final "…and N more" line */
  maxLines?: number
}

export const MAX_ATTRIBUTE_LINES = 25

function isForcing(paths: readonly (string | number)[][] | undefined, path: readonly (string | number)[]): boolean {
  if (!paths) return false
  return paths.some(p => p.length <= path.length && p.every((step, i) => step === path[i]))
}

/** Markdown list lines for one resource change; empty when there is nothing to show. */
export function resourceAttributeLines(ctx: ValueContext, rc: ResourceChange, opts: AttributeLinesOptions): string[] {
  void resourceSchema(opts.schemas, rc)
  const max = opts.maxLines ?? MAX_ATTRIBUTE_LINES
  const diffs = attributeDiffs(rc.change)
  const items =
    opts.detail === 'diff'
      ? diffs.map(d => `- ${diffLine(ctx, d, isForcing(rc.change.replace_paths, d.path))}`)
      : [...new Set(diffs.map(d => formatPath(d.path)))].map(n => `- ${code(ctx.redact(n))}`)
  if (items.length <= max) return items
  return [...items.slice(0, max), `- …and ${items.length - max} more`]
}
