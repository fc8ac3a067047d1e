import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { formatPath } from '../src/plan/attribute-diff.js'
import type { PlanJson, ResourceChange } from '../src/plan/plan-json.js'
import { changeKind, headline, relevantDrift, summarizePlan, thousands } from '../src/plan/summary.js'
import { cleanupPlans, generatePlan, type GeneratedPlan } from './support/terraform-plans.js'

let all: GeneratedPlan
let none: GeneratedPlan
beforeAll(async () => {
  ;[all, none] = await Promise.all([generatePlan('all-changes'), generatePlan('no-changes')])
})
afterAll(cleanupPlans)

const change = (plan: PlanJson, address: string): ResourceChange => {
  const rc = plan.resource_changes?.find(r => r.address === address)
  if (!rc) throw new Error(`no change for ${address}`)
  return rc
}

describe('summarizePlan on a real plan with every kind of change', () => {
  it('counts replace separately from add and destroy, and counts import, move, forget, read and outputs', () => {
    const s = summarizePlan(all.json)
    expect(s).toMatchObject({
      add: 3,
      change: 3,
      replace: 2,
      destroy: 1,
      import: 1,
      move: 1,
      forget: 1,
      read: 1,
      drift: 0,
      outputChanges: 3,
      hasChanges: true
    })
    expect(headline(s)).toBe(
      '3 to add, 3 to change, 2 to replace, 1 to destroy, 1 to import, 1 to move, 1 to forget, 1 to read, 3 outputs to change'
    )
    // Terraform's own text counts a replace as one add and one destroy.
    expect(all.text).toContain('Plan: 1 to import, 5 to add, 3 to change, 3 to destroy.')
  })

  it('gives one stable key per changed resource', () => {
    const s = summarizePlan(all.json)
    expect(s.changeKeys).toEqual([...s.changeKeys].sort())
    expect(s.changeKeys).toEqual(
      expect.arrayContaining([
        'create terraform_data.created',
        'update terraform_data.app',
        'replace terraform_data.db',
        'replace terraform_data.follower',
        'destroy terraform_data.legacy',
        'forget terraform_data.handed_over',
        'read data.terraform_remote_state.later',
        'import terraform_data.adopted',
        'move terraform_data.old_name terraform_data.new_name'
      ])
    )
    expect(s.changeKeys.some(k => k.includes('terraform_data.unchanged'))).toBe(false)
    expect(summarizePlan(all.json).changeKeys).toEqual(s.changeKeys)
  })

  it('reports no changes for an applied configuration', () => {
    const s = summarizePlan(none.json)
    expect(s.hasChanges).toBe(false)
    expect(s.changeKeys).toEqual([])
    expect(s.add + s.change + s.replace + s.destroy + s.outputChanges).toBe(0)
  })

  it('counts relevant drift (terraform_data cannot drift offline, so the real update is reused as a drift entry)', () => {
    const drifted: PlanJson = { ...all.json, resource_drift: [change(all.json, 'terraform_data.app')] }
    // The plan depends only on app's input.name, which this drift does not touch: Terraform would not show it.
    expect(summarizePlan(drifted).drift).toBe(0)
    expect(relevantDrift(drifted)).toEqual([])
    // Without relevant_attributes (JSON format 0.2, Terraform 1.0) all drift counts.
    expect(summarizePlan({ ...drifted, relevant_attributes: undefined }).drift).toBe(1)
  })

  it('writes every count with thousands separators', () => {
    const s = { ...summarizePlan(all.json), add: 9850, destroy: 2000, change: 0, replace: 12345 }
    expect(headline(s)).toMatch(/^9,850 to add, 0 to change, 12,345 to replace, 2,000 to destroy, /)
    expect(thousands(1234567)).toBe('1,234,567')
    expect(thousands(999)).toBe('999')
  })

  it('classifies action lists', () => {
    expect(changeKind(['create', 'delete'])).toBe('replace')
    expect(changeKind(['delete', 'create'])).toBe('replace')
    expect(changeKind(['delete'])).toBe('destroy')
    expect(changeKind(['forget'])).toBe('forget')
    expect(changeKind(['no-op'])).toBe('no-op')
  })
})

describe('formatPath', () => {
  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['tags', 'app.kubernetes.io/name'])).toBe('tags["app.kubernetes.io/name"]')
    expect(formatPath(['rule', 0, 'port'])).toBe('rule[0].port')
  })
})
