// Pure: is the plan of the merged result the plan a reviewer saw? The PR's sticky comment records the reviewed
// plan as hashes of its change keys (sticky-comment.ts, the state line); the new plan's keys are hashed the same
// way and the two sets compared. Change keys name a resource and its action ("update aws_s3_bucket.logs"), not
// attribute values: a plan that updates the same resources with other values compares as the same.
import { planState, type PlanState } from '../sticky-comment/sticky-comment.js'

export type Freshness = 'fresh' | 'stale' | 'unreviewed'

export interface FreshnessResult {
  verdict: Freshness
  /** Change keys of the new plan that the reviewed plan did not have (named: the new plan's keys are known). */
  added: string[]
  /** How many reviewed changes are gone (counted only: the comment keeps hashes, not names). */
  removed: number
  /** The comment stored only a count (too many changes to keep one hash each): compared by count. */
  byCountOnly: boolean
  reviewedCount?: number
  currentCount: number
  /** One line for the commit status (at most STATUS_DESCRIPTION_MAX characters). */
  description: string
}

/** GitHub keeps a short description on a commit status; longer ones are refused. */
export const STATUS_DESCRIPTION_MAX = 140

/**
 * `reviewed` is the state line of the PR's comment (undefined: no comment, or one without a recorded plan);
 * `changeKeys` are the keys of the plan just made (summarizePlan().changeKeys).
 */
export function comparePlan(reviewed: PlanState | undefined, changeKeys: string[]): FreshnessResult {
  const current = planState(changeKeys)
  const base = { added: [], removed: 0, byCountOnly: false, currentCount: current.count }
  if (!reviewed) {
    // Nothing to apply needs no review: a PR whose plan is empty may have no comment (comment: changes-only).
    if (current.count === 0) {
      return { ...base, verdict: 'fresh', description: 'no changes to apply (no reviewed plan recorded)' }
    }
    return {
      ...base,
      verdict: 'unreviewed',
      description: `no reviewed plan recorded; the merged result plans ${count(current.count)}`
    }
  }
  if (!reviewed.hashes) {
    const same = reviewed.count === current.count
    return {
      ...base,
      byCountOnly: true,
      reviewedCount: reviewed.count,
      verdict: same ? 'fresh' : 'stale',
      description: same
        ? `same number of changes as reviewed (${count(current.count)}; compared by count only)`
        : `plan changed since review: ${count(reviewed.count)} → ${count(current.count)} (compared by count only)`
    }
  }
  const reviewedHashes = reviewed.hashes
  const added = [...new Set(changeKeys)].filter(key => !reviewedHashes.has(hashOf(key))).sort()
  let removed = 0
  for (const h of reviewedHashes) if (!current.hashes!.has(h)) removed++
  const result = { ...base, added, removed, reviewedCount: reviewed.count }
  if (added.length === 0 && removed === 0) {
    return { ...result, verdict: 'fresh', description: `plan unchanged since review (${count(current.count)})` }
  }
  return { ...result, verdict: 'stale', description: staleDescription(added, removed) }
}

function staleDescription(added: string[], removed: number): string {
  const head = `plan changed since review: +${added.length} −${removed}`
  if (added.length === 0) return head
  let text = `${head} (new: ${added[0]}`
  if (added.length > 1) text += `, ${added.length - 1} more`
  text += ')'
  return text.length <= STATUS_DESCRIPTION_MAX ? text : head
}

function hashOf(key: string): string {
  return [...planState([key]).hashes!][0]
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} resource change${n === 1 ? '' : 's'}`
}
