// Cancellation drill: SIGINT / SIGTERM to the action while terraform applies (holding the state lock, running a
// local-exec sleep). Terraform must get the signal, save state and release the lock; the comment says cancelled.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { actionEnv, finishAction, startAction, workflowCommands } from './support/run-action.js'
import { TEST_TOKENS } from './support/github-api-server.js'

let world: World
let root: string

beforeAll(async () => {
  world = await startWorld({ fixture: 'cancel-root', rootPath: 'slow' })
  root = join(world.dirs.workspace, 'slow')
})

afterAll(async () => {
  await world.close()
})

describe.each(['SIGINT', 'SIGTERM'] as const)('%s during apply', signal => {
  it('forwards the signal, leaves no lock, keeps state readable and says so in the comment', async () => {
    const plan = await world.run({ command: 'plan' })
    expect(plan.code).toBe(0)
    const artifact = mkdtempSync(join(tmpdir(), 'tfgate-artifact-'))
    cpSync(plan.outputs['plan-dir'], artifact, { recursive: true })

    const env = actionEnv(
      world.dirs,
      {
        command: 'apply',
        'working-directory': 'slow',
        'plan-path': join(artifact, 'tfplan'),
        'plan-digest': plan.outputs['plan-digest'],
        'terraform-download-url': world.releases.url,
        'terraform-signing-key': world.releases.publicKeyArmored,
        'terraform-version': '1.11.4',
        'github-token': TEST_TOKENS.write
      },
      world.event.env
    )
    const child = startAction(env)
    const done = finishAction(child, world.dirs)
    // Wait until terraform runs the provisioner: it holds the state lock now.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('apply never reached the provisioner')), 60_000)
      let seen = ''
      child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString()
        if (seen.includes('slow-started')) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
    expect(existsSync(join(root, '.terraform.tfstate.lock.info'))).toBe(true)
    const started = Date.now()
    child.kill(signal)
    const run = await done

    // Stopped promptly (not after the 60 s sleep), non-zero, with one clear line.
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.code).toBe(1)
    const failures = workflowCommands(run.stdout, 'error').filter(l => l.startsWith('::error::'))
    expect(failures).toEqual([
      `::error::cancelled: ${signal} received during \`terraform apply\`; terraform was asked to stop and has exited`
    ])
    expect(run.outputs['apply-status']).toBe('cancelled')
    expect(existsSync(join(root, '.terraform.tfstate.lock.info'))).toBe(false)
    // The state terraform saved is readable, and has what finished before the cancel.
    const tfstate = JSON.parse(readFileSync(join(root, 'terraform.tfstate'), 'utf8')) as {
      resources: Array<{ name: string }>
    }
    expect(tfstate.resources.map(r => r.name)).toContain('quick')
    const list = execFileSync('terraform', ['state', 'list'], { cwd: root, encoding: 'utf8' })
    expect(list).toContain('terraform_data.quick')
    const comment = world.ourComments()
    expect(comment).toHaveLength(1)
    expect(comment[0].body).toContain('Apply cancelled')
    expect(comment[0].body).toContain('The state lock was released.')
  })
})
