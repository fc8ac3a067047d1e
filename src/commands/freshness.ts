// command: plan with freshness-check: true — after the plan (plan.ts makePlan), compare it with the plan the pull
// request's sticky comment recorded and set a commit status, so a merge queue refuses a PR whose plan changed
// since review. The comment itself is never written here: it is the record of what was reviewed.
import type { Inputs } from '../inputs.js'
import { UserError } from '../errors.js'
import type { Reporter } from '../report/reporter.js'
import { createGitHubClient, deadlineSignal, type GitHubClient } from '../github/client.js'
import { CancelReason, cancelSignal, CancelledWhileError } from '../cancellation.js'
import { readEventPayload, readRunContext } from '../github/context.js'
import { findStickyComment, parseStateLine, parseStickyBody } from '../sticky-comment/sticky-comment.js'
import { COMMENT_BUDGET_MS } from '../sticky-comment/pr-comment.js'
import { comparePlan, type FreshnessResult } from '../freshness/compare-plan.js'
import type { ReviewTarget } from '../freshness/review-target.js'
import {
  freshnessFailure,
  freshnessMarkdown,
  httpFailure,
  statusContext,
  statusDescription
} from '../freshness/freshness-report.js'
import { runUrl } from '../report/run-info.js'
import { CancelledError } from '../terraform/runner.js'

export interface PlanForFreshness {
  changeKeys: string[]
  /** The plan's job summary rendering. */
  summaryMarkdown: string
  /** Markdown title of the root, e.g. <code>infra/app</code>. */
  title: string
}

export async function runFreshnessCheck(
  inputs: Inputs,
  report: Reporter,
  target: ReviewTarget,
  plan: PlanForFreshness
): Promise<void> {
  const ctx = readRunContext(process.env, readEventPayload(process.env))
  const context = statusContext(inputs.rootLabel, inputs.workspace)
  if (!inputs.githubToken) {
    throw new UserError(
      'input github-token is empty: the freshness check reads the reviewed plan from the pull request comment; give it a token with pull-requests: read (statuses: write to set the commit status)'
    )
  }
  report.info(`freshness: comparing with the reviewed plan of pull request #${target.pullRequest} (${target.source})`)
  const signal = deadlineSignal(COMMENT_BUDGET_MS, cancelSignal)
  const gh = createGitHubClient(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal })
  const repo = { owner: ctx.owner, repo: ctx.repo }

  let comment
  try {
    comment = await findStickyComment(gh, {
      ...repo,
      issueNumber: target.pullRequest,
      workingDirectory: inputs.rootLabel,
      workspace: inputs.workspace
    })
  } catch (error) {
    const why = apiFailure(error)
    throw new UserError(
      `freshness-check: could not read the comments of pull request #${target.pullRequest} (${why}); the token needs pull-requests: read`
    )
  }
  const reviewed = comment ? parseStateLine(parseStickyBody(comment.body).stateLine) : undefined
  const result = comparePlan(reviewed, plan.changeKeys)
  report.info(`freshness: ${result.verdict}: ${result.description}`)
  report.setOutput('freshness', result.verdict)

  await report.summary(
    freshnessMarkdown(result, {
      pullRequest: target.pullRequest,
      title: plan.title,
      ...(comment ? { commentUrl: comment.url } : {})
    }) +
      '\n\n' +
      plan.summaryMarkdown
  )
  await setStatus(gh, report, repo, target, context, result)
  if (result.verdict !== 'fresh') {
    throw new UserError(freshnessFailure(result, target.pullRequest, `${inputs.rootLabel} (${inputs.workspace})`))
  }
}

/**
 * The merged result could not be planned: a failure status saying so, so the queue does not wait for a status that
 * never comes. The step fails with the plan's own error (the caller rethrows it); a cancel sets nothing.
 */
export async function reportUnplannable(
  inputs: Inputs,
  report: Reporter,
  target: ReviewTarget,
  error: unknown
): Promise<void> {
  if (error instanceof CancelledWhileError || error instanceof CancelledError) return
  if (!inputs.githubToken) return
  const ctx = readRunContext(process.env, readEventPayload(process.env))
  const signal = deadlineSignal(COMMENT_BUDGET_MS, cancelSignal)
  const gh = createGitHubClient(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal })
  const why = report.redact(String((error as Error)?.message ?? error).split('\n')[0])
  const result: FreshnessResult = {
    verdict: 'unreviewed',
    added: [],
    removed: 0,
    byCountOnly: false,
    currentCount: 0,
    description: `could not plan the merged result: ${why}`
  }
  report.setOutput('freshness', 'unplanned')
  await setStatus(
    gh,
    report,
    { owner: ctx.owner, repo: ctx.repo },
    target,
    statusContext(inputs.rootLabel, inputs.workspace),
    result
  )
}

/** The commit status; a token that may not set it (or an API failure) is a warning: the step's result says it too. */
async function setStatus(
  gh: GitHubClient,
  report: Reporter,
  repo: { owner: string; repo: string },
  target: ReviewTarget,
  context: string,
  result: FreshnessResult
): Promise<void> {
  let sha = target.sha
  try {
    if (!sha) {
      sha = (await gh.rest.pulls.get({ ...repo, pull_number: target.pullRequest })).data.head.sha
    }
    const url = runUrl(process.env)
    await gh.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state: result.verdict === 'fresh' ? 'success' : 'failure',
      context,
      // Addresses can hold for_each keys: redacted like everything else that leaves the step.
      description: statusDescription({ ...result, description: report.redact(result.description) }),
      ...(url ? { target_url: url } : {})
    })
    report.setOutput('freshness-status-sha', sha)
    report.info(`freshness: commit status "${context}" set on ${sha}`)
  } catch (error) {
    const why = apiFailure(error)
    const on = sha ? ` on ${sha.slice(0, 12)}` : ''
    report.warning(
      `could not set the commit status "${context}"${on} (${why}); grant "permissions: statuses: write" to the job; the verdict is in the job summary and the step's result`
    )
  }
}

/** An HTTP failure as one phrase; a cancel fails the step, anything else is a bug and stays loud. */
function apiFailure(error: unknown): string {
  const e = error as { name?: unknown; cause?: unknown }
  if (e?.name === 'AbortError' && e.cause instanceof CancelReason) {
    throw new CancelledWhileError(e.cause.signal, 'checking the plan against the reviewed one')
  }
  const why = httpFailure(error)
  if (why === undefined) throw error
  return why
}
