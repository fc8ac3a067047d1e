// The REST client's time bounds against the real stand-in: an attempt that gets no answer times out and is
// retried, the caller's deadline ends everything with a DeadlineError cause, and a cancel aborts at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubClient, deadlineSignal, type GitHubClientOptions } from '../src/github/client.js'
import { describeWriteFailure } from '../src/sticky-comment/comment-policy.js'
import { startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './support/github-api-server.js'

const O = 'Codertocat'
const R = 'Hello-World'
let api: GitHubApiServer
let runs = 0

beforeAll(async () => {
  api = await startGitHubApiServer()
  // The stand-in compiles its response schemas on first use: do that before timing anything.
  await list(client({ requestTimeoutMs: 30_000 }), 400)
})
afterAll(async () => {
  expect(api.errors).toEqual([])
  await api.close()
})

function client(opts: GitHubClientOptions = {}) {
  return createGitHubClient(TEST_TOKENS.write, {
    baseUrl: api.url,
    retryBaseMs: 10,
    requestTimeoutMs: 1000,
    throttleId: `timeouts-${++runs}`,
    ...opts
  })
}

const list = (gh: ReturnType<typeof client>, issue: number) =>
  gh.rest.issues.listComments({ owner: O, repo: R, issue_number: issue })

describe('GitHub client time bounds', () => {
  it('times out an attempt that gets no answer and retries it', async () => {
    api.injectFault({ path: /\/issues\/401\// }, 'hang', 2)
    const hungBefore = api.hung.length
    const res = await list(client(), 401)
    expect(res.status).toBe(200)
    expect(api.hung.length - hungBefore).toBe(2)
  })

  it('gives up after the retries with a network error the comment turns into a warning', async () => {
    api.injectFault({ path: /\/issues\/402\// }, 'hang', 3)
    const started = Date.now()
    const error = await list(client(), 402).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(6000)
    expect(describeWriteFailure(error)?.warning).toBe(
      'could not write the pull request comment: no answer from GitHub within 1 s; the plan is in the job summary'
    )
  })

  it('ends at the deadline, whatever is left to retry', async () => {
    api.injectFault({ path: /\/issues\/403\// }, 'hang', Infinity)
    const started = Date.now()
    const error = await list(client({ requestTimeoutMs: 10_000, signal: deadlineSignal(500) }), 403).catch(
      (e: unknown) => e
    )
    expect(Date.now() - started).toBeLessThan(1500)
    expect(describeWriteFailure(error)?.warning).toBe(
      'could not write the pull request comment: GitHub did not answer within 0.5 s; the plan is in the job summary'
    )
    api.clearFaults()
  })

  it('a cancel aborts the pending request at once and is not a write failure', async () => {
    api.injectFault({ path: /\/issues\/404\// }, 'hang', Infinity)
    const cancel = new AbortController()
    const pending = list(client({ requestTimeoutMs: 10_000, signal: deadlineSignal(60_000, cancel.signal) }), 404)
    await new Promise(resolve => setTimeout(resolve, 200))
    const started = Date.now()
    cancel.abort(new Error('SIGTERM received'))
    const error = (await pending.catch((e: unknown) => e)) as Error
    expect(Date.now() - started).toBeLessThan(200)
    expect(error.name).toBe('AbortError')
    expect(error.message).toBe('SIGTERM received')
    expect(describeWriteFailure(error)).toBeUndefined()
    api.clearFaults()
  })
})
