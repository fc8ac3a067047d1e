// No false masks through the built action on the bundled stack's second plan (`stack: chat-llm`, env/dev.tfvars,
// local backend): plan, apply, then plan a new image tag, App Service SKU, model capacity and model version. The
// comment, the job summary and the log keep every name ("chat" sits in the sensitive app_settings), and the runner
// is asked to mask credentials only, never an ordinary word.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { type World } from './support/action-world.js'
import { startStackWorld } from './support/stack-world.js'
import { withoutMaskCommands } from './support/run-action.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'
import { TEST_TOKENS } from './support/github-api-server.js'

const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/action-stack-masking.test.ts', skipReason)
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

/** The values the action registered with the runner (`::add-mask::`), the token aside. */
function maskedValues(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(l => l.startsWith('::add-mask::'))
    .map(l => l.slice('::add-mask::'.length))
    .filter(v => v !== TEST_TOKENS.write)
}

suite('stack: chat-llm, the second plan', () => {
  it('changes no name or ordinary value by masking, in the comment, the summary or the log', async () => {
    const first = await world.run({ command: 'plan', ...stackInputs })
    expect(first.code).toBe(0)
    const apply = await world.run({
      command: 'apply',
      ...stackInputs,
      'plan-path': join(first.outputs['plan-dir'], 'tfplan'),
      'plan-digest': first.outputs['plan-digest']
    })
    expect(apply.code).toBe(0)
    const update = await world.run({
      command: 'plan',
      ...stackInputs,
      variables: [
        'app_image_name=chat-api:0.2.0',
        'app_sku_name=P0v3',
        'model_deployments={chat={model_name="gpt-4o",model_version="2024-08-06",sku_name="DataZoneStandard",capacity=20}}'
      ].join('\n')
    })
    expect(update.code).toBe(0)
    expect(update.outputs['to-change']).toBe('4')

    const comment = world.ourComments()[0].body
    const log = withoutMaskCommands(update.stdout)
    for (const [place, text] of Object.entries({ comment, summary: update.summary, log }))
      expect({ place, masked: text.includes('***') || text.includes('&#42;&#42;&#42;') }).toEqual({
        place,
        masked: false
      })
    const seen = comment.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    expect(seen).toContain('stack:chat-llm')
    expect(seen).toContain('module.ai.azurerm_cognitive_deployment.this["chat"]')
    expect(seen).toContain('"chat-api:0.2.0"')
    expect(log).toContain('chat-api:0.2.0')

    // The runner masks these in every later step of the job: credentials only (keys, connection strings).
    const registered = [...maskedValues(first.stdout), ...maskedValues(update.stdout)]
    expect(registered.length).toBeGreaterThan(0)
    expect(registered.filter(v => v.length < 8 || /^[A-Za-z]+$/.test(v) || v.includes('chat-api'))).toEqual([])
  })
})
