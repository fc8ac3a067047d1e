// The edge between the plan command and the sticky comment: applies the comment policy, writes the comment, and
// turns write failures into a typed outcome. The caller prints `warning` with core.warning and always writes the
// job summary; nothing here throws for an HTTP error.
import type { GitHubClient } from '../github/client.js'
import { decideComment, describeWriteFailure, type CommentMode, type SkipReason } from './comment-policy.js'
import type { RunContext } from '../github/context.js'
import { upsertStickyComment, type UpsertRequest, type UpsertResult } from './sticky-comment.js'

export type CommentOutcome =
  | { status: 'written'; result: UpsertResult }
  /** changes-only without changes and no comment to update. */
  | { status: 'not-needed' }
  | { status: 'skipped'; reason: SkipReason; warning?: string }
  | { status: 'degraded'; httpStatus: number | undefined; warning: string }

export type PlanCommentRequest = Omit<UpsertRequest, 'owner' | 'repo' | 'issueNumber' | 'createIfMissing' | 'kind'>

export async function publishPlanComment(
  client: GitHubClient,
  ctx: RunContext,
  mode: CommentMode,
  hasChanges: boolean,
  req: PlanCommentRequest
): Promise<CommentOutcome> {
  const decision = decideComment(ctx, mode, hasChanges)
  if (decision.action === 'skip') {
    return { status: 'skipped', reason: decision.reason, ...(decision.warning ? { warning: decision.warning } : {}) }
  }
  const full: UpsertRequest = { ...req, owner: ctx.owner, repo: ctx.repo, issueNumber: decision.issueNumber }
  try {
    if (decision.action === 'update-only') {
      const result = await upsertStickyComment(client, { ...full, createIfMissing: false })
      return result ? { status: 'written', result } : { status: 'not-needed' }
    }
    return { status: 'written', result: await upsertStickyComment(client, full) }
  } catch (err) {
    const failure = describeWriteFailure(err)
    if (!failure) throw err
    return { status: 'degraded', httpStatus: failure.status, warning: failure.warning }
  }
}
