// Pure: how a freshness verdict is named and shown: the commit status context, the job summary section, the
// step's failure line, and the reason when an API call failed.
import type { FreshnessResult } from './compare-plan.js'
import { STATUS_DESCRIPTION_MAX } from './compare-plan.js'
import { code, escapeInline } from '../render/safe-text.js'

/** One status per (root, workspace): the name to make a required check in branch protection / the merge queue. */
export function statusContext(rootLabel: string, workspace: string): string {
  return `terraform-pr-gate/freshness: ${rootLabel} (${workspace})`
}

export function statusDescription(result: FreshnessResult): string {
  const d = result.description
  return d.length <= STATUS_DESCRIPTION_MAX ? d : `${d.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`
}

const LISTED = 30

/** The job summary section above the plan. */
export function freshnessMarkdown(
  result: FreshnessResult,
  where: { pullRequest: number; title: string; commentUrl?: string }
): string {
  const icon = result.verdict === 'fresh' ? '✅' : '❌'
  const heading = {
    fresh: 'Plan unchanged since review',
    stale: 'Plan changed since review',
    unreviewed: 'No reviewed plan recorded'
  }[result.verdict]
  const reviewed = where.commentUrl
    ? `[the reviewed plan](${where.commentUrl}) of pull request #${where.pullRequest}`
    : `pull request #${where.pullRequest}`
  const lines = [`### ${icon} Freshness: ${heading} — ${where.title}`, '', `${escapeInline(result.description)}.`]
  lines.push('', `Compared the plan of the merged result with ${reviewed}.`)
  if (result.verdict === 'stale' && !result.byCountOnly) {
    if (result.added.length > 0) {
      lines.push('', `**New since review** (${result.added.length}):`, '')
      for (const key of result.added.slice(0, LISTED)) lines.push(`- ${code(key)}`)
      if (result.added.length > LISTED) lines.push(`- … and ${result.added.length - LISTED} more`)
    }
    if (result.removed > 0) {
      lines.push('', `**Reviewed but no longer planned:** ${result.removed} (the comment keeps hashes, not names).`)
    }
  }
  if (result.verdict !== 'fresh') lines.push('', nextStep(result))
  return lines.join('\n')
}

function nextStep(result: FreshnessResult): string {
  return result.verdict === 'stale'
    ? 'Update the pull request (merge or rebase onto its base) so it plans again, have the new plan reviewed, then queue it again.'
    : 'Plan the pull request (with a comment: the comment records the reviewed plan) and have it reviewed, then queue it again.'
}

/** The step's one failure line. */
export function freshnessFailure(result: FreshnessResult, pullRequest: number, target: string): string {
  return `${result.description} for ${target} of pull request #${pullRequest}; ${nextStep(result).replace(/\.$/, '')}`
}

/** "HTTP 403: Resource not accessible by integration", or undefined for something that is not an HTTP error. */
export function httpFailure(err: unknown): string | undefined {
  const e = err as { status?: unknown; name?: unknown; message?: unknown; response?: unknown; cause?: unknown }
  if (e?.name === 'AbortError' && (e.cause as { name?: unknown })?.name === 'DeadlineError') {
    return (e.cause as Error).message
  }
  if (!e || e.name !== 'HttpError' || typeof e.status !== 'number') return undefined
  // Octokit appends " - <documentation url>" to GitHub's message.
  const message = typeof e.message === 'string' ? e.message.split('\n')[0].replace(/ - https:\/\/\S+$/, '') : ''
  if (e.status === 500 && e.response === undefined) return message || 'no answer from GitHub'
  return `HTTP ${e.status}: ${message}`
}
