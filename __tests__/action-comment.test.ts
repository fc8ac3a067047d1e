// The sticky comment through the built action: one comment of ours among 250 others after repeated runs and
// injected faults; forks, read-only tokens and runs outside a pull request degrade to the job summary.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startWorld, type World } from './support/action-world.js'
import { TEST_TOKENS } from './support/github-api-server.js'
import { workflowCommands } from './support/run-action.js'

let world: World | undefined

afterEach(async () => {
  await world?.close()
  world = undefined
})

describe('sticky comment', () => {
  it('keeps exactly one comment of ours among 250 others, through faults, and says what changed', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
    const w = world
    w.api.addComments(w.owner, w.repo, w.pr, 250)
    // The first create answers 502 after GitHub already stored the comment: it must not be created twice.
    w.api.injectFault({ operationId: 'issues/create-comment' }, { status: 502, afterApply: true })
    const first = await w.run({ command: 'plan' })
    expect(first.code).toBe(0)
    expect(w.ourComments()).toHaveLength(1)

    // Secondary rate limit and a 500 on listing: retried, still one comment, updated in place.
    w.api.injectFault({ operationId: 'issues/list-comments' }, 'secondary-rate-limit')
    w.api.injectFault({ operationId: 'issues/list-comments' }, 500)
    const mark = w.api.requests.length
    const second = await w.run({ command: 'plan', variables: 'instances=3' })
    expect(second.code).toBe(0)
    const ours = w.ourComments()
    expect(ours).toHaveLength(1)
    expect(second.outputs['comment-id']).toBe(String(ours[0].id))
    expect(ours[0].body).toContain('Since the last plan: +1, -0 resource changes')

    // API calls for one upsert: every page listed (3 pages of 100 for 251 comments), 1 write, and every page
    // again after the settle time (the converge check against concurrent runs).
    const third = w.api.requests.length
    const again = await w.run({ command: 'plan', variables: 'instances=3' })
    expect(again.code).toBe(0)
    const calls = w.api.since(third).filter(r => r.operationId?.startsWith('issues/'))
    expect(calls.map(r => `${r.method} ${r.operationId}`)).toEqual([
      'GET issues/list-comments',
      'GET issues/list-comments',
      'GET issues/list-comments',
      'PATCH issues/update-comment',
      'GET issues/list-comments',
      'GET issues/list-comments',
      'GET issues/list-comments'
    ])
    expect(w.ourComments()[0].body).toContain('No change since the last plan')
    expect(w.api.since(mark).some(r => r.status === 403)).toBe(true)
    expect(w.api.pendingFaults()).toBe(0)
    expect(w.api.errors).toEqual([])
  })

  it('comment: off writes nothing, the job summary still has the plan', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
    const run = await world.run({ command: 'plan', comment: 'off' })
    expect(run.code).toBe(0)
    expect(world.ourComments()).toHaveLength(0)
    expect(run.summary).toContain('4 to add')
  })
})

describe('degrading to the job summary', () => {
  it('pull request from a fork: no comment, a warning, not a failure', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app', event: 'pull_request.fork' })
    const run = await world.run({ command: 'plan', 'github-token': TEST_TOKENS.readOnly })
    expect(run.code).toBe(0)
    expect(world.ourComments()).toHaveLength(0)
    expect(workflowCommands(run.stdout, 'warning').join('\n')).toContain('pull request from a fork')
    expect(run.summary).toContain('4 to add')
    expect(world.api.requests.filter(r => r.method !== 'GET')).toEqual([])
  })

  it('a token that cannot write: a warning naming the permission, not a failure', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
    const run = await world.run({ command: 'plan', 'github-token': TEST_TOKENS.readOnly })
    expect(run.code).toBe(0)
    expect(world.ourComments()).toHaveLength(0)
    expect(workflowCommands(run.stdout, 'warning').join('\n')).toContain('pull-requests: write')
    expect(run.summary).toContain('4 to add')
  })

  it('push: no comment at all, job summary only', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app', event: 'push' })
    const run = await world.run({ command: 'plan' })
    expect(run.code).toBe(0)
    expect(world.api.requests).toEqual([])
    expect(run.summary).toContain('4 to add')
  })
})

describe('apply after merge (push): the status goes to the pull request the commit came from', () => {
  it('finds the merged pull request by commit and puts the apply status on its comment', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app', event: 'push' })
    const w = world
    const sha = w.event.env.GITHUB_SHA
    w.api.state.addPullRequest(w.owner, w.repo, 7, { state: 'closed', mergeCommitSha: sha })
    const plan = await w.run({ command: 'plan' })
    expect(plan.code).toBe(0)
    const apply = await w.run({
      command: 'apply',
      'plan-path': `${plan.outputs['plan-dir']}/tfplan`,
      'plan-digest': plan.outputs['plan-digest']
    })
    expect(apply.code).toBe(0)
    const comments = w.api.state.listComments(w.owner, w.repo, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('Applied')
    expect(apply.outputs['comment-url']).toMatch(/\/7#issuecomment-\d+$/)
    expect(w.api.errors).toEqual([])
  })
})

describe('a failing plan', () => {
  it('fails the step with terraform’s reason and marks the existing comment as out of date', async () => {
    world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
    const ok = await world.run({ command: 'plan' })
    expect(ok.code).toBe(0)
    const failed = await world.run({ command: 'plan', variables: 'instances=many' })
    expect(failed.code).toBe(1)
    const failures = failed.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/^::error::terraform plan failed \(exit 1\): Invalid value for input variable/)
    const comments = world.ourComments()
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('Plan failed')
    expect(comments[0].body).toContain('out of date')
  })
})
