// The destroy guard's call-out for the top of the plan comment and job summary (pure): a reviewer sees before
// approving that apply will refuse the plan, which guarded resources it deletes or replaces, and what to do.
import type { GuardReview } from '../apply/destroy-guard.js'
import { code } from './safe-text.js'

const LISTED = 10
/** The renderer keeps a header of up to 1,000 characters whole when it shortens a comment; this leaves room. */
export const CALLOUT_MAX_CHARS = 850

export function guardCallout(review: GuardReview, maxChars = CALLOUT_MAX_CHARS): string | undefined {
  if (review.hits.length === 0) return undefined
  // Fewer names rather than a call-out cut in the middle of one.
  for (let listed = Math.min(LISTED, review.hits.length); ; listed--) {
    const text = compose(review, listed)
    if (text.length <= maxChars || listed <= 1) return text
  }
}

function compose(review: GuardReview, listed: number): string {
  const items = review.hits.slice(0, listed).map(h => `> - ${h.action} ${code(h.address, 120)}`)
  if (review.hits.length > listed) items.push(`> - … and ${review.hits.length - listed} more`)
  const types = [...new Set(review.hits.map(h => h.type))]
  const typeList =
    types
      .slice(0, 3)
      .map(t => code(t, 60))
      .join(', ') + (types.length > 3 ? ', …' : '')
  if (!review.blocked) {
    return [
      '> [!WARNING]',
      `> **\`allow-destroy\` is true: apply will delete or replace these guarded resources** (${typeList}):`,
      ...items
    ].join('\n')
  }
  return [
    '> [!CAUTION]',
    `> **Apply will refuse this plan** (destroy guard): it deletes or replaces guarded resources (${typeList}):`,
    ...items,
    '>',
    '> To apply it, set `allow-destroy: true` for this root once losing them is intended; otherwise change the configuration so they are kept.'
  ].join('\n')
}
