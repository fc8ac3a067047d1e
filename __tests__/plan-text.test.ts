// parsePlanText on real `terraform show -json` output: JSON.parse's result, minus planned_values.root_module.
import { afterAll, describe, expect, it } from '@jest/globals'
import { parsePlanText } from '../src/plan/plan-text.js'
import { cleanupPlans, generatePlan } from './support/terraform-plans.js'

afterAll(cleanupPlans)

/** What JSON.parse gives, with planned_values reduced to its outputs (the only part the renderer reads). */
function expected(text: string): Record<string, unknown> {
  const plan = JSON.parse(text) as Record<string, unknown>
  const planned = plan.planned_values as Record<string, unknown> | undefined
  if (planned) plan.planned_values = 'outputs' in planned ? { outputs: planned.outputs } : {}
  return plan
}

describe('parsePlanText', () => {
  it.each(['masking', 'all-changes', 'hostile', 'no-changes'])(
    'skips planned_values.root_module of the %s plan and keeps everything else',
    async root => {
      const plan = await generatePlan(root)
      const parsed = parsePlanText(plan.jsonText) as Record<string, unknown>
      // terraform writes root_module: the fast path was taken, not the fallback
      expect(JSON.parse(plan.jsonText).planned_values).toHaveProperty('root_module')
      expect(parsed.planned_values).not.toHaveProperty('root_module')
      expect(parsed).toEqual(expected(plan.jsonText))
    },
    300_000
  )

  it('keeps sensitive outputs of planned_values (masking reads them)', async () => {
    const plan = await generatePlan('masking')
    const parsed = parsePlanText(plan.jsonText) as {
      planned_values: { outputs: Record<string, { sensitive: boolean }> }
    }
    expect(Object.values(parsed.planned_values.outputs).some(o => o.sensitive)).toBe(true)
  }, 300_000)

  it('parses the whole text when planned_values is not where terraform puts it, and throws as JSON.parse does', async () => {
    const plan = await generatePlan('all-changes')
    // the same members in another order: planned_values last
    const { planned_values: planned, ...rest } = JSON.parse(plan.jsonText) as Record<string, unknown>
    const reordered = JSON.stringify({ ...rest, planned_values: planned })
    expect(parsePlanText(reordered)).toEqual(JSON.parse(reordered))
    const broken = plan.jsonText.slice(0, -2)
    expect(() => parsePlanText(broken)).toThrow(SyntaxError)
  }, 300_000)
})
