import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { changeKind } from '../src/plan/summary.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { cleanupPlans, generatePlan, type GeneratedPlan } from './support/terraform-plans.js'

// Real plans: var.churn destroys, var.churn replaces, var.churn updates, the rest creates (fixtures/plan-roots/large).
let plans: Record<'1000' | '10000', GeneratedPlan>
beforeAll(async () => {
  const [small, big] = [
    await generatePlan('large', { n: 1000, churn: 20 }),
    await generatePlan('large', { n: 10000, churn: 50 })
  ]
  plans = { '1000': small, '10000': big }
}, 20 * 60_000)
afterAll(cleanupPlans)

const HINT = 'Full plan: job summary of run https://github.com/o/r/actions/runs/1, artifact `plan`'

function dangerousAddresses(plan: GeneratedPlan): string[] {
  return plan.json
    .resource_changes!.filter(rc => ['destroy', 'replace'].includes(changeKind(rc.change.actions)))
    .map(rc => rc.address)
}

/**
 * How the comment lists the destroys and replaces: the instances of one resource (count indexes 0…churn-1,
 * all with the same reason) as one grouped address, e.g. `terraform_data.gone[0…49]` (50 instances).
 */
function groupedDangerous(plan: GeneratedPlan): string[] {
  const byResource = new Map<string, number[]>()
  for (const address of dangerousAddresses(plan)) {
    const [, base, index] = /^(.*)\[(\d+)\]$/.exec(address)!
    byResource.set(base, [...(byResource.get(base) ?? []), Number(index)])
  }
  return [...byResource].map(([base, indexes]) => {
    expect(indexes.sort((a, b) => a - b)).toEqual(indexes.map((_, i) => i))
    return `<code>${base}[0…${indexes.length - 1}]</code> (${indexes.length} instances)`
  })
}

describe.each(['1000', '10000'] as const)('a real %s-resource plan', size => {
  it('has the destroys and replaces we mixed in', () => {
    expect(dangerousAddresses(plans[size]).length).toBe(size === '1000' ? 40 : 100)
    expect(plans[size].json.resource_changes!.length).toBe(Number(size))
  })

  it.each([60_000, 20_000, 6_000])('fits %i characters with every destroy and replace listed', maxChars => {
    const plan = plans[size]
    const { markdown, shortened } = renderPlanMarkdown(plan.json, {
      maxChars,
      textPlan: plan.text,
      fullPlanHint: HINT
    })
    expect(markdown.length).toBeLessThanOrEqual(maxChars)
    expect(groupedDangerous(plan)).toHaveLength(2)
    for (const grouped of groupedDangerous(plan)) expect(markdown).toContain(grouped)
    expect(markdown).not.toContain('NOT listed')
    expect(shortened).toContain('the text plan was left out')
    expect(markdown).toContain('This comment was shortened to fit')
    expect(markdown).toContain(HINT)
    expect(markdown).toContain(`**Plan:** ${size === '1000' ? 940 : '9,850'} to add`)
  })

  it('lists every destroy and replace even in 1,500 characters, grouped', () => {
    const plan = plans[size]
    const { markdown, shortened } = renderPlanMarkdown(plan.json, { maxChars: 1500, fullPlanHint: HINT })
    expect(markdown.length).toBeLessThanOrEqual(1500)
    for (const grouped of groupedDangerous(plan)) expect(markdown).toContain(grouped)
    expect(shortened).not.toContain('**NOT EVERY DESTROY AND REPLACE IS LISTED**')
  })

  it('says loudly how many destroys and replaces are missing when even their list cannot fit', () => {
    const plan = plans[size]
    const { markdown, shortened } = renderPlanMarkdown(plan.json, { maxChars: 420, fullPlanHint: HINT })
    expect(markdown.length).toBeLessThanOrEqual(420)
    expect(markdown).toMatch(
      /\*\*⚠️ …and (\d+ more destroys and )?\d+ more replaces are NOT listed here: they did not fit\.\*\*/
    )
    expect(shortened).toContain('**NOT EVERY DESTROY AND REPLACE IS LISTED**')
  })

  it('uses a job-summary budget of 1,000,000 characters', () => {
    const plan = plans[size]
    const { markdown } = renderPlanMarkdown(plan.json, { maxChars: 1_000_000, textPlan: plan.text })
    expect(markdown.length).toBeLessThanOrEqual(1_000_000)
    for (const grouped of groupedDangerous(plan)) expect(markdown).toContain(grouped)
    // The replaces keep their values at this size: one block per instance (each has its own id).
    const replaces = dangerousAddresses(plan).filter(a => a.startsWith('terraform_data.swap['))
    for (const address of replaces.slice(0, 5))
      expect(markdown).toContain(`<code>${address}</code> **must be replaced**`)
  })
})

describe('speed', () => {
  it('renders a 10,000-resource plan in a fraction of the time `terraform show -json` takes', () => {
    const plan = plans['10000']
    const started = performance.now()
    const parsed = JSON.parse(plan.jsonText)
    renderPlanMarkdown(parsed, { maxChars: 60_000, textPlan: plan.text })
    const ms = performance.now() - started
    const ratio = ms / plan.showJsonMs
    console.log(
      `10,000 resources: terraform show -json ${plan.showJsonMs.toFixed(0)} ms, parse + render ${ms.toFixed(0)} ms (${(ratio * 100).toFixed(1)} %; target < 10 %, see bench/render-bench.mjs)`
    )
    // Generous here (the test machine is shared); the bench reports the real figure.
    expect(ratio).toBeLessThan(0.5)
  })
})
