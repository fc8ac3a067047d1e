// End to end through the built action, real terraform, local backend, local GitHub API:
// plan -> sticky comment -> apply of exactly that plan, and every refusal with its own message.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { withoutMaskCommands, workflowCommands, type ActionRun } from './support/run-action.js'

let world: World
let root: string

const state = (): string[] => {
  if (!existsSync(join(root, 'terraform.tfstate'))) return []
  const parsed = JSON.parse(readFileSync(join(root, 'terraform.tfstate'), 'utf8')) as {
    resources: Array<{ type: string; name: string; instances: unknown[] }>
  }
  return parsed.resources.flatMap(r =>
    r.instances.map((_, i) => `${r.type}.${r.name}${r.instances.length > 1 ? `[${i}]` : ''}`)
  )
}

/** A copy of a plan-dir, as download-artifact would produce it in another job. */
function download(run: ActionRun): { dir: string; plan: string; digest: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfgate-artifact-'))
  cpSync(run.outputs['plan-dir'], dir, { recursive: true })
  return { dir, plan: join(dir, 'tfplan'), digest: run.outputs['plan-digest'] }
}

function failureLine(run: ActionRun): string {
  const failures = workflowCommands(run.stdout, 'error').filter(l => l.startsWith('::error::'))
  expect(failures).toHaveLength(1)
  return failures[0].slice('::error::'.length)
}

beforeAll(async () => {
  world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
  root = join(world.dirs.workspace, 'infra/app')
})

afterAll(async () => {
  await world.close()
})

describe('plan then apply of the reviewed plan', () => {
  let firstPlan: ActionRun

  it('plans, writes the plan dir, the job summary and one sticky comment', async () => {
    firstPlan = await world.run({ command: 'plan' })
    expect(firstPlan.code).toBe(0)
    const o = firstPlan.outputs
    expect(o['has-changes']).toBe('true')
    expect([o['to-add'], o['to-change'], o['to-destroy'], o['to-replace']]).toEqual(['4', '0', '0', '0'])
    expect(readdirSync(o['plan-dir']).sort()).toEqual(['plan-metadata.json', 'summary.md', 'tfplan', 'tfplan.json'])
    expect(o['plan-digest']).toMatch(/^[0-9a-f]{64}$/)
    const meta = JSON.parse(readFileSync(join(o['plan-dir'], 'plan-metadata.json'), 'utf8'))
    expect(meta).toMatchObject({ root: 'infra/app', workspace: 'default', terraformVersion: '1.11.4' })
    expect(meta.commitSha).toBe(world.event.env.GITHUB_SHA)
    expect(firstPlan.summary).toContain('4 to add')
    const comments = world.ourComments()
    expect(comments).toHaveLength(1)
    expect(o['comment-id']).toBe(String(comments[0].id))
    expect(comments[0].body).toContain('terraform_data.worker[1]')
    expect(world.api.errors).toEqual([])
  })

  it('never leaks the sensitive variable, the unmarked password or the token', () => {
    const everything = [
      withoutMaskCommands(firstPlan.stdout + firstPlan.stderr),
      firstPlan.summary,
      JSON.stringify(firstPlan.outputs),
      ...world.ourComments().map(c => c.body),
      readFileSync(firstPlan.outputs['summary-path'], 'utf8')
    ].join('\n')
    for (const canary of ['s3cr3t-canary-sensitive-var', 'hunter2-canary-unmarked', 'ghs_testWriteToken']) {
      expect(everything).not.toContain(canary)
    }
  })

  it('refuses a wrong digest, and changes nothing', async () => {
    const artifact = download(firstPlan)
    const run = await world.run({ command: 'apply', 'plan-path': artifact.plan, 'plan-digest': 'a'.repeat(64) })
    expect(run.code).toBe(1)
    expect(failureLine(run)).toMatch(
      /^apply refused: plan file SHA-256 is [0-9a-f]{64}, but plan-digest is a{64}: the artifact was modified or swapped/
    )
    expect(run.outputs['apply-status']).toBe('refused')
    expect(state()).toEqual([])
    expect(world.ourComments()[0].body).toContain('Apply refused')
  })

  it('refuses an edited plan file', async () => {
    const artifact = download(firstPlan)
    appendFileSync(artifact.plan, Buffer.from([0]))
    const run = await world.run({ command: 'apply', 'plan-path': artifact.plan, 'plan-digest': artifact.digest })
    expect(run.code).toBe(1)
    expect(failureLine(run)).toMatch(/^apply refused: plan file SHA-256 is .* but plan-digest is/)
    expect(state()).toEqual([])
  })

  it('refuses a plan made from another commit', async () => {
    const artifact = download(firstPlan)
    const run = await world.run(
      { command: 'apply', 'plan-path': artifact.plan, 'plan-digest': artifact.digest },
      { GITHUB_SHA: '0000000000000000000000000000000000000001' }
    )
    expect(run.code).toBe(1)
    expect(failureLine(run)).toMatch(
      /^apply refused: the plan was made from commit [0-9a-f]{40}, but this job runs on 0{39}1: plan again on this commit$/
    )
    expect(state()).toEqual([])
  })

  it('applies the reviewed plan, sets outputs and updates the same comment', async () => {
    const artifact = download(firstPlan)
    const run = await world.run({ command: 'apply', 'plan-path': artifact.plan, 'plan-digest': artifact.digest })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs['apply-status']).toBe('applied')
    expect(run.outputs['output-endpoint']).toBe('https://app.example.test/v1')
    expect(run.outputs['output-db_password']).toBeUndefined()
    expect(JSON.parse(readFileSync(run.outputs['outputs-json-path'], 'utf8')).endpoint.value).toBe(
      'https://app.example.test/v1'
    )
    expect(state().sort()).toEqual([
      'terraform_data.app',
      'terraform_data.db',
      'terraform_data.worker[0]',
      'terraform_data.worker[1]'
    ])
    const comments = world.ourComments()
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('Applied')
    expect(comments[0].body).toContain('(sensitive)')
    expect(comments[0].body).not.toContain('s3cr3t-canary-sensitive-var')
    expect(withoutMaskCommands(run.stdout)).not.toContain('s3cr3t-canary-sensitive-var')
  })

  it('re-plans with no changes', async () => {
    const run = await world.run({ command: 'plan' })
    expect(run.code).toBe(0)
    expect(run.outputs['has-changes']).toBe('false')
    expect(world.ourComments()).toHaveLength(1)
  })
})

describe('stale plans and the destroy guard', () => {
  it('refuses a plan that went stale after another apply (terraform’s own check)', async () => {
    const planA = await world.run({ command: 'plan', variables: 'release=v2' })
    const artifactA = download(planA)
    const planB = await world.run({ command: 'plan', variables: 'release=v3' })
    const artifactB = download(planB)
    const applyB = await world.run({ command: 'apply', 'plan-path': artifactB.plan, 'plan-digest': artifactB.digest })
    expect(applyB.code).toBe(0)
    const before = readFileSync(join(root, 'terraform.tfstate'), 'utf8')
    const applyA = await world.run({ command: 'apply', 'plan-path': artifactA.plan, 'plan-digest': artifactA.digest })
    expect(applyA.code).toBe(1)
    expect(failureLine(applyA)).toMatch(
      /^the saved plan is stale: .*state was changed by another operation.* Plan again/
    )
    expect(applyA.outputs['apply-status']).toBe('failed')
    expect(readFileSync(join(root, 'terraform.tfstate'), 'utf8')).toBe(before)
  })

  it('refuses to delete a guarded resource type unless allow-destroy is true', async () => {
    const plan = await world.run({ command: 'plan', variables: 'release=v3\ninstances=1' })
    expect(plan.outputs['to-destroy']).toBe('1')
    const artifact = download(plan)
    const guarded = { 'guarded-resource-types': 'terraform_data' }
    const refused = await world.run({
      command: 'apply',
      'plan-path': artifact.plan,
      'plan-digest': artifact.digest,
      ...guarded
    })
    expect(refused.code).toBe(1)
    expect(failureLine(refused)).toBe(
      'apply refused: the plan would delete terraform_data.worker[1] (stateful resource type); set allow-destroy: true to apply it, or change the configuration so they are kept'
    )
    expect(state()).toContain('terraform_data.worker[1]')
    const allowed = await world.run({
      command: 'apply',
      'plan-path': artifact.plan,
      'plan-digest': artifact.digest,
      'allow-destroy': 'true',
      ...guarded
    })
    expect(allowed.code).toBe(0)
    expect(state()).not.toContain('terraform_data.worker[1]')
    // The state is readable by terraform itself.
    const list = execFileSync('terraform', ['state', 'list'], { cwd: root, encoding: 'utf8' })
    expect(list).toContain('terraform_data.worker[0]')
  })
})
