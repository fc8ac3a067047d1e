// Jobs that share one tool cache (self-hosted runners with a common RUNNER_TOOL_CACHE, or several runners on one
// machine) and install the same Terraform at the same moment: each must end with a working, verified binary, and
// none may delete or overwrite the files another is already running (which fails with ETXTBSY or ENOENT).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { placeInToolCache } from '../src/installer/tool-cache-place.js'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { makeRunnerDirs, repoRoot, runAction, workflowCommands, type RunnerDirs } from './support/run-action.js'

let server: ReleasesServer
const runners: RunnerDirs[] = []
let shared: RunnerDirs

beforeAll(async () => {
  server = await startReleasesServer({ versions: ['1.11.4'] })
  shared = makeRunnerDirs()
  for (let i = 0; i < 4; i++) {
    const dirs = makeRunnerDirs()
    cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'ok'), { recursive: true })
    runners.push(dirs)
  }
})

afterAll(async () => {
  await server?.close()
  for (const dirs of [shared, ...runners]) rmSync(dirname(dirs.workspace), { recursive: true, force: true })
})

const validate = (dirs: RunnerDirs) =>
  runAction(
    dirs,
    {
      command: 'validate',
      'working-directory': 'ok',
      'terraform-version': '1.11.4',
      'terraform-download-url': server.url,
      'terraform-signing-key': server.publicKeyArmored,
      'fmt-check': 'false',
      'provider-cache': 'false'
    },
    { RUNNER_TOOL_CACHE: shared.toolCache }
  )

describe('one tool cache, four jobs installing terraform 1.11.4 at once', () => {
  it('every job installs or reuses a working binary; the cache holds one complete copy', async () => {
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all(runners.map(validate))
      for (const run of runs) {
        expect([run.code, workflowCommands(run.stdout, 'error')]).toEqual([0, []])
        expect(run.outputs['terraform-path']).toBe(
          join(shared.toolCache, 'terraform', '1.11.4', process.arch, 'terraform')
        )
        expect(run.outputs['validate-errors']).toBe('0')
      }
    }
    const versionDir = join(shared.toolCache, 'terraform', '1.11.4')
    expect(readdirSync(versionDir).sort()).toEqual([process.arch, `${process.arch}.complete`])
    expect(readdirSync(join(versionDir, process.arch))).toEqual(['terraform'])
    for (const dirs of runners) {
      expect(readdirSync(dirs.temp).filter(n => n.startsWith('terraform-install-'))).toEqual([])
      expect(existsSync(join(dirs.toolCache, 'terraform'))).toBe(false)
    }
  }, 240_000)
})

describe('placeInToolCache', () => {
  const saved = process.env.RUNNER_TOOL_CACHE
  let cache: string
  let release: string
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'tool-cache-place-'))
    process.env.RUNNER_TOOL_CACHE = cache
    release = mkdtempSync(join(tmpdir(), 'tool-cache-release-'))
    writeFileSync(join(release, 'terraform'), 'verified binary', { mode: 0o755 })
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
    else process.env.RUNNER_TOOL_CACHE = saved
    rmSync(cache, { recursive: true, force: true })
    rmSync(release, { recursive: true, force: true })
  })

  it('leaves a complete copy exactly as it is (same file, never rewritten) and reuses it', async () => {
    const first = await placeInToolCache(release, 'terraform', '1.2.3', 'x64')
    const inode = statSync(join(first, 'terraform')).ino
    writeFileSync(join(release, 'terraform'), 'verified binary') // a second job's identical copy
    expect(await placeInToolCache(release, 'terraform', '1.2.3', 'x64')).toBe(first)
    expect(statSync(join(first, 'terraform')).ino).toBe(inode)
    expect(readdirSync(join(cache, 'terraform', '1.2.3')).sort()).toEqual(['x64', 'x64.complete'])
  })

  it('replaces an incomplete copy (no .complete marker) and leaves no staging or stale directory behind', async () => {
    const target = join(cache, 'terraform', '2.0.0', 'x64')
    mkdirSync(target, { recursive: true })
    writeFileSync(join(target, 'terraform'), 'half written')
    expect(await placeInToolCache(release, 'terraform', '2.0.0', 'x64')).toBe(target)
    expect(readFileSync(join(target, 'terraform'), 'utf8')).toBe('verified binary')
    expect(readdirSync(join(cache, 'terraform', '2.0.0')).sort()).toEqual(['x64', 'x64.complete'])
  })
})
