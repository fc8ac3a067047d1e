// command: summarize — glue: the plan dirs of a matrix (src/roots-summary/), one table of roots as outputs, the job
// summary and one sticky PR comment of its own (the per-root comment machinery, under a marker no root can have).
import type { Inputs } from '../inputs.js'
import type { Reporter } from '../report/reporter.js'
import { UserError } from '../errors.js'
import { postPlanComment } from '../sticky-comment/pr-comment.js'
import { readPlansDir } from '../roots-summary/read-plans-dir.js'
import { countRoots, mergeEntries } from '../roots-summary/root-entry.js'
import { renderRootsSummary } from '../roots-summary/roots-table.js'
import { renderWithinBytes, SUMMARY_MAX_BYTES } from './plan.js'

/**
 * The summary comment's target: `*` is no valid workspace name (nor a root label the plan step writes), so its
 * marker `{"dir":"*","ws":"*"}` can never be a root's own comment, and every summarize run finds the same one.
 */
export const SUMMARY_TARGET = { rootLabel: '*', workspace: '*' } as const

export async function runSummarize(inputs: Inputs, report: Reporter): Promise<void> {
  const shown = JSON.stringify(inputs.plansDirValue)
  const found = readPlansDir(inputs.plansDir, shown)
  if (found.length === 0 && inputs.expectedRoots.length === 0) {
    throw new UserError(
      `input plans-dir: ${shown} (${inputs.plansDir}) holds no plan directories; download the plan artifacts into it first (actions/download-artifact with pattern: terraform-plan-*), one folder per artifact`
    )
  }
  const { entries, replacedOlder } = mergeEntries(found, inputs.expectedRoots)
  const counts = countRoots(entries)
  report.setOutput('roots', String(counts.roots))
  report.setOutput('roots-with-changes', String(counts.withChanges))
  report.setOutput('roots-failed', String(counts.failed))

  if (replacedOlder > 0)
    report.info(`summarize: ${replacedOlder} older plan(s) of the same root replaced by newer ones`)
  const failedRoots = entries.filter(e => e.status === 'failed')
  if (failedRoots.length > 0) {
    const names = failedRoots.slice(0, 10).map(e => e.root)
    const more = failedRoots.length > names.length ? ` and ${failedRoots.length - names.length} more` : ''
    report.warning(`summarize: ${failedRoots.length} root(s) without a plan: ${names.join(', ')}${more}`)
  }

  await report.summary(
    renderWithinBytes(maxChars => renderRootsSummary(entries, { maxChars }).markdown, SUMMARY_MAX_BYTES)
  )
  const comment = await postPlanComment({ ...inputs, ...SUMMARY_TARGET }, report, {
    hasChanges: counts.withChanges > 0 || counts.failed > 0,
    changeKeys: [],
    render: budget => renderRootsSummary(entries, { maxChars: budget }).markdown
  })
  if (comment) {
    report.setOutput('comment-id', String(comment.id))
    report.setOutput('comment-url', comment.url)
  }
  report.info(`summarize: ${counts.roots} roots, ${counts.withChanges} with changes, ${counts.failed} failed`)
}
