// Local mode and terraform-version: system, through the built action as a child process and at the unit edge.
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { actionEntry, repoRoot } from './support/run-action.js'
import { reportSkip } from './support/azurerm-provider.js'
import { localLine } from '../src/report/local-console.js'
import { findOnPath, systemTerraform } from '../src/installer/system-terraform.js'
import { UserError } from '../src/errors.js'
import { readInputs } from '../src/inputs.js'

const terraform = findOnPath(process.env)
reportSkip('__tests__/local-mode.test.ts', terraform ? undefined : 'no terraform on PATH (the system tests use it)')
const withTerraform = terraform ? describe : describe.skip

let scratch: string
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'local-mode-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** The environment of a terminal: nothing a runner sets. */
function terminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_)/.test(name)) env[name] = value
  }
  return { ...env, TMPDIR: scratch, CHECKPOINT_DISABLE: '1', ...extra }
}

function runAction(cwd: string, env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [actionEntry], { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('workflow commands on a terminal', () => {
  it.each([
    ['::add-mask::hunter2-secret', undefined],
    ['::error::it broke%0Aline two', 'error: it broke\nline two'],
    [
      '::warning file=main.tf,line=3,title=terraform validate%3A x::bad',
      'warning: main.tf:3: terraform validate: x: bad'
    ],
    ['::notice::fyi', 'notice: fyi'],
    ['::group::terraform plan', '== terraform plan'],
    ['::endgroup::', undefined],
    ['::debug::detail', undefined],
    ['::set-output name=to-add::1', 'output to-add: 1'],
    ['  + resource "terraform_data" "app" {', '  + resource "terraform_data" "app" {']
  ])('%s', (line, readable) => {
    expect(localLine(line, {})).toBe(readable)
  })
})

describe('terraform-version: system', () => {
  const inputs = (version: string) =>
    readInputs({ GITHUB_WORKSPACE: repoRoot, 'INPUT_TERRAFORM-VERSION': version }, () => repoRoot)

  it('is accepted as an input, and named among the accepted values of a bad one', () => {
    expect(inputs('system').terraformVersion).toBe('system')
    expect(() => inputs('one.two')).toThrow(
      /^input terraform-version: "one\.two".*, or system \(the terraform on PATH\)$/
    )
  })

  it('no terraform on PATH is one UserError line', async () => {
    const empty = join(scratch, 'empty-path')
    mkdirSync(empty, { recursive: true })
    const err = await systemTerraform({ info: () => undefined }, { PATH: empty }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toMatch(
      /^input terraform-version: "system" uses the terraform on PATH, and there is none; /
    )
    expect((err as Error).message).not.toContain('\n')
  })

  it('a terraform that prints no version JSON is refused', async () => {
    const bin = join(scratch, 'fake-bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(join(bin, 'terraform'), '#!/bin/sh\necho "Terraform v1.2.3"\n')
    chmodSync(join(bin, 'terraform'), 0o755)
    const err = await systemTerraform({ info: () => undefined }, { PATH: bin }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toContain('did not print JSON')
  })
})

withTerraform('the built action outside GitHub Actions', () => {
  let checkout: string
  beforeAll(() => {
    checkout = join(scratch, 'checkout')
    cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(checkout, 'root'), {
      recursive: true,
      filter: src => !src.endsWith('.terraform')
    })
  })

  it('a bare run validates the current directory with the terraform on PATH and ends with a result line', () => {
    const run = runAction(
      checkout,
      terminalEnv({
        INPUT_COMMAND: 'validate',
        'INPUT_TERRAFORM-VERSION': 'system',
        'INPUT_WORKING-DIRECTORY': 'root',
        INPUT_MASK: 'local-mode-secret-77c1e',
        'INPUT_TERRAFORM-DOWNLOAD-URL': 'http://127.0.0.1:9'
      })
    )
    expect(run).toMatchObject({ status: 0 })
    expect(run.stdout).toContain(`GITHUB_WORKSPACE=${checkout} (the current directory)`)
    expect(run.stdout).toContain(`using terraform `)
    expect(run.stdout).toContain(` at ${terraform!} (from PATH, not downloaded)`)
    expect(run.stdout).toContain(`output terraform-path: ${terraform!}`)
    expect(run.stdout).toContain('== terraform validate')
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.filter(l => l.startsWith('validate: '))).toEqual([
      'validate: 0 errors, 0 warnings, 0 files not formatted'
    ])
    expect(lines.filter(l => l.startsWith('::'))).toEqual([])
    expect(run.stdout + run.stderr).not.toContain('local-mode-secret-77c1e')
    expect(readdirSync(join(scratch, 'terraform-pr-gate-tool-cache'))).toEqual([])
  })

  it('system with no terraform on PATH fails with one readable line', () => {
    const run = runAction(
      checkout,
      terminalEnv({
        PATH: dirname(process.execPath) === dirname(terraform!) ? '/nonexistent' : dirname(process.execPath),
        INPUT_COMMAND: 'validate',
        'INPUT_TERRAFORM-VERSION': 'system',
        'INPUT_WORKING-DIRECTORY': 'root'
      })
    )
    expect(run.status).toBe(1)
    expect(run.stdout.split('\n').filter(l => l.startsWith('error: '))).toEqual([
      'error: input terraform-version: "system" uses the terraform on PATH, and there is none; install terraform on PATH or set terraform-version to a version to download'
    ])
  })

  it('on a runner a missing GITHUB_WORKSPACE stays an error', () => {
    const run = runAction(checkout, terminalEnv({ GITHUB_ACTIONS: 'true', 'INPUT_TERRAFORM-VERSION': 'system' }))
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^::error::environment: GITHUB_WORKSPACE is not set; a GitHub Actions runner sets it/m)
  })
})
