// The bundled CLI as a child process, built from the current source into a temp dir (not the committed dist/).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { cleanupPlans, generatePlan, writePlanFiles, type GeneratedPlan } from './support/terraform-plans.js'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
let out: string
let cli: string
let plan: GeneratedPlan
let files: { jsonFile: string; textFile: string }

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'cli-render-build-'))
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), out], { cwd: root, stdio: 'pipe' })
  cli = join(out, 'cli', 'index.js')
  plan = await generatePlan('all-changes')
  files = writePlanFiles(plan)
}, 10 * 60_000)

afterAll(async () => {
  rmSync(out, { recursive: true, force: true })
  await cleanupPlans()
})

interface Result {
  code: number
  stdout: string
  stderr: string
}

async function cliRun(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH, ...env },
      maxBuffer: 1 << 28
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('tf-plan-render render', () => {
  it('starts with a shebang so it works as the package bin', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('prints the Markdown for a real plan, with the text plan, and redacts secrets', async () => {
    const r = await cliRun([
      'render',
      '--plan-json',
      files.jsonFile,
      '--text-plan',
      files.textFile,
      '--title',
      'My plan'
    ])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout.startsWith('### My plan\n')).toBe(true)
    expect(r.stdout).toContain('**Plan:** 3 to add, 3 to change, 2 to replace, 1 to destroy')
    expect(r.stdout).toContain('<details><summary>Text plan')
    expect(r.stdout).not.toContain('hunter2-canary')
    expect(r.stdout).not.toContain('sensitive-var-canary-7Qx')
  })

  it('masks the secrets given in TF_PLAN_RENDER_SECRETS', async () => {
    const r = await cliRun(['render', '--plan-json', files.jsonFile, '--text-plan', files.textFile], {
      TF_PLAN_RENDER_SECRETS: 'adopted-id-123\nteam-a'
    })
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain('adopted-id-123')
    expect(r.stdout).not.toContain('team-a')
  })

  it('prints read/parse/render times to stderr with TF_PLAN_RENDER_TIMING=1', async () => {
    const r = await cliRun(['render', '--plan-json', files.jsonFile], { TF_PLAN_RENDER_TIMING: '1' })
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^tf-plan-render: timing: read \d+ ms, parse \d+ ms, render \d+ ms\n$/)
  })

  it('honours --max-chars', async () => {
    const r = await cliRun([
      'render',
      `--plan-json=${files.jsonFile}`,
      '--text-plan',
      files.textFile,
      '--max-chars',
      '2000'
    ])
    expect(r.code).toBe(0)
    expect(r.stdout.length).toBeLessThanOrEqual(2000)
    expect(r.stdout).toContain('This comment was shortened to fit 2,000 characters')
  })

  it('--help prints usage and exits 0', async () => {
    const r = await cliRun(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: tf-plan-render render --plan-json <file>')
  })

  it.each([
    [
      ['render', '--plan-json', 'x.json', '--max-chars', 'abc'],
      'tf-plan-render: --max-chars: "abc" is not a positive integer\n'
    ],
    [
      ['render', '--plan-json', 'x.json', '--max-chars', '0'],
      'tf-plan-render: --max-chars: "0" is not a positive integer\n'
    ],
    [
      ['render', '--plan-json', 'x.json', '--max-chars', '10'],
      'tf-plan-render: --max-chars: 10 is too small; use at least 1000\n'
    ],
    [['render'], 'tf-plan-render: --plan-json: missing; pass the output file of `terraform show -json <planfile>`\n'],
    [['render', '--plan-json'], 'tf-plan-render: --plan-json: missing value\n'],
    [
      ['render', '--plan-json', 'a', '--bogus'],
      'tf-plan-render: unknown argument "--bogus": accepted are --plan-json, --text-plan, --max-chars, --title, --schemas, --help\n'
    ],
    [[], 'tf-plan-render: missing command: use `render` (see --help)\n'],
    [['plan'], 'tf-plan-render: unknown command "plan": the only command is `render` (see --help)\n']
  ])('bad usage %j: one line on stderr, exit 1', async (args, message) => {
    const r = await cliRun(args)
    expect(r).toEqual({ code: 1, stdout: '', stderr: message })
  })

  it('names an unreadable or non-plan file in one line', async () => {
    const missing = await cliRun(['render', '--plan-json', '/nonexistent/plan.json'])
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tf-plan-render: --plan-json: cannot read "/nonexistent/plan.json" (ENOENT); pass a readable file\n'
    })
    const notJson = join(plan.dir, 'not-json.txt')
    writeFileSync(notJson, plan.text)
    const bad = await cliRun(['render', '--plan-json', notJson])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe(
      `tf-plan-render: --plan-json: "${notJson}" is not JSON; pass the output of \`terraform show -json <planfile>\`\n`
    )
    const state = join(plan.dir, 'state.json')
    writeFileSync(state, JSON.stringify({ version: 4, resources: [] }))
    const notPlan = await cliRun(['render', '--plan-json', state])
    expect(notPlan.stderr.split('\n')).toHaveLength(2)
    expect(notPlan.stderr).toContain('has no format_version: it is not a Terraform plan')
  })

  it('--schemas takes terraform providers schema -json of the root, and names anything else in one line', async () => {
    const schemas = join(plan.dir, 'schemas.json')
    writeFileSync(schemas, execFileSync('terraform', ['providers', 'schema', '-json'], { cwd: plan.dir }))
    const planJson = join(plan.dir, 'with-schemas.json')
    writeFileSync(planJson, plan.jsonText)
    const ok = await cliRun(['render', '--plan-json', planJson, '--schemas', schemas])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('**Plan:**')
    const notSchemas = join(plan.dir, 'not-schemas.json')
    writeFileSync(notSchemas, '[1, 2]')
    const bad = await cliRun(['render', '--plan-json', planJson, '--schemas', notSchemas])
    expect(bad).toEqual({
      code: 1,
      stdout: '',
      stderr: `tf-plan-render: --schemas: "${notSchemas}": provider schemas are not a JSON object; pass the output of \`terraform providers schema -json\`\n`
    })
  })

  /** The real plan with `edit` applied, written to a file. */
  const variant = (name: string, edit: (p: Record<string, unknown>) => void): string => {
    const copy = JSON.parse(plan.jsonText) as Record<string, unknown>
    edit(copy)
    const file = join(plan.dir, `${name}.json`)
    writeFileSync(file, JSON.stringify(copy))
    return file
  }

  it('accepts the format 0.2 that Terraform 1.0 writes, without the sections 1.0 did not write', async () => {
    const file = variant('format-0.2', p => {
      p.format_version = '0.2'
      p.terraform_version = '1.0.11'
      for (const key of ['relevant_attributes', 'checks', 'timestamp', 'applyable', 'complete', 'errored'])
        delete p[key]
    })
    const r = await cliRun(['render', '--plan-json', file])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain('**Plan:** 3 to add, 3 to change, 2 to replace, 1 to destroy')
  })

  it('refuses another format_version in one line naming it', async () => {
    const file = variant('format-2', p => {
      p.format_version = '2.0'
    })
    expect(await cliRun(['render', '--plan-json', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `tf-plan-render: --plan-json: "${file}" has format_version "2.0"; accepted are 0.2 and 1.x (written by Terraform 1.0 and later); pass the output of \`terraform show -json <planfile>\`\n`
    })
  })

  it('renders a drift entry without address, and a plan without its optional sections', async () => {
    const noAddress = variant('drift-no-address', p => {
      const rc = (p.resource_changes as Record<string, unknown>[]).find(r => r.address === 'terraform_data.app')!
      const { address: _, ...rest } = rc
      p.resource_drift = [rest]
      delete p.relevant_attributes
    })
    const r = await cliRun(['render', '--plan-json', noAddress])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toContain('<code>terraform_data.app</code> **has changed outside Terraform**')
    const bare = variant('bare', p => {
      for (const key of Object.keys(p)) if (key !== 'format_version') delete p[key]
    })
    const b = await cliRun(['render', '--plan-json', bare])
    expect(b).toMatchObject({ code: 0, stderr: '' })
    expect(b.stdout).toContain('**No changes.**')
  })

  it.each([
    [
      'changes-not-a-list',
      (p: Record<string, unknown>) => (p.resource_changes = 'x'),
      'resource_changes is not a list'
    ],
    [
      'change-without-actions',
      (p: Record<string, unknown>) => ((p.resource_changes as { change: unknown }[])[0].change = {}),
      'resource_changes[0] has no change.actions list'
    ],
    [
      'drift-without-any-name',
      (p: Record<string, unknown>) => (p.resource_drift = [{ change: { actions: ['update'] } }]),
      'resource_drift[0] has no address, and no type and name to name it by'
    ],
    [
      'outputs-not-an-object',
      (p: Record<string, unknown>) => (p.output_changes = [1]),
      'output_changes is not an object'
    ]
  ])('a plan of a shape it cannot read (%s): one line, exit 1, no stack trace', async (name, edit, message) => {
    const file = variant(name, edit)
    const r = await cliRun(['render', '--plan-json', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')).toHaveLength(2)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
