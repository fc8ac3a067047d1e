// Disk and process drills through the built action with the real terraform: RUNNER_TEMP on a tiny tmpfs (full
// during the download, full during `show -json` of a 3,000-resource plan) and read-only; terraform SIGKILLed
// mid-plan; a state lock held by another terraform process, waited for with lock-timeout.
// Mounting needs root (or CAP_SYS_ADMIN): without it the tmpfs drills skip with the reason.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findOnPath, startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { reportSkip } from './support/azurerm-provider.js'
import {
  actionEnv,
  finishAction,
  makeRunnerDirs,
  runAction,
  startAction,
  workflowCommands,
  type RunnerDirs
} from './support/run-action.js'

const BIG_ROOT = `terraform {
  backend "local" {}
}

resource "terraform_data" "bulk" {
  count = 3000
  input = { name = "bulk-\${count.index}", tags = { env = "prod", team = "platform" } }
}
`

let releases: ReleasesServer
const mounts: string[] = []
const scratch: string[] = []
let dirs: RunnerDirs

/** A tmpfs of `size` at a new directory, or the reason it cannot be made here. */
function mountTmpfs(size: string, readOnly = false): string | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tfgate-tmpfs-'))
  scratch.push(dir)
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'pipe'
    })
  } catch (err) {
    return { skip: `mount -t tmpfs is not permitted here (${String((err as Error).message).split('\n')[0]})` }
  }
  mounts.push(dir)
  return dir
}

const mountProbe = mountTmpfs('64k')
const skipReason = typeof mountProbe === 'string' ? undefined : mountProbe.skip
reportSkip('__tests__/action-drills-disk.test.ts (tmpfs drills)', skipReason)
const tmpfsIt = skipReason ? it.skip : it

/** terraform 1.11.4 already in the tool cache (as a previous job would leave it): no download needed. */
function cacheTerraform(toolCache: string): void {
  const dir = join(toolCache, 'terraform', '1.11.4', process.arch)
  mkdirSync(dir, { recursive: true })
  copyFileSync(findOnPath('terraform'), join(dir, 'terraform'))
  execFileSync('chmod', ['755', join(dir, 'terraform')])
  writeFileSync(`${dir}.complete`, '')
}

function root(name: string, text: string): void {
  mkdirSync(join(dirs.workspace, name), { recursive: true })
  writeFileSync(join(dirs.workspace, name, 'main.tf'), text)
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    command: 'plan',
    'working-directory': 'big',
    'terraform-version': '1.11.4',
    'terraform-download-url': releases.url,
    'terraform-signing-key': releases.publicKeyArmored,
    comment: 'off',
    ...extra
  }
}

function planDirEntries(temp: string): string[] {
  const plans = join(temp, 'terraform-pr-gate', 'plans')
  return existsSync(plans) ? readdirSync(plans) : []
}

function oneError(stdout: string): string {
  const errors = workflowCommands(stdout, 'error')
  expect(errors).toHaveLength(1)
  return errors[0].replace(/^::error::/, '')
}

beforeAll(async () => {
  releases = await startReleasesServer({ versions: ['1.11.4'] })
})

afterEach(() => {
  rmSync(dirname(dirs.workspace), { recursive: true, force: true })
})

afterAll(async () => {
  await releases.close()
  for (const dir of mounts.reverse()) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' })
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' }) // still busy (a process just exiting): detach it
    }
  }
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

function freshDirs(): void {
  dirs = makeRunnerDirs()
  root('big', BIG_ROOT)
}

describe('a full RUNNER_TEMP', () => {
  tmpfsIt('during the download: named, not retried, nothing installed', async () => {
    freshDirs()
    const temp = mountTmpfs('1m') as string
    releases.resetRequests()
    const run = await runAction(dirs, inputs(), { RUNNER_TEMP: temp })
    expect(run.code).toBe(1)
    expect(oneError(run.stdout)).toBe(
      `no space left on RUNNER_TEMP (${temp}): could not install terraform 1.11.4 (ENOSPC)`
    )
    expect(releases.requestCount(releases.paths('1.11.4').zip)).toBe(1)
    expect(run.stdout).not.toContain('retrying')
    expect(readdirSync(dirs.toolCache)).toEqual([])
    expect(readdirSync(temp)).toEqual([])
  })

  tmpfsIt(
    'during show -json of a 3,000-resource plan: one line, no partial plan dir',
    async () => {
      freshDirs()
      cacheTerraform(dirs.toolCache)
      const temp = mountTmpfs('1m') as string
      const run = await runAction(dirs, inputs(), { RUNNER_TEMP: temp })
      expect(run.stdout + run.stderr).not.toMatch(/Unhandled 'error' event|\n\s+at /)
      expect(run.code).toBe(1)
      expect(oneError(run.stdout)).toBe(`no space left on RUNNER_TEMP (${temp}): could not write tfplan.json (ENOSPC)`)
      expect(planDirEntries(temp)).toEqual([])
      expect(run.outputs['plan-dir']).toBeUndefined()
    },
    180_000
  )
})

describe('a read-only RUNNER_TEMP', () => {
  tmpfsIt('is named before anything is downloaded', async () => {
    freshDirs()
    const temp = mountTmpfs('1m', true) as string
    releases.resetRequests()
    const run = await runAction(dirs, inputs(), { RUNNER_TEMP: temp })
    expect(run.code).toBe(1)
    expect(oneError(run.stdout)).toBe(
      `environment: RUNNER_TEMP (${temp}) is on a read-only file system (EROFS); the action downloads terraform and writes the plan there, give the job a writable RUNNER_TEMP`
    )
    expect(releases.countMatching(() => true)).toBe(0)
    expect(readdirSync(dirs.toolCache)).toEqual([])
  })
})

describe('a read-only RUNNER_TOOL_CACHE', () => {
  tmpfsIt('is named as such once the verified download is to be cached, and the staging is removed', async () => {
    freshDirs()
    const toolCache = mountTmpfs('1m', true) as string
    releases.resetRequests()
    const run = await runAction(dirs, inputs(), { RUNNER_TOOL_CACHE: toolCache })
    expect(run.code).toBe(1)
    expect(oneError(run.stdout)).toBe(
      `read-only file system: RUNNER_TOOL_CACHE (${toolCache}): could not install terraform 1.11.4 (EROFS)`
    )
    expect(releases.requestCount(releases.paths('1.11.4').zip)).toBe(1)
    expect(readdirSync(dirs.temp)).toEqual([])
  })
})

/** The pids of a process's children (every thread's). */
function childrenOf(pid: number): number[] {
  const tasks = readdirSync(`/proc/${pid}/task`)
  return tasks.flatMap(t =>
    readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number)
  )
}

describe('terraform killed from outside', () => {
  it('mid-plan by SIGKILL: reported as killed by SIGKILL (signal 9), no plan dir left', async () => {
    freshDirs()
    cacheTerraform(dirs.toolCache)
    const child = startAction(actionEnv(dirs, inputs()))
    const done = finishAction(child, dirs)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('plan never started')), 60_000)
      let seen = ''
      child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString()
        if (seen.includes('::group::terraform plan')) {
          clearTimeout(timer)
          setTimeout(resolve, 1000)
        }
      })
    })
    const terraform = childrenOf(child.pid!)
    expect(terraform).toHaveLength(1)
    expect(readFileSync(`/proc/${terraform[0]}/cmdline`, 'utf8').split('\0')).toContain('plan')
    process.kill(terraform[0], 'SIGKILL')
    const run = await done
    expect(run.code).toBe(1)
    expect(oneError(run.stdout)).toBe(
      'terraform plan was killed by SIGKILL (signal 9): it was stopped from outside (out of memory, or the runner shutting down)'
    )
    expect(planDirEntries(dirs.temp)).toEqual([])
  }, 120_000)
})

describe('lock-timeout', () => {
  it('waits for a state lock held by another terraform process, and without it fails at once', async () => {
    dirs = makeRunnerDirs()
    const state = mkdtempSync(join(tmpdir(), 'tfgate-state-'))
    const holder = mkdtempSync(join(tmpdir(), 'tfgate-holder-'))
    scratch.push(state, holder)
    const backend = `terraform {\n  backend "local" {\n    path = "${join(state, 'terraform.tfstate')}"\n  }\n}\n`
    root('shared', `${backend}\nresource "terraform_data" "mine" {\n  input = "mine"\n}\n`)
    writeFileSync(
      join(holder, 'main.tf'),
      `${backend}\nresource "terraform_data" "hold" {\n  provisioner "local-exec" {\n    command = "sleep 12"\n  }\n}\n`
    )
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: holder, env, stdio: 'ignore' })
    cacheTerraform(dirs.toolCache)
    // init the root before the lock is taken (init itself waits for no lock with a local backend)
    const warm = await runAction(dirs, inputs({ command: 'validate', 'working-directory': 'shared' }))
    expect(warm.code).toBe(0)

    const hold = spawn('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: holder, env })
    const released = new Promise<number>(resolve => hold.on('close', () => resolve(Date.now())))
    const lockFile = join(state, '.terraform.tfstate.lock.info')
    for (let i = 0; i < 300 && !existsSync(lockFile); i++) await new Promise(r => setTimeout(r, 100))
    expect(existsSync(lockFile)).toBe(true)

    const fast = await runAction(dirs, inputs({ 'working-directory': 'shared' }))
    expect(fast.code).toBe(1)
    expect(oneError(fast.stdout)).toMatch(/^terraform plan failed \(exit 1\): Error acquiring the state lock/)
    expect(existsSync(lockFile)).toBe(true)

    const patient = await runAction(dirs, inputs({ 'working-directory': 'shared', 'lock-timeout': '90s' }))
    const finished = Date.now()
    expect(workflowCommands(patient.stdout, 'error')).toEqual([])
    expect(patient.code).toBe(0)
    expect(patient.outputs['has-changes']).toBe('true')
    // it finished only after the other process released the lock
    expect(finished).toBeGreaterThanOrEqual(await released)
  }, 180_000)
})
