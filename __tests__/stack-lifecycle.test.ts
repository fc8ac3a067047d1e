// The blue/green model rollout of the bundled chat-LLM stack, pull request by pull request, through the built action
// (`stack: chat-llm`, a local backend through stack-files) on the offline azurerm provider: each step writes the
// var file the PR would change, plans (a comment), checks the actions in the plan JSON, and applies the reviewed plan
// with its digest and allow-destroy: false. One applied state per environment is reused across the steps.
//   dev:  PR1 add chat-v2 (one create) -> PR2a staging uses it -> PR2b it becomes active (updates only) ->
//         PR3 remove chat (one destroy, not guarded); rollback plans (switch back: updates; re-add: one create);
//         a version bump plans in place; a model-name change plans a replacement, called out in the comment.
//   prod: the same rollout with CanNotDelete locks; the offline provider enforces them at apply like Azure
//         (ScopeLocked on the children of a locked scope), so the deletes must not sit under a lock.
// Azure-only rules the offline provider cannot show: a model version that is not available in the region or has no
// quota fails at apply (ARM), and the app restart on an app setting change; see modules/chat-llm-stack/README.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { repoRoot, withoutMaskCommands, type ActionRun } from './support/run-action.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'

const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/stack-lifecycle.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

const STEP_TIMEOUT_MS = 300_000
const DEPLOYMENT = 'module.ai.azurerm_cognitive_deployment.this'

interface Deployment {
  model: string
  version: string
  capacity: number
}

interface Release {
  deployments: Record<string, Deployment>
  active: string
  staging?: string
  /** Other lines of the var file (e.g. a name change). */
  extra?: string
}

interface PlannedChange {
  address: string
  type: string
  actions: string[]
}

/** The environment's shipped var file with the model part replaced by this release. */
function varFile(environment: 'dev' | 'prod', release: Release): string {
  const shipped = readFileSync(join(repoRoot, 'modules', 'chat-llm-stack', 'env', `${environment}.tfvars`), 'utf8')
  const start = shipped.indexOf('model_deployments = {')
  if (start < 0) throw new Error(`env/${environment}.tfvars has no model_deployments block`)
  const head = shipped.slice(0, start)
  const sku = 'DataZoneStandard'
  const deployments = Object.entries(release.deployments)
    .map(
      ([key, d]) =>
        `  ${key} = {\n    model_name    = "${d.model}"\n    model_version = "${d.version}"\n` +
        `    sku_name      = "${sku}"\n    capacity      = ${d.capacity}\n  }`
    )
    .join('\n')
  return (
    `${head}model_deployments = {\n${deployments}\n}\nactive_model_deployment = "${release.active}"\n` +
    (release.staging ? `staging_model_deployment = "${release.staging}"\n` : '') +
    (release.extra ?? '')
  )
}

/** Changes that do something (no no-op / read), with their actions, from the plan JSON the action wrote. */
function plannedChanges(run: ActionRun): PlannedChange[] {
  const plan = JSON.parse(readFileSync(run.outputs['plan-json-path'], 'utf8')) as {
    resource_changes?: { address: string; type: string; mode: string; change: { actions: string[] } }[]
  }
  return (plan.resource_changes ?? [])
    .filter(rc => rc.mode === 'managed' && !rc.change.actions.every(a => a === 'no-op' || a === 'read'))
    .map(rc => ({ address: rc.address, type: rc.type, actions: rc.change.actions }))
}

function addresses(changes: PlannedChange[], actions: string): string[] {
  return changes
    .filter(c => c.actions.join(',') === actions)
    .map(c => c.address)
    .sort()
}

function destroying(changes: PlannedChange[]): PlannedChange[] {
  return changes.filter(c => c.actions.includes('delete'))
}

/** One environment's stack in one world: a var file, a local state, plan and apply through the action. */
class Environment {
  private inputs: Record<string, string> = {}
  private constructor(
    readonly world: World,
    private readonly environment: 'dev' | 'prod'
  ) {}

  static async start(environment: 'dev' | 'prod'): Promise<Environment> {
    const world = await startWorld({ fixture: 'validate-ok', rootPath: 'unused' })
    const env = new Environment(world, environment)
    const deploy = join(world.dirs.workspace, 'deploy')
    mkdirSync(join(deploy, 'stack-files'), { recursive: true })
    const statePath = join(world.dirs.workspace, 'state', `${environment}.tfstate`)
    writeFileSync(
      join(deploy, 'stack-files', 'backend_override.tf'),
      `terraform {\n  backend "local" {\n    path = ${JSON.stringify(statePath)}\n  }\n}\n`
    )
    env.inputs = {
      stack: 'chat-llm',
      'working-directory': '',
      'var-file': `deploy/${environment}.tfvars`,
      'stack-files': 'deploy/stack-files'
    }
    return env
  }

  /** The PR: write the var file, plan through the action (which updates the sticky comment). */
  async plan(release: Release): Promise<ActionRun> {
    const run = await this.tryPlan(release)
    expect(withoutMaskCommands(run.stdout)).not.toMatch(/::error/)
    expect(run.code).toBe(0)
    return run
  }

  /** A plan that may fail. */
  async tryPlan(release: Release): Promise<ActionRun> {
    writeFileSync(
      join(this.world.dirs.workspace, 'deploy', `${this.environment}.tfvars`),
      varFile(this.environment, release)
    )
    return this.world.run({ command: 'plan', ...this.inputs })
  }

  /** The merge: apply exactly the reviewed plan, destroys of guarded types refused. */
  async apply(planned: ActionRun): Promise<ActionRun> {
    const run = await this.world.run({
      command: 'apply',
      ...this.inputs,
      'plan-path': join(planned.outputs['plan-dir'], 'tfplan'),
      'plan-digest': planned.outputs['plan-digest'],
      'allow-destroy': 'false'
    })
    if (run.outputs['apply-status'] !== 'applied') {
      throw new Error(`apply ${run.outputs['apply-status']}\n${withoutMaskCommands(run.stdout).slice(-4000)}`)
    }
    return run
  }

  comment(): string {
    const comments = this.world.ourComments()
    expect(comments).toHaveLength(1)
    return comments[0].body
  }

  async close(): Promise<void> {
    await this.world.close()
  }
}

const GPT_4O: Deployment = { model: 'gpt-4o', version: '2024-11-20', capacity: 10 }
const GPT_41: Deployment = { model: 'gpt-4.1', version: '2025-04-14', capacity: 10 }

suite('model lifecycle: blue/green through pull requests (dev)', () => {
  let dev: Environment
  const v1: Release = { deployments: { chat: GPT_4O }, active: 'chat' }
  const pr1: Release = { deployments: { chat: GPT_4O, 'chat-v2': GPT_41 }, active: 'chat' }
  const pr2a: Release = { ...pr1, staging: 'chat-v2' }
  const pr2b: Release = { ...pr1, active: 'chat-v2' }
  const pr3: Release = { deployments: { 'chat-v2': GPT_41 }, active: 'chat-v2' }

  beforeAll(async () => {
    if (skipReason) return
    dev = await Environment.start('dev')
    await dev.apply(await dev.plan(v1))
  }, STEP_TIMEOUT_MS)

  afterAll(async () => {
    await dev?.close()
  })

  it(
    'PR 1 adds the new deployment: the plan is exactly one create',
    async () => {
      const run = await dev.plan(pr1)
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat-v2"]`, type: 'azurerm_cognitive_deployment', actions: ['create'] }
      ])
      expect(dev.comment()).toContain(`${DEPLOYMENT}["chat-v2"]`)
      await dev.apply(run)
    },
    STEP_TIMEOUT_MS
  )

  it(
    'PR 2a points the staging slot at it: one in-place update of the slot, nothing replaced',
    async () => {
      const run = await dev.plan(pr2a)
      const changes = plannedChanges(run)
      expect(addresses(changes, 'update')).toEqual(['module.app.azurerm_linux_web_app_slot.staging[0]'])
      expect(changes.length).toBe(1)
      await dev.apply(run)
    },
    STEP_TIMEOUT_MS
  )

  it(
    'PR 2b makes it active (the declarative switch): updates only, no replace, no destroy',
    async () => {
      const run = await dev.plan(pr2b)
      const changes = plannedChanges(run)
      expect(changes.length).toBeGreaterThan(0)
      expect(changes.filter(c => c.actions.join(',') !== 'update')).toEqual([])
      expect(addresses(changes, 'update')).toContain('module.app.azurerm_linux_web_app.this')
      // The staging slot already runs chat-v2 (staging null = active), so it does not change again.
      expect(addresses(changes, 'update')).not.toContain('module.app.azurerm_linux_web_app_slot.staging[0]')
      await dev.apply(run)
    },
    STEP_TIMEOUT_MS
  )

  it(
    'rollback while the old deployment still exists: switching back is updates only',
    async () => {
      const run = await dev.plan({ ...pr2b, active: 'chat' })
      const changes = plannedChanges(run)
      expect(changes.filter(c => c.actions.join(',') !== 'update')).toEqual([])
      expect(addresses(changes, 'update')).toContain('module.app.azurerm_linux_web_app.this')
    },
    STEP_TIMEOUT_MS
  )

  it(
    'PR 3 removes the old deployment: exactly one destroy, applied without allow-destroy (not a guarded type)',
    async () => {
      const run = await dev.plan(pr3)
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat"]`, type: 'azurerm_cognitive_deployment', actions: ['delete'] }
      ])
      const apply = await dev.apply(run)
      expect(apply.outputs['apply-status']).toBe('applied')
      const again = await dev.plan(pr3)
      expect(again.outputs['has-changes']).toBe('false')
    },
    STEP_TIMEOUT_MS
  )

  it(
    'rollback after the removal is the reverse: re-adding the old deployment is one create',
    async () => {
      const run = await dev.plan({ deployments: { chat: GPT_4O, 'chat-v2': GPT_41 }, active: 'chat-v2' })
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat"]`, type: 'azurerm_cognitive_deployment', actions: ['create'] }
      ])
    },
    STEP_TIMEOUT_MS
  )

  it(
    'a model version bump on a deployment is an in-place update',
    async () => {
      const run = await dev.plan({
        deployments: { 'chat-v2': { ...GPT_41, version: '2025-06-01' } },
        active: 'chat-v2'
      })
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat-v2"]`, type: 'azurerm_cognitive_deployment', actions: ['update'] }
      ])
      expect(run.outputs['to-replace']).toBe('0')
    },
    STEP_TIMEOUT_MS
  )

  it(
    'changing the model name replaces the active deployment, and the comment calls it out',
    async () => {
      const run = await dev.plan({
        deployments: { 'chat-v2': { ...GPT_41, model: 'gpt-4.1-mini' } },
        active: 'chat-v2'
      })
      const changes = plannedChanges(run)
      expect(changes).toEqual([
        { address: `${DEPLOYMENT}["chat-v2"]`, type: 'azurerm_cognitive_deployment', actions: ['delete', 'create'] }
      ])
      expect(run.outputs['to-replace']).toBe('1')
      const comment = dev.comment()
      expect(comment).toMatch(/replace/i)
      expect(comment).toContain(`${DEPLOYMENT}["chat-v2"]`)
    },
    STEP_TIMEOUT_MS
  )
})

suite('model lifecycle with prod settings: the CanNotDelete locks do not stop it', () => {
  let prod: Environment
  const v1: Release = { deployments: { chat: { ...GPT_4O, capacity: 100 } }, active: 'chat' }

  beforeAll(async () => {
    if (skipReason) return
    prod = await Environment.start('prod')
    await prod.apply(await prod.plan(v1))
  }, STEP_TIMEOUT_MS)

  afterAll(async () => {
    await prod?.close()
  })

  it(
    'adds chat-v2 and makes it active on staging, then in production: creates and updates only',
    async () => {
      const both = { ...v1.deployments, 'chat-v2': { ...GPT_41, capacity: 100 } }
      const add = await prod.plan({ deployments: both, active: 'chat', staging: 'chat-v2' })
      expect(destroying(plannedChanges(add))).toEqual([])
      expect(addresses(plannedChanges(add), 'create')).toEqual([`${DEPLOYMENT}["chat-v2"]`])
      await prod.apply(add)
      const activate = await prod.plan({ deployments: both, active: 'chat-v2' })
      expect(plannedChanges(activate).filter(c => c.actions.join(',') !== 'update')).toEqual([])
      await prod.apply(activate)
    },
    2 * STEP_TIMEOUT_MS
  )

  it(
    'removes the old deployment under the prod locks (no ScopeLocked: the Foundry account carries no lock)',
    async () => {
      const release: Release = { deployments: { 'chat-v2': { ...GPT_41, capacity: 100 } }, active: 'chat-v2' }
      const run = await prod.plan(release)
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat"]`, type: 'azurerm_cognitive_deployment', actions: ['delete'] }
      ])
      await prod.apply(run)
    },
    STEP_TIMEOUT_MS
  )

  it(
    'a model-name change (replacement) applies under the prod locks',
    async () => {
      const release: Release = {
        deployments: { 'chat-v2': { ...GPT_41, model: 'gpt-4.1-mini', capacity: 100 } },
        active: 'chat-v2'
      }
      const run = await prod.plan(release)
      expect(plannedChanges(run)).toEqual([
        { address: `${DEPLOYMENT}["chat-v2"]`, type: 'azurerm_cognitive_deployment', actions: ['delete', 'create'] }
      ])
      await prod.apply(run)
    },
    STEP_TIMEOUT_MS
  )

  it(
    'a plan that would replace the Key Vault fails in prod (prevent_destroy sentinel)',
    async () => {
      // A new name_suffix renames (replaces) the vault; the sentinel next to it has prevent_destroy = true.
      const release: Release = {
        deployments: { 'chat-v2': { ...GPT_41, model: 'gpt-4.1-mini', capacity: 100 } },
        active: 'chat-v2',
        extra: 'name_suffix = "zz9"\n'
      }
      const run = await prod.tryPlan(release)
      expect(run.code).not.toBe(0)
      expect(`${run.stdout}\n${run.stderr}`).toMatch(/Instance cannot be destroyed/)
      expect(`${run.stdout}\n${run.stderr}`).toContain('module.keyvault.terraform_data.prevent_destroy[0]')
    },
    STEP_TIMEOUT_MS
  )
})
