import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { JsonValue, PlanJson } from '../src/plan/plan-json.js'
import { Redactor } from '../src/render/redact.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { rootTitle } from '../src/report/run-info.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'
import { cleanupPlans, generatePlan, planRootsDir, type GeneratedPlan } from './support/terraform-plans.js'

const run = promisify(execFile)

let all: GeneratedPlan
let none: GeneratedPlan
beforeAll(async () => {
  ;[all, none] = await Promise.all([generatePlan('all-changes'), generatePlan('no-changes')])
})
afterAll(cleanupPlans)

const render = (plan: PlanJson, extra: Partial<Parameters<typeof renderPlanMarkdown>[1]> = {}) =>
  renderPlanMarkdown(plan, { maxChars: 60000, ...extra })

/** The first line that names an address (a call-out line, a block heading, an output line). */
const rowOf = (md: string, address: string): string =>
  md.split('\n').find(l => l.includes(`<code>${address}</code>`)) ?? ''

/** One resource block of the resource changes: its heading line and the attribute lines under it. */
const blockOf = (md: string, address: string): string => {
  const lines = md.slice(md.indexOf('#### Resource changes')).split('\n')
  const start = lines.findIndex(l => l.includes(`<code>${address}</code> **`))
  if (start < 0) return ''
  let end = start + 1
  while (end < lines.length && (lines[end] === '' || lines[end].startsWith('- ') || lines[end].startsWith('  '))) end++
  return lines.slice(start, end).join('\n')
}

describe('renderPlanMarkdown on a real plan with every kind of change', () => {
  it('starts with the title, the header and the headline counts with replace counted separately', () => {
    const { markdown, shortened } = render(all.json, {
      title: 'Terraform plan: `infra/prod`',
      header: 'since the last plan: +2, -1 resources'
    })
    expect(markdown.startsWith('### Terraform plan: `infra/prod`\n\nsince the last plan: +2, -1 resources\n\n')).toBe(
      true
    )
    expect(markdown).toContain(
      '**Plan:** 3 to add, 3 to change, 2 to replace, 1 to destroy, 1 to import, 1 to move, 1 to forget, 1 to read, 3 outputs to change.'
    )
    expect(shortened).toEqual([])
  })

  it('calls out destroys and replaces first, with the reason and the attribute that forces it', () => {
    const { markdown } = render(all.json)
    const callout = markdown.indexOf('[!CAUTION]')
    expect(callout).toBeGreaterThan(0)
    expect(callout).toBeLessThan(markdown.indexOf('#### Resource changes'))
    expect(markdown).toContain('1 to destroy, 2 to replace')
    const db = rowOf(markdown.slice(callout), 'terraform_data.db')
    expect(db).toContain('replace')
    expect(db).toContain('<code>replace_because_cannot_update</code>')
    expect(db).toContain('forced by <code>triggers_replace</code>')
    expect(rowOf(markdown.slice(callout), 'terraform_data.follower')).toContain('<code>replace_by_triggers</code>')
    expect(rowOf(markdown.slice(callout), 'terraform_data.legacy')).toContain('no longer in the configuration')
  })

  it('shows changed attributes before → after with flattened paths, unknown and sensitive values', () => {
    const markdown = render(all.json).markdown
    const app = blockOf(markdown, 'terraform_data.app')
    expect(app.split('\n')[0]).toContain('**will be updated in place**')
    expect(app).toContain('<code>input.tags.env</code>: <code>"dev"</code> → <code>"prod"</code>')
    expect(app).toContain(
      '<code>input.site_config[0].minimum_tls_version</code>: <code>"1.1"</code> → <code>"1.2"</code>'
    )
    expect(app).not.toContain('input.tags.owner')
    const db = blockOf(markdown, 'terraform_data.db')
    expect(db.split('\n')[0]).toContain('**must be replaced** (destroy, then create)')
    expect(db).toContain('\n- <code>id</code>: <code>"') // the old id …
    expect(db).toContain('→ <em>(known after apply)</em>')
    expect(db).toContain('<strong>(forces replacement)</strong>')
    expect(blockOf(markdown, 'terraform_data.secret_holder')).toContain('<code>input</code> = <em>(sensitive)</em>')
    expect(blockOf(markdown, 'terraform_data.credentials')).toContain(
      '<code>input.password</code>: <em>(sensitive)</em>'
    )
  })

  it('shows moves, imports, forgets, reads and output changes, hiding sensitive outputs', () => {
    const { markdown } = render(all.json)
    expect(rowOf(markdown, 'terraform_data.new_name')).toContain('moved from <code>terraform_data.old_name</code>')
    expect(rowOf(markdown, 'terraform_data.adopted')).toContain('imported from ID <code>adopted-id-123</code>')
    expect(markdown).toMatch(/Forget[^\n]*\(1\)/)
    expect(rowOf(markdown, 'terraform_data.handed_over')).not.toBe('')
    expect(markdown).toMatch(/Read data source during apply \(1\)/)
    expect(blockOf(markdown, 'data.terraform_remote_state.later')).toContain(
      '<code>config</code> = <code>{"path":(known after apply)}</code>'
    )
    expect(rowOf(markdown, 'app_name')).toContain('<code>"app-prod"</code>')
    expect(rowOf(markdown, 'db_password')).toContain('<em>(sensitive)</em>')
    expect(markdown).not.toContain('sensitive-var-canary-7Qx')
  })

  it('puts the text plan in a collapsed ```diff block, symbols in the first column, without the legend', () => {
    const { markdown } = render(all.json, { textPlan: all.text })
    expect(markdown).toMatch(/<details><summary>Text plan[^\n]*<\/summary>\n\n```diff\nTerraform will perform/)
    expect(all.text).toContain('Resource actions are indicated with the following symbols')
    expect(markdown).not.toContain('Resource actions are indicated')
    expect(markdown).not.toContain('destroy and then create replacement')
    expect(markdown).toContain('  # terraform_data.db must be replaced')
    expect(markdown).toContain('\n-/+ resource "terraform_data" "db" {')
    expect(markdown).toContain('\n~   resource "terraform_data" "app" {')
    expect(markdown).toContain('\n~           "v1" -> "v2",')
    expect(markdown).toContain('\n+   resource "terraform_data" "created" {')
    expect(markdown).toContain('\n-       input  = "to be deleted" -> null')
    // Only moved symbols start a line: everything else keeps its indentation.
    const block = markdown.slice(markdown.indexOf('```diff'), markdown.lastIndexOf('```'))
    for (const line of block.split('\n').slice(1))
      expect([line, /^([-+~.<]|-\/\+|\+\/-| |$|[A-Z])/.test(line)]).toEqual([line, true])
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true)
  })

  it('lists caller warnings and drift in their own sections', () => {
    const drifted: PlanJson = {
      ...all.json,
      // terraform_data cannot drift offline: the real update of terraform_data.app stands in as a drift entry
      resource_drift: all.json.resource_changes!.filter(rc => rc.address === 'terraform_data.app'),
      // as in a plan that predates relevant_attributes (format 0.2): all drift is shown
      relevant_attributes: undefined
    }
    const { markdown } = render(drifted, { warnings: ['Deprecated attribute `foo` <b>used</b>'] })
    expect(markdown).toContain('> [!WARNING]')
    expect(markdown).toContain('Deprecated attribute &#96;foo&#96; &lt;b&gt;used&lt;/b&gt;')
    const drift = markdown.slice(markdown.indexOf('#### Changed outside of Terraform (drift)'))
    // Drift is context: it comes before the changes it may explain.
    expect(markdown.indexOf('#### Changed outside of Terraform (drift)')).toBeLessThan(
      markdown.indexOf('#### Resource changes')
    )
    expect(drift).toContain('Changed outside Terraform (1)')
    expect(drift).toContain('<code>terraform_data.app</code> **has changed outside Terraform**')
    expect(drift).toContain('<code>input.tags.env</code>: <code>"dev"</code> → <code>"prod"</code>')
  })

  it('renders a clear "No changes"', () => {
    const { markdown } = render(none.json, { textPlan: none.text })
    expect(markdown).toContain('**No changes.** Your infrastructure matches the configuration.')
    expect(markdown).not.toContain('[!CAUTION]')
    expect(markdown).not.toContain('#### Resource changes')
  })

  it('redacts caller secrets everywhere, including the text plan', () => {
    const { markdown } = render(all.json, { textPlan: all.text, redactor: new Redactor(['adopted-id-123']) })
    expect(markdown).not.toContain('adopted-id-123')
    expect(markdown).toContain('imported from ID <code>&#42;&#42;&#42;</code>')
  })
})

describe('a replacement the user asked for', () => {
  it('names terraform -replace as the reason (replace_by_request)', async () => {
    const requested = await generatePlan('all-changes', {}, ['-replace=terraform_data.unchanged'])
    const change = requested.json.resource_changes?.find(rc => rc.address === 'terraform_data.unchanged')
    expect(change?.action_reason).toBe('replace_by_request')
    const { markdown } = render(requested.json)
    const row = rowOf(markdown.slice(markdown.indexOf('[!CAUTION]')), 'terraform_data.unchanged')
    expect(row).toContain('replace')
    expect(row).toContain('replacement was requested')
    expect(markdown).toContain('3 to replace')
  })
})

describe('the layout of a real plan with 2,000 destroys of one resource, for_each keys and both replace orders', () => {
  let grouped: GeneratedPlan
  beforeAll(async () => {
    grouped = await generatePlan('grouped')
  }, 10 * 60_000)

  it('groups the instances of one resource with the same change, so every destroy is listed in a few lines', () => {
    const { markdown } = render(grouped.json)
    const callout = markdown.slice(markdown.indexOf('[!CAUTION]'), markdown.indexOf('#### Resource changes'))
    expect(callout).toContain('**This plan deletes objects: 2,002 to destroy, 2 to replace.**')
    expect(callout).toContain(
      '> - 🗑️ <code>terraform_data.doomed[0…1999]</code> (2,000 instances) **will be destroyed**: its count index is out of range'
    )
    expect(callout).toContain('<code>terraform_data.keyed["beta", "gamma"]</code> (2 instances) **will be destroyed**')
    expect(callout.split('\n').length).toBeLessThan(10)
    expect(markdown).not.toContain('NOT listed')
    expect(markdown).toContain('**Plan:** 5 to add, 0 to change, 2 to replace, 2,002 to destroy.')
    // The per-type count table, two columns.
    expect(markdown).toContain(
      '| Resource type | Changes |\n|---|---|\n| <code>terraform_<wbr>data</code> | 🗑️ 2,002 destroy, ♻️ 2 replace, ✨ 5 create |'
    )
    // Identical creates are one block.
    expect(markdown).toContain('✨ <code>terraform_data.spread[0…4]</code> (5 instances) **will be created**')
  })

  it('every destroy stays listed at every budget', () => {
    for (const maxChars of [60_000, 6_000, 2_000]) {
      const { markdown } = render(grouped.json, { maxChars })
      expect(markdown.length).toBeLessThanOrEqual(maxChars)
      expect(markdown).toContain('<code>terraform_data.doomed[0…1999]</code> (2,000 instances)')
      expect(markdown).toContain('<code>terraform_data.keyed["beta", "gamma"]</code>')
      expect(markdown).toContain('<code>terraform_data.blue_green</code>')
      expect(markdown).not.toContain('NOT listed')
    }
  })

  it('tells create-before-destroy from destroy-then-create', () => {
    const { markdown } = render(grouped.json)
    const cbd = grouped.json.resource_changes!.find(rc => rc.address === 'terraform_data.blue_green')!
    const dtc = grouped.json.resource_changes!.find(rc => rc.address === 'terraform_data.in_place_swap')!
    expect([cbd.change.actions, dtc.change.actions]).toEqual([
      ['create', 'delete'],
      ['delete', 'create']
    ])
    expect(rowOf(markdown, 'terraform_data.blue_green')).toContain('**must be replaced** (create before destroy)')
    expect(rowOf(markdown, 'terraform_data.in_place_swap')).toContain('**must be replaced** (destroy, then create)')
  })
})

describe('drift', () => {
  it('shows only the drift of attributes the plan depends on (relevant_attributes)', () => {
    // The plan says only terraform_data.app's input.name matters; a drift of its tags is not shown, as in
    // `terraform plan`. (terraform_data cannot drift offline: the real update of app stands in as drift.)
    expect(all.json.relevant_attributes).toContainEqual({
      resource: 'terraform_data.app',
      attribute: ['input', 'name']
    })
    const app = all.json.resource_changes!.find(rc => rc.address === 'terraform_data.app')!
    const { markdown } = render({ ...all.json, resource_drift: [app] })
    expect(markdown).not.toContain('Changed outside of Terraform')
    // …while a drift of input.name is.
    const renamed = {
      ...app,
      change: {
        ...app.change,
        after: { ...(app.change.before as Record<string, JsonValue>), input: { name: 'renamed outside' } }
      }
    }
    const drifted = render({ ...all.json, resource_drift: [renamed] }).markdown
    expect(drifted).toContain('#### Changed outside of Terraform (drift)')
    expect(drifted).toContain('"renamed outside"')
    expect(drifted).not.toContain('input.tags.env</code>: <code>"dev"</code> → <code>null')
  })
})

const azurermSkip = await azurermUnavailableReason()
reportSkip('__tests__/render-plan.test.ts (real drift)', azurermSkip)

;(azurermSkip ? describe.skip : describe)('real drift (offline azurerm, OFFLINE_AZURERM_DRIFT)', () => {
  it(
    'shows the drift Terraform shows, first, and hides the drift of attributes nothing depends on',
    async () => {
      const { json, text } = await driftPlan()
      // Both objects drifted, but Terraform shows only the resource group's drift: its tags feed the network's
      // update; nothing depends on the network's own tags or dns_servers.
      expect(json.resource_drift!.map(rc => rc.address).sort()).toEqual([
        'azurerm_resource_group.rg',
        'azurerm_virtual_network.vnet'
      ])
      expect(text).toContain('# azurerm_resource_group.rg has changed')
      expect(text).not.toContain('# azurerm_virtual_network.vnet has changed')
      const { markdown } = render(json)
      const at = markdown.indexOf('#### Changed outside of Terraform (drift)')
      expect(at).toBeGreaterThan(0)
      expect(at).toBeLessThan(markdown.indexOf('#### Resource changes'))
      const drift = markdown.slice(at, markdown.indexOf('#### Resource changes'))
      expect(drift).toContain('<code>azurerm_resource_group.rg</code> **has changed outside Terraform**')
      expect(drift).toContain('"someone-in-the-portal"')
      expect(drift).not.toContain('vnet')
      expect(drift).not.toContain('dns_servers')
      expect(blockOf(markdown, 'azurerm_virtual_network.vnet')).toContain('**will be updated in place**')
    },
    5 * 60_000
  )
})

/** Applies the drift fixture, then plans with the provider returning drifted objects on refresh. */
async function driftPlan(): Promise<{ json: PlanJson; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-plan-drift-'))
  try {
    cpSync(join(planRootsDir, 'drift', 'after'), dir, { recursive: true })
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
    const tf = async (args: string[], extra: NodeJS.ProcessEnv = {}) =>
      (await run('terraform', args, { cwd: dir, env: { ...env, ...extra }, maxBuffer: 1 << 28 })).stdout
    await tf(['init', '-input=false', '-no-color'])
    await tf(['apply', '-auto-approve', '-input=false', '-no-color'])
    // The drift note is in the output of `terraform plan` (not of `terraform show <planfile>`).
    const text = await tf(['plan', '-input=false', '-no-color', '-out=tfplan'], {
      OFFLINE_AZURERM_DRIFT: join(planRootsDir, 'drift', 'drift.json')
    })
    return { json: JSON.parse(await tf(['show', '-json', 'tfplan'])) as PlanJson, text }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('an errored plan', () => {
  it('says only that it failed, and why', async () => {
    const errored = await erroredPlan()
    expect(errored.errored).toBe(true)
    expect(errored.complete).toBe(false)
    const { markdown } = render(errored, { title: 'Terraform plan' })
    expect(markdown).toContain('**Plan failed.**')
    expect(markdown).toContain('Only the silver tier is allowed here.')
    for (const contradiction of ['No changes', 'incomplete', 'deferred', '**Plan:**', 'Resource changes', 'fine'])
      expect([contradiction, markdown.includes(contradiction)]).toEqual([contradiction, false])
  })
})

describe('rootTitle', () => {
  it('escapes directory and workspace names, so a name cannot close the code span and mention a team', () => {
    const title = rootTitle({ rootLabel: 'x` @octo-org/admins `y', workspace: 'ws`@octo-org/ops' })
    expect(title).toBe(
      '<code>x&#96; @&#8203;octo-org/admins &#96;y</code> (workspace <code>ws&#96;@&#8203;octo-org/ops</code>)'
    )
    expect(rootTitle({ rootLabel: 'infra/prod', workspace: 'default' })).toBe('<code>infra/prod</code>')
  })
})

/** A real errored plan: terraform writes the plan file even when a precondition fails (and exits 1). */
async function erroredPlan(): Promise<PlanJson> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-plan-errored-'))
  try {
    cpSync(join(planRootsDir, 'errored', 'after'), dir, { recursive: true })
    writeFileSync(join(dir, 'empty.tfrc'), '')
    const env = {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      CHECKPOINT_DISABLE: '1',
      TF_CLI_CONFIG_FILE: join(dir, 'empty.tfrc')
    }
    const tf = (args: string[]) => run('terraform', args, { cwd: dir, env, maxBuffer: 1 << 28 })
    await tf(['init', '-input=false', '-no-color'])
    await expect(tf(['plan', '-input=false', '-no-color', '-out=tfplan'])).rejects.toMatchObject({ code: 1 })
    return JSON.parse((await tf(['show', '-json', 'tfplan'])).stdout) as PlanJson
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
