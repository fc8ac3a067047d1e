// The destroy guard at review time, end to end through the built action with real terraform plans: the plan step
// evaluates the same guard as apply and says in the comment, the job summary, a warning and `guard-blocked` when
// apply will refuse; a plan without a guarded delete says nothing; apply itself refuses exactly as before.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { workflowCommands, type ActionRun } from './support/run-action.js'

let world: World
// terraform_data is not in the default list; guarding it lets a terraform_data delete stand in for a database.
const guarded = { 'guarded-resource-types': 'terraform_data' }
const shrink = { variables: 'instances=1' }

const warnings = (run: ActionRun): string[] => workflowCommands(run.stdout, 'warning')
const comment = (): string => {
  const ours = world.ourComments()
  expect(ours).toHaveLength(1)
  return ours[0].body
}

function download(run: ActionRun): { plan: string; digest: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfgate-guard-artifact-'))
  cpSync(run.outputs['plan-dir'], dir, { recursive: true })
  return { plan: join(dir, 'tfplan'), digest: run.outputs['plan-digest'] }
}

beforeAll(async () => {
  world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
  // Something to delete: apply the first plan (creates only, so the guard has nothing to say).
  const first = await world.run({ command: 'plan', ...guarded })
  expect(first.code).toBe(0)
  expect(first.outputs['guard-blocked']).toBe('false')
  const artifact = download(first)
  const applied = await world.run({
    command: 'apply',
    'plan-path': artifact.plan,
    'plan-digest': artifact.digest,
    ...guarded
  })
  expect(applied.code).toBe(0)
}, 240_000)

afterAll(async () => {
  await world?.close()
})

describe('plan says when apply will refuse', () => {
  let blocked: ActionRun

  it('a guarded delete: guard-blocked, a call-out at the top of the comment and summary, one warning', async () => {
    blocked = await world.run({ command: 'plan', ...guarded, ...shrink })
    expect(blocked.code).toBe(0)
    expect(blocked.outputs['to-destroy']).toBe('1')
    expect(blocked.outputs['guard-blocked']).toBe('true')

    const body = comment()
    const callout = body.indexOf('**Apply will refuse this plan** (destroy guard)')
    expect(callout).toBeGreaterThan(0)
    // Near the top: before the counts and every other section.
    expect(callout).toBeLessThan(body.indexOf('**Plan:**'))
    expect(body).toContain(
      '**Apply will refuse this plan** (destroy guard): it deletes or replaces guarded resources (<code>terraform_data</code>):\n> - delete <code>terraform_data.worker[1]</code>\n>\n'
    )
    expect(body).toContain('set `allow-destroy: true` for this root')
    expect(body).not.toContain('> - delete <code>terraform_data.worker[0]</code>')

    expect(blocked.summary).toContain('**Apply will refuse this plan** (destroy guard)')
    expect(blocked.summary.indexOf('Apply will refuse')).toBeLessThan(blocked.summary.indexOf('**Plan:**'))
    expect(blocked.summary).toContain('delete <code>terraform_data.worker[1]</code>')

    expect(warnings(blocked)).toContain(
      '::warning::apply will refuse this plan: the plan would delete terraform_data.worker[1] (stateful resource type); set allow-destroy: true to apply it, or change the configuration so they are kept'
    )
    expect(world.api.errors).toEqual([])
  })

  it('apply of that plan refuses as before, with the sentence the plan step announced', async () => {
    const artifact = download(blocked)
    const refused = await world.run({
      command: 'apply',
      'plan-path': artifact.plan,
      'plan-digest': artifact.digest,
      ...guarded
    })
    expect(refused.code).toBe(1)
    const errors = workflowCommands(refused.stdout, 'error')
    expect(errors).toEqual([
      '::error::apply refused: the plan would delete terraform_data.worker[1] (stateful resource type); set allow-destroy: true to apply it, or change the configuration so they are kept'
    ])
    expect(refused.outputs['apply-status']).toBe('refused')
  })

  it('the same delete with allow-destroy: true is not blocked, and the comment still names it', async () => {
    const run = await world.run({ command: 'plan', ...guarded, ...shrink, 'allow-destroy': 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs['guard-blocked']).toBe('false')
    const body = comment()
    expect(body).not.toContain('Apply will refuse')
    expect(body).toContain(
      '`allow-destroy` is true: apply will delete or replace these guarded resources** (<code>terraform_data</code>):'
    )
    expect(body).toContain('delete <code>terraform_data.worker[1]</code>')
    expect(warnings(run)).toContain(
      '::warning::allow-destroy is true: apply will delete terraform_data.worker[1] (stateful resource type)'
    )
  })

  it('a delete of a type that is not guarded (the default list): nothing said', async () => {
    const run = await world.run({ command: 'plan', ...shrink })
    expect(run.code).toBe(0)
    expect(run.outputs['to-destroy']).toBe('1')
    expect(run.outputs['guard-blocked']).toBe('false')
    const body = comment()
    expect(body).not.toMatch(/Apply will refuse|allow-destroy|destroy guard/)
    expect(run.summary).not.toMatch(/Apply will refuse|allow-destroy|destroy guard/)
    expect(warnings(run).filter(w => /allow-destroy|apply will/.test(w))).toEqual([])
  })

  it('a plan without deletes under the guard: nothing said', async () => {
    const run = await world.run({ command: 'plan', ...guarded, variables: 'release=v9' })
    expect(run.code).toBe(0)
    expect(run.outputs['to-change']).not.toBe('0')
    expect(run.outputs['guard-blocked']).toBe('false')
    expect(comment()).not.toMatch(/Apply will refuse|allow-destroy|destroy guard/)
    expect(run.summary).not.toMatch(/Apply will refuse|allow-destroy|destroy guard/)
  })

  it('many guarded deletes: the call-out names the first ten and counts the rest', async () => {
    const grow = await world.run({ command: 'plan', variables: 'instances=40' })
    const artifact = download(grow)
    expect(
      (await world.run({ command: 'apply', 'plan-path': artifact.plan, 'plan-digest': artifact.digest })).code
    ).toBe(0)
    const run = await world.run({ command: 'plan', ...guarded, variables: 'instances=0' })
    expect(run.outputs['to-destroy']).toBe('40')
    expect(run.outputs['guard-blocked']).toBe('true')
    const body = comment()
    const listed = body.match(/^> - delete <code>terraform_data\.worker\[\d+\]<\/code>/gm) ?? []
    expect(listed).toHaveLength(10)
    expect(body).toContain('> - … and 30 more')
    const callout = body.slice(body.indexOf('> [!CAUTION]'), body.indexOf('so they are kept.'))
    expect(callout.length).toBeLessThan(850)
    expect(warnings(run).join('\n')).toContain('and 35 more (stateful resource types); set allow-destroy: true')
  })
})
