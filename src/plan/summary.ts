// The plan model: what each resource change is (create, replace, ...) and the headline counts.
import type { ChangeAction, PlanJson, ResourceChange } from './plan-json.js'
import { relevantDrift as reduceToRelevant } from './relevant-drift.js'

/** One word per resource change; `replace` is a delete+create pair in either order. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'destroy' | 'forget' | 'read' | 'no-op'

export interface PlanSummary {
  add: number
  change: number
  destroy: number
  replace: number
  import: number
  move: number
  forget: number
  read: number
  drift: number
  outputChanges: number
  hasChanges: boolean
  /** one stable key per changed resource, e.g. "update aws_x.y", used to diff against the previous comment */
  changeKeys: string[]
}

export function changeKind(actions: readonly ChangeAction[]): ChangeKind {
  const has = (a: ChangeAction): boolean => actions.includes(a)
  if (has('delete') && has('create')) return 'replace'
  if (has('delete')) return 'destroy'
  if (has('forget')) return 'forget'
  if (has('create')) return 'create'
  if (has('update')) return 'update'
  if (has('read')) return 'read'
  return 'no-op'
}

export const isMove = (rc: ResourceChange): boolean =>
  rc.previous_address !== undefined && rc.previous_address !== rc.address
export const isImport = (rc: ResourceChange): boolean =>
  rc.change.importing !== undefined && rc.change.importing !== null

/** The address shown for a change: deposed objects are named as such. */
export function displayAddress(rc: ResourceChange): string {
  return rc.deposed ? `${rc.address} (deposed object ${rc.deposed})` : rc.address
}

/** A resource change that shows up in the plan (anything but a plain no-op). */
export function isVisibleChange(rc: ResourceChange): boolean {
  return changeKind(rc.change.actions) !== 'no-op' || isMove(rc) || isImport(rc)
}

export function summarizePlan(plan: PlanJson): PlanSummary {
  const s: PlanSummary = {
    add: 0,
    change: 0,
    destroy: 0,
    replace: 0,
    import: 0,
    move: 0,
    forget: 0,
    read: 0,
    drift: 0,
    outputChanges: 0,
    hasChanges: false,
    changeKeys: []
  }
  const keys = new Set<string>()
  for (const rc of plan.resource_changes ?? []) {
    const kind = changeKind(rc.change.actions)
    if (kind === 'create') s.add++
    else if (kind === 'update') s.change++
    else if (kind === 'replace') s.replace++
    else if (kind === 'destroy') s.destroy++
    else if (kind === 'forget') s.forget++
    else if (kind === 'read') s.read++
    if (kind !== 'no-op') keys.add(`${kind} ${displayAddress(rc)}`)
    if (isImport(rc)) {
      s.import++
      keys.add(`import ${rc.address}`)
    }
    if (isMove(rc)) {
      s.move++
      keys.add(`move ${rc.previous_address} ${rc.address}`)
    }
  }
  s.drift = relevantDrift(plan).length
  for (const oc of Object.values(plan.output_changes ?? {})) if (changeKind(oc.actions) !== 'no-op') s.outputChanges++
  s.hasChanges = s.add + s.change + s.replace + s.destroy + s.forget + s.read + s.import + s.move + s.outputChanges > 0
  s.changeKeys = [...keys].sort()
  return s
}

/** 60000 → "60,000": every count in a comment is written this one way (toLocaleString loads ICU data: ~200 ms). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** "2 to add, 1 to change, 1 to replace, 0 to destroy" plus the non-zero extras. */
export function headline(s: PlanSummary): string {
  const n = thousands
  const parts = [
    `${n(s.add)} to add`,
    `${n(s.change)} to change`,
    `${n(s.replace)} to replace`,
    `${n(s.destroy)} to destroy`
  ]
  const extra: [number, string][] = [
    [s.import, 'to import'],
    [s.move, 'to move'],
    [s.forget, 'to forget'],
    [s.read, 'to read'],
    [s.outputChanges, s.outputChanges === 1 ? 'output to change' : 'outputs to change']
  ]
  for (const [count, label] of extra) if (count > 0) parts.push(`${n(count)} ${label}`)
  return parts.join(', ')
}

/**
 * The drift Terraform shows: changes made outside Terraform, reduced to the attributes the plan depends on
 * (`relevant_attributes`), like `terraform plan` does; a drift with no relevant change is left out. Plans that
 * predate `relevant_attributes` (format 0.2 / 1.0) show all drift.
 */
export function relevantDrift(plan: PlanJson): ResourceChange[] {
  // One rule for drift (plan/relevant-drift.ts); plans without relevant_attributes show all of it.
  const refreshOnly = !Array.isArray(plan.relevant_attributes)
  return reduceToRelevant(plan, { refreshOnly }).filter(rc => changeKind(rc.change.actions) !== 'no-op')
}
