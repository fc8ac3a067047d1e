// The reusable drift workflow (.github/workflows/drift.yml): least privilege per job (issues: write only where the
// drift issue is written), typed and defaulted inputs that match the action's defaults, and its file-listing script
// run with bash in a real git repository, fed to the real discover logic.
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { parseOutputs, repoRoot } from './support/run-action.js'
import { discoverAffectedRoots } from '../src/discover/discover-roots.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, string>
}
interface Job {
  permissions: Record<string, string>
  steps: Step[]
  concurrency?: { group: string; 'cancel-in-progress': boolean }
}

const text = readFileSync(join(repoRoot, '.github', 'workflows', 'drift.yml'), 'utf8')
const workflow = parse(text) as {
  on: { workflow_call: { inputs: Record<string, { type: string; default: unknown; description: string }> } }
  permissions: unknown
  jobs: Record<string, Job>
}
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

describe('drift.yml', () => {
  it('grants issues: write to the drift job only, and nothing at the top level', () => {
    expect(workflow.permissions).toEqual({})
    expect(workflow.jobs.discover.permissions).toEqual({ contents: 'read' })
    expect(workflow.jobs.drift.permissions).toEqual({ contents: 'read', 'id-token': 'write', issues: 'write' })
    // One run per root and workspace at a time, never cancelled halfway through an issue update.
    expect(workflow.jobs.drift.concurrency).toMatchObject({ 'cancel-in-progress': false })
    expect(workflow.jobs.drift.concurrency!.group).toContain('matrix.working-directory')
  })

  it('declares typed, described inputs whose defaults are the action’s', () => {
    const drift = workflow.jobs.drift.steps.find(s => s.id === 'drift')!
    expect(drift.with?.command).toBe('drift')
    for (const [name, input] of Object.entries(workflow.on.workflow_call.inputs)) {
      expect([name, typeof input.description, input.type]).toEqual([name, 'string', 'string'])
      expect([name, /Default/.test(input.description)]).toEqual([name, true])
      const passed =
        drift.with?.[name] !== undefined ? drift : workflow.jobs.discover.steps.find(s => s.id === 'discover')
      if (name === 'runs-on') continue
      expect([name, passed?.with?.[name]]).toEqual([name, `\${{ inputs.${name} }}`])
      if (action.inputs[name]?.default !== undefined)
        expect([name, String(input.default)]).toEqual([name, String(action.inputs[name].default)])
    }
  })

  it('lists every Terraform file of the checkout, so discover returns every root', async () => {
    const script = workflow.jobs.discover.steps.find(s => s.id === 'files')!.run!
    const dir = mkdtempSync(join(tmpdir(), 'tfgate-drift-wf-'))
    try {
      const repo = join(dir, 'repo')
      const files = ['infra/app/main.tf', 'infra/db/main.tf.json', 'envs/prod/network/versions.tf', 'README.md']
      for (const f of files) {
        mkdirSync(dirname(join(repo, f)), { recursive: true })
        const content = f.endsWith('.json') ? '{"variable": {"x": {}}}' : 'variable "x" {}\n'
        writeFileSync(join(repo, f), f.endsWith('.md') ? '# readme\n' : content)
      }
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' })
      git('init', '-q')
      git('add', '.')
      const output = join(dir, 'output')
      writeFileSync(output, '')
      const result = spawnSync('bash', ['-c', script], { cwd: repo, env: { ...process.env, GITHUB_OUTPUT: output } })
      expect(result.status).toBe(0)
      const list = parseOutputs(readFileSync(output, 'utf8')).list.split('\n')
      expect(list.sort()).toEqual(['envs/prod/network/versions.tf', 'infra/app/main.tf', 'infra/db/main.tf.json'])
      const { roots } = await discoverAffectedRoots({
        workspaceDir: repo,
        changedFiles: list,
        rootGlobs: [],
        ignoreGlobs: []
      })
      expect([...roots].sort()).toEqual(['envs/prod/network', 'infra/app', 'infra/db'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
