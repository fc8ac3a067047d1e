// command: drift through the built action: a real refresh-only plan of an applied root, made to drift by the
// offline azurerm provider (OFFLINE_AZURERM_DRIFT), and one GitHub issue per (root, workspace) in the stand-in:
// opened with the marker, label and the drift rendered; updated, never duplicated (also by two racing runs);
// commented on and closed when the drift is gone; a read-only token or a fork is a warning, never a crash.
// The terraform_data root (no provider) drifts by its root output (a refresh-only plan reports outputs whose value
// differs from the state), which keeps the protocol cases fast.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startWorld, type World } from './support/action-world.js'
import { issueStore, TEST_TOKENS, type StoredIssue } from './support/github-api-server.js'
import { withoutMaskCommands, workflowCommands, type ActionRun } from './support/run-action.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'
import { writeGitHubEvent } from './support/github-event.js'
import { driftMarker } from '../src/drift/drift-policy.js'

const exec = promisify(execFile)
const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/action-drift.test.ts (azurerm cases)', skipReason)
const azureSuite = skipReason ? describe.skip : describe

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000'
const RG_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-drift-issue`
const SA_ID = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stdriftissue`
// A drifted sensitive attribute: its value must appear nowhere.
const KEY_CANARY = 'canary-drifted-access-key-0123456789'

const AZURE_ROOT = `terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "4.79.0" }
  }
}

provider "azurerm" {
  subscription_id = "${SUBSCRIPTION}"
  features {}
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-drift-issue"
  location = "westeurope"
  tags     = { owner = "platform" }
}

resource "azurerm_storage_account" "sa" {
  name                     = "stdriftissue"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
  https_traffic_only_enabled = true
  tags                     = { owner = "platform", cost_center = "cc-1234" }
}
`

const DATA_ROOT = `variable "release" {
  type    = string
  default = "v1"
}

resource "terraform_data" "app" {
  input = { release = var.release }
}

output "endpoint" {
  value = "https://app.example.test/\${var.release}"
}
`

// Many outputs whose values all change with `release`: a report far beyond GitHub's issue body limit.
const BIG_ROOT = `variable "release" {
  type    = string
  default = "v1"
}

output "items" {
  # range() stops at 1,024 values: 4 x 1,000 items
  value = {
    for i in flatten([for a in range(4) : [for b in range(1000) : a * 1000 + b]]) :
    "item-\${i}" => "https://app.example.test/\${var.release}/item-\${i}"
  }
}
`

let world: World
let owner: string
let repo: string
let driftFile: string
let runId = 5000

beforeAll(async () => {
  world = await startWorld({ fixture: 'validate-ok', rootPath: 'unused', event: 'workflow_dispatch' })
  ;[owner, repo] = [world.owner, world.repo]
  driftFile = join(world.dirs.temp, '..', 'drift.json')
  writeFileSync(
    driftFile,
    JSON.stringify({
      [RG_ID]: { tags: { owner: 'someone-in-the-portal' } },
      [SA_ID]: {
        min_tls_version: 'TLS1_0',
        https_traffic_only_enabled: false,
        tags: { owner: 'platform', cost_center: 'cc-9999' },
        primary_access_key: KEY_CANARY
      }
    })
  )
  await applyRoot('infra/data', DATA_ROOT)
  await applyRoot('infra/big', BIG_ROOT)
  if (!skipReason) await applyRoot('infra/azure', AZURE_ROOT)
}, 5 * 60_000)

afterAll(async () => {
  expect(world?.api.errors ?? []).toEqual([])
  await world?.close()
})

/** Writes a root into the workspace and applies it with terraform (local state next to it). */
async function applyRoot(path: string, text: string): Promise<void> {
  const dir = join(world.dirs.workspace, path)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'main.tf'), text)
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
  await exec('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env })
  await exec('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env })
}

function drift(path: string, inputs: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  runId++
  return world.run(
    { command: 'drift', 'working-directory': path, ...inputs },
    { GITHUB_RUN_ID: String(runId), OFFLINE_AZURERM_DRIFT: '', ...env }
  )
}

const runLink = (id: number): string => `https://github.com/${owner}/${repo}/actions/runs/${id}`

function issuesOf(path: string, state?: 'open' | 'closed'): StoredIssue[] {
  const marker = driftMarker({ workingDirectory: path, workspace: 'default' })
  return issueStore(world.api.state)
    .list(owner, repo)
    .filter(i => i.body.split('\n')[0] === marker)
    .filter(i => !state || i.state === state)
}

function expectClean(run: ActionRun): void {
  expect(workflowCommands(run.stdout, 'error')).toEqual([])
  expect(run.code).toBe(0)
}

azureSuite('drift of an Azure root (offline azurerm, OFFLINE_AZURERM_DRIFT)', () => {
  const path = 'infra/azure'

  it('no drift right after apply: drift=false, no issue', async () => {
    const run = await drift(path)
    expectClean(run)
    expect(run.outputs.drift).toBe('false')
    expect(run.outputs['issue-url']).toBeUndefined()
    expect(issuesOf(path)).toEqual([])
    expect(run.summary).toContain('**No drift.**')
  }, 120_000)

  it('drift: one labelled issue with the marker, the drifted attributes and values, no secret', async () => {
    const run = await drift(path, {}, { OFFLINE_AZURERM_DRIFT: driftFile })
    expectClean(run)
    expect(run.outputs.drift).toBe('true')
    const issues = issuesOf(path)
    expect(issues).toHaveLength(1)
    const [issue] = issues
    expect(run.outputs['issue-url']).toBe(`https://github.com/${owner}/${repo}/issues/${issue.number}`)
    expect(issue.labels).toEqual(['terraform-drift'])
    expect(issueStore(world.api.state).label(owner, repo, 'terraform-drift')).toBeDefined()
    expect(issue.title).toBe('Terraform drift: infra/azure')
    const body = issue.body
    if (process.env.DRIFT_TEST_DUMP) writeFileSync(process.env.DRIFT_TEST_DUMP, body)
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toContain('**Drift:** 2 objects changed outside of Terraform.')
    // The drift section comes first, right after the head.
    expect(body.indexOf('#### Changed outside of Terraform (drift)')).toBeGreaterThan(0)
    expect(body).toContain('<code>azurerm_storage_account.sa</code> **has changed outside Terraform**')
    expect(body).toContain('<code>azurerm_resource_group.rg</code> **has changed outside Terraform**')
    for (const text of ['min_tls_version', '"TLS1_2"', '"TLS1_0"', 'https_traffic_only_enabled', '"cc-9999"'])
      expect([text, body.includes(text)]).toEqual([text, true])
    expect(body).toContain('"someone-in-the-portal"')
    expect(body).toContain('<code>primary_access_key</code>: <em>(sensitive)</em> (changed)')
    expect(body.indexOf('#### Changed outside of Terraform (drift)')).toBeLessThan(body.indexOf('Text plan'))
    expect(body).toContain(`[this run](${runLink(runId)})`)
    // The sensitive access key drifted too: named at most, never shown, in the issue, the summary or the log.
    for (const where of [body, run.summary, withoutMaskCommands(run.stdout), run.stderr])
      expect(where.includes(KEY_CANARY)).toBe(false)
    expect(run.summary).toContain('min_tls_version')
  }, 120_000)

  it('drift again: the same issue is updated, no second issue', async () => {
    const before = issuesOf(path)[0]
    const run = await drift(path, {}, { OFFLINE_AZURERM_DRIFT: driftFile })
    expectClean(run)
    expect(run.outputs.drift).toBe('true')
    const issues = issuesOf(path)
    expect(issues).toHaveLength(1)
    expect(issues[0].number).toBe(before.number)
    expect(issues[0].body).toContain(`[this run](${runLink(runId)})`)
    expect(run.stdout).toContain('updated the drift issue')
  }, 120_000)

  it('drift gone: the issue gets a "no drift since" comment and is closed; drift=false', async () => {
    const number = issuesOf(path)[0].number
    const run = await drift(path)
    expectClean(run)
    expect(run.outputs.drift).toBe('false')
    expect(issuesOf(path, 'open')).toHaveLength(0)
    expect(issueStore(world.api.state).get(owner, repo, number)).toMatchObject({
      state: 'closed',
      stateReason: 'completed'
    })
    const comments = world.api.state.listComments(owner, repo, number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(`No drift since [this run](${runLink(runId)})`)
  }, 120_000)
})

describe('drift issue protocol on a terraform_data root (its output drifts)', () => {
  const path = 'infra/data'

  it('two runs racing on the create leave one open issue; the other is closed as its duplicate', async () => {
    // Both runs list the issues before either creates one. Two runners: each its own RUNNER_TEMP and tool cache; the
    // shared local state is locked by each plan in turn.
    world.api.injectFault({ operationId: 'issues/list-for-repo' }, { barrier: 2 }, 2)
    const runners = ['a', 'b'].map(name => join(world.dirs.temp, '..', `runner-${name}`))
    for (const dir of runners) mkdirSync(join(dir, 'tool-cache'), { recursive: true })
    const [a, b] = await Promise.all(
      runners.map(dir =>
        drift(
          path,
          { variables: 'release=v2', 'lock-timeout': '60s' },
          { RUNNER_TEMP: dir, RUNNER_TOOL_CACHE: join(dir, 'tool-cache') }
        )
      )
    )
    expectClean(a)
    expectClean(b)
    expect([a.outputs.drift, b.outputs.drift]).toEqual(['true', 'true'])
    const open = issuesOf(path, 'open')
    expect(open).toHaveLength(1)
    expect(open[0].body).toContain('**Drift:** 1 root outputs differ from the state.')
    expect(open[0].body).toContain('"https://app.example.test/v2"')
    const closed = issuesOf(path, 'closed')
    expect(closed).toHaveLength(1)
    expect(closed[0].stateReason).toBe('not_planned')
    // Both runs report the surviving issue.
    expect(a.outputs['issue-url']).toBe(b.outputs['issue-url'])
    expect(a.outputs['issue-url']).toMatch(new RegExp(`/issues/${open[0].number}$`))
  }, 180_000)

  it('a read-only token: a warning naming issues: write, drift still reported, the step passes', async () => {
    const open = issuesOf(path, 'open')[0]
    const run = await drift(path, { variables: 'release=v3', 'github-token': TEST_TOKENS.readOnly })
    expectClean(run)
    expect(run.outputs.drift).toBe('true')
    expect(run.outputs['issue-url']).toBeUndefined()
    const warnings = workflowCommands(run.stdout, 'warning').join('\n')
    expect(warnings).toContain('could not write the drift issue')
    expect(warnings).toContain('issues: write')
    expect(run.summary).toContain('"https://app.example.test/v3"')
    // Nothing changed on GitHub.
    expect(issuesOf(path, 'open')).toEqual([open])
  }, 120_000)

  it('a pull request from a fork: no API write at all, one warning', async () => {
    const fork = await writeGitHubEvent('pull_request.fork', { apiUrl: world.api.url })
    try {
      const mark = world.api.requests.length
      const run = await drift(path, { variables: 'release=v3', 'github-token': TEST_TOKENS.readOnly }, fork.env)
      expectClean(run)
      expect(run.outputs.drift).toBe('true')
      expect(workflowCommands(run.stdout, 'warning').join('\n')).toContain('pull request from a fork')
      expect(world.api.since(mark)).toEqual([])
    } finally {
      await fork.cleanup()
    }
  }, 120_000)

  it('back to the applied value: the open issue is closed, drift=false', async () => {
    const number = issuesOf(path, 'open')[0].number
    const run = await drift(path)
    expectClean(run)
    expect(run.outputs.drift).toBe('false')
    expect(run.outputs['issue-url']).toMatch(new RegExp(`/issues/${number}$`))
    expect(issuesOf(path, 'open')).toEqual([])
  }, 120_000)

  it('a report larger than the issue limit is shortened to fit it, and says so; the job summary has it all', async () => {
    const run = await drift('infra/big', { variables: 'release=v2', 'drift-label': 'drift big' })
    expectClean(run)
    expect(run.outputs.drift).toBe('true')
    const [issue] = issuesOf('infra/big')
    expect(issue.labels).toEqual(['drift big'])
    expect(issue.body.length).toBeLessThanOrEqual(65536)
    expect(issue.body).toContain('**Drift:** 1 root outputs differ from the state.')
    expect(issue.body).toContain('<code>items</code> (update)')
    expect(issue.body).toMatch(/This issue was shortened to fit 65,\d{3} characters:\*\* the text plan was left out/)
    // The text plan (4,000 changed lines) is in the job summary (1 MiB), which has room for it.
    expect(run.summary).toContain('Changes to Outputs')
    expect(run.summary).toContain('"https://app.example.test/v2/item-3999"')
    expect(run.summary.length).toBeGreaterThan(100_000)
  }, 120_000)

  it('a bad drift-label is one clear error line', async () => {
    const run = await drift(path, { 'drift-label': 'a,b' })
    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout, 'error')).toEqual([
      '::error::input drift-label: "a,b" is not a usable label name; use one GitHub label of at most 50 characters, without commas'
    ])
  }, 60_000)
})
