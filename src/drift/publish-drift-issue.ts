// The edge between the drift command and its issue: applies the policy (forks, no token), syncs the issue, and
// turns write failures into a typed outcome; nothing here throws for an HTTP error.
import type { GitHubClient } from '../github/client.js'
import type { RunContext } from '../github/context.js'
import { describeWriteFailure } from '../sticky-comment/comment-policy.js'
import { decideDriftIssue, DRIFT_ISSUE_WORDING } from './drift-policy.js'
import { syncDriftIssue, type DriftIssueRequest, type DriftIssueResult } from './drift-issue.js'

export type DriftIssueOutcome =
  | { status: 'synced'; result: DriftIssueResult }
  | { status: 'skipped'; warning: string }
  | { status: 'degraded'; httpStatus: number | undefined; warning: string }

export async function publishDriftIssue(
  client: () => GitHubClient,
  ctx: RunContext,
  token: string,
  req: Omit<DriftIssueRequest, 'owner' | 'repo'>
): Promise<DriftIssueOutcome> {
  const decision = decideDriftIssue(ctx, token)
  if (decision.action === 'skip') return { status: 'skipped', warning: decision.warning }
  try {
    return { status: 'synced', result: await syncDriftIssue(client(), { ...req, owner: ctx.owner, repo: ctx.repo }) }
  } catch (error) {
    const failure = describeWriteFailure(error, DRIFT_ISSUE_WORDING)
    if (!failure) throw error
    return { status: 'degraded', httpStatus: failure.status, warning: failure.warning }
  }
}
