// The drift issue protocol with the real client against the GitHub stand-in (issues and labels routes checked
// against GitHub's OpenAPI description): one issue per (root, workspace) among many others, updated in place,
// closed with a comment when the drift is gone, one issue left when two runs race, and 403s as warnings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubClient, type GitHubClient } from '../src/github/client.js'
import type { RunContext } from '../src/github/context.js'
import { syncDriftIssue, type DriftIssueRequest } from '../src/drift/drift-issue.js'
import { publishDriftIssue } from '../src/drift/publish-drift-issue.js'
import {
  decideDriftIssue,
  driftIssueTitle,
  driftMarker,
  FORK_WARNING,
  isDriftIssueOf,
  planIssueWrites
} from '../src/drift/drift-policy.js'
import { stickyMarker } from '../src/sticky-comment/sticky-comment.js'
import { issueStore, startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './support/github-api-server.js'

const O = 'Codertocat'
const R = 'Hello-World'
const LABEL = 'terraform-drift'

let api: GitHubApiServer
let runs = 0

beforeAll(async () => {
  api = await startGitHubApiServer()
})
afterAll(async () => {
  expect(api.errors).toEqual([])
  await api.close()
})

function client(token: string = TEST_TOKENS.write): GitHubClient {
  return createGitHubClient(token, { baseUrl: api.url, retryBaseMs: 10, throttleId: `drift-run-${++runs}` })
}

function request(dir: string, hasDrift: boolean, text = 'drift'): DriftIssueRequest {
  const target = { workingDirectory: dir, workspace: 'default' }
  return {
    owner: O,
    repo: R,
    ...target,
    label: LABEL,
    hasDrift,
    body: hasDrift ? `${driftMarker(target)}\n${text}` : '',
    runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/42',
    settleMs: 50
  }
}

const ours = (dir: string, state?: 'open' | 'closed') =>
  issueStore(api.state)
    .list(O, R)
    .filter(i => isDriftIssueOf(i.body, driftMarker({ workingDirectory: dir, workspace: 'default' })))
    .filter(i => !state || i.state === state)

describe('the marker', () => {
  it('is the sticky comment marker under another name, so the two never match each other', () => {
    const target = { workingDirectory: './infra/<prod>-->/', workspace: 'default' }
    expect(driftMarker(target)).toBe(
      '<!-- terraform-pr-gate-drift: {"dir":"infra/\\u003cprod\\u003e\\u002d\\u002d\\u003e","ws":"default"} -->'
    )
    expect(stickyMarker(target)).toBe(driftMarker(target).replace('terraform-pr-gate-drift', 'terraform-pr-gate'))
    expect(isDriftIssueOf(`${driftMarker(target)}\r\nbody`, driftMarker(target))).toBe(true)
    expect(isDriftIssueOf(`quoted: ${driftMarker(target)}`, driftMarker(target))).toBe(false)
    expect(driftIssueTitle({ workingDirectory: 'infra', workspace: 'prod' })).toBe(
      'Terraform drift: infra (workspace prod)'
    )
  })
})

describe('the decisions (pure)', () => {
  const open = (number: number, body = 'x') => ({ number, url: `u${number}`, body })
  it('creates, updates, keeps, closes, and closes duplicates as duplicates of the oldest', () => {
    expect(planIssueWrites([], true, 'x')).toEqual([{ kind: 'create' }])
    expect(planIssueWrites([], false, '')).toEqual([])
    expect(planIssueWrites([open(5, 'old')], true, 'x')).toEqual([{ kind: 'update', number: 5 }])
    expect(planIssueWrites([open(5)], true, 'x')).toEqual([{ kind: 'keep', number: 5 }])
    expect(planIssueWrites([open(9), open(5)], false, '')).toEqual([
      { kind: 'close-resolved', number: 5 },
      { kind: 'close-resolved', number: 9 }
    ])
    expect(planIssueWrites([open(9), open(5, 'old')], true, 'x')).toEqual([
      { kind: 'update', number: 5 },
      { kind: 'close-duplicate', number: 9, of: 5 }
    ])
    // After our own create: ours is the oldest, nothing to do; else ours is the duplicate.
    expect(planIssueWrites([open(5), open(9)], true, 'x', 5)).toEqual([])
    expect(planIssueWrites([open(5, 'old'), open(9), open(12)], true, 'x', 12)).toEqual([
      { kind: 'update', number: 5 },
      { kind: 'close-duplicate', number: 12, of: 5 }
    ])
  })

  it('skips forks (pull_request, not pull_request_target) and an empty token', () => {
    const ctx = (eventName: string, isFork: boolean): RunContext => ({
      eventName,
      owner: O,
      repo: R,
      sha: 'abc',
      runUrl: undefined,
      pullRequest: { number: 1, headSha: 'abc', isFork, headRepo: 'fork/x' }
    })
    expect(decideDriftIssue(ctx('pull_request', true), 't')).toEqual({ action: 'skip', warning: FORK_WARNING })
    expect(decideDriftIssue(ctx('pull_request_target', true), 't')).toEqual({ action: 'write' })
    expect(decideDriftIssue(ctx('pull_request', false), '')).toMatchObject({ action: 'skip' })
    expect(decideDriftIssue({ ...ctx('schedule', false), pullRequest: undefined }, 't')).toEqual({ action: 'write' })
  })
})

describe('syncDriftIssue against the stand-in', () => {
  it('opens one labelled issue among 150 others, updates it in place, then comments and closes it', async () => {
    const store = issueStore(api.state)
    // Another root's drift issue creates the label; then 150 issues with the same label (two pages of the list).
    await syncDriftIssue(client(), request('infra/other', true, 'other root'))
    for (let i = 0; i < 150; i++) store.addIssue(O, R, { title: `other ${i}`, body: `body ${i}`, labels: [LABEL] })

    const mark = api.requests.length
    const first = await syncDriftIssue(client(), request('infra/app', true, 'first'))
    expect(first.created).toBe(true)
    expect(ours('infra/app')).toHaveLength(1)
    const issue = ours('infra/app')[0]
    expect(issue.labels).toEqual([LABEL])
    expect(issue.title).toBe('Terraform drift: infra/app')
    expect(first.issue?.url).toBe(`https://github.com/${O}/${R}/issues/${issue.number}`)
    // The label was created by the other root's run, with our colour; this run found it.
    expect(store.label(O, R, LABEL)).toMatchObject({ color: 'd93f0b' })
    const calls = api.since(mark).map(r => `${r.method} ${r.operationId} ${r.query.page ?? ''}`.trim())
    expect(calls).toEqual([
      'GET issues/list-for-repo 1',
      'GET issues/list-for-repo 2',
      'GET issues/get-label',
      'POST issues/create',
      'GET issues/list-for-repo 1',
      'GET issues/list-for-repo 2'
    ])

    const second = await syncDriftIssue(client(), request('infra/app', true, 'second'))
    expect(second).toMatchObject({ created: false, updated: true, issue: { number: issue.number } })
    expect(ours('infra/app')).toHaveLength(1)
    expect(ours('infra/app')[0].body).toMatch(/second$/)
    const same = await syncDriftIssue(client(), request('infra/app', true, 'second'))
    expect(same).toMatchObject({ updated: false, steps: [{ kind: 'keep' }] })

    const gone = await syncDriftIssue(client(), request('infra/app', false))
    expect(gone.closed).toEqual([issue.number])
    expect(ours('infra/app', 'open')).toHaveLength(0)
    expect(store.get(O, R, issue.number)).toMatchObject({ state: 'closed', stateReason: 'completed' })
    const comments = api.state.listComments(O, R, issue.number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(
      'No drift since [this run](https://github.com/Codertocat/Hello-World/actions/runs/42)'
    )
    // The other root's issue is untouched; a second no-drift run does nothing.
    expect(ours('infra/other', 'open')).toHaveLength(1)
    const again = await syncDriftIssue(client(), request('infra/app', false))
    expect(again.steps).toEqual([])
    // Drift again later: a new issue (the closed one stays closed as the record of the earlier drift).
    const back = await syncDriftIssue(client(), request('infra/app', true, 'back'))
    expect(back.created).toBe(true)
    expect(ours('infra/app', 'open')).toHaveLength(1)
  })

  it('two runs racing on the create leave one open issue with the drift; the other is closed as a duplicate', async () => {
    // Both list before either creates.
    api.injectFault({ operationId: 'issues/list-for-repo' }, { barrier: 2 }, 2)
    const [a, b] = await Promise.all([
      syncDriftIssue(client(), request('infra/race', true, 'run a')),
      syncDriftIssue(client(), request('infra/race', true, 'run b'))
    ])
    const open = ours('infra/race', 'open')
    expect(open).toHaveLength(1)
    const closed = ours('infra/race', 'closed')
    expect(closed).toHaveLength(1)
    expect(closed[0].stateReason).toBe('not_planned')
    expect(api.state.listComments(O, R, closed[0].number)[0].body).toContain(`duplicate of #${open[0].number}`)
    expect([a.created, b.created].sort()).toEqual([false, true])
    expect(a.issue?.number).toBe(open[0].number)
    expect(b.issue?.number).toBe(open[0].number)
  })

  it('a create answered 502 after GitHub stored the issue is not repeated: the next list finds it', async () => {
    api.injectFault({ operationId: 'issues/create' }, { status: 502, afterApply: true })
    const mark = api.requests.length
    const result = await syncDriftIssue(client(), request('infra/ambiguous', true, 'created once'))
    expect(ours('infra/ambiguous')).toHaveLength(1)
    expect(result).toMatchObject({ created: true, issue: { number: ours('infra/ambiguous')[0].number } })
    expect(api.since(mark).filter(r => r.operationId === 'issues/create')).toEqual([
      expect.objectContaining({ status: 502, fault: '502 after apply' })
    ])
    expect(api.pendingFaults()).toBe(0)
  })

  it('a label created by a concurrent run meanwhile (422 already_exists) is fine', async () => {
    // The label did not exist when this run asked, and does when it creates it.
    api.injectFault({ operationId: 'issues/get-label' }, 404)
    issueStore(api.state).addLabel(O, R, 'late-label')
    const result = await syncDriftIssue(client(), { ...request('infra/label', true), label: 'late-label' })
    expect(result.created).toBe(true)
    expect(api.requests.filter(r => r.operationId === 'issues/create-label').map(r => r.status)).toContain(422)
  })

  it('a read-only token: a warning naming issues: write, no throw', async () => {
    const ctx: RunContext = { eventName: 'schedule', owner: O, repo: R, sha: 'abc', runUrl: undefined }
    const outcome = await publishDriftIssue(() => client(TEST_TOKENS.readOnly), ctx, TEST_TOKENS.readOnly, {
      ...request('infra/readonly', true)
    })
    expect(outcome).toMatchObject({ status: 'degraded', httpStatus: 403 })
    expect(outcome.status === 'degraded' && outcome.warning).toContain('grant "permissions: issues: write"')
    expect(ours('infra/readonly')).toHaveLength(0)
  })
})
