// command: summarize through the built action: real plan dirs made by the action's own plan command (a root that
// creates, one that destroys and replaces, one without changes, one whose plan fails), laid out as
// actions/download-artifact lays them out, then one summary comment of its own on the GitHub stand-in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from './support/action-world.js'
import { withoutMaskCommands, workflowCommands, type ActionRun } from './support/run-action.js'

const SUMMARY_MARKER = '<!-- terraform-pr-gate: {"dir":"*","ws":"*"} -->'
const COMMENT_LIMIT = 65536
// in the apply-root fixture: a sensitive variable and an unmarked password
const CANARIES = ['s3cr3t-canary-sensitive-var', 'hunter2-canary-unmarked']

let world: World
let scratch: string
const plans: Record<string, ActionRun> = {}
let broken: ActionRun

/** A root in the workspace, applied first with terraform itself when `applied` is given (its state is local). */
function root(path: string, applied: string | undefined, planned: string): void {
  const dir = join(world.dirs.workspace, path)
  mkdirSync(dir, { recursive: true })
  if (applied !== undefined) {
    writeFileSync(join(dir, 'main.tf'), applied)
    const cliConfig = join(scratch, 'empty.tfrc')
    writeFileSync(cliConfig, '')
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig }
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'pipe' })
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'pipe' })
  }
  writeFileSync(join(dir, 'main.tf'), planned)
}

/** The plans dir of a summarize job: one folder per artifact, named as the reusable workflow names them. */
function artifacts(dirs: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'plans-'))
  for (const [name, planDir] of Object.entries(dirs)) cpSync(planDir, join(dir, name), { recursive: true })
  return dir
}

const artifactName = (root: string): string => `terraform-plan-${root.replace(/\//g, '-')}-production-attempt-1`
const summaryComments = (): Array<{ id: number; body: string }> =>
  world.ourComments().filter(c => c.body.split('\n')[0] === SUMMARY_MARKER)
const MATRIX = JSON.stringify({
  include: ['infra/app', 'infra/db', 'infra/idle', 'infra/broken'].map(r => ({ 'working-directory': r }))
})

function oneError(run: ActionRun): string {
  const errors = workflowCommands(run.stdout, 'error')
  expect(errors).toHaveLength(1)
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  return errors[0].replace(/^::error::/, '')
}

beforeAll(async () => {
  world = await startWorld({ fixture: 'apply-root', rootPath: 'infra/app' })
  scratch = mkdtempSync(join(tmpdir(), 'summarize-'))
  const old = Array.from({ length: 12 }, (_, i) => `resource "terraform_data" "old_${i}" {\n  input = ${i}\n}\n`)
  root(
    'infra/db',
    `resource "terraform_data" "keep" {\n  input = "k"\n}\n${old.join('')}resource "terraform_data" "swap" {\n  triggers_replace = 1\n}\n`,
    `resource "terraform_data" "keep" {\n  input = "k"\n}\nresource "terraform_data" "swap" {\n  triggers_replace = 2\n}\n`
  )
  const idle = `resource "terraform_data" "same" {\n  input = "same"\n}\n`
  root('infra/idle', idle, idle)
  root('infra/broken', undefined, `resource "terraform_data" "x" {\n  input = var.missing\n}\n`)
  // The matrix of the caller workflow, each plan with comment: off (the summary is the one comment).
  for (const r of ['infra/app', 'infra/db', 'infra/idle']) {
    plans[r] = await world.run({ command: 'plan', 'working-directory': r, comment: 'off' })
    expect([r, plans[r].code]).toEqual([r, 0])
  }
  broken = await world.run({ command: 'plan', 'working-directory': 'infra/broken', comment: 'off' })
}, 300_000)

afterAll(async () => {
  await world?.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('summarize after a matrix of plans', () => {
  let plansDir: string
  let first: ActionRun

  beforeAll(async () => {
    plansDir = artifacts(
      Object.fromEntries(Object.entries(plans).map(([r, run]) => [artifactName(r), run.outputs['plan-dir']]))
    )
    // An artifact that holds no plan-metadata.json (an upload of a plan that did not finish).
    mkdirSync(join(plansDir, 'terraform-plan-infra-half-production-attempt-1'))
    writeFileSync(join(plansDir, 'terraform-plan-infra-half-production-attempt-1', 'tfplan'), 'x')
    world.releases.resetRequests()
    first = await world.run({ command: 'summarize', 'plans-dir': plansDir, 'expected-roots': MATRIX })
  }, 120_000)

  it('the failed plan left no plan dir (so nothing to upload)', () => {
    expect(broken.code).toBe(1)
    expect(broken.outputs['plan-dir']).toBeUndefined()
  })

  it('writes one comment of its own, and no terraform is installed', () => {
    expect(first.code).toBe(0)
    expect(world.ourComments()).toHaveLength(1)
    expect(summaryComments()).toHaveLength(1)
    expect(first.outputs['comment-id']).toBe(String(summaryComments()[0].id))
    expect(world.releases.countMatching(() => true)).toBe(0)
    expect(first.stdout).not.toContain('terraform init')
  })

  it("has one row per root whose counts are each plan's own", () => {
    const body = summaryComments()[0].body
    const runUrl = `https://github.com/${world.event.env.GITHUB_REPOSITORY}/actions/runs/${world.event.env.GITHUB_RUN_ID}`
    for (const [r, run] of Object.entries(plans)) {
      const o = run.outputs
      const status =
        o['has-changes'] === 'true'
          ? Number(o['to-destroy']) + Number(o['to-replace']) > 0
            ? '⚠️ changes'
            : 'changes'
          : 'no changes'
      const row = `| <code>${r}</code> | <code>default</code> | ${o['to-add']} | ${o['to-change']} | ${o['to-destroy']} | ${o['to-replace']} | ${status} | [run](${runUrl}) |`
      expect(body).toContain(row)
      expect(first.summary).toContain(row)
    }
    // the plans themselves: 4 to add; 12 to destroy and 1 to replace; nothing
    expect(
      ['infra/app', 'infra/db', 'infra/idle'].map(
        r => plans[r].outputs['to-add'] + plans[r].outputs['to-destroy'] + plans[r].outputs['to-replace']
      )
    ).toEqual(['400', '0121', '000'])
    expect(readFileSync(plans['infra/app'].outputs['summary-path'], 'utf8')).toContain('4 to add')
  })

  it('shows the failed roots, never drops them', () => {
    const body = summaryComments()[0].body
    expect(body).toContain(
      '| <code>infra/broken</code> | <code>default</code> | – | – | – | – | ❌ failed: no plan artifact'
    )
    expect(body).toContain(
      '| <code>terraform-plan-infra-half-production-attempt-1</code> | – | – | – | – | – | ❌ failed: no plan-metadata.json'
    )
    expect(body).toContain('5 roots · 2 with changes · **2 failed**')
    expect(first.outputs).toMatchObject({ roots: '5', 'roots-with-changes': '2', 'roots-failed': '2' })
    expect(workflowCommands(first.stdout, 'warning').join('\n')).toContain(
      '2 root(s) without a plan: infra/broken, terraform-plan-infra-half'
    )
    // failed rows come first, then the root that destroys, then the others
    const order = ['infra/broken', 'terraform-plan-infra-half', 'infra/db', 'infra/app', 'infra/idle'].map(r =>
      body.indexOf(`| <code>${r}`)
    )
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('calls out every destroy and replace by address', () => {
    const body = summaryComments()[0].body
    expect(body).toContain('**<code>infra/db</code>**: 12 to destroy, 1 to replace')
    const listed = [...body.matchAll(/^- destroy <code>(.+)<\/code>$/gm)].map(m => m[1])
    expect(listed).toEqual(Array.from({ length: 12 }, (_, i) => `terraform_data.old_${i}`))
    expect(body).toContain('- replace <code>terraform_data.swap</code>')
    expect(body).not.toContain('Cut to fit')
  })

  it('never shows a sensitive value or the token', () => {
    const everything = [
      withoutMaskCommands(first.stdout + first.stderr),
      first.summary,
      JSON.stringify(first.outputs),
      ...world.ourComments().map(c => c.body)
    ].join('\n')
    for (const canary of CANARIES) expect(everything).not.toContain(canary)
    for (const r of Object.keys(plans)) {
      const meta = readFileSync(join(plans[r].outputs['plan-dir'], 'plan-metadata.json'), 'utf8')
      for (const canary of CANARIES) expect(meta).not.toContain(canary)
    }
  })

  it('a second summarize updates the same comment', async () => {
    const id = summaryComments()[0].id
    const mark = world.api.requests.length
    const again = await world.run({ command: 'summarize', 'plans-dir': plansDir })
    expect(again.code).toBe(0)
    expect(summaryComments()).toEqual([expect.objectContaining({ id })])
    expect(again.outputs['comment-id']).toBe(String(id))
    // without expected-roots the broken root has no row, the incomplete artifact still has one
    expect(summaryComments()[0].body).toContain('4 roots · 2 with changes · **1 failed**')
    const writes = world.api
      .since(mark)
      .filter(r => r.method !== 'GET')
      .map(r => r.operationId)
    expect(writes).toEqual(['issues/update-comment'])
    expect(world.api.errors).toEqual([])
  }, 60_000)

  it('a root planned twice (a re-run) is shown once, from the newer plan', async () => {
    const dir = artifacts({
      [artifactName('infra/idle')]: plans['infra/idle'].outputs['plan-dir'],
      'terraform-plan-infra-idle-production-attempt-2': plans['infra/idle'].outputs['plan-dir']
    })
    const meta = join(dir, 'terraform-plan-infra-idle-production-attempt-2', 'plan-metadata.json')
    const newer = JSON.parse(readFileSync(meta, 'utf8'))
    writeFileSync(
      meta,
      JSON.stringify({
        ...newer,
        createdAt: '2999-01-01T00:00:00.000Z',
        runUrl: 'https://github.com/octo-org/infra/actions/runs/1234567890/attempts/2'
      })
    )
    const run = await world.run({ command: 'summarize', 'plans-dir': dir, comment: 'off' })
    expect(run.code).toBe(0)
    expect(run.outputs.roots).toBe('1')
    expect(run.summary).toContain('[run](https://github.com/octo-org/infra/actions/runs/1234567890/attempts/2)')
  }, 60_000)
})

describe('summarize of 300 roots', () => {
  it('fits the comment limit, says what was cut, and keeps every failed root', async () => {
    const dir = mkdtempSync(join(scratch, 'many-'))
    const sources = Object.values(plans).map(run => run.outputs['plan-dir'])
    for (let i = 0; i < 300; i++) {
      const root = `environments/production/westeurope/service-with-a-long-descriptive-name-${String(i).padStart(3, '0')}`
      const target = join(dir, `terraform-plan-${i}`)
      cpSync(sources[i % 3], target, { recursive: true })
      const file = join(target, 'plan-metadata.json')
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), root }))
    }
    for (let i = 0; i < 5; i++) mkdirSync(join(dir, `terraform-plan-failed-${i}`))
    const run = await world.run({ command: 'summarize', 'plans-dir': dir })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ roots: '305', 'roots-with-changes': '200', 'roots-failed': '5' })
    const body = summaryComments()[0].body
    expect(summaryComments()).toHaveLength(1)
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT * 0.8)
    expect(body).toContain('305 roots · 200 with changes · **5 failed**')
    expect(body).toMatch(/_Cut to fit the [\d,]+-character limit: .+\. Each root's own plan has everything\._/)
    for (let i = 0; i < 5; i++) expect(body).toContain(`<code>terraform-plan-failed-${i}</code>`)
    expect(body).not.toContain('truncated to fit')
    // the job summary has room for every row
    for (let i = 0; i < 300; i += 37)
      expect(run.summary).toContain(`service-with-a-long-descriptive-name-${String(i).padStart(3, '0')}</code>`)
  }, 120_000)
})

describe('summarize with a bad plans-dir', () => {
  it.each([
    ['missing', (): string => join(scratch, 'nowhere'), 'does not exist'],
    ['a file', (): string => join(scratch, 'empty.tfrc'), 'is not a directory'],
    ['empty', (): string => mkdtempSync(join(scratch, 'empty-')), 'holds no plan directories']
  ])('%s: one line, exit 1', async (_name, dir, says) => {
    const run = await world.run({ command: 'summarize', 'plans-dir': dir() })
    expect(run.code).toBe(1)
    const line = oneError(run)
    expect(line).toMatch(/^input plans-dir: ".*" /)
    expect(line).toContain(says)
    expect(line).toContain('actions/download-artifact')
  })

  it('not given: one line, exit 1', async () => {
    const run = await world.run({ command: 'summarize' })
    expect(run.code).toBe(1)
    expect(oneError(run)).toBe(
      'input plans-dir: empty; summarize needs the directory the plan artifacts were downloaded into (actions/download-artifact with pattern: terraform-plan-*)'
    )
  })

  it('expected-roots that is not JSON: one line, exit 1', async () => {
    const run = await world.run({ command: 'summarize', 'plans-dir': scratch, 'expected-roots': '{"include": [' })
    expect(run.code).toBe(1)
    expect(oneError(run)).toMatch(/^input expected-roots: not valid JSON; use the matrix output of command: discover/)
  })
})

describe("a root's own comment", () => {
  it('is recorded by its plan step and linked from the summary', async () => {
    const replan = await world.run({ command: 'plan', 'working-directory': 'infra/idle', comment: 'always' })
    expect(replan.code).toBe(0)
    const url = replan.outputs['comment-url']
    expect(url).toMatch(/^https?:\/\/\S+$/)
    const meta = JSON.parse(readFileSync(join(replan.outputs['plan-dir'], 'plan-metadata.json'), 'utf8'))
    expect(meta).toMatchObject({ commentUrl: url, root: 'infra/idle', hasChanges: false })
    expect(meta.changes).toMatchObject({ add: 0, change: 0, destroy: 0, replace: 0, destroyAddresses: [] })
    const run = await world.run({
      command: 'summarize',
      'plans-dir': artifacts({ [artifactName('infra/idle')]: replan.outputs['plan-dir'] })
    })
    expect(run.code).toBe(0)
    expect(summaryComments()[0].body).toContain(`| no changes | [comment](${url}) |`)
    // the root's comment and the summary: two comments, each under its own marker
    expect(world.ourComments()).toHaveLength(2)
  }, 120_000)
})

describe('a plan dir from before the metadata recorded changes', () => {
  it('is counted from its plan JSON, whose values never reach the summary', async () => {
    const dir = artifacts({ [artifactName('infra/app')]: plans['infra/app'].outputs['plan-dir'] })
    const file = join(dir, artifactName('infra/app'), 'plan-metadata.json')
    const { changes, ...older } = JSON.parse(readFileSync(file, 'utf8'))
    expect(changes).toBeDefined()
    writeFileSync(file, JSON.stringify(older))
    const planJson = readFileSync(join(dir, artifactName('infra/app'), 'tfplan.json'), 'utf8')
    expect(CANARIES.some(c => planJson.includes(c))).toBe(true) // the JSON holds them; the summary must not
    const run = await world.run({ command: 'summarize', 'plans-dir': dir, comment: 'off' })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('| <code>infra/app</code> | <code>default</code> | 4 | 0 | 0 | 0 | changes |')
    for (const canary of CANARIES) expect(run.summary + run.stdout).not.toContain(canary)
  }, 60_000)
})
