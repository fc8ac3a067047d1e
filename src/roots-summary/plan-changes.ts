// What the roots summary needs from one plan, recorded in plan-metadata.json by the plan step: the headline
// counts and the addresses of the resources it destroys or replaces. Addresses and counts only, never a value.
import type { PlanJson } from '../plan/plan-json.js'
import { changeKind, displayAddress, type PlanSummary } from '../plan/summary.js'

export interface PlanChanges {
  add: number
  change: number
  destroy: number
  replace: number
  import: number
  move: number
  forget: number
  outputChanges: number
  /** Sorted, at most MAX_RECORDED_ADDRESSES; `destroy` is the full count. */
  destroyAddresses: string[]
  replaceAddresses: string[]
}

/** A 10,000-resource teardown must not make the metadata file megabytes; the summary shows far fewer anyway. */
export const MAX_RECORDED_ADDRESSES = 200

/** `redact` is applied to every address (a for_each key is never sensitive, but a credential-looking one is hidden). */
export function planChangesOf(plan: PlanJson, summary: PlanSummary, redact: (text: string) => string): PlanChanges {
  const destroyAddresses: string[] = []
  const replaceAddresses: string[] = []
  for (const rc of plan.resource_changes ?? []) {
    const kind = changeKind(rc.change.actions)
    if (kind === 'destroy') destroyAddresses.push(redact(displayAddress(rc)))
    else if (kind === 'replace') replaceAddresses.push(redact(displayAddress(rc)))
  }
  // old_2 before old_10, as a reader counts
  const first = (list: string[]): string[] =>
    list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(0, MAX_RECORDED_ADDRESSES)
  return {
    add: summary.add,
    change: summary.change,
    destroy: summary.destroy,
    replace: summary.replace,
    import: summary.import,
    move: summary.move,
    forget: summary.forget,
    outputChanges: summary.outputChanges,
    destroyAddresses: first(destroyAddresses),
    replaceAddresses: first(replaceAddresses)
  }
}

const COUNT_FIELDS = ['add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'outputChanges'] as const

/** The recorded changes when `value` has their shape (a hand-edited or foreign file is not trusted), else undefined. */
export function parsePlanChanges(value: unknown): PlanChanges | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  for (const field of COUNT_FIELDS) {
    if (!Number.isSafeInteger(v[field]) || (v[field] as number) < 0) return undefined
  }
  const addresses = (list: unknown): string[] | undefined =>
    Array.isArray(list) && list.every(a => typeof a === 'string') ? (list as string[]) : undefined
  const destroyAddresses = addresses(v.destroyAddresses)
  const replaceAddresses = addresses(v.replaceAddresses)
  if (!destroyAddresses || !replaceAddresses) return undefined
  const counts = Object.fromEntries(COUNT_FIELDS.map(f => [f, v[f] as number])) as Record<
    (typeof COUNT_FIELDS)[number],
    number
  >
  return { ...counts, destroyAddresses, replaceAddresses }
}
