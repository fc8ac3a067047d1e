// End to end through the built action (dist/index.js) with tool: tofu, against the local OpenTofu releases
// stand-in (__tests__/support/tofu-releases-server.ts). The `tofu` it serves is the machine's terraform binary
// renamed: OpenTofu is not installed here and cannot be downloaded, and plan only needs a working CLI with the
// same commands and plan JSON. What is OpenTofu's own here is everything the action does: api.json, the
// v<version>/ layout, .gpgsig, the fingerprint policy, .tofu files for required_version, the tool cache name.
//
// The stand-in's key is generated, so its fingerprint is not OpenTofu's. Runs that must install therefore use the
// test-only TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT, which the action honours only off GitHub Actions: those
// runs go without GITHUB_ACTIONS=true (the action prints workflow commands readably then: `error: ...`). Runs
// that check a refusal keep GITHUB_ACTIONS=true, as on a runner.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  startTofuReleasesServer,
  type TofuReleasesFaults,
  type TofuReleasesServer
} from './support/tofu-releases-server.js'
import { makeRunnerDirs, runAction, workflowCommands, type ActionRun, type RunnerDirs } from './support/run-action.js'

const TEST_ONLY = 'TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT'
let server: TofuReleasesServer

function runnerWithRoot(): RunnerDirs {
  const dirs = makeRunnerDirs()
  const root = join(dirs.workspace, 'infra')
  mkdirSync(root)
  writeFileSync(join(root, 'main.tf'), 'resource "terraform_data" "x" {\n  input = "hello"\n}\n')
  // read by the action's installer for tool tofu; the stand-in binary (terraform) ignores .tofu files
  writeFileSync(join(root, 'versions.tofu'), 'terraform {\n  required_version = "~> 1.9.0"\n}\n')
  return dirs
}

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  command: 'plan',
  'working-directory': 'infra',
  tool: 'tofu',
  'tofu-download-url': server.url,
  'tofu-signing-key': server.publicKeyArmored,
  comment: 'off',
  'provider-cache': 'false',
  ...extra
})

/** Off GitHub Actions, with the test's fingerprint accepted in place of OpenTofu's. */
const runLocal = (dirs: RunnerDirs, extra: Record<string, string> = {}): Promise<ActionRun> =>
  runAction(dirs, inputs(extra), { GITHUB_ACTIONS: '', [TEST_ONLY]: server.fingerprint })

const errorLines = (run: ActionRun, local: boolean): string[] =>
  local
    ? run.stdout.split('\n').filter(l => l.startsWith('error: '))
    : workflowCommands(run.stdout, 'error').map(l => l.replace(/^::error::/, ''))

function cachedTofu(dirs: RunnerDirs): string[] {
  const dir = join(dirs.toolCache, 'tofu')
  return existsSync(dir) ? readdirSync(dir) : []
}

beforeAll(async () => {
  server = await startTofuReleasesServer()
})

afterAll(async () => server?.close())

describe('tool: tofu through the built action', () => {
  const dirs = runnerWithRoot()

  it('installs the version required_version in versions.tofu asks for, verified, and plans the root', async () => {
    server.resetRequests()
    const run = await runLocal(dirs)
    expect([run.code, errorLines(run, true)]).toEqual([0, []])
    const o = run.outputs
    expect(o['terraform-version']).toBe('1.9.1')
    expect(o['terraform-path']).toBe(join(dirs.toolCache, 'tofu', '1.9.1', process.arch, 'tofu'))
    expect([o['has-changes'], o['to-add']]).toEqual(['true', '1'])
    const meta = JSON.parse(readFileSync(join(o['plan-dir'], 'plan-metadata.json'), 'utf8'))
    expect(meta).toMatchObject({ root: 'infra', tool: 'tofu', terraformVersion: '1.9.1' })
    // named after the tool that ran: the summary's title and terraform's log groups
    expect(readFileSync(o['summary-path'], 'utf8')).toMatch(/^### OpenTofu plan: <code>infra<\/code>/m)
    expect(run.stdout).toMatch(/tofu plan/)
    expect(run.stdout).not.toMatch(/^(::group::)?terraform (init|plan)\b/m)
    expect(run.stdout).toContain('required_version "~> 1.9.0" (versions.tofu)')
    expect(run.stdout).toContain(`warning: tofu-signing-key: accepting key fingerprint `)
    expect(run.stdout).toContain('tofu_1.9.1_SHA256SUMS: signature tofu_1.9.1_SHA256SUMS.gpgsig verified')
    expect(server.requestCount(server.paths('1.9.1').zip)).toBe(1)
    expect(cachedTofu(dirs)).toEqual(['1.9.1'])
    expect(existsSync(join(dirs.toolCache, 'terraform'))).toBe(false)
  }, 180_000)

  it('validate and apply (of exactly the reviewed plan) run with the installed tofu too', async () => {
    const validate = await runLocal(dirs, { command: 'validate', 'terraform-version': '1.9.1' })
    expect([validate.code, errorLines(validate, true)]).toEqual([0, []])
    expect([validate.outputs['validate-errors'], validate.outputs['terraform-version']]).toEqual(['0', '1.9.1'])
    const plan = await runLocal(dirs, { 'terraform-version': '1.9.1' })
    expect(plan.code).toBe(0)
    // the reviewed plan is a tofu plan: terraform (here the one on PATH) never applies it
    const wrongTool = await runLocal(dirs, {
      command: 'apply',
      tool: 'terraform',
      'terraform-version': 'system',
      'tofu-download-url': '',
      'tofu-signing-key': '',
      'plan-path': plan.outputs['plan-path'],
      'plan-digest': plan.outputs['plan-digest']
    })
    expect([wrongTool.code, errorLines(wrongTool, true), wrongTool.outputs['apply-status']]).toEqual([
      1,
      ['error: apply refused: the plan was made with tofu 1.9.1, but this job runs terraform: set tool: tofu'],
      'refused'
    ])
    expect(existsSync(join(dirs.workspace, 'infra', 'terraform.tfstate'))).toBe(false)
    const apply = await runLocal(dirs, {
      command: 'apply',
      'terraform-version': '1.9.1',
      'plan-path': plan.outputs['plan-path'],
      'plan-digest': plan.outputs['plan-digest']
    })
    expect([apply.code, errorLines(apply, true)]).toEqual([0, []])
    expect(apply.outputs['apply-status']).toBe('applied')
    const state = JSON.parse(readFileSync(join(dirs.workspace, 'infra', 'terraform.tfstate'), 'utf8'))
    expect(state.resources.map((r: { type: string; name: string }) => `${r.type}.${r.name}`)).toEqual([
      'terraform_data.x'
    ])
  }, 240_000)

  it('a second run of the exact version reuses the tool cache: not a single request', async () => {
    server.resetRequests()
    const run = await runLocal(dirs, { 'terraform-version': '1.9.1' })
    expect([run.code, errorLines(run, true)]).toEqual([0, []])
    expect(run.stdout).toContain(`tofu 1.9.1 found in the tool cache`)
    expect(server.countMatching(() => true)).toBe(0)
  }, 180_000)

  it('api.json down: a constraint is met by the verified tofu in the tool cache, with one warning naming the outage', async () => {
    server.setFaults({ failures: { [server.indexPath]: Infinity } })
    try {
      const run = await runLocal(dirs, { 'terraform-version': '>= 1.9' })
      expect([run.code, errorLines(run, true)]).toEqual([0, []])
      expect(run.outputs['terraform-version']).toBe('1.9.1')
      const warnings = run.stdout.split('\n').filter(l => l.startsWith('warning: ') && !l.includes('test-only'))
      expect(warnings).toEqual([
        expect.stringMatching(
          /^warning: releases index unreachable \(download of http:\/\/127\.0\.0\.1:\d+\/api\.json failed after 4 attempts: HTTP 503; .*\); using tofu 1\.9\.1 from the tool cache, the newest cached version satisfying terraform-version ">= 1\.9"$/
        )
      ])
    } finally {
      server.setFaults({})
    }
  }, 180_000)
})

describe('tool: tofu refusals, one line each, exit 1, nothing cached', () => {
  it('on a runner, a key that is not OpenTofu’s is refused before any request', async () => {
    const dirs = runnerWithRoot()
    server.resetRequests()
    const run = await runAction(dirs, inputs())
    expect(run.code).toBe(1)
    const errors = errorLines(run, false)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^input tofu-signing-key: key [0-9A-F ]+ is not OpenTofu's release signing key; only primary key fingerprint E3E6 E43D 84CB 852E ADB0 {2}051D 0C0A F313 E5FD 9F80 is accepted \(https:\/\/get\.opentofu\.org\/opentofu\.asc\)$/
    )
    expect(server.countMatching(() => true)).toBe(0)
    expect(cachedTofu(dirs)).toEqual([])
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
  }, 120_000)

  it('on a runner, the test-only fingerprint switch is itself refused', async () => {
    const dirs = runnerWithRoot()
    const run = await runAction(dirs, inputs(), { [TEST_ONLY]: server.fingerprint })
    expect(run.code).toBe(1)
    const errors = errorLines(run, false)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^environment: TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT is set; .* refused on GitHub Actions/
    )
    expect(cachedTofu(dirs)).toEqual([])
  }, 120_000)

  it('an empty tofu-signing-key is refused as an input, saying where the key is and what is accepted', async () => {
    const dirs = runnerWithRoot()
    const run = await runAction(dirs, inputs({ 'tofu-signing-key': '' }))
    expect(run.code).toBe(1)
    expect(errorLines(run, false)).toEqual([
      "input tofu-signing-key: empty; with tool: tofu it is required, as OpenTofu's release key does not ship with this action yet: paste OpenTofu's ASCII-armored public key (https://get.opentofu.org/opentofu.asc, primary key fingerprint E3E6 E43D 84CB 852E ADB0  051D 0C0A F313 E5FD 9F80); no other key is accepted"
    ])
  }, 120_000)

  it.each<[string, TofuReleasesFaults, RegExp]>([
    [
      'a tampered zip',
      { tamperedZip: true },
      /^tofu_1\.9\.1_\w+_\w+\.zip: SHA-256 mismatch \(expected [0-9a-f]{12}…, got [0-9a-f]{12}…\); refusing to install$/
    ],
    [
      'a tampered SHA256SUMS',
      { tamperedShasums: true },
      /^tofu_1\.9\.1_SHA256SUMS: signature by trusted key [0-9A-F]+ does not verify/
    ],
    [
      'a signature by another key',
      { untrustedSignature: true },
      /^tofu_1\.9\.1_SHA256SUMS: signature is not from a trusted key/
    ]
  ])(
    '%s is refused',
    async (_what, faults, pattern) => {
      const dirs = runnerWithRoot()
      server.setFaults(faults)
      try {
        const run = await runLocal(dirs)
        expect(run.code).toBe(1)
        const errors = errorLines(run, true)
        expect(errors).toHaveLength(1)
        expect(errors[0].slice('error: '.length)).toMatch(pattern)
        expect(cachedTofu(dirs)).toEqual([])
        expect(run.outputs['terraform-path']).toBeUndefined()
      } finally {
        server.setFaults({})
      }
    },
    120_000
  )
})
