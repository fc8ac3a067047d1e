// The renderer's refresh-only mode (command: drift) fed by a real `terraform plan -refresh-only` of an applied root
// that the offline azurerm provider makes drift (OFFLINE_AZURERM_DRIFT): all drift shown, first, with attribute
// names and values; no "No changes" or "may explain" wording of a normal plan; fitted to GitHub's issue limit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { PlanJson } from '../src/plan/plan-json.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { driftOf } from '../src/drift/drift-policy.js'
import { planRootsDir } from './support/terraform-plans.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'

const run = promisify(execFile)
const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/drift-render.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

let dir = ''
let drifted: { json: PlanJson; exitCode: number }
let clean: { json: PlanJson; exitCode: number }

beforeAll(async () => {
  if (skipReason) return
  dir = mkdtempSync(join(tmpdir(), 'tf-drift-render-'))
  cpSync(join(planRootsDir, 'drift', 'after'), dir, { recursive: true })
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
  const tf = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    run('terraform', args, { cwd: dir, env: { ...env, ...extra }, maxBuffer: 1 << 28 })
  await tf(['init', '-input=false', '-no-color'])
  await tf(['apply', '-auto-approve', '-input=false', '-no-color'])
  const refreshOnly = async (extra: NodeJS.ProcessEnv): Promise<{ json: PlanJson; exitCode: number }> => {
    let exitCode = 0
    try {
      await tf(['plan', '-refresh-only', '-detailed-exitcode', '-input=false', '-no-color', '-out=tfplan'], extra)
    } catch (error) {
      exitCode = (error as { code: number }).code
      if (exitCode !== 2) throw error
    }
    return { json: JSON.parse((await tf(['show', '-json', 'tfplan'])).stdout) as PlanJson, exitCode }
  }
  clean = await refreshOnly({})
  drifted = await refreshOnly({ OFFLINE_AZURERM_DRIFT: join(planRootsDir, 'drift', 'drift.json') })
}, 5 * 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const render = (json: PlanJson, maxChars = 65_000) =>
  renderPlanMarkdown(json, { maxChars, title: 'Terraform drift: <code>infra</code>', refreshOnly: true })

suite('refresh-only plans in the renderer', () => {
  it('is a real refresh-only plan: drift entries, no resource changes, no relevant_attributes', () => {
    expect(drifted.exitCode).toBe(2)
    expect(drifted.json.resource_changes ?? []).toEqual([])
    expect(drifted.json.relevant_attributes).toBeUndefined()
    expect(drifted.json.resource_drift!.map(rc => rc.address).sort()).toEqual([
      'azurerm_resource_group.rg',
      'azurerm_virtual_network.vnet'
    ])
    expect(driftOf(drifted.json)).toEqual({ objects: 2, outputs: 0, hasDrift: true })
    expect(driftOf(clean.json)).toEqual({ objects: 0, outputs: 0, hasDrift: false })
  })

  it('shows every drifted object first, with attribute names and values, in refresh-only words', () => {
    const { markdown, shortened } = render(drifted.json)
    expect(shortened).toEqual([])
    const lines = markdown.split('\n\n')
    expect(lines[0]).toBe('### Terraform drift: <code>infra</code>')
    expect(lines[1]).toBe('**Drift:** 2 objects changed outside of Terraform.')
    expect(lines[2]).toBe('#### Changed outside of Terraform (drift)')
    expect(markdown).toContain('<code>azurerm_resource_group.rg</code> **has changed outside Terraform**')
    // Unlike a normal plan (render-plan.test.ts), the network's own drift is shown: nothing filters a refresh.
    expect(markdown).toContain('<code>azurerm_virtual_network.vnet</code> **has changed outside Terraform**')
    expect(markdown).toContain(
      '<code>tags.owner</code>: <code>"platform"</code> → <code>"someone-in-the-portal"</code>'
    )
    expect(markdown).toContain('"portal-too"')
    expect(markdown).toContain('dns_servers')
    expect(markdown).toContain('"10.0.0.4"')
    for (const wrong of ['No changes', 'may explain', '**Plan:**', 'Resource changes'])
      expect([wrong, markdown.includes(wrong)]).toEqual([wrong, false])
  })

  it('says "No drift" for a clean refresh', () => {
    const { markdown } = render(clean.json)
    expect(markdown).toContain('**No drift.** The real infrastructure matches the Terraform state.')
    expect(markdown).not.toContain('Changed outside of Terraform')
  })

  it('fits a small budget by dropping values before names, and says so', () => {
    const full = render(drifted.json).markdown
    const small = render(drifted.json, 700)
    expect(small.markdown.length).toBeLessThanOrEqual(700)
    expect(small.markdown.length).toBeLessThan(full.length)
    expect(small.shortened.join('; ')).toMatch(/drift/)
    expect(small.markdown).toContain('azurerm_resource_group.rg')
    expect(small.markdown).not.toContain('someone-in-the-portal')
  })
})
