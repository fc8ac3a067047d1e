// Whether to write the PR comment, and how a failed write is reported. Pure: no I/O.
//
// - Outside a pull request (push, workflow_dispatch, schedule): no comment; the job summary has the plan.
// - `pull_request` from a fork: no comment, one warning. GitHub gives such runs a read-only GITHUB_TOKEN.
//   `pull_request_target` runs in the base repository with a writable token, so it does comment.
// - `comment: off`: never.
// - `comment: changes-only` and the plan has no changes: no NEW comment, but an existing one is updated, so a
//   PR whose changes were reverted does not keep showing a stale plan ("update-only").
// - A write that fails with an HTTP error (403 read-only token, 404 no access, rate limits after the retries,
//   5xx), no answer after the retries, or the time budget spent becomes a warning, never a failed job: the
//   comment is a convenience, the job summary is the record. A cancel is not a write failure.
import type { RunContext } from '../github/context.js'

export type CommentMode = 'always' | 'changes-only' | 'off'

export const COMMENT_MODES: readonly CommentMode[] = ['always', 'changes-only', 'off']

export type SkipReason = 'not-a-pull-request' | 'fork' | 'off'

export type CommentDecision =
  | { action: 'upsert'; issueNumber: number }
  /** Update an existing comment, never create one. */
  | { action: 'update-only'; issueNumber: number }
  | { action: 'skip'; reason: SkipReason; warning?: string }

export const FORK_WARNING = 'pull request from a fork: the token cannot write comments; the plan is in the job summary'

export function decideComment(ctx: RunContext, mode: CommentMode, hasChanges: boolean): CommentDecision {
  if (mode === 'off') return { action: 'skip', reason: 'off' }
  const pr = ctx.pullRequest
  if (!pr) return { action: 'skip', reason: 'not-a-pull-request' }
  if (pr.isFork && ctx.eventName !== 'pull_request_target') {
    return { action: 'skip', reason: 'fork', warning: FORK_WARNING }
  }
  if (mode === 'changes-only' && !hasChanges) return { action: 'update-only', issueNumber: pr.number }
  return { action: 'upsert', issueNumber: pr.number }
}

export interface WriteFailure {
  /** HTTP status, undefined for a network error. */
  status: number | undefined
  warning: string
}

/** How a failed write names what it wrote; the default is the sticky pull request comment. */
export interface WriteWording {
  /** e.g. "the pull request comment" */
  what: string
  /** e.g. "the token cannot write comments" */
  cannot: string
  /** the permission to grant, e.g. "pull-requests: write" */
  permission: string
  /** where the result still is, e.g. "the plan is in the job summary" */
  tail: string
}

export const COMMENT_WORDING: WriteWording = {
  what: 'the pull request comment',
  cannot: 'the token cannot write comments',
  permission: 'pull-requests: write',
  tail: 'the plan is in the job summary'
}

/**
 * The warning for a failed comment write, or undefined when `err` is not an HTTP error from the client (a bug,
 * which must keep failing loudly).
 */
export function describeWriteFailure(err: unknown, wording: WriteWording = COMMENT_WORDING): WriteFailure | undefined {
  const e = err as { status?: unknown; name?: unknown; message?: unknown; response?: unknown; cause?: unknown }
  const { what, tail } = wording
  // The caller's time budget ran out (client.ts deadlineSignal); a cancel is not a write failure.
  if (e?.name === 'AbortError' && (e.cause as { name?: unknown })?.name === 'DeadlineError') {
    return {
      status: undefined,
      warning: `could not write ${what}: ${(e.cause as Error).message}; ${tail}`
    }
  }
  if (!e || e.name !== 'HttpError' || typeof e.status !== 'number') return undefined
  const status = e.status
  // Octokit appends " - <documentation url>" to GitHub's message.
  const message = typeof e.message === 'string' ? e.message.split('\n')[0].replace(/ - https:\/\/\S+$/, '') : ''
  // No response at all: a network error or a timeout after the retries (octokit calls it status 500).
  if (status === 500 && e.response === undefined) {
    return {
      status: undefined,
      warning: `could not write ${what}: ${message || 'no answer from GitHub'}; ${tail}`
    }
  }
  if (status === 403 && /rate limit/i.test(message)) {
    return { status, warning: `could not write ${what}: GitHub rate limit (${message}); ${tail}` }
  }
  if (status === 401 || status === 403 || status === 404) {
    return {
      status,
      warning:
        `could not write ${what}: ${wording.cannot} (HTTP ${status}: ${message}); ` +
        `grant "permissions: ${wording.permission}" to the job; ${tail}`
    }
  }
  return { status, warning: `could not write ${what} (HTTP ${status}: ${message}); ${tail}` }
}
