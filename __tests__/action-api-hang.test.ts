// A GitHub API that accepts the connection and never answers, through the built action: the plan step still ends
// within its stated bound (COMMENT_BUDGET_MS for everything the comment does) with a warning and all its outputs,
// and a cancel during the hung call ends the action within 5 s with the "cancelled" line.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startWorld, type World } from './support/action-world.js'
import { TEST_TOKENS } from './support/github-api-server.js'
import { actionEnv, finishAction, startAction, workflowCommands } from './support/run-action.js'
import { COMMENT_BUDGET_MS } from '../src/sticky-comment/pr-comment.js'

let world: World | undefined

afterEach(async () => {
  await world?.close()
  world = undefined
})

function planEnv(w: World): NodeJS.ProcessEnv {
  return actionEnv(
    w.dirs,
    {
      command: 'plan',
      'working-directory': 'infra/app',
      'terraform-download-url': w.releases.url,
      'terraform-signing-key': w.releases.publicKeyArmored,
      'terraform-version': '1.11.4',
      'github-token': TEST_TOKENS.write
    },
    w.event.env
  )
}

/** Resolves when the stand-in holds `n` unanswered requests. */
async function untilHung(w: World, n = 1, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (w.api.hung.length < n) {
    if (Date.now() > until) throw new Error(`no hung API request within ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

describe('GitHub API accepts and never answers', () => {
  it(`the plan step ends within its bound (${COMMENT_BUDGET_MS / 1000} s for the comment) with a warning`, async () => {
    world = await startWorld({ fixture: 'validate-ok', rootPath: 'infra/app' })
    const w = world
    w.api.injectFault({}, 'hang', Infinity)
    const child = startAction(planEnv(w))
    const done = finishAction(child, w.dirs)
    await untilHung(w)
    const hungAt = Date.now()
    const run = await done
    const waited = Date.now() - hungAt

    expect(run.code).toBe(0)
    expect(waited).toBeLessThan(COMMENT_BUDGET_MS + 3000)
    // Each attempt timed out and was retried: more than one request hung.
    expect(w.api.hung.length).toBeGreaterThan(1)
    expect(workflowCommands(run.stdout, 'warning')).toContain(
      `::warning::could not write the pull request comment: GitHub did not answer within ${COMMENT_BUDGET_MS / 1000} s; the plan is in the job summary`
    )
    expect(workflowCommands(run.stdout, 'error')).toEqual([])
    // Everything but the comment is there.
    expect(run.outputs['has-changes']).toBe('true')
    expect(run.outputs['plan-digest']).toMatch(/^[0-9a-f]{64}$/)
    expect(run.outputs['comment-id']).toBeUndefined()
    expect(run.summary).toContain('1 to add')
  }, 180_000)

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s during the hung call: exit within 5 s, "cancelled"',
    async signal => {
      world = await startWorld({ fixture: 'validate-ok', rootPath: 'infra/app' })
      const w = world
      w.api.injectFault({}, 'hang', Infinity)
      const child = startAction(planEnv(w))
      const done = finishAction(child, w.dirs)
      await untilHung(w)
      const sentAt = Date.now()
      child.kill(signal)
      const run = await done
      const took = Date.now() - sentAt

      expect(took).toBeLessThan(5000)
      expect(run.code).toBe(1)
      expect(workflowCommands(run.stdout, 'error')).toEqual([
        `::error::cancelled: ${signal} received while writing the pull request comment; stopped without waiting for an answer`
      ])
      // The plan itself was complete: its outputs are set.
      expect(run.outputs['plan-digest']).toMatch(/^[0-9a-f]{64}$/)
    },
    180_000
  )

  it('SIGTERM while the comment waits to check for concurrent runs: the wait ends at once', async () => {
    world = await startWorld({ fixture: 'validate-ok', rootPath: 'infra/app' })
    const w = world
    const child = startAction(planEnv(w))
    const done = finishAction(child, w.dirs)
    // The create went through; the action now waits (settle time) before listing again.
    const until = Date.now() + 120_000
    while (!w.api.requests.some(r => r.operationId === 'issues/create-comment' && r.status === 201)) {
      if (Date.now() > until) throw new Error('the comment was never created')
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    const sentAt = Date.now()
    child.kill('SIGTERM')
    const run = await done
    expect(Date.now() - sentAt).toBeLessThan(1500)
    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout, 'error')).toEqual([
      '::error::cancelled: SIGTERM received while writing the pull request comment; stopped without waiting for an answer'
    ])
    expect(w.ourComments()).toHaveLength(1)
  }, 180_000)
})
