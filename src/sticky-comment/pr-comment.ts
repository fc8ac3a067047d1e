// The action's side of the sticky comment: which PR, which token, the plan's order key, and what a failed write
// turns into (a warning; the job summary is the record and the job does not fail because of a comment).
//
// Time bound: everything one comment update does with GitHub (all pages, the write, the converge list, retries
// and rate-limit waits) ends within COMMENT_BUDGET_MS; then the step goes on with a warning. The step's outputs,
// job summary and plan dir are written before the comment. A cancel (SIGINT/SIGTERM) aborts the pending request
// at once and fails the step with one "cancelled: ..." line.
import type { Inputs } from '../inputs.js'
import type { Reporter } from '../report/reporter.js'
import { createGitHubClient, deadlineSignal, type GitHubClient } from '../github/client.js'
import { CancelReason, cancelSignal, CancelledWhileError } from '../cancellation.js'
import { describeOrder, planOrderOf, type PlanOrder } from './plan-order.js'
import { readEventPayload, readRunContext, type RunContext } from '../github/context.js'
import { publishPlanComment } from './publish-comment.js'
import { describeWriteFailure } from './comment-policy.js'
import { updateStickyComment, withStatusSection, type StickyTarget } from './sticky-comment.js'
import type { LockState } from '../apply/lock-probe.js'
import type { OutputRow } from '../apply/outputs.js'
import { code, escapeInline } from '../render/safe-text.js'

export interface PlanCommentInput {
  hasChanges: boolean
  changeKeys: string[]
  render: (budget: number, sinceLastPlan: string | undefined) => string
}

export const COMMENT_BUDGET_MS = 30_000
/** The "apply cancelled" status is written after the cancel, on purpose, so the cancel cannot stop it: a shorter
 * budget instead, well inside the runner's grace time before it kills the job. */
export const CANCELLED_STATUS_BUDGET_MS = 10_000

/** The client for one comment update, and its signal (cancel or the budget spent) for the waits. */
function client(inputs: Inputs, report: Reporter, afterCancel = false): { gh: GitHubClient; signal: AbortSignal } {
  const signal = afterCancel
    ? deadlineSignal(CANCELLED_STATUS_BUDGET_MS)
    : deadlineSignal(COMMENT_BUDGET_MS, cancelSignal)
  return { gh: createGitHubClient(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal }), signal }
}

function context(): { ctx: RunContext; order: PlanOrder } {
  const payload = readEventPayload(process.env)
  return { ctx: readRunContext(process.env, payload), order: planOrderOf(process.env, payload) }
}

/** A cancel during the comment is the step's failure; anything else goes back to the caller. */
export function rethrowCancel(error: unknown, activity = 'writing the pull request comment'): void {
  const e = error as { name?: unknown; cause?: unknown }
  if (e?.name === 'AbortError' && e.cause instanceof CancelReason) {
    throw new CancelledWhileError(e.cause.signal, activity)
  }
}

export async function postPlanComment(
  inputs: Inputs,
  report: Reporter,
  plan: PlanCommentInput
): Promise<{ id: number; url: string } | undefined> {
  if (inputs.comment === 'off') return undefined
  const { ctx, order } = context()
  if (!ctx.pullRequest) {
    report.info('not a pull request: no comment; the plan is in the job summary')
    return undefined
  }
  if (!inputs.githubToken) {
    report.warning('input github-token is empty: no pull request comment; the plan is in the job summary')
    return undefined
  }
  let outcome
  try {
    const { gh, signal } = client(inputs, report)
    outcome = await publishPlanComment(gh, ctx, inputs.comment, plan.hasChanges, {
      workingDirectory: inputs.rootLabel,
      workspace: inputs.workspace,
      changeKeys: plan.changeKeys,
      order,
      signal,
      render: (budget, since) => report.redact(plan.render(budget, since))
    })
  } catch (error) {
    rethrowCancel(error)
    throw error
  }
  switch (outcome.status) {
    case 'written':
      if (outcome.result.superseded) {
        report.info(
          `the plan comment ${outcome.result.url} shows a newer plan (${describeOrder(outcome.result.superseded)}) ` +
            `than this run's (${describeOrder(order)}): left as it is`
        )
        return { id: outcome.result.id, url: outcome.result.url }
      }
      report.info(
        `${outcome.result.created ? 'created' : 'updated'} the plan comment ${outcome.result.url}` +
          (outcome.result.sinceLastPlan ? ` (${outcome.result.sinceLastPlan})` : '')
      )
      return { id: outcome.result.id, url: outcome.result.url }
    case 'not-needed':
      report.info('comment: changes-only and the plan has no changes: no comment')
      return undefined
    case 'skipped':
      if (outcome.warning) report.warning(outcome.warning)
      return undefined
    case 'degraded':
      report.warning(outcome.warning)
      return undefined
  }
}

export type ApplyStatus =
  | { state: 'applied'; runUrl?: string; outputs: OutputRow[] }
  | { state: 'failed'; runUrl?: string; reason: string }
  | { state: 'refused'; runUrl?: string; reason: string }
  | { state: 'cancelled'; runUrl?: string; lock: LockState; workingDirectory: string }
  /** The plan step itself failed: the comment must not keep showing an older plan as if it were current. */
  | { state: 'plan-failed'; runUrl?: string; reason: string }

/** The status section put on top of the plan comment after an apply (pure). */
export function applyStatusMarkdown(status: ApplyStatus, when = new Date()): string {
  const run = status.runUrl ? ` in [this run](${status.runUrl})` : ''
  const at = when.toISOString().replace(/\.\d+Z$/, 'Z')
  switch (status.state) {
    case 'applied': {
      const lines = [`### ✅ Applied${run} at ${at}`]
      if (status.outputs.length > 0) {
        lines.push('', '| Output | Value |', '|---|---|')
        for (const o of status.outputs.slice(0, 50)) {
          lines.push(`| ${code(o.name, 100)} | ${o.sensitive ? '<em>(sensitive)</em>' : code(o.value, 200)} |`)
        }
        if (status.outputs.length > 50) lines.push(`| … | ${status.outputs.length - 50} more outputs |`)
      }
      return lines.join('\n')
    }
    case 'failed':
      return `### ❌ Apply failed${run} at ${at}\n\n${escapeInline(status.reason)}`
    case 'plan-failed':
      return `### ❌ Plan failed${run} at ${at}\n\n${escapeInline(status.reason)}\n\nThe plan below is from an earlier run and is out of date.`
    case 'refused':
      return `### ⛔ Apply refused${run} at ${at}\n\n${escapeInline(status.reason)}\n\nNothing was changed.`
    case 'cancelled': {
      const head = `### ⚠️ Apply cancelled${run} at ${at}\n\nTerraform was asked to stop and saved the state it had reached.`
      const dir = status.workingDirectory
      if (status.lock.state === 'released') return `${head} The state lock was released.`
      if (status.lock.state === 'held') {
        return `${head} **The state lock is still held.** When no other run is using it, release it in ${code(dir)}:\n\n\`\`\`sh\nterraform force-unlock -force ${status.lock.id.replace(/[^A-Za-z0-9_.:/-]/g, '')}\n\`\`\``
      }
      return `${head} Whether a state lock remains could not be checked: run \`terraform plan\` in ${code(dir)}; if it reports a lock, run \`terraform force-unlock -force <ID>\` with the ID it prints.`
    }
  }
}

/** The PR to report on: the PR of this run, else the PR the commit belongs to (apply after merge). */
async function pullRequestNumber(gh: GitHubClient, ctx: RunContext): Promise<number | undefined> {
  if (ctx.pullRequest)
    return ctx.pullRequest.isFork && ctx.eventName !== 'pull_request_target' ? undefined : ctx.pullRequest.number
  if (!ctx.sha) return undefined
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: ctx.owner,
    repo: ctx.repo,
    commit_sha: ctx.sha,
    per_page: 10
  })
  return data[0]?.number
}

export async function postApplyStatus(inputs: Inputs, report: Reporter, status: ApplyStatus): Promise<void> {
  if (inputs.comment === 'off' || !inputs.githubToken) return
  const { ctx, order } = context()
  // A failed plan only updates a pull request's comment; on push it is in the job log and summary.
  if (status.state === 'plan-failed' && !ctx.pullRequest) return
  const { gh, signal } = client(inputs, report, status.state === 'cancelled')
  try {
    const issueNumber = await pullRequestNumber(gh, ctx)
    if (issueNumber === undefined) {
      report.info('no pull request for this commit: the apply status is in the job summary only')
      return
    }
    const target: StickyTarget = {
      owner: ctx.owner,
      repo: ctx.repo,
      issueNumber,
      workingDirectory: inputs.rootLabel,
      workspace: inputs.workspace
    }
    const section = report.redact(applyStatusMarkdown(status))
    // A failed plan is this run's plan: it must not mark a newer plan as out of date.
    const planOrder = status.state === 'plan-failed' ? { order } : {}
    const result = await updateStickyComment(
      gh,
      { ...target, ...planOrder, signal, createIfMissing: true },
      (previous, budget) => withStatusSection(previous ?? '', section, budget)
    )
    if (result) {
      report.setOutput('comment-id', String(result.id))
      report.setOutput('comment-url', result.url)
    }
  } catch (error) {
    rethrowCancel(error)
    const failure = describeWriteFailure(error)
    if (!failure) throw error
    report.warning(failure.warning)
  } finally {
    await report.summary(report.redact(applyStatusMarkdown(status)))
  }
}
