import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { PlanJson } from '../src/plan/plan-json.js'
import { Redactor } from '../src/render/redact.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { cleanupPlans, generatePlan, type GeneratedPlan } from './support/terraform-plans.js'

let all: GeneratedPlan
let none: GeneratedPlan
beforeAll(async () => {
  ;[all, none] = await Promise.all([generatePlan('all-changes'), generatePlan('no-changes')])
})
afterAll(cleanupPlans)

const render = (plan: PlanJson, extra: Partial<Parameters<typeof renderPlanMarkdown>[1]> = {}) =>
  renderPlanMarkdown(plan, { maxChars: 60000, ...extra })

/** The table row (one line) that names an address. */
const rowOf = (md: string, address: string): string =>
  md.split('\n').find(l => l.includes(`<code>${address}</code>`)) ?? ''

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
    const full = render(all.json).markdown
    const markdown = full.slice(full.indexOf('#### Resource changes'))
    const app = rowOf(markdown, 'terraform_data.app')
    expect(app).toContain('<code>input.tags.env</code>: <code>"dev"</code> → <code>"prod"</code>')
    expect(app).toContain(
      '<code>input.site_config[0].minimum_tls_version</code>: <code>"1.1"</code> → <code>"1.2"</code>'
    )
    expect(app).not.toContain('input.tags.owner')
    expect(rowOf(markdown, 'terraform_data.db')).toContain(
      '<code>id</code>: <code>"' // the old id …
    )
    expect(rowOf(markdown, 'terraform_data.db')).toContain('→ <em>(known after apply)</em>')
    expect(rowOf(markdown, 'terraform_data.db')).toContain('<strong>(forces replacement)</strong>')
    expect(rowOf(markdown, 'terraform_data.secret_holder')).toContain('<code>input</code> = <em>(sensitive)</em>')
    expect(rowOf(markdown, 'terraform_data.credentials')).toContain('<code>input.password</code>: <em>(sensitive)</em>')
  })

  it('shows moves, imports, forgets, reads and output changes, hiding sensitive outputs', () => {
    const { markdown } = render(all.json)
    expect(rowOf(markdown, 'terraform_data.new_name')).toContain('moved from <code>terraform_data.old_name</code>')
    expect(rowOf(markdown, 'terraform_data.adopted')).toContain('imported from ID <code>adopted-id-123</code>')
    expect(markdown).toMatch(/Forget[^\n]*\(1\)/)
    expect(rowOf(markdown, 'terraform_data.handed_over')).not.toBe('')
    expect(markdown).toMatch(/Read data source during apply \(1\)/)
    expect(rowOf(markdown, 'data.terraform_remote_state.later')).toContain(
      '<code>config.path</code> = <em>(known after apply)</em>'
    )
    expect(rowOf(markdown, 'app_name')).toContain('<code>"app-prod"</code>')
    expect(rowOf(markdown, 'db_password')).toContain('<em>(sensitive)</em>')
    expect(markdown).not.toContain('sensitive-var-canary-7Qx')
  })

  it('puts the text plan in a collapsed <details> when it fits', () => {
    const { markdown } = render(all.json, { textPlan: all.text })
    expect(markdown).toMatch(/<details><summary>Text plan[^\n]*<\/summary>\n\n```\n/)
    expect(markdown).toContain('# terraform_data.db must be replaced')
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true)
  })

  it('lists caller warnings and drift in their own sections', () => {
    const drifted: PlanJson = {
      ...all.json,
      // terraform_data cannot drift offline: the real update of terraform_data.app stands in as a drift entry
      resource_drift: all.json.resource_changes!.filter(rc => rc.address === 'terraform_data.app')
    }
    const { markdown } = render(drifted, { warnings: ['Deprecated attribute `foo` <b>used</b>'] })
    expect(markdown).toContain('> [!WARNING]')
    expect(markdown).toContain('Deprecated attribute &#96;foo&#96; &lt;b&gt;used&lt;/b&gt;')
    const drift = markdown.slice(markdown.indexOf('#### Changed outside of Terraform (drift)'))
    expect(drift).toContain('Changed outside Terraform (1)')
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
