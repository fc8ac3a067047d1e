// The pure core of command: summarize: what a plan records for it (from a real terraform plan), the expected roots,
// merging what was found, and the table fit to any budget with hostile names.
import { afterAll, describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import { summarizePlan, changeKind } from '../src/plan/summary.js'
import { normalizePlan } from '../src/plan/plan-json.js'
import {
  MAX_RECORDED_ADDRESSES,
  parsePlanChanges,
  planChangesOf,
  type PlanChanges
} from '../src/roots-summary/plan-changes.js'
import { parseExpectedRoots } from '../src/roots-summary/expected-roots.js'
import { countRoots, mergeEntries, type RootEntry } from '../src/roots-summary/root-entry.js'
import { renderRootsSummary } from '../src/roots-summary/roots-table.js'
import { cleanupPlans, generatePlan } from './support/terraform-plans.js'

afterAll(cleanupPlans)

const none: PlanChanges = {
  add: 0,
  change: 0,
  destroy: 0,
  replace: 0,
  import: 0,
  move: 0,
  forget: 0,
  outputChanges: 0,
  destroyAddresses: [],
  replaceAddresses: []
}

function entry(root: string, over: Partial<RootEntry> = {}): RootEntry {
  return { root, workspace: 'default', status: 'changes', changes: { ...none, add: 1 }, ...over }
}

describe('planChangesOf (a real plan of every kind of change)', () => {
  it("counts as the plan's own summary and names exactly the destroyed and replaced resources", async () => {
    const plan = normalizePlan((await generatePlan('all-changes')).json)
    const summary = summarizePlan(plan)
    const changes = planChangesOf(plan, summary, t => t)
    expect(changes).toMatchObject({
      add: summary.add,
      change: summary.change,
      destroy: summary.destroy,
      replace: summary.replace,
      import: summary.import,
      move: summary.move,
      forget: summary.forget,
      outputChanges: summary.outputChanges
    })
    const of = (kind: string): string[] =>
      (plan.resource_changes ?? [])
        .filter(rc => changeKind(rc.change.actions) === kind)
        .map(rc => rc.address)
        .sort()
    expect(changes.destroyAddresses).toEqual(of('destroy'))
    expect(changes.replaceAddresses).toEqual(of('replace'))
    expect(changes.destroyAddresses).toEqual(['terraform_data.legacy'])
    expect(changes.replaceAddresses).toEqual(['terraform_data.db', 'terraform_data.follower'])
    // the redactor sees every address
    expect(planChangesOf(plan, summary, () => '***').replaceAddresses).toEqual(['***', '***'])
    // it round-trips through the metadata file
    expect(parsePlanChanges(JSON.parse(JSON.stringify(changes)))).toEqual(changes)
  }, 120_000)

  it('records at most MAX_RECORDED_ADDRESSES addresses of a large teardown, with the full count', async () => {
    const plan = normalizePlan((await generatePlan('large', { n: 630, churn: 210 })).json)
    const summary = summarizePlan(plan)
    const changes = planChangesOf(plan, summary, t => t)
    expect(summary.destroy).toBeGreaterThan(MAX_RECORDED_ADDRESSES)
    expect(changes.destroy).toBe(summary.destroy)
    expect(changes.destroyAddresses).toHaveLength(MAX_RECORDED_ADDRESSES)
  }, 300_000)

  it('parsePlanChanges refuses what is not the recorded shape', () => {
    expect(parsePlanChanges(undefined)).toBeUndefined()
    expect(parsePlanChanges({ ...none, add: -1 })).toBeUndefined()
    expect(parsePlanChanges({ ...none, destroy: '3' })).toBeUndefined()
    expect(parsePlanChanges({ ...none, destroyAddresses: [1] })).toBeUndefined()
    expect(parsePlanChanges({ ...none, extra: 'ignored' })).toEqual(none)
  })
})

describe('parseExpectedRoots', () => {
  it("takes discover's matrix, a JSON list, or lines, labelled as the plan step labels roots", () => {
    expect(
      parseExpectedRoots(
        JSON.stringify({
          include: [
            { 'working-directory': 'infra/app/' },
            { 'working-directory': './infra/db', workspace: 'staging' },
            { stack: 'chat-llm' },
            { 'working-directory': '.' }
          ]
        })
      )
    ).toEqual([
      { root: 'infra/app' },
      { root: 'infra/db', workspace: 'staging' },
      { root: 'stack:chat-llm' },
      { root: '.' }
    ])
    expect(parseExpectedRoots('["a", "b/c"]')).toEqual([{ root: 'a' }, { root: 'b/c' }])
    expect(parseExpectedRoots('a\n# comment\n\n b/c \n')).toEqual([{ root: 'a' }, { root: 'b/c' }])
    expect(parseExpectedRoots('  ')).toEqual([])
  })

  it.each([
    ['{"include": [', /^input expected-roots: not valid JSON; /],
    ['{"matrix": []}', /^input expected-roots: JSON without an "include" list; /],
    ['[{"path": "a"}]', /^input expected-roots: an entry has no "working-directory" \(or "stack"\): \{"path":"a"\}; /]
  ])('%s: one UserError line', (value, message) => {
    expect(() => parseExpectedRoots(value)).toThrow(UserError)
    expect(() => parseExpectedRoots(value)).toThrow(message)
  })
})

describe('mergeEntries', () => {
  it('keeps the newest plan of a root, adds expected roots without a plan as failed, ranks the rows', () => {
    const { entries, replacedOlder } = mergeEntries(
      [
        entry('b', { createdAt: '2026-01-01T00:00:00Z', status: 'no-changes', changes: none }),
        entry('b', { createdAt: '2026-01-02T00:00:00Z', changes: { ...none, destroy: 1 } }),
        entry('c', { workspace: 'staging' }),
        entry('service-10'),
        entry('service-2'),
        { root: 'artifact-x', workspace: '', status: 'failed', failure: 'no plan-metadata.json' }
      ],
      [{ root: 'b' }, { root: 'c', workspace: 'prod' }, { root: 'c', workspace: 'staging' }, { root: 'gone' }]
    )
    expect(replacedOlder).toBe(1)
    expect(entries.map(e => `${e.root}/${e.workspace}/${e.status}`)).toEqual([
      'artifact-x//failed',
      'c/prod/failed',
      'gone/default/failed',
      'b/default/changes', // destroys: before the other changes
      'c/staging/changes',
      'service-2/default/changes',
      'service-10/default/changes'
    ])
    expect(countRoots(entries)).toEqual({ roots: 7, withChanges: 4, failed: 3 })
  })
})

describe('renderRootsSummary', () => {
  const many = (n: number): RootEntry[] =>
    mergeEntries(
      Array.from({ length: n }, (_, i) =>
        entry(`environments/prod/service-${i}`, {
          status: i % 4 === 3 ? 'no-changes' : i % 50 === 7 ? 'failed' : 'changes',
          changes:
            i % 4 === 1
              ? {
                  ...none,
                  destroy: 30,
                  replace: 2,
                  destroyAddresses: Array.from({ length: 30 }, (_, k) => `module.app.terraform_data.old["${k}"]`),
                  replaceAddresses: ['terraform_data.a', 'terraform_data.b']
                }
              : { ...none, add: i },
          planUrl: `https://github.com/o/r/actions/runs/${i}`,
          planLink: 'run'
        })
      )
    ).entries

  it('fits every budget, says what was cut, and keeps the header and failed roots first', () => {
    const entries = many(400)
    const failed = entries.filter(e => e.status === 'failed').map(e => `<code>${e.root}</code>`)
    expect(failed.length).toBe(4)
    for (const budget of [2_000, 5_000, 10_000, 30_000, 65_000, 200_000, 2_000_000]) {
      const { markdown, shortened } = renderRootsSummary(entries, { maxChars: budget })
      expect([budget, markdown.length <= budget]).toEqual([budget, true])
      expect(markdown).toMatch(/^## Terraform plans: 400 roots · 296 with changes · \*\*4 failed\*\*\n/)
      if (budget >= 5_000) for (const name of failed) expect(markdown).toContain(name)
      if (shortened.length > 0) {
        expect(markdown).toContain(`_Cut to fit the ${budget.toLocaleString('en-US')}-character limit: `)
        // a budget that cuts is mostly used, not wasted
        expect([budget, markdown.length > budget * 0.5]).toEqual([budget, true])
      } else {
        expect(markdown).not.toContain('Cut to fit')
        expect(markdown).toContain('module.app.terraform_data.old["29"]')
      }
    }
    expect(renderRootsSummary(entries, { maxChars: 2_000_000 }).shortened).toEqual([])
  })

  it('says how many rows and call-outs it left out', () => {
    const { markdown } = renderRootsSummary(many(400), { maxChars: 10_000 })
    expect(markdown).toMatch(/…and [\d,]+ more roots not listed here/)
    expect(markdown).toContain('100 roots without changes are counted, not listed.')
    const mid = renderRootsSummary(many(400), { maxChars: 65_000 }).markdown
    expect(mid).toContain('- …and 27 more ([run](')
  })

  it('escapes hostile names: one table row per root, no link to an unsafe URL, no HTML comment', () => {
    const hostile = [
      entry('a|b`c', { planUrl: 'javascript:alert(1)' }),
      entry('x\n| injected | row |', { workspace: 'w<!--' }),
      entry('@org/team *bold* [l](http://e)', { planUrl: 'https://ok.example/run/1) [x](http://evil' }),
      entry('-->', { status: 'failed', changes: undefined, failure: 'a | b\n<script>' })
    ]
    const { markdown } = renderRootsSummary(mergeEntries(hostile).entries, { maxChars: 65_000 })
    const rows = markdown.split('\n').filter(l => l.startsWith('| '))
    expect(rows).toHaveLength(1 + hostile.length) // the head and one row each
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(10)
    expect(markdown).not.toMatch(/<!--|-->|<script>|javascript:|\]\(http:\/\/e\)|@org/)
    expect(markdown).not.toContain('evil')
  })

  it('an empty list is only the header', () => {
    expect(renderRootsSummary([], { maxChars: 1000 }).markdown).toBe('## Terraform plans: 0 roots · 0 with changes\n')
  })
})
