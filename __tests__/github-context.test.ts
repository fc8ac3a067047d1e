// Run context and comment policy from real webhook payloads (@octokit/webhooks-examples).
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { decideComment, describeWriteFailure, FORK_WARNING } from '../src/sticky-comment/comment-policy.js'
import { readEventPayload, readRunContext } from '../src/github/context.js'
import { UserError } from '../src/errors.js'
import { createGitHubClient } from '../src/github/client.js'
import { publishPlanComment } from '../src/sticky-comment/publish-comment.js'
import { startGitHubApiServer, TEST_TOKENS } from './support/github-api-server.js'
import { eventPayload, writeGitHubEvent, type WrittenEvent } from './support/github-event.js'

const written: WrittenEvent[] = []
afterEach(async () => {
  for (const ev of written.splice(0)) await ev.cleanup()
})

async function contextFor(kind: Parameters<typeof writeGitHubEvent>[0], mutate?: (p: Record<string, unknown>) => void) {
  const ev = await writeGitHubEvent(kind, { apiUrl: 'http://127.0.0.1:1', runId: '42', mutate })
  written.push(ev)
  return { ev, ctx: readRunContext(ev.env, readEventPayload(ev.env)) }
}

describe('readRunContext', () => {
  it('pull_request.opened: the PR number, head SHA, not a fork, run link', async () => {
    const { ev, ctx } = await contextFor('pull_request.opened')
    const pr = ev.payload.pull_request as { number: number; head: { sha: string } }
    expect(ctx).toEqual({
      eventName: 'pull_request',
      owner: 'Codertocat',
      repo: 'Hello-World',
      sha: pr.head.sha,
      runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/42',
      pullRequest: { number: pr.number, headSha: pr.head.sha, isFork: false, headRepo: 'Codertocat/Hello-World' }
    })
    expect(ev.env).toMatchObject({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_API_URL: 'http://127.0.0.1:1',
      GITHUB_SERVER_URL: 'https://github.com'
    })
    expect(existsSync(ev.env.GITHUB_EVENT_PATH)).toBe(true)
  })

  it('pull_request.synchronize: the new head SHA', async () => {
    const { ev, ctx } = await contextFor('pull_request.synchronize')
    expect(ctx.pullRequest).toMatchObject({ headSha: (ev.payload.pull_request as { head: { sha: string } }).head.sha })
    expect(ctx.pullRequest?.headSha).toMatch(/^[0-9a-f]{40}$/)
  })

  it('a fork PR is detected from the head repository', async () => {
    const { ctx } = await contextFor('pull_request.fork')
    expect(ctx.pullRequest).toMatchObject({ isFork: true, headRepo: 'octocat-fork/Hello-World' })
    expect(decideComment(ctx, 'always', true)).toEqual({ action: 'skip', reason: 'fork', warning: FORK_WARNING })
  })

  it('pull_request_target counts as a PR and may comment on a fork (its token can write)', async () => {
    const { ev, ctx } = await contextFor('pull_request_target.fork')
    expect(ctx.eventName).toBe('pull_request_target')
    expect(ctx.pullRequest).toMatchObject({ isFork: true })
    expect(ev.env.GITHUB_REF).toMatch(/^refs\/heads\//)
    expect(decideComment(ctx, 'always', true)).toEqual({ action: 'upsert', issueNumber: ctx.pullRequest!.number })
  })

  it('a fork whose repository was deleted (head.repo null) is still a fork', async () => {
    const { ctx } = await contextFor('pull_request.opened', p => {
      ;(p.pull_request as { head: { repo: unknown } }).head.repo = null
    })
    expect(ctx.pullRequest).toMatchObject({ isFork: true, headRepo: undefined })
  })

  it('push: no pull request, the pushed commit', async () => {
    const { ev, ctx } = await contextFor('push')
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.sha).toBe(ev.payload.after)
    expect(ctx.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(decideComment(ctx, 'always', true)).toEqual({ action: 'skip', reason: 'not-a-pull-request' })
  })

  it('workflow_dispatch: no pull request', async () => {
    const { ctx } = await contextFor('workflow_dispatch')
    expect(ctx).toMatchObject({ eventName: 'workflow_dispatch', owner: 'octo-org', repo: 'octo-repo' })
    expect(ctx.pullRequest).toBeUndefined()
  })

  it('a pull_request payload under another event name is not a PR run', () => {
    const { payload } = eventPayload('pull_request.opened')
    const ctx = readRunContext(
      { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_REPOSITORY: 'Codertocat/Hello-World' },
      payload
    )
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.runUrl).toBeUndefined()
  })

  it('names the run attempt in the run link after a re-run', () => {
    const ctx = readRunContext(
      {
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SERVER_URL: 'https://ghe.example/'
      },
      {}
    )
    expect(ctx.runUrl).toBe('https://ghe.example/o/r/actions/runs/9/attempts/2')
  })

  it('without a repository it is a UserError', () => {
    expect(() => readRunContext({}, {})).toThrow(UserError)
    expect(readEventPayload({})).toEqual({})
    expect(() => readEventPayload({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(UserError)
  })
})

describe('decideComment', () => {
  const pr = readRunContext(
    { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'Codertocat/Hello-World' },
    eventPayload('pull_request.opened').payload
  )
  const n = pr.pullRequest!.number

  it.each([
    ['always', true, { action: 'upsert', issueNumber: n }],
    ['always', false, { action: 'upsert', issueNumber: n }],
    ['changes-only', true, { action: 'upsert', issueNumber: n }],
    ['changes-only', false, { action: 'update-only', issueNumber: n }],
    ['off', true, { action: 'skip', reason: 'off' }]
  ] as const)('comment: %s, changes: %s', (mode, hasChanges, expected) => {
    expect(decideComment(pr, mode, hasChanges)).toEqual(expected)
  })
})

describe('describeWriteFailure', () => {
  const httpError = (status: number, message: string) =>
    Object.assign(new Error(message), { name: 'HttpError', status })

  it('turns HTTP errors into warnings and leaves other errors alone', () => {
    expect(
      describeWriteFailure(httpError(403, 'Resource not accessible by integration - https://docs.github.com/x'))
    ).toEqual({
      status: 403,
      warning: expect.stringContaining('(HTTP 403: Resource not accessible by integration); grant')
    })
    expect(describeWriteFailure(httpError(403, 'You have exceeded a secondary rate limit.'))?.warning).toContain(
      'GitHub rate limit'
    )
    expect(describeWriteFailure(httpError(502, 'Server Error'))?.warning).toContain('(HTTP 502: Server Error)')
    expect(describeWriteFailure(new TypeError('x is undefined'))).toBeUndefined()
  })
})

describe('from a real event to the comment', () => {
  it('pull_request.opened: context from the written event, comment on the PR through GITHUB_API_URL', async () => {
    const api = await startGitHubApiServer()
    try {
      const ev = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
      written.push(ev)
      api.state.addPullRequestFromEvent(ev.payload)
      const ctx = readRunContext(ev.env, readEventPayload(ev.env))
      const client = createGitHubClient(TEST_TOKENS.write, { baseUrl: ev.env.GITHUB_API_URL, retryBaseMs: 10 })
      const pull = await client.rest.pulls.get({
        owner: ctx.owner,
        repo: ctx.repo,
        pull_number: ctx.pullRequest!.number
      })
      expect(pull.data.head.sha).toBe(ctx.pullRequest!.headSha)
      const outcome = await publishPlanComment(client, ctx, 'always', true, {
        workingDirectory: '.',
        workspace: 'default',
        changeKeys: ['create null_resource.x'],
        render: () => 'Plan: 1 to add'
      })
      expect(outcome).toMatchObject({ status: 'written', result: { created: true } })
      const id = outcome.status === 'written' ? outcome.result.id : 0
      expect(api.state.comments.get(id)?.body).toContain('Plan: 1 to add')
      expect(outcome.status === 'written' && outcome.result.url).toBe(
        `https://github.com/Codertocat/Hello-World/pull/${ctx.pullRequest!.number}#issuecomment-${id}`
      )
      expect(api.errors).toEqual([])
    } finally {
      await api.close()
    }
  })
})
