// Pure: which deletes or replaces in a plan hit a guarded (stateful) resource type.
export interface GuardedChange {
  address: string
  type: string
  action: 'delete' | 'replace'
}

interface ResourceChangeLike {
  address: string
  type: string
  mode?: string
  change: { actions: string[] }
}

export function typeIsGuarded(type: string, guarded: string[]): boolean {
  return guarded.some(g => (g.endsWith('*') ? type.startsWith(g.slice(0, -1)) : type === g))
}

export function guardedDestroys(changes: ResourceChangeLike[] | undefined, guarded: string[]): GuardedChange[] {
  const hits: GuardedChange[] = []
  for (const rc of changes ?? []) {
    if (rc.mode === 'data') continue
    const actions = rc.change.actions
    if (!actions.includes('delete')) continue
    if (!typeIsGuarded(rc.type, guarded)) continue
    hits.push({ address: rc.address, type: rc.type, action: actions.includes('create') ? 'replace' : 'delete' })
  }
  return hits
}

export function destroyRefusal(hits: GuardedChange[]): string | undefined {
  if (hits.length === 0) return undefined
  const list = hits
    .slice(0, 5)
    .map(h => `${h.action} ${h.address}`)
    .join(', ')
  const more = hits.length > 5 ? ` and ${hits.length - 5} more` : ''
  return `the plan would ${list}${more} (stateful resource type${hits.length === 1 ? '' : 's'}); set allow-destroy: true to apply it, or change the configuration so they are kept`
}

/** What the guard decides for a plan at review time: the same rules apply uses, evaluated on the plan step. */
export interface GuardReview {
  hits: GuardedChange[]
  /** Apply with the same inputs would refuse this plan: guarded deletes or replaces and allow-destroy false. */
  blocked: boolean
}

export function reviewGuard(
  changes: ResourceChangeLike[] | undefined,
  guarded: string[],
  allowDestroy: boolean
): GuardReview {
  const hits = guardedDestroys(changes, guarded)
  return { hits, blocked: hits.length > 0 && !allowDestroy }
}

/** The one-line warning of the plan step: apply's own refusal sentence, announced before review. */
export function guardWarning(review: GuardReview): string | undefined {
  const reason = destroyRefusal(review.hits)
  if (!reason) return undefined
  return review.blocked
    ? `apply will refuse this plan: ${reason}`
    : `allow-destroy is true: apply will ${reason.replace(/^the plan would /, '').replace(/; set allow-destroy.*$/, '')}`
}
