// The destroy guard's call-out for the top of the plan comment and job summary (pure): a reviewer sees before
// approving that apply will refuse the plan, which guarded resources it deletes or replaces, and what to do.
import type { GuardReview } from '../apply/destroy-guard.js'
import { code } from './safe-text.js'

const LISTED = 10

export function guardCallout(review: GuardReview): string | undefined {
  if (review.hits.length === 0) return undefined
  const items = review.hits.slice(0, LISTED).map(h => `> - ${h.action} ${code(h.address)} (${code(h.type, 100)})`)
  if (review.hits.length > LISTED) items.push(`> - … and ${review.hits.length - LISTED} more`)
  if (!review.blocked) {
    return [
      '> [!WARNING]',
      '> **`allow-destroy` is true: apply will delete or replace these guarded (stateful) resources:**',
      ...items
    ].join('\n')
  }
  return [
    '> [!CAUTION]',
    '> **Apply will refuse this plan** (destroy guard): it deletes or replaces guarded (stateful) resources:',
    ...items,
    '>',
    '> To apply it, set `allow-destroy: true` for this root after checking that losing these objects is intended;',
    '> otherwise change the configuration so they are kept (a `moved` block for a rename, or revert the change).'
  ].join('\n')
}
