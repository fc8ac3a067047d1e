// Private git modules through the reusable workflow's git-token: the terraform step's own `env:` (evaluated with
// GitHub's expression evaluator, exactly as written in .github/workflows/terraform.yml) given to the BUILT action,
// which runs the real terraform init against a real `git http-backend` on 127.0.0.1 that demands the token.
// Afterwards the token is in no log, output, summary or file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { gitHttpBackendAvailable, startGitHttpServer, type GitHttpServer } from './support/git-http-server.js'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { makeRunnerDirs, repoRoot, runAction, type RunnerDirs } from './support/run-action.js'
import { evaluateTemplate } from './support/workflow-checks.js'

const TOKEN = 'ghs_privateModuleCanary7f3a9c0d1e2b'
const available = gitHttpBackendAvailable()
if (!available) console.warn('private-modules: skipped, git has no http-backend here (it ships with git core)')
const describeIfGit = available ? describe : describe.skip

const reusable = parse(readFileSync(join(repoRoot, '.github/workflows/terraform.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Array<{ with?: { command?: string }; env?: Record<string, string> }> }>
}

/** The terraform step's env in a job, with the caller's secrets and inputs filled in as GitHub would. */
function terraformStepEnv(job: 'plan' | 'apply', secrets: Record<string, string>, url: string): Record<string, string> {
  const step = reusable.jobs[job].steps.find(s => s.with?.command !== undefined)
  if (!step?.env) throw new Error(`the ${job} job's terraform step has no env`)
  const contexts = { secrets, inputs: { 'git-credential-url': url } }
  return Object.fromEntries(
    Object.entries(step.env).map(([name, value]) => [name, String(evaluateTemplate(value, contexts))])
  )
}

/** Every file below `dir` whose bytes contain `needle` (the tool cache, one big binary, is left out by the caller). */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = []
  const walk = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry))
    else if (stat.isFile() && readFileSync(path).includes(needle)) found.push(path)
  }
  walk(dir)
  return found
}

describeIfGit('private git modules with the git-token secret', () => {
  let git: GitHttpServer
  let releases: ReleasesServer
  let base: string
  let home: string
  let moduleUrl: string

  beforeAll(async () => {
    git = await startGitHttpServer({ token: TOKEN, username: 'x-access-token' })
    releases = await startReleasesServer()
    moduleUrl = git.createRepository('octo-org/terraform-network.git', {
      'main.tf':
        'variable "name" {\n  type = string\n}\n\nresource "terraform_data" "network" {\n  input = var.name\n}\n',
      'outputs.tf': 'output "id" {\n  value = terraform_data.network.id\n}\n'
    })
    base = mkdtempSync(join(tmpdir(), 'tfgate-private-'))
    home = join(base, 'home')
    mkdirSync(home)
  })

  afterAll(async () => {
    await git?.close()
    await releases?.close()
    if (base) rmSync(base, { recursive: true, force: true })
  })

  const run = async (name: string, secrets: Record<string, string>, credentialUrl = git.url) => {
    const dirs: RunnerDirs = makeRunnerDirs(join(base, name))
    const root = join(dirs.workspace, 'infra')
    mkdirSync(root, { recursive: true })
    writeFileSync(
      join(root, 'main.tf'),
      `module "network" {\n  source = "git::${moduleUrl}?ref=main"\n  name   = "hub"\n}\n`
    )
    const env = terraformStepEnv('plan', secrets, credentialUrl)
    const result = await runAction(
      dirs,
      {
        command: 'validate',
        'working-directory': 'infra',
        'terraform-version': '1.11.4',
        'terraform-download-url': releases.url,
        'terraform-signing-key': releases.publicKeyArmored,
        'github-token': 'ghs_commentTokenIsNotTheGitToken'
      },
      { ...env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' }
    )
    return { result, dirs, root, env }
  }

  it('init fetches the private module with the token', async () => {
    const before = git.requests.length
    const { result, root, dirs, env } = await run('with-token', { 'git-token': TOKEN })
    expect(env.GIT_CONFIG_COUNT).toBe('1')
    expect(env.GIT_CONFIG_KEY_0).toBe(`credential.${git.url}.helper`)
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(result.outputs['validate-errors']).toBe('0')
    expect(readFileSync(join(root, '.terraform/modules/network/main.tf'), 'utf8')).toContain('terraform_data')
    const seen = git.requests.slice(before)
    // git asked without credentials first (401), then with the helper's token.
    expect(seen.some(r => r.status === 401)).toBe(true)
    expect(seen.filter(r => r.authorized).length).toBeGreaterThan(0)

    // The token is nowhere afterwards: not in the log, outputs, summary, nor any file of the job (workspace with
    // the cloned module and .terraform, RUNNER_TEMP, GITHUB_OUTPUT, the step summary) or HOME (no git config).
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
    for (const secret of [TOKEN, basic]) {
      expect(result.stdout + result.stderr).not.toContain(secret)
      expect(JSON.stringify(result.outputs) + result.summary).not.toContain(secret)
      for (const dir of [dirs.workspace, dirs.temp, home]) expect(filesContaining(dir, secret)).toEqual([])
      expect(readFileSync(dirs.outputFile, 'utf8') + readFileSync(dirs.summaryFile, 'utf8')).not.toContain(secret)
    }
    expect(readdirSync(home)).toEqual([])
  })

  it('without the secret git gets no credential and init fails on the 401', async () => {
    const before = git.requests.length
    const { result, env } = await run('without-token', {})
    expect(env.GIT_CONFIG_COUNT).toBe('0')
    expect(result.code).toBe(1)
    expect(result.stdout + result.stderr).toMatch(/terraform init|Failed to download module|could not download module/i)
    expect(git.requests.slice(before).every(r => !r.authorized)).toBe(true)
    expect(git.requests.slice(before).some(r => r.status === 401)).toBe(true)
  })

  it('a wrong token is refused by the server, and is not logged either', async () => {
    const wrong = 'ghs_wrongTokenCanary0000000000000'
    const { result } = await run('wrong-token', { 'git-token': wrong })
    expect(result.code).toBe(1)
    expect(result.stdout + result.stderr).not.toContain(wrong)
  })

  it('git-credential-url scopes the token by URL prefix: another owner gets none', async () => {
    const scoped = await run('scoped', { 'git-token': TOKEN }, `${git.url}/octo-org`)
    expect(scoped.result.code).toBe(0)
    const before = git.requests.length
    const elsewhere = await run('elsewhere', { 'git-token': TOKEN }, `${git.url}/someone-else`)
    expect(elsewhere.result.code).toBe(1)
    expect(git.requests.slice(before).every(r => !r.authorized)).toBe(true)
  })

  it('the apply job gives git the same credential', () => {
    expect(terraformStepEnv('apply', { 'git-token': TOKEN }, git.url)).toEqual(
      terraformStepEnv('plan', { 'git-token': TOKEN }, git.url)
    )
  })
})
