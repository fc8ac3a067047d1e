// The pure half of the freshness check: the comparison with the comment's recorded plan (through the sticky
// comment's own state line, formatted and parsed as the comment stores it) and finding the pull request in real
// merge_group payloads from @octokit/webhooks-examples.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { comparePlan } from '../src/freshness/compare-plan.js'
import { pullRequestOfQueueRef, reviewTarget } from '../src/freshness/review-target.js'
import { formatStateLine, parseStateLine, planState } from '../src/sticky-comment/sticky-comment.js'

/** The reviewed plan as the next run reads it back from the comment. */
const recorded = (keys: string[], countOnly = false) =>
  parseStateLine(formatStateLine(countOnly ? { count: planState(keys).count } : planState(keys)))

const reviewedKeys = ['create terraform_data.app', 'create terraform_data.db', 'update terraform_data.worker[0]']

describe('comparePlan', () => {
  it('the same keys in another order: fresh', () => {
    const result = comparePlan(recorded(reviewedKeys), [...reviewedKeys].reverse())
    expect(result).toMatchObject({ verdict: 'fresh', added: [], removed: 0, reviewedCount: 3, currentCount: 3 })
    expect(result.description).toBe('plan unchanged since review (3 resource changes)')
  })

  it('added and removed keys: stale, +N −M, the new ones named', () => {
    const now = ['create terraform_data.app', 'delete terraform_data.db', 'create terraform_data.extra']
    const result = comparePlan(recorded(reviewedKeys), now)
    expect(result.verdict).toBe('stale')
    expect(result.added).toEqual(['create terraform_data.extra', 'delete terraform_data.db'])
    expect(result.removed).toBe(2)
    expect(result.description).toBe('plan changed since review: +2 −2 (new: create terraform_data.extra, 1 more)')
  })

  it('a long new address keeps the description within a commit status', () => {
    const long = `create terraform_data.${'x'.repeat(200)}`
    const result = comparePlan(recorded(reviewedKeys), [...reviewedKeys, long])
    expect(result.description).toBe('plan changed since review: +1 −0')
  })

  it('no record: unreviewed, unless there is nothing to apply', () => {
    expect(comparePlan(undefined, reviewedKeys)).toMatchObject({
      verdict: 'unreviewed',
      description: 'no reviewed plan recorded; the merged result plans 3 resource changes'
    })
    expect(comparePlan(undefined, [])).toMatchObject({
      verdict: 'fresh',
      description: 'no changes to apply (no reviewed plan recorded)'
    })
  })

  it('a comment that kept only the count (too many changes): compared by count', () => {
    expect(comparePlan(recorded(reviewedKeys, true), ['a', 'b', 'c'])).toMatchObject({
      verdict: 'fresh',
      byCountOnly: true
    })
    expect(comparePlan(recorded(reviewedKeys, true), ['a'])).toMatchObject({
      verdict: 'stale',
      description: 'plan changed since review: 3 resource changes → 1 resource change (compared by count only)'
    })
  })

  it('a reviewed plan with no changes and a merged result with some: stale', () => {
    expect(comparePlan(recorded([]), ['create terraform_data.app'])).toMatchObject({
      verdict: 'stale',
      added: ['create terraform_data.app'],
      removed: 0
    })
  })
})

describe('reviewTarget', () => {
  const examples = (
    createRequire(import.meta.url)('@octokit/webhooks-examples') as Array<{ name: string; examples: unknown[] }>
  ).find(d => d.name === 'merge_group')!.examples as Array<{ merge_group: { head_ref: string; head_sha: string } }>

  it.each(examples.map((e, i) => [i, e] as const))(
    'finds the pull request and the merge group commit in merge_group example %i',
    (_, payload) => {
      const number = Number(/\/pr-(\d+)-/.exec(payload.merge_group.head_ref)![1])
      expect(reviewTarget('merge_group', payload, undefined)).toEqual({
        pullRequest: number,
        sha: payload.merge_group.head_sha,
        source: `merge queue branch ${payload.merge_group.head_ref.replace('refs/heads/', '')}`
      })
    }
  )

  it('reads queue branches with slashes in the base branch, and nothing else', () => {
    const sha = 'a'.repeat(40)
    expect(pullRequestOfQueueRef(`refs/heads/gh-readonly-queue/release/2.x/pr-7-${sha}`)).toBe(7)
    expect(pullRequestOfQueueRef(`gh-readonly-queue/main/pr-123-${sha}`)).toBe(123)
    expect(pullRequestOfQueueRef(`refs/heads/main`)).toBeUndefined()
    expect(pullRequestOfQueueRef(`refs/heads/gh-readonly-queue/main/pr-x-${sha}`)).toBeUndefined()
  })

  it('a merge_group payload without a queue branch is one clear error', () => {
    expect(() => reviewTarget('merge_group', { merge_group: { head_ref: 'refs/heads/main' } }, undefined)).toThrow(
      /^freshness-check: the merge_group event names no pull request \(head_ref "refs\/heads\/main"\)/
    )
  })

  it('the input wins; the head commit comes from the event only for that same pull request', () => {
    const event = { pull_request: { number: 5, head: { sha: 'b'.repeat(40) } } }
    expect(reviewTarget('pull_request', event, 5)).toMatchObject({ pullRequest: 5, sha: 'b'.repeat(40) })
    expect(reviewTarget('pull_request', event, 6)).toEqual({ pullRequest: 6, source: 'input pull-request (6)' })
    expect(reviewTarget('pull_request', event, undefined)).toMatchObject({ pullRequest: 5, sha: 'b'.repeat(40) })
  })
})
