// The README's "Running it locally" recipe, run exactly as written (bash, from a copy of the checkout) on a
// machine where nothing can be downloaded: it must plan with the terraform on PATH and print no workflow command.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './support/run-action.js'
import { reportSkip } from './support/azurerm-provider.js'
import { findOnPath } from '../src/installer/system-terraform.js'

/** The first ```sh block under "## Running it locally". */
function localRecipe(readme: string): string {
  const section = readme.split(/^## Running it locally$/m)[1]
  if (section === undefined) throw new Error('README has no "## Running it locally" section')
  const m = /^```sh\n([\s\S]*?)^```$/m.exec(section.split(/^## /m)[0])
  if (!m) throw new Error('"## Running it locally" has no ```sh block')
  return m[1]
}

const recipe = localRecipe(readFileSync(join(repoRoot, 'README.md'), 'utf8'))
const skipReason = findOnPath(process.env) ? undefined : 'no terraform on PATH, which the recipe uses'
reportSkip('__tests__/readme-local-recipe.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

suite('README local recipe, offline', () => {
  let scratch: string
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'readme-recipe-'))
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  test('plans with the terraform on PATH, ends with the plan result line, echoes no secret', () => {
    // a copy of what the recipe reads (the committed dist/ and the fixture), so terraform's files land there
    const checkout = join(scratch, 'checkout')
    cpSync(join(repoRoot, 'dist'), join(checkout, 'dist'), { recursive: true })
    cpSync(join(repoRoot, '__tests__', 'fixtures'), join(checkout, '__tests__', 'fixtures'), {
      recursive: true,
      filter: src => !src.endsWith('.terraform') && !src.endsWith('.terraform.lock.hcl')
    })
    const tmp = join(scratch, 'tmp')
    mkdirSync(tmp)
    // a terminal, not a runner: no GITHUB_* / RUNNER_* / INPUT_* from the environment jest runs in
    const env: NodeJS.ProcessEnv = {}
    for (const [name, value] of Object.entries(process.env)) {
      if (!/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_)/.test(name)) env[name] = value
    }
    env.TMPDIR = tmp
    env.CHECKPOINT_DISABLE = '1'
    // nothing answers here: any download attempt fails the run
    env['INPUT_TERRAFORM-DOWNLOAD-URL'] = 'http://127.0.0.1:9'

    const run = spawnSync('bash', ['-eo', 'pipefail', '-c', recipe], {
      cwd: checkout,
      env,
      encoding: 'utf8',
      timeout: 120_000
    })
    const log = `${run.stdout}\n${run.stderr}`
    expect({ status: run.status, log }).toEqual({ status: 0, log })

    expect(run.stdout).toMatch(/^terraform-version system: using terraform \d+\.\d+\.\d+\S* at \/\S+terraform /m)
    expect(run.stdout).toMatch(/^plan: 1 to add, 0 to change, 0 to replace, 0 to destroy; digest [0-9a-f]{64}$/m)
    // the summary the recipe cats: the plan as the comment shows it
    expect(run.stdout).toContain('terraform_data.app')
    expect(log).not.toContain('::add-mask::')
    expect(log).not.toContain('local-demo-secret-4f2a9c')
    expect(run.stdout.split('\n').filter(l => /^::[a-z-]+/.test(l))).toEqual([])
    // no terraform was downloaded or cached
    const toolCache = join(tmp, 'terraform-pr-gate-tool-cache')
    expect(existsSync(toolCache) ? readdirSync(toolCache) : []).toEqual([])
  })
})
