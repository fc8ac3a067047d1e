// Drift as Terraform shows it in a normal plan: only the changes outside Terraform that the plan's own changes
// depend on (`relevant_attributes`); the rest is noise a reviewer cannot act on. A refresh-only plan shows all.
import type { JsonValue, PlanJson, ResourceChange } from './plan-json.js'
import { deepEqual, type PathStep } from './value-diff.js'

type Obj = { [key: string]: JsonValue }
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export interface RelevantDriftOptions {
  /** `terraform plan -refresh-only`: every drift entry is relevant (the plan JSON does not record the mode) */
  refreshOnly?: boolean
}

/**
 * The drift entries to show, each reduced to its relevant attributes: outside the relevant paths the after
 * value is the before value, so the diff engine sees no change there. Entries with nothing relevant left are
 * dropped; entries whose object was deleted or created outside Terraform stay when any attribute of theirs is
 * relevant.
 */
export function relevantDrift(plan: PlanJson, opts: RelevantDriftOptions = {}): ResourceChange[] {
  const drift = (plan.resource_drift ?? []).filter(rc => rc && rc.change)
  if (opts.refreshOnly) return drift
  const byResource = new Map<string, PathStep[][]>()
  const everywhere: PathStep[][] = []
  for (const ra of plan.relevant_attributes ?? []) {
    if (!ra || !Array.isArray(ra.attribute)) continue
    if (!ra.resource) everywhere.push(ra.attribute)
    else {
      const list = byResource.get(ra.resource) ?? []
      list.push(ra.attribute)
      byResource.set(ra.resource, list)
    }
  }
  const out: ResourceChange[] = []
  for (const rc of drift) {
    const paths = [...everywhere, ...(byResource.get(rc.address) ?? [])]
    if (paths.length === 0) continue
    const { before, after } = rc.change
    if (!isObject(before) || !isObject(after)) {
      out.push(rc)
      continue
    }
    const pruned = prune(before, after, paths) ?? null
    if (deepEqual(before, pruned)) continue
    out.push({ ...rc, change: { ...rc.change, after: pruned } })
  }
  return out
}

/** `after`, with every part outside `paths` replaced by the same part of `before`. */
function prune(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  paths: readonly (readonly PathStep[])[]
): JsonValue | undefined {
  if (paths.length === 0) return before
  if (paths.some(p => p.length === 0)) return after
  const next = (step: PathStep): PathStep[][] =>
    paths.filter(p => p[0] === step || String(p[0]) === String(step)).map(p => p.slice(1))
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: JsonValue[] = []
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const v = prune(before[i], after[i], next(i))
      if (v !== undefined) out.push(v)
    }
    return out
  }
  if (isObject(before) && isObject(after)) {
    const out: Obj = {}
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const v = prune(before[k], after[k], next(k))
      if (v !== undefined) out[k] = v
    }
    return out
  }
  // A relevant path reaches below a value that changed shape: the whole value is relevant.
  return after
}
