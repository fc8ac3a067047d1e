// End to end: the built action (main step, then its post step as the runner runs it, with the saved state as
// STATE_* variables) against a local stand-in of the Actions cache service and a provider network mirror
// serving a large azurerm package. Each job gets a fresh runner layout (workspace, RUNNER_TEMP, tool cache).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { startActionsCacheServer, type ActionsCacheServer } from './support/actions-cache-server.js'
import { providerMirrorUnavailableReason, startProviderMirror, type ProviderMirror } from './support/provider-mirror.js'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import {
  actionEnv,
  actionNode,
  makeRunnerDirs,
  parseOutputs,
  repoRoot,
  runAction,
  workflowCommands,
  type ActionRun,
  type RunnerDirs
} from './support/run-action.js'
import { reportSkip } from './support/azurerm-provider.js'

// 16 MiB of incompressible padding: every byte goes through init, the tar+zstd archive and the stand-in, at a
// sixth of azurerm's ~100 MB so the suite stays light on a shared machine (bench/provider-cache-bench.mjs uses
// the full size).
const PADDING = 16 * 2 ** 20
const postEntry = join(repoRoot, 'dist', 'post', 'index.js')
const ZIP = '/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip'
const skipReason =
  providerMirrorUnavailableReason() ??
  (existsSync(postEntry) ? undefined : `${postEntry} is missing; run npm run build first`)
reportSkip('provider-cache-action.test.ts', skipReason)
const describeIf = skipReason ? describe.skip : describe

let cache: ActionsCacheServer
let mirror: ProviderMirror
let releases: ReleasesServer

const MAIN_TF = `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "4.79.0"
    }
  }
}
`

interface Job {
  dirs: RunnerDirs
  stateFile: string
  env: NodeJS.ProcessEnv
  main: ActionRun
}

function keyOf(lockText: string): string {
  return `terraform-providers-linux-amd64-${createHash('sha256').update(lockText).digest('hex')}`
}

/** One job on a fresh runner: a root with the given lock file (none for undefined), then the main step. */
async function runJob(
  lockText: string | undefined,
  opts: { inputs?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}
) {
  const dirs = makeRunnerDirs()
  const root = join(dirs.workspace, 'infra')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'main.tf'), MAIN_TF)
  if (lockText !== undefined) writeFileSync(join(root, '.terraform.lock.hcl'), lockText)
  const stateFile = join(dirs.workspace, '..', 'github-state')
  writeFileSync(stateFile, '')
  const extra = { ...cache.env, ...mirror.env, GITHUB_STATE: stateFile, ...opts.env }
  const inputs = {
    command: 'validate',
    'working-directory': 'infra',
    'terraform-version': '1.11.4',
    'terraform-download-url': releases.url,
    'terraform-signing-key': releases.publicKeyArmored,
    ...opts.inputs
  }
  const main = await runAction(dirs, inputs, extra)
  return { dirs, stateFile, env: actionEnv(dirs, inputs, extra), main } satisfies Job
}

/** The post step as the runner runs it: same job environment, plus STATE_<name> for each saved state. */
function runPost(job: Job): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const state = parseOutputs(readFileSync(job.stateFile, 'utf8'))
  const env: NodeJS.ProcessEnv = { ...job.env }
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value
  writeFileSync(job.dirs.outputFile, '')
  return new Promise(resolve => {
    const child = spawn(actionNode, [postEntry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('close', code =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })
    )
  })
}

function expectSucceeded(run: { code: number | null; stdout: string; stderr: string }): void {
  if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.stdout}\n${run.stderr}`)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

const opsOf = (from: number): string[] => cache.requests.slice(from).map(r => `${r.op} ${r.status}`)

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

beforeAll(async () => {
  if (skipReason) return
  cache = await startActionsCacheServer()
  mirror = await startProviderMirror({ paddingBytes: PADDING })
  releases = await startReleasesServer({ versions: ['1.11.4'] })
}, 60_000)

afterAll(async () => {
  await cache?.close()
  await mirror?.close()
  await releases?.close()
})

describeIf('provider cache through the built action and its post step', () => {
  const lock = (): string => mirror.lockFile()

  it('a first job misses, downloads and saves; a second job on a fresh runner hits and downloads nothing', async () => {
    const first = await runJob(lock())
    expectSucceeded(first.main)
    expect(first.main.stdout).toContain(`provider cache: miss (${keyOf(lock())})`)
    expect(first.main.outputs['provider-cache-hit']).toBe('false')
    expect(mirror.downloads()).toBe(1)

    const before = cache.requests.length
    const post = await runPost(first)
    expectSucceeded(post)
    expect(post.stdout).toContain(`provider cache: saved ${keyOf(lock())}`)
    expect(workflowCommands(post.stdout, 'warning')).toEqual([])
    // the verified terraform release, then the providers
    expect(opsOf(before)).toEqual(
      Array(2).fill(['CreateCacheEntry 200', 'blob-upload 201', 'FinalizeCacheEntryUpload 200']).flat()
    )
    expect(post.stdout).toContain('terraform release cache: saved terraform-release-linux-amd64-1.11.4')
    const saved = cache.entries().filter(e => e.key === keyOf(lock()))
    expect(saved).toHaveLength(1)
    expect(saved[0].finalized).toBe(true)
    // the archive holds the package (incompressible padding): not an empty or partial directory
    expect(saved[0].sizeBytes!).toBeGreaterThan(PADDING)

    const zips = releases.requestCount(ZIP)
    const second = await runJob(lock())
    expectSucceeded(second.main)
    // terraform itself came from the cache too, verified again, with nothing fetched from the releases site
    expect(second.main.stdout).toMatch(
      /terraform 1\.11\.4 restored from the Actions cache: terraform_1\.11\.4_SHA256SUMS\.\S*sig \(key [0-9A-F]+\) and the SHA-256 of terraform_1\.11\.4_linux_amd64\.zip verified again/
    )
    expect(releases.requestCount(ZIP)).toBe(zips)
    expect(second.main.stdout).toContain(`provider cache: hit (${keyOf(lock())})`)
    expect(second.main.outputs['provider-cache-hit']).toBe('true')
    expect(second.main.outputs['validate-errors']).toBe('0')
    expect(mirror.downloads()).toBe(1)

    const before2 = cache.requests.length
    const post2 = await runPost(second)
    expectSucceeded(post2)
    expect(post2.stdout).toContain('was restored; nothing to save')
    expect(opsOf(before2)).toEqual([])
  }, 240_000)

  it('a changed lock file misses its key, restores the older entry by prefix and saves its own', async () => {
    const changed = mirror.lockFile([`zh:${'0'.repeat(64)}`])
    const job = await runJob(changed)
    expectSucceeded(job.main)
    expect(job.main.stdout).toContain(
      `provider cache: partial hit, restored ${keyOf(lock())} (${keyOf(changed)} missed)`
    )
    expect(job.main.outputs['provider-cache-hit']).toBe('false')
    expect(mirror.downloads()).toBe(1) // the older entry still had this package
    const post = await runPost(job)
    expectSucceeded(post)
    expect(post.stdout).toContain(`provider cache: saved ${keyOf(changed)}`)
  }, 240_000)

  it('a corrupted archive is ignored with a warning; init downloads and succeeds', async () => {
    const corrupted = mirror.lockFile([`zh:${'1'.repeat(64)}`])
    const seed = await runJob(corrupted)
    expectSucceeded(seed.main)
    expectSucceeded(await runPost(seed))
    cache.corrupt(keyOf(corrupted))
    const downloads = mirror.downloads()

    const job = await runJob(corrupted)
    expectSucceeded(job.main)
    const warnings = workflowCommands(job.main.stdout, 'warning')
    expect(warnings.some(w => w.includes('Failed to restore'))).toBe(true)
    expect(job.main.stdout).toContain(`provider cache: miss (${keyOf(corrupted)})`)
    expect(job.main.outputs['provider-cache-hit']).toBe('false')
    expect(job.main.outputs['validate-errors']).toBe('0')
    expect(mirror.downloads()).toBe(downloads + 1)
    // The damaged entry still holds the key (the service has no overwrite): the post step says so, no failure.
    const post = await runPost(job)
    expectSucceeded(post)
    expect(post.stdout).toContain(`provider cache: ${keyOf(corrupted)} not saved by this job`)
  }, 240_000)

  it('two parallel matrix legs saving one key leave one entry, and neither fails', async () => {
    const shared = mirror.lockFile([`zh:${'2'.repeat(64)}`])
    const [a, b] = await Promise.all([runJob(shared), runJob(shared)])
    expectSucceeded(a.main)
    expectSucceeded(b.main)
    const posts = await Promise.all([runPost(a), runPost(b)])
    for (const post of posts) {
      expectSucceeded(post)
      expect(workflowCommands(post.stdout, 'warning')).toEqual([])
      expect(workflowCommands(post.stdout, 'error')).toEqual([])
    }
    const saved = posts.filter(p => p.stdout.includes(`provider cache: saved ${keyOf(shared)}`))
    expect(saved).toHaveLength(1)
    expect(cache.entries().filter(e => e.key === keyOf(shared))).toEqual([expect.objectContaining({ finalized: true })])
  }, 240_000)

  it('cache service down: a warning, init downloads, the job and its post step succeed', async () => {
    const down = { ACTIONS_RESULTS_URL: `http://127.0.0.1:${await closedPort()}/` }
    const downloads = mirror.downloads()
    const lockText = mirror.lockFile([`zh:${'3'.repeat(64)}`])
    const job = await runJob(lockText, { env: down })
    expectSucceeded(job.main)
    expect(workflowCommands(job.main.stdout, 'warning').some(w => w.includes('Failed to restore'))).toBe(true)
    expect(job.main.outputs['provider-cache-hit']).toBe('false')
    expect(job.main.outputs['validate-errors']).toBe('0')
    expect(mirror.downloads()).toBe(downloads + 1)
    const post = await runPost(job)
    expectSucceeded(post)
    // @actions/cache reports an unreachable service at reservation like a key taken by another job
    expect(post.stdout).toContain(`provider cache: ${keyOf(lockText)} not saved by this job`)
    expect(post.stdout).toContain('the cache service failed')
  }, 240_000)

  it('a tampered terraform release in the cache is refused and downloaded afresh', async () => {
    const tamperings: Array<[string, (dir: string) => void, RegExp]> = [
      [
        'the zip swapped',
        dir => writeFileSync(join(dir, 'terraform_1.11.4_linux_amd64.zip'), 'not the release'),
        /terraform_1\.11\.4_linux_amd64\.zip: SHA-256 mismatch/
      ],
      [
        'the zip swapped and SHA256SUMS rewritten to match it',
        dir => {
          const zip = join(dir, 'terraform_1.11.4_linux_amd64.zip')
          writeFileSync(zip, 'not the release')
          const digest = createHash('sha256').update('not the release').digest('hex')
          writeFileSync(join(dir, 'terraform_1.11.4_SHA256SUMS'), `${digest}  terraform_1.11.4_linux_amd64.zip\n`)
        },
        /signature/i
      ]
    ]
    for (const [what, tamper, why] of tamperings) {
      const own = await startActionsCacheServer()
      try {
        const poisoned = await runJob(undefined, { env: own.env })
        expectSucceeded(poisoned.main)
        tamper(join(poisoned.dirs.temp, 'terraform-release-1.11.4'))
        expect((await runPost(poisoned)).stdout).toContain('terraform release cache: saved')

        const zips = releases.requestCount(ZIP)
        const job = await runJob(undefined, { env: own.env })
        expectSucceeded(job.main)
        const refused = workflowCommands(job.main.stdout, 'warning').filter(w => w.includes('refused'))
        expect([what, refused]).toEqual([what, [expect.stringMatching(why)]])
        expect(refused[0]).toContain('terraform 1.11.4 from the Actions cache refused: ')
        expect(refused[0]).toContain('downloading it instead')
        expect(releases.requestCount(ZIP)).toBe(zips + 1)
        expect(job.main.outputs['terraform-version']).toBe('1.11.4')
      } finally {
        await own.close()
      }
    }
  }, 240_000)

  it('provider-cache: false turns it off, and says so', async () => {
    const before = cache.requests.length
    const job = await runJob(lock(), { inputs: { 'provider-cache': 'false' } })
    expectSucceeded(job.main)
    expect(job.main.stdout).toContain('provider cache: off (input provider-cache is false)')
    expect(job.main.outputs['provider-cache-hit']).toBe('false')
    expect(opsOf(before)).toEqual([])
    const post = await runPost(job)
    expectSucceeded(post)
    expect(post.stdout).toContain('provider cache: nothing to save')
  }, 240_000)

  it('no lock file: off with the reason; a bad provider-cache value fails with one line', async () => {
    const job = await runJob(undefined)
    expectSucceeded(job.main)
    expect(job.main.stdout).toContain('provider cache: off, infra/.terraform.lock.hcl does not exist')

    const bad = await runJob(lock(), { inputs: { 'provider-cache': 'yes' } })
    expect(bad.main.code).toBe(1)
    expect(workflowCommands(bad.main.stdout, 'error')).toEqual([
      '::error::input provider-cache: "yes" is not a boolean; use true or false'
    ])
  }, 240_000)
})
