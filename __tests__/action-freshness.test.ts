// Plan freshness in the merge queue, end to end through the built action with real terraform plans and the GitHub
// stand-in: a PR plan writes the sticky comment (the reviewed plan); a merge_group run (a real @octokit/webhooks-
// examples payload, moved onto the PR's repository and branch) plans the merged result, compares it with the
// comment's recorded plan and sets a commit status the merge queue can require.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { actionsEnv, webhookExample } from './support/github-event.js'
import { TEST_TOKENS, type StoredStatus } from './support/github-api-server.js'
import { withoutMaskCommands, workflowCommands, type ActionRun } from './support/run-action.js'

let world: World
let eventDir: string
let root: string
const CONTEXT = 'terraform-pr-gate/freshness: infra/app (default)'
const freshness = { 'freshness-check': 'true' }

/** The environment of a merge_group run whose queue branch names pull request `pr`. */
function mergeGroupEnv(pr: number, name: string): { env: Record<string, string>; headSha: string } {
  const payload = webhookExample('merge_group', 'checks_requested')
  const group = payload.merge_group as { head_ref: string; head_sha: string; base_ref: string }
  const prHead = (world.event.payload.pull_request as { head: { sha: string } }).head.sha
  // The example's repository is octo-org/octo-repo; the PR (and its comment) are in the pull_request example's.
  payload.repository = world.event.payload.repository
  group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${pr}-${prHead}`
  // Every queue attempt is a new merge commit; one per run keeps each run's statuses apart.
  group.head_sha = createHash('sha1').update(name).digest('hex')
  const file = join(eventDir, `${name}.json`)
  writeFileSync(file, JSON.stringify(payload, null, 2))
  const env = actionsEnv('merge_group', payload, file, { apiUrl: world.api.url })
  return { env: { ...env, GITHUB_SHA: group.head_sha, GITHUB_REF: group.head_ref }, headSha: group.head_sha }
}

const statusesOf = (sha: string): StoredStatus[] => world.api.state.statusesFor(world.owner, world.repo, sha)
const errorLines = (run: ActionRun): string[] => workflowCommands(run.stdout, 'error')

async function combined(sha: string): Promise<{ state: string; statuses: Array<{ context: string; state: string }> }> {
  const res = await fetch(`${world.api.url}/repos/${world.owner}/${world.repo}/commits/${sha}/status`, {
    headers: { authorization: `token ${TEST_TOKENS.readOnly}`, accept: 'application/vnd.github+json' }
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { state: string; statuses: Array<{ context: string; state: string }> }
}

beforeAll(async () => {
  world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
  root = join(world.dirs.workspace, 'infra/app')
  eventDir = mkdtempSync(join(tmpdir(), 'tfgate-merge-group-'))
}, 60_000)

afterAll(async () => {
  await world?.close()
  if (eventDir) rmSync(eventDir, { recursive: true, force: true })
})

describe('freshness check on merge_group', () => {
  let reviewedBody: string

  it('the PR plan records the reviewed plan in its sticky comment', async () => {
    const plan = await world.run({ command: 'plan' })
    expect(plan.code).toBe(0)
    const comments = world.ourComments()
    expect(comments).toHaveLength(1)
    reviewedBody = comments[0].body
    expect(reviewedBody).toMatch(/^<!-- terraform-pr-gate-state: v1 n=4 h=\S+ -->$/m)
  })

  it('the same plan on the merge group: a success status, the comment untouched', async () => {
    const { env, headSha } = mergeGroupEnv(world.pr, 'same')
    const run = await world.run(freshness, env)
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.freshness).toBe('fresh')
    expect(run.outputs['freshness-status-sha']).toBe(headSha)
    expect(run.outputs['has-changes']).toBe('true')
    expect(statusesOf(headSha)).toEqual([
      expect.objectContaining({
        context: CONTEXT,
        state: 'success',
        description: 'plan unchanged since review (4 resource changes)',
        targetUrl: `https://github.com/${world.owner}/${world.repo}/actions/runs/${env.GITHUB_RUN_ID}`
      })
    ])
    expect(await combined(headSha)).toMatchObject({ state: 'success', statuses: [{ context: CONTEXT }] })
    const listed = await fetch(`${world.api.url}/repos/${world.owner}/${world.repo}/commits/${headSha}/statuses`, {
      headers: { authorization: `token ${TEST_TOKENS.readOnly}`, accept: 'application/vnd.github+json' }
    })
    expect(await listed.json()).toEqual([
      expect.objectContaining({ context: CONTEXT, state: 'success', creator: expect.objectContaining({ type: 'Bot' }) })
    ])
    expect(run.summary).toContain('Freshness: Plan unchanged since review')
    expect(run.summary).toContain(`pull request #${world.pr}`)
    expect(world.ourComments().map(c => c.body)).toEqual([reviewedBody])
    expect(world.api.errors).toEqual([])
  })

  it('a changed root: a failure status "+N −M" naming what is new, a failed step, the comment untouched', async () => {
    writeFileSync(join(root, 'extra.tf'), 'resource "terraform_data" "extra" {\n  input = "added after review"\n}\n')
    try {
      const { env, headSha } = mergeGroupEnv(world.pr, 'changed')
      const run = await world.run({ ...freshness, variables: 'instances=1' }, env)
      expect(run.code).toBe(1)
      expect(run.outputs.freshness).toBe('stale')
      const description = 'plan changed since review: +1 −1 (new: create terraform_data.extra)'
      expect(statusesOf(headSha)).toEqual([
        expect.objectContaining({ context: CONTEXT, state: 'failure', description })
      ])
      expect((await combined(headSha)).state).toBe('failure')
      expect(errorLines(run)).toEqual([
        `::error::${description} for infra/app (default) of pull request #${world.pr}; Update the pull request (merge or rebase onto its base) so it plans again, have the new plan reviewed, then queue it again`
      ])
      expect(run.summary).toContain('Freshness: Plan changed since review')
      expect(run.summary).toContain('**New since review** (1):')
      expect(run.summary).toContain('<code>create terraform_data.extra</code>')
      expect(run.summary).toContain('**Reviewed but no longer planned:** 1')
      expect(world.ourComments().map(c => c.body)).toEqual([reviewedBody])
      expect(world.api.errors).toEqual([])
    } finally {
      rmSync(join(root, 'extra.tf'))
    }
  })

  it('a PR without a plan comment: a failure status "no reviewed plan recorded"', async () => {
    const other = world.pr + 100
    const { env, headSha } = mergeGroupEnv(other, 'no-comment')
    const run = await world.run(freshness, env)
    expect(run.code).toBe(1)
    expect(run.outputs.freshness).toBe('unreviewed')
    const description = 'no reviewed plan recorded; the merged result plans 4 resource changes'
    expect(statusesOf(headSha)).toEqual([expect.objectContaining({ context: CONTEXT, state: 'failure', description })])
    expect(errorLines(run)).toEqual([
      `::error::${description} for infra/app (default) of pull request #${other}; Plan the pull request (with a comment: the comment records the reviewed plan) and have it reviewed, then queue it again`
    ])
    expect(run.summary).toContain('Freshness: No reviewed plan recorded')
    expect(world.api.errors).toEqual([])
  })

  it('a merged result that cannot be planned: a failure status saying why, the step fails with the plan error', async () => {
    const { env, headSha } = mergeGroupEnv(world.pr, 'unplannable')
    const run = await world.run({ ...freshness, variables: 'instances=many' }, env)
    expect(run.code).toBe(1)
    expect(run.outputs.freshness).toBe('unplanned')
    const [status] = statusesOf(headSha)
    expect(status).toMatchObject({ context: CONTEXT, state: 'failure' })
    expect(status.description).toMatch(/^could not plan the merged result: terraform plan failed/)
    expect(status.description!.length).toBeLessThanOrEqual(140)
    expect(errorLines(run)).toHaveLength(1)
    expect(world.ourComments().map(c => c.body)).toEqual([reviewedBody])
    expect(world.api.errors).toEqual([])
  })

  it('a read-only token: the verdict stands, a warning instead of the status, no crash', async () => {
    const { env, headSha } = mergeGroupEnv(world.pr, 'read-only')
    const before = statusesOf(headSha).length
    const run = await world.run({ ...freshness, 'github-token': TEST_TOKENS.readOnly }, env)
    expect(run.stderr).toBe('')
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.freshness).toBe('fresh')
    expect(run.outputs['freshness-status-sha']).toBeUndefined()
    expect(workflowCommands(run.stdout, 'warning')).toContain(
      `::warning::could not set the commit status "${CONTEXT}" on ${headSha.slice(0, 12)} (HTTP 403: Resource not accessible by integration); grant "permissions: statuses: write" to the job; the verdict is in the job summary and the step's result`
    )
    expect(statusesOf(headSha)).toHaveLength(before)
    expect(withoutMaskCommands(run.stdout)).not.toContain(TEST_TOKENS.readOnly)
  })
})

describe('freshness check on demand and its inputs', () => {
  it('workflow_dispatch with pull-request: the status goes on the PR head commit', async () => {
    const pull = world.api.state.pull(world.owner, world.repo, world.pr)!
    const before = statusesOf(pull.headSha).length
    const run = await world.run(
      { ...freshness, 'pull-request': String(world.pr) },
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: '' }
    )
    expect(errorLines(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs['freshness-status-sha']).toBe(pull.headSha)
    expect(statusesOf(pull.headSha)).toHaveLength(before + 1)
    expect(statusesOf(pull.headSha)[0]).toMatchObject({ context: CONTEXT, state: 'success' })
    expect(world.api.errors).toEqual([])
  })

  it('a run with no pull request to compare with stops in one line before terraform runs', async () => {
    const run = await world.run(freshness, { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: '' })
    expect(run.code).toBe(1)
    expect(errorLines(run)).toEqual([
      '::error::freshness-check: a workflow_dispatch run has no pull request; run it on merge_group or pull_request, or set input pull-request to the PR number'
    ])
    expect(run.stdout).not.toMatch(/^::group::terraform/m)
  })

  it.each([
    [{ 'pull-request': '12' }, 'input pull-request: "12" is set without freshness-check: true; it names'],
    [{ ...freshness, 'pull-request': 'abc' }, 'input pull-request: "abc" is not a pull request number; use e.g. 123'],
    [
      { ...freshness, command: 'validate' },
      'input freshness-check: true is only for command plan (got command validate)'
    ]
  ])('bad inputs: %j', async (inputs, message) => {
    const run = await world.run(inputs)
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`::error::${message}`)
  })
})
