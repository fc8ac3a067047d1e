// The real client (retry + throttling plugins) against the real test server: one comment per target, always.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubClient, type GitHubClient } from '../src/github/client.js'
import { publishPlanComment } from '../src/sticky-comment/publish-comment.js'
import type { RunContext } from '../src/github/context.js'
import {
  describeSinceLastPlan,
  findStickyComment,
  MAX_TRACKED_CHANGES,
  normalizeWorkingDirectory,
  parseStateLine,
  planState,
  stickyMarker,
  updateStickyComment,
  upsertStickyComment,
  withStatusSection,
  type UpsertRequest
} from '../src/sticky-comment/sticky-comment.js'
import {
  compareOrder,
  formatOrderLine,
  parseOrderLine,
  planOrderOf,
  type PlanOrder
} from '../src/sticky-comment/plan-order.js'
import {
  startGitHubApiServer,
  TEST_TOKENS,
  type GitHubApiServer,
  type RecordedRequest
} from './support/github-api-server.js'

const O = 'Codertocat'
const R = 'Hello-World'

let api: GitHubApiServer
const warnings: string[] = []
let runs = 0

beforeAll(async () => {
  api = await startGitHubApiServer()
})
afterAll(async () => {
  expect(api.errors).toEqual([])
  await api.close()
})

/** A client as one workflow run would create it (each run its own throttling queue, short retry waits). */
function client(token: string = TEST_TOKENS.write): GitHubClient {
  return createGitHubClient(token, {
    baseUrl: api.url,
    retryBaseMs: 10,
    throttleId: `run-${++runs}`,
    log: { warning: m => warnings.push(m) }
  })
}

function request(issueNumber: number, changeKeys: string[], extra: Partial<UpsertRequest> = {}): UpsertRequest {
  return {
    owner: O,
    repo: R,
    issueNumber,
    workingDirectory: 'infra/prod',
    workspace: 'default',
    changeKeys,
    render: (_budget, since) => `### Plan: ${changeKeys.length} to change\n\n${since ?? 'first plan'}\n`,
    relistDelayMs: 10,
    settleMs: 10,
    ...extra
  }
}

function ours(issueNumber: number, target = { workingDirectory: 'infra/prod', workspace: 'default' }) {
  const marker = stickyMarker(target)
  return api.state.listComments(O, R, issueNumber).filter(c => c.body.split('\n')[0] === marker)
}

function calls(requests: RecordedRequest[]): string[] {
  return requests.map(r => `${r.method} ${r.operationId}${r.query.page ? ` p${r.query.page}` : ''} ${r.status}`)
}

describe('upsertStickyComment', () => {
  it('keeps exactly one comment among 250 others, found on the last page and updated in place', async () => {
    const issue = 101
    api.addComments(O, R, issue, 250)

    let mark = api.requests.length
    const first = await upsertStickyComment(client(), request(issue, ['create a.b', 'update c.d']))
    expect(first).toMatchObject({ created: true, written: true, apiCalls: 7, sinceLastPlan: undefined })
    // Every page, the write, then every page again to converge (concurrent runs, see sticky-comment.ts).
    expect(calls(api.since(mark))).toEqual([
      'GET issues/list-comments p1 200',
      'GET issues/list-comments p2 200',
      'GET issues/list-comments p3 200',
      'POST issues/create-comment 201',
      'GET issues/list-comments p1 200',
      'GET issues/list-comments p2 200',
      'GET issues/list-comments p3 200'
    ])
    // Comment 251 lives on page 3 of 100.
    const all = api.state.listComments(O, R, issue)
    expect(all.findIndex(c => c.id === first.id)).toBe(250)

    for (let run = 0; run < 3; run++) {
      mark = api.requests.length
      const again = await upsertStickyComment(client(), request(issue, ['create a.b', `update run${run}.x`]))
      expect(again).toMatchObject({ id: first.id, created: false, written: true, apiCalls: 7 })
      // API calls per upsert = 2 x pages listed + 1.
      expect(calls(api.since(mark))).toEqual([
        'GET issues/list-comments p1 200',
        'GET issues/list-comments p2 200',
        'GET issues/list-comments p3 200',
        'PATCH issues/update-comment 200',
        'GET issues/list-comments p1 200',
        'GET issues/list-comments p2 200',
        'GET issues/list-comments p3 200'
      ])
    }
    expect(ours(issue)).toHaveLength(1)
    expect(api.state.listComments(O, R, issue)).toHaveLength(251)
    expect(first.url).toBe(`https://github.com/${O}/${R}/issues/${issue}#issuecomment-${first.id}`)
    expect(await findStickyComment(client(), request(issue, []))).toMatchObject({ id: first.id })
  })

  it('does not write when the body is already identical', async () => {
    const issue = 102
    const req = request(issue, ['create a.b'], { render: () => 'same text' })
    await upsertStickyComment(client(), req)
    await upsertStickyComment(client(), req) // state line and text are now identical
    const mark = api.requests.length
    const result = await upsertStickyComment(client(), req)
    expect(result).toMatchObject({ written: false, apiCalls: 1 })
    expect(calls(api.since(mark))).toEqual(['GET issues/list-comments p1 200'])
  })

  it('says what changed since the last plan: +N/-M, and no change when identical', async () => {
    const issue = 103
    const seen: (string | undefined)[] = []
    const run = async (keys: string[]) => {
      const result = await upsertStickyComment(
        client(),
        request(issue, keys, {
          render: (_b, since) => {
            seen.push(since)
            return `${keys.join(', ')}\n\n${since ?? ''}`
          }
        })
      )
      return result.sinceLastPlan
    }
    expect(await run(['create a', 'update b', 'delete c'])).toBeUndefined()
    expect(await run(['create a', 'update b', 'create d', 'create e'])).toBe(
      'Since the last plan: +2, -1 resource changes'
    )
    expect(await run(['create e', 'create d', 'update b', 'create a'])).toBe('No change since the last plan')
    expect(await run([])).toBe('Since the last plan: +0, -4 resource changes')
    expect(seen).toEqual([
      undefined,
      'Since the last plan: +2, -1 resource changes',
      'No change since the last plan',
      'Since the last plan: +0, -4 resource changes'
    ])
    expect(ours(issue)[0].body).toContain('Since the last plan: +0, -4 resource changes')
  })

  it('recreates the comment once when it was deleted between runs', async () => {
    const issue = 104
    const first = await upsertStickyComment(client(), request(issue, ['create a']))
    api.state.deleteComment(first.id)
    const second = await upsertStickyComment(client(), request(issue, ['create a', 'create b']))
    expect(second.created).toBe(true)
    expect(second.id).not.toBe(first.id)
    const third = await upsertStickyComment(client(), request(issue, ['create a', 'create b', 'create c']))
    expect(third).toMatchObject({ id: second.id, created: false })
    expect(ours(issue)).toHaveLength(1)
  })

  it('creates a new comment when the update gets 404 because it was deleted after listing', async () => {
    const issue = 105
    const first = await upsertStickyComment(client(), request(issue, ['create a']))
    api.injectFault({ operationId: 'issues/update-comment' }, { before: state => state.deleteComment(first.id) })
    const mark = api.requests.length
    const second = await upsertStickyComment(client(), request(issue, ['create a', 'create b']))
    expect(calls(api.since(mark))).toEqual([
      'GET issues/list-comments p1 200',
      'PATCH issues/update-comment 404',
      'GET issues/list-comments p1 200',
      'POST issues/create-comment 201',
      'GET issues/list-comments p1 200'
    ])
    expect(second).toMatchObject({ created: true, apiCalls: 5 })
    // The previous plan's state still counts: the new comment says what changed.
    expect(second.sinceLastPlan).toBe('Since the last plan: +1, -0 resource changes')
    expect(ours(issue).map(c => c.id)).toEqual([second.id])
  })

  it('retries 500 and 502 and still leaves exactly one comment', async () => {
    const issue = 106
    api.addComments(O, R, issue, 120)
    api.injectFault({ operationId: 'issues/list-comments' }, 500, 2)
    const first = await upsertStickyComment(client(), request(issue, ['create a']))
    api.injectFault({ operationId: 'issues/update-comment' }, 502, 2)
    api.injectFault({ operationId: 'issues/list-comments' }, 502)
    const second = await upsertStickyComment(client(), request(issue, ['create b']))
    expect(second).toMatchObject({ id: first.id, created: false })
    expect(api.pendingFaults()).toBe(0)
    expect(ours(issue)).toHaveLength(1)
    expect(ours(issue)[0].body).toContain('Since the last plan: +1, -1 resource changes')
  })

  it('does not create a duplicate when a create fails with 502 after GitHub created the comment', async () => {
    const issue = 107
    api.injectFault({ operationId: 'issues/create-comment' }, { status: 502, afterApply: true })
    const mark = api.requests.length
    const result = await upsertStickyComment(client(), request(issue, ['create a']))
    expect(calls(api.since(mark))).toEqual([
      'GET issues/list-comments p1 200',
      'POST issues/create-comment 502',
      'GET issues/list-comments p1 200'
    ])
    expect(result).toMatchObject({ created: true, written: true })
    expect(ours(issue)).toHaveLength(1)
    expect(ours(issue)[0].id).toBe(result.id)
  })

  it('creates again after a 502 that did not create anything', async () => {
    const issue = 108
    api.injectFault({ operationId: 'issues/create-comment' }, 502)
    const mark = api.requests.length
    const result = await upsertStickyComment(client(), request(issue, ['create a']))
    expect(calls(api.since(mark))).toEqual([
      'GET issues/list-comments p1 200',
      'POST issues/create-comment 502',
      'GET issues/list-comments p1 200',
      'POST issues/create-comment 201',
      'GET issues/list-comments p1 200'
    ])
    expect(result.created).toBe(true)
    expect(ours(issue)).toHaveLength(1)
  })

  it('waits out a secondary rate limit (retry-after) and retries, with a warning', async () => {
    const issue = 109
    api.injectFault({ operationId: 'issues/create-comment' }, 'secondary-rate-limit')
    api.injectFault({ operationId: 'issues/list-comments' }, 'secondary-rate-limit')
    const before = warnings.length
    const started = Date.now()
    const result = await upsertStickyComment(client(), request(issue, ['create a']))
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(result.created).toBe(true)
    expect(ours(issue)).toHaveLength(1)
    expect(warnings.slice(before)).toEqual([
      expect.stringMatching(/secondary rate limit on GET .*retry 1 of 3 in 1 s/),
      expect.stringMatching(/secondary rate limit on POST .*retry 1 of 3 in 1 s/)
    ])
  })

  it('retries once after a primary rate limit', async () => {
    const issue = 110
    api.injectFault({ operationId: 'issues/list-comments' }, 'primary-rate-limit')
    const before = warnings.length
    await upsertStickyComment(client(), request(issue, ['create a']))
    expect(ours(issue)).toHaveLength(1)
    expect(warnings.slice(before)).toEqual([expect.stringMatching(/rate limit reached on GET .*retry 1/)])
  })

  it('keeps targets apart and cannot be broken out of by hostile directory names', async () => {
    const issue = 111
    const dirs = ['infra/-->', '</details>', 'a--b', 'x" , "ws":"prod', 'infra/<!--', 'infra/prod']
    for (const dir of dirs) {
      const marker = stickyMarker({ workingDirectory: dir, workspace: 'default' })
      expect(marker.indexOf('-->')).toBe(marker.length - 3)
      expect(marker.slice(4, -3)).not.toMatch(/[<>]|--/)
      expect(JSON.parse(marker.slice('<!-- terraform-pr-gate: '.length, -4))).toEqual({
        dir: normalizeWorkingDirectory(dir),
        ws: 'default'
      })
      await upsertStickyComment(client(), request(issue, ['create a'], { workingDirectory: dir }))
      await upsertStickyComment(client(), request(issue, ['create b'], { workingDirectory: dir }))
    }
    // A user quoting our marker, or a comment for another workspace, is not ours.
    const quoted = `> ${stickyMarker({ workingDirectory: 'infra/prod', workspace: 'default' })}\n> quoted`
    api.state.addComment(O, R, issue, quoted, { login: 'octocat', id: 583231, type: 'User' })
    await upsertStickyComment(client(), request(issue, ['create a'], { workspace: 'staging' }))
    await upsertStickyComment(client(), request(issue, ['create c']))
    const comments = api.state.listComments(O, R, issue)
    expect(comments).toHaveLength(dirs.length + 2)
    for (const dir of dirs) expect(ours(issue, { workingDirectory: dir, workspace: 'default' })).toHaveLength(1)
    expect(comments.find(c => c.body === quoted)).toBeDefined()
    // The same directory spelled differently is the same comment.
    expect(stickyMarker({ workingDirectory: './infra//prod/', workspace: '' })).toBe(
      stickyMarker({ workingDirectory: 'infra/prod', workspace: 'default' })
    )
  })

  it('never exceeds 65,536 characters, even when render ignores its budget', async () => {
    const issue = 112
    const keys = Array.from({ length: 1500 }, (_, i) => `create module.m.aws_instance.i[${i}]`)
    let budgetSeen = 0
    const greedy = await upsertStickyComment(
      client(),
      request(issue, keys, {
        render: budget => {
          budgetSeen = budget
          return '😀'.repeat(budget) // twice the budget in UTF-16 units
        }
      })
    )
    const body = api.state.comments.get(greedy.id)!.body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toContain('truncated')
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/) // no broken surrogate pair
    expect(parseStateLine(body.split('\n')[1])?.hashes?.size).toBe(1500)

    const exact = await upsertStickyComment(client(), request(issue, keys, { render: budget => 'y'.repeat(budget) }))
    expect(api.state.comments.get(exact.id)!.body.length).toBe(65536)
    expect(budgetSeen).toBe(65536 - body.indexOf('\n', body.indexOf('\n') + 1) - 1)

    const small = await upsertStickyComment(
      client(),
      request(issue, keys, { maxChars: 20000, render: budget => 'z'.repeat(budget * 2) })
    )
    expect(api.state.comments.get(small.id)!.body.length).toBeLessThanOrEqual(20000)
    expect(ours(issue)).toHaveLength(1)
  })

  it(`stores only the count above ${MAX_TRACKED_CHANGES} changes and says so`, async () => {
    const issue = 113
    const many = Array.from({ length: MAX_TRACKED_CHANGES + 500 }, (_, i) => `create r.x[${i}]`)
    const first = await upsertStickyComment(client(), request(issue, many))
    const stateLine = api.state.comments.get(first.id)!.body.split('\n')[1]
    expect(stateLine).toBe(`<!-- terraform-pr-gate-state: v1 n=${many.length} -->`)
    const second = await upsertStickyComment(client(), request(issue, many.slice(0, 100)))
    expect(second.sinceLastPlan).toBe(
      'Since the last plan: 2,500 → 100 resource changes (too many to compare one by one)'
    )
    const third = await upsertStickyComment(client(), request(issue, many.slice(50, 150)))
    expect(third.sinceLastPlan).toBe('Since the last plan: +50, -50 resource changes')
    // The previous comment has hashes, so the comparison stays exact even above the cap.
    const fourth = await upsertStickyComment(client(), request(issue, many))
    expect(fourth.sinceLastPlan).toBe('Since the last plan: +2,400, -0 resource changes')
  })

  it('updates only when asked not to create (changes-only without changes)', async () => {
    const issue = 114
    const mark = api.requests.length
    expect(await upsertStickyComment(client(), { ...request(issue, []), createIfMissing: false })).toBeUndefined()
    expect(calls(api.since(mark))).toEqual(['GET issues/list-comments p1 200'])
    await upsertStickyComment(client(), request(issue, ['create a']))
    const updated = await upsertStickyComment(client(), { ...request(issue, []), createIfMissing: false })
    expect(updated).toMatchObject({ created: false, sinceLastPlan: 'Since the last plan: +0, -1 resource changes' })
  })

  it('puts an apply status on top of the plan and keeps the plan state', async () => {
    const issue = 115
    const keys = ['create a', 'update b']
    const plan = await upsertStickyComment(client(), request(issue, keys))
    const target = {
      owner: O,
      repo: R,
      issueNumber: issue,
      workingDirectory: 'infra/prod',
      workspace: 'default',
      settleMs: 10
    }
    const applied = await updateStickyComment(client(), target, (md, budget) =>
      withStatusSection(md ?? '', '**Apply succeeded** in run 7', budget)
    )
    expect(applied).toMatchObject({ id: plan.id, created: false })
    const again = await updateStickyComment(client(), target, (md, budget) =>
      withStatusSection(md ?? '', '**Apply succeeded** in run 8', budget)
    )
    const body = api.state.comments.get(again!.id)!.body
    expect(body).toContain('**Apply succeeded** in run 8')
    expect(body).not.toContain('run 7')
    expect(body).toContain('### Plan: 2 to change')
    // kind 'apply' re-renders but keeps the state too, so the next plan compares with the reviewed one.
    await upsertStickyComment(client(), request(issue, ['other'], { kind: 'apply', render: () => 'applied' }))
    const next = await upsertStickyComment(client(), request(issue, keys))
    expect(next.sinceLastPlan).toBe('No change since the last plan')
    expect(ours(issue)).toHaveLength(1)
    expect(await updateStickyComment(client(), { ...target, issueNumber: 999 }, () => 'x')).toBeUndefined()
  })
})

describe('publishPlanComment', () => {
  const ctx = (issue: number, extra: Partial<RunContext> = {}): RunContext => ({
    eventName: 'pull_request',
    owner: O,
    repo: R,
    sha: 'abc',
    runUrl: undefined,
    pullRequest: { number: issue, headSha: 'abc', isFork: false, headRepo: `${O}/${R}` },
    ...extra
  })
  const plan = { workingDirectory: '.', workspace: 'default', changeKeys: ['create a'], render: () => 'plan' }

  it('degrades a read-only token to a warning instead of failing', async () => {
    const outcome = await publishPlanComment(client(TEST_TOKENS.readOnly), ctx(201), 'always', true, plan)
    expect(outcome).toEqual({
      status: 'degraded',
      httpStatus: 403,
      warning: expect.stringContaining(
        'the token cannot write comments (HTTP 403: Resource not accessible by integration)'
      )
    })
    expect(api.state.listComments(O, R, 201)).toEqual([])
    await expect(upsertStickyComment(client(TEST_TOKENS.readOnly), request(201, ['create a']))).rejects.toMatchObject({
      status: 403
    })
  })

  it('skips forks, non-PR runs and comment: off without any API call', async () => {
    const mark = api.requests.length
    const fork = ctx(202, { pullRequest: { number: 202, headSha: 'a', isFork: true, headRepo: 'x/y' } })
    expect(await publishPlanComment(client(), fork, 'always', true, plan)).toEqual({
      status: 'skipped',
      reason: 'fork',
      warning: 'pull request from a fork: the token cannot write comments; the plan is in the job summary'
    })
    expect(await publishPlanComment(client(), ctx(0, { pullRequest: undefined }), 'always', true, plan)).toEqual({
      status: 'skipped',
      reason: 'not-a-pull-request'
    })
    expect(await publishPlanComment(client(), ctx(202), 'off', true, plan)).toEqual({
      status: 'skipped',
      reason: 'off'
    })
    expect(api.since(mark)).toEqual([])
  })

  it('changes-only: no new comment without changes, but an existing one is refreshed', async () => {
    expect(await publishPlanComment(client(), ctx(203), 'changes-only', false, plan)).toEqual({ status: 'not-needed' })
    expect(api.state.listComments(O, R, 203)).toEqual([])
    const written = await publishPlanComment(client(), ctx(203), 'changes-only', true, plan)
    expect(written).toMatchObject({ status: 'written', result: { created: true } })
    const refreshed = await publishPlanComment(client(), ctx(203), 'changes-only', false, {
      ...plan,
      changeKeys: [],
      render: () => 'no changes'
    })
    expect(refreshed).toMatchObject({ status: 'written', result: { created: false } })
    expect(api.state.listComments(O, R, 203)).toHaveLength(1)
  })
})

describe('plan state', () => {
  it('round-trips hashes through the state line', () => {
    const state = planState(['a', 'b', 'b', 'c'])
    expect(state.count).toBe(3)
    const line = `<!-- terraform-pr-gate-state: v1 n=3 h=${Buffer.from([...state.hashes!].sort().join(''), 'hex').toString('base64')} -->`
    expect(parseStateLine(line)).toEqual(state)
    expect(describeSinceLastPlan(undefined, state)).toBeUndefined()
    expect(describeSinceLastPlan(parseStateLine(line), planState(['c', 'a', 'b']))).toBe(
      'No change since the last plan'
    )
    expect(parseStateLine('<!-- terraform-pr-gate-state: garbage -->')).toBeUndefined()
  })
})

describe('concurrent upserts (several runs for one target at once)', () => {
  const order = (runId: number, runAttempt = 1): PlanOrder => ({ eventTime: 1_767_000_000, runId, runAttempt })
  const planOf = (runId: number, attempt = 1) =>
    request(0, [`create run${runId}.${attempt}`], {
      order: order(runId, attempt),
      settleMs: 150,
      render: () => `### Plan of run ${runId} attempt ${attempt}\n`
    })
  const shown = (issue: number) => ours(issue).map(c => /Plan of run (\d+ attempt \d+)/.exec(c.body)?.[1])

  it('never writes an older plan over a newer one, and says so', async () => {
    const issue = 201
    await upsertStickyComment(client(), { ...planOf(20), issueNumber: issue })
    const mark = api.requests.length
    const older = await upsertStickyComment(client(), { ...planOf(19), issueNumber: issue })
    expect(older.superseded).toEqual(order(20))
    expect(older.written).toBe(false)
    expect(calls(api.since(mark))).toEqual(['GET issues/list-comments p1 200'])
    // A later attempt of the same run is newer.
    await upsertStickyComment(client(), { ...planOf(20, 2), issueNumber: issue })
    expect(shown(issue)).toEqual(['20 attempt 2'])
  })

  it('converges to one comment with the newest plan, whatever the interleaving (12 races of 2 to 4 runs)', async () => {
    const failures: string[] = []
    for (let race = 0; race < 12; race++) {
      const issue = 300 + race
      const n = 2 + (race % 3)
      if (race % 2 === 0) await upsertStickyComment(client(), { ...planOf(1), issueNumber: issue })
      // All runs list before any writes; writes land in a random order, up to 100 ms apart.
      api.injectFault({ path: `/repos/${O}/${R}/issues/${issue}/comments`, method: 'GET' }, { barrier: n }, n)
      for (let i = 0; i < n; i++) {
        api.injectFault(
          { path: new RegExp(`/comments(/\\d+)?$`), method: 'PATCH' },
          { delayMs: (race * 37 * (i + 1)) % 100 }
        )
      }
      const runs = Array.from({ length: n }, (_, i) => 10 + ((i * 7 + race) % n))
      await Promise.all(runs.map(id => upsertStickyComment(client(), { ...planOf(id), issueNumber: issue })))
      const left = shown(issue)
      const newest = `${Math.max(...runs)} attempt 1`
      if (left.length !== 1 || left[0] !== newest)
        failures.push(`race ${race}: ${JSON.stringify(left)}, newest ${newest}`)
      api.clearFaults()
    }
    expect(failures).toEqual([])
  }, 120_000)

  it('an older run that overwrites the newer plan after the newer run wrote is repaired by the newer run', async () => {
    const issue = 202
    await upsertStickyComment(client(), { ...planOf(1), issueNumber: issue })
    // Both read plan 1; the newer run's edit lands first, the older one's 60 ms later (inside the settle time).
    api.injectFault({ path: `/repos/${O}/${R}/issues/${issue}/comments`, method: 'GET' }, { barrier: 2 }, 2)
    const mark = api.requests.length
    api.injectFault({ method: 'PATCH', body: /Plan of run 5 / }, { delayMs: 60 })
    const older = upsertStickyComment(client(), { ...planOf(5), issueNumber: issue })
    const newer = upsertStickyComment(client(), { ...planOf(6), issueNumber: issue })
    const [, nw] = await Promise.all([older, newer])
    expect(shown(issue)).toEqual(['6 attempt 1'])
    expect(nw.superseded).toBeUndefined()
    // The newer run wrote twice: its plan, and again after it found the older plan over it.
    const newerWrites = api
      .since(mark)
      .filter(r => r.method === 'PATCH' && /Plan of run 6 /.test(JSON.stringify(r.body)))
    expect(newerWrites).toHaveLength(2)
  })

  it('orders plans by event time, then run id, then attempt', () => {
    const base = { GITHUB_RUN_ID: '500', GITHUB_RUN_ATTEMPT: '1' }
    const at = (time: string) => ({ pull_request: { updated_at: time } })
    const rerunOfOld = planOrderOf({ GITHUB_RUN_ID: '400', GITHUB_RUN_ATTEMPT: '3' }, at('2026-01-01T10:00:00Z'))
    const newPush = planOrderOf(base, at('2026-01-01T10:05:00Z'))
    expect(compareOrder(newPush, rerunOfOld)).toBeGreaterThan(0)
    expect(compareOrder(planOrderOf({ ...base, GITHUB_RUN_ATTEMPT: '2' }, at('2026-01-01T10:05:00Z')), newPush)).toBe(1)
    expect(parseOrderLine(formatOrderLine(newPush))).toEqual(newPush)
    expect(planOrderOf({}, {})).toEqual({ eventTime: 0, runId: 0, runAttempt: 0 })
  })
})
