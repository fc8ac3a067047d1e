// Pure: which pull request's reviewed plan a freshness check compares with, and which commit gets the status.
// - merge_group: the PR is in merge_group.head_ref (refs/heads/gh-readonly-queue/<base>/pr-<number>-<head sha>),
//   the status goes on merge_group.head_sha, the commit the merge queue tests.
// - pull_request / pull_request_target: the event's PR; the status goes on its head commit.
// - anything else (workflow_dispatch): the `pull-request` input; its head commit is looked up by the caller.
import { UserError } from '../errors.js'

export interface ReviewTarget {
  pullRequest: number
  /** The commit to set the status on; undefined: look up the PR's head commit. */
  sha?: string
  /** Where the PR came from, for the log. */
  source: string
}

interface EventLike {
  merge_group?: { head_ref?: unknown; head_sha?: unknown }
  pull_request?: { number?: unknown; head?: { sha?: unknown } }
}

const QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40,64}$/

/** The PR number in a merge queue branch name, or undefined. */
export function pullRequestOfQueueRef(ref: string): number | undefined {
  const m = QUEUE_REF.exec(ref)
  return m ? Number(m[1]) : undefined
}

export function reviewTarget(eventName: string, payload: unknown, input: number | undefined): ReviewTarget {
  const event = (payload ?? {}) as EventLike
  if (input !== undefined) {
    const pr = event.pull_request
    const sha = pr?.number === input && typeof pr.head?.sha === 'string' ? pr.head.sha : undefined
    return { pullRequest: input, ...(sha ? { sha } : {}), source: `input pull-request (${input})` }
  }
  if (eventName === 'merge_group') {
    const ref = String(event.merge_group?.head_ref ?? '')
    const number = pullRequestOfQueueRef(ref)
    const sha = String(event.merge_group?.head_sha ?? '')
    if (number === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) {
      throw new UserError(
        `freshness-check: the merge_group event names no pull request (head_ref ${JSON.stringify(ref)}); expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>, or set input pull-request`
      )
    }
    return { pullRequest: number, sha, source: `merge queue branch ${ref.replace(/^refs\/heads\//, '')}` }
  }
  const pr = event.pull_request
  if (eventName.startsWith('pull_request') && typeof pr?.number === 'number') {
    const sha = typeof pr.head?.sha === 'string' ? pr.head.sha : undefined
    return { pullRequest: pr.number, ...(sha ? { sha } : {}), source: `the ${eventName} event` }
  }
  throw new UserError(
    `freshness-check: a ${eventName || 'local'} run has no pull request; run it on merge_group or pull_request, or set input pull-request to the PR number`
  )
}
