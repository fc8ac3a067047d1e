// End to end: an outage of the releases site (index.json answers 503 on every attempt) through the built action.
// A constraint that a verified, tool-cached version satisfies still runs, with a warning naming the outage; an
// exact version that is not cached, or a constraint no cached version meets, fails with one line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { makeRunnerDirs, runAction, workflowCommands, type RunnerDirs } from './support/run-action.js'

const INDEX = '/terraform/index.json'
let server: ReleasesServer
let dirs: RunnerDirs

const run = (version: string) =>
  runAction(dirs, {
    command: 'validate',
    'working-directory': 'root',
    'terraform-version': version,
    'terraform-download-url': server.url,
    'terraform-signing-key': server.publicKeyArmored,
    'provider-cache': 'false'
  })

beforeAll(async () => {
  server = await startReleasesServer({ versions: ['1.10.5', '1.11.4'] })
  dirs = makeRunnerDirs()
  mkdirSync(join(dirs.workspace, 'root'))
  writeFileSync(join(dirs.workspace, 'root', 'main.tf'), 'resource "terraform_data" "x" {}\n')
})

afterAll(async () => server.close())

describe('installs that survive an outage of the releases index', () => {
  it('resolves through index.json while it is up, and says so', async () => {
    const ok = await run('~> 1.10.0')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain(`resolved terraform-version "~> 1.10.0" to 1.10.5 from ${server.url}${INDEX}`)
    expect((await run('1.11.4')).code).toBe(0)
  }, 120_000)

  it('index down: the newest cached version satisfying the constraint, with a warning naming the outage', async () => {
    server.setFaults({ failures: { [INDEX]: Infinity } })
    const before = server.requestCount(INDEX)
    const down = await run('>= 1.9')
    expect(down.code).toBe(0)
    expect(server.requestCount(INDEX) - before).toBe(4) // the installer did try, with its retries
    expect(down.outputs['terraform-version']).toBe('1.11.4')
    const warnings = workflowCommands(down.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^::warning::releases index unreachable \(download of http:\/\/127\.0\.0\.1:\d+\/terraform\/index\.json failed after 4 attempts: HTTP 503; .*\); using terraform 1\.11\.4 from the tool cache, the newest cached version satisfying terraform-version ">= 1\.9"$/
    )
    // an older cached version is chosen when only it satisfies
    const older = await run('< 1.11')
    expect(older.code).toBe(0)
    expect(older.outputs['terraform-version']).toBe('1.10.5')
  }, 120_000)

  it('index down: an exact version not cached, or a constraint no cached version meets, fails with one line', async () => {
    server.setFaults({ failures: { [INDEX]: Infinity } })
    for (const [version, why] of [
      ['1.9.8', ''],
      [
        '>= 1.12',
        '; no version in the tool cache satisfies terraform-version ">= 1.12", so there is nothing to fall back on'
      ]
    ]) {
      const failed = await run(version)
      expect(failed.code).toBe(1)
      expect(failed.stderr).not.toMatch(/\n\s+at /)
      const errors = workflowCommands(failed.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/^::error::download of http:\/\/127\.0\.0\.1:\d+\/terraform\/index\.json failed /)
      expect(errors[0]).toContain('HTTP 503')
      if (why) expect(errors[0].endsWith(why)).toBe(true)
      else expect(errors[0]).not.toContain('fall back')
    }
    // an exact version that is cached needs no index at all
    const cached = await run('1.11.4')
    expect(cached.code).toBe(0)
    expect(workflowCommands(cached.stdout, 'warning')).toEqual([])
  }, 180_000)
})
