// End to end: the built action installs the real terraform from a local releases server (signature and
// checksum verified against a key made here), then validates fixture roots; annotations are checked line by line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import {
  makeRunnerDirs,
  repoRoot,
  runAction,
  withoutMaskCommands,
  workflowCommands,
  type RunnerDirs
} from './support/run-action.js'

const fixtures = join(repoRoot, '__tests__', 'fixtures')
let server: ReleasesServer
let dirs: RunnerDirs

function inputs(extra: Record<string, string>): Record<string, string> {
  return {
    command: 'validate',
    'terraform-download-url': server.url,
    'terraform-signing-key': server.publicKeyArmored,
    'github-token': 'ghs_canaryTokenValue0123456789',
    ...extra
  }
}

beforeAll(async () => {
  server = await startReleasesServer()
  dirs = makeRunnerDirs()
  cpSync(join(fixtures, 'validate-ok'), join(dirs.workspace, 'ok'), { recursive: true })
  cpSync(join(fixtures, 'validate-errors'), join(dirs.workspace, 'infra', 'broken'), { recursive: true })
})

afterAll(async () => {
  await server.close()
})

const zipPath = '/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip'

describe('command: validate through the built action', () => {
  it('installs the verified terraform and validates a clean root', async () => {
    const run = await runAction(dirs, inputs({ 'working-directory': 'ok', 'terraform-version': '1.11.4' }))
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(0)
    expect(run.outputs['terraform-version']).toBe('1.11.4')
    expect(run.outputs['terraform-path']).toMatch(/terraform$/)
    expect(run.outputs['validate-errors']).toBe('0')
    expect(run.outputs['unformatted-files']).toBe('[]')
    expect(run.summary).toContain('Terraform validate: <code>ok</code>')
    expect(server.requestCount(zipPath)).toBe(1)
    expect(run.stdout).toContain('::group::terraform validate')
    // Nothing unverified in the cache, and the verified binary is there.
    expect(readdirSync(join(dirs.toolCache, 'terraform'))).toEqual(['1.11.4'])
    // The token never reaches the log (the runner consumes ::add-mask:: lines; they are not shown).
    expect(withoutMaskCommands(run.stdout + run.stderr)).not.toContain('ghs_canaryTokenValue0123456789')
    expect(run.stdout).toContain('::add-mask::ghs_canaryTokenValue0123456789')
  })

  it('serves a second install from the tool cache (no download)', async () => {
    const before = server.requestCount(zipPath)
    const run = await runAction(dirs, inputs({ 'working-directory': 'ok', 'terraform-version': '1.11.4' }))
    expect(run.code).toBe(0)
    expect(server.requestCount(zipPath)).toBe(before)
  })

  it('reads required_version when terraform-version is empty', async () => {
    // The fixture says ">= 1.9": the newest stable release on the server (not the beta) is chosen.
    const run = await runAction(dirs, inputs({ 'working-directory': 'ok' }))
    expect(run.code).toBe(0)
    expect(run.outputs['terraform-version']).toBe('1.11.4')
  })

  it('turns every diagnostic into an annotation on the repository path and fails', async () => {
    const run = await runAction(dirs, inputs({ 'working-directory': 'infra/broken', 'terraform-version': '1.11.4' }))
    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout, 'error')
    const warnings = workflowCommands(run.stdout, 'warning')
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^::error title=terraform validate%3A Unsupported argument,file=infra\/broken\/main.tf,line=15,endLine=15,col=3,endColumn=9::Unsupported argument: An argument named "inputz" is not expected here/
        ),
        expect.stringMatching(
          /^::error title=terraform validate%3A Reference to undeclared input variable,file=infra\/broken\/main.tf,line=6,endLine=6,col=11,endColumn=25::/
        )
      ])
    )
    expect(warnings).toEqual([
      expect.stringMatching(/^::warning title=terraform fmt,file=infra\/broken\/main.tf,line=9,endLine=9::/)
    ])
    // The failure itself: one line, no stack.
    const failure = errors.filter(l => l.startsWith('::error::'))
    expect(failure).toEqual(['::error::terraform validate found 2 errors in infra/broken; see the annotations'])
    expect(run.outputs['validate-errors']).toBe('2')
    expect(JSON.parse(run.outputs['unformatted-files'])).toEqual(['infra/broken/main.tf'])
    expect(run.summary).toContain('| errors | 2 |')
  })

  it('fmt-check: false skips the formatting annotations', async () => {
    const run = await runAction(
      dirs,
      inputs({ 'working-directory': 'infra/broken', 'terraform-version': '1.11.4', 'fmt-check': 'false' })
    )
    expect(workflowCommands(run.stdout, 'warning')).toEqual([])
  })
})

describe('bad inputs: one line, exit 1, no stack trace, nothing installed', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'working-directory outside the workspace',
      { 'working-directory': '../../etc' },
      /^::error::input working-directory: "..\/..\/etc" resolves to .+, outside the workspace .+; use a path inside the repository$/
    ],
    [
      'unknown command',
      { command: 'destroy' },
      /^::error::input command: "destroy" is not accepted; use one of: validate, plan, apply, discover, summarize, drift$/
    ],
    [
      'malformed version',
      { 'terraform-version': 'one.two' },
      /^::error::input terraform-version: "one.two" is not a valid version constraint .*expected an exact version/
    ],
    ['unknown version', { 'working-directory': 'ok', 'terraform-version': '1.0.99' }, /^::error::.*1\.0\.99.*/],
    ['unsatisfiable constraint', { 'working-directory': 'ok', 'terraform-version': '~> 2.0' }, /^::error::.*~> 2\.0.*/],
    ['bad boolean', { 'fmt-check': 'yes' }, /^::error::input fmt-check: "yes" is not a boolean; use true or false$/],
    [
      'stack and working-directory together',
      { stack: 'chat-llm', 'working-directory': 'ok' },
      /^::error::inputs stack and working-directory: both are set/
    ],
    [
      'a signing key that is not a key',
      { 'terraform-signing-key': 'not a key' },
      /^::error::input terraform-signing-key: not an armored OpenPGP public key/
    ]
  ]
  it.each(cases)('%s', async (_name, extra, expected) => {
    const fresh = makeRunnerDirs()
    cpSync(join(fixtures, 'validate-ok'), join(fresh.workspace, 'ok'), { recursive: true })
    const run = await runAction(fresh, inputs(extra))
    expect(run.code).toBe(1)
    const failures = workflowCommands(run.stdout, 'error')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(expected)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(readdirSync(fresh.toolCache)).toEqual([])
  })
})

describe('refused downloads through the built action', () => {
  it.each([
    ['tampered zip', { tamperedZip: true }, /SHA-256/i],
    ['untrusted signature', { untrustedSignature: true }, /trusted key/i],
    ['missing signature', { noSignature: true }, /signature/i]
  ])('%s', async (_name, faults, expected) => {
    const fresh = makeRunnerDirs()
    cpSync(join(fixtures, 'validate-ok'), join(fresh.workspace, 'ok'), { recursive: true })
    server.setFaults(faults)
    try {
      const run = await runAction(fresh, inputs({ 'working-directory': 'ok', 'terraform-version': '1.11.4' }))
      expect(run.code).toBe(1)
      const failures = workflowCommands(run.stdout, 'error')
      expect(failures).toHaveLength(1)
      expect(failures[0]).toMatch(expected)
      expect(readdirSync(fresh.toolCache).filter(d => d === 'terraform')).toEqual([])
    } finally {
      server.setFaults({})
    }
  })
})
