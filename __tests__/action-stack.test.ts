// The bundled chat-LLM stack through the built action (`stack: chat-llm`) with the user's var file and an override
// file for a local backend, against the azurerm provider (offline mirror in CI): plan -> comment -> apply -> re-plan.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { type World } from './support/action-world.js'
import { startStackWorld } from './support/stack-world.js'
import { withoutMaskCommands } from './support/run-action.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'

const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/action-stack.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

let world: World
let stackInputs: Record<string, string>

beforeAll(async () => {
  if (skipReason) return
  ;({ world, stackInputs } = await startStackWorld())
})

afterAll(async () => {
  await world?.close()
})

suite('stack: chat-llm', () => {
  let planDir = ''
  let digest = ''

  it('plans the whole stack from the action’s own copy and posts a comment that fits', async () => {
    const run = await world.run({ command: 'plan', ...stackInputs })
    expect(withoutMaskCommands(run.stdout)).not.toMatch(/::error/)
    expect(run.code).toBe(0)
    expect(run.outputs['has-changes']).toBe('true')
    expect(Number(run.outputs['to-add'])).toBeGreaterThan(40)
    planDir = run.outputs['plan-dir']
    digest = run.outputs['plan-digest']
    const comments = world.ourComments()
    expect(comments).toHaveLength(1)
    expect(comments[0].body.length).toBeLessThanOrEqual(65536)
    expect(comments[0].body).toContain('stack:chat-llm')
    expect(comments[0].body).toContain('azurerm_linux_web_app')
    // Nothing was written into the action's own files.
    expect(run.outputs['plan-path'].startsWith(world.dirs.temp)).toBe(true)
  })

  it('applies that plan, then a re-plan shows no changes', async () => {
    const apply = await world.run({
      command: 'apply',
      ...stackInputs,
      'plan-path': join(planDir, 'tfplan'),
      'plan-digest': digest,
      'allow-destroy': 'false'
    })
    expect(apply.code).toBe(0)
    expect(apply.outputs['apply-status']).toBe('applied')
    const again = await world.run({ command: 'plan', ...stackInputs })
    expect(again.code).toBe(0)
    expect(again.outputs['has-changes']).toBe('false')
  })
})
