// The diff engine's rules one by one (the comparison with terraform show on real plans is render-fidelity.test.ts):
// list matching, set matching, typed values from provider schemas, JSON and multi-line strings, long values.
import { describe, expect, it } from '@jest/globals'
import { matchList, matchSet, MAX_LCS_CELLS } from '../src/plan/list-match.js'
import { blockType, ctyType } from '../src/plan/provider-schema.js'
import { diffValues, lineDiff, type ValueDiff } from '../src/plan/value-diff.js'
import { changedPair } from '../src/render/values.js'

const removed = (m: { before: number; after: number }[]) => m.filter(x => x.after < 0).map(x => x.before)
const added = (m: { before: number; after: number }[]) => m.filter(x => x.before < 0).map(x => x.after)

describe('list matching', () => {
  it('an element removed from the middle is one removal', () => {
    const m = matchList(['a', 'b', 'c', 'd'], ['a', 'c', 'd'])
    expect(removed(m)).toEqual([1])
    expect(added(m)).toEqual([])
  })

  it('a list of the same length that is not a reordering is compared element by element (Terraform >= 1.8)', () => {
    expect(matchList(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { before: 0, after: 0 },
      { before: 1, after: 1 },
      { before: 2, after: 2 }
    ])
  })

  it('a reordering is matched by LCS: the moved element is removed and added', () => {
    const m = matchList(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'])
    expect(removed(m)).toEqual([0])
    expect(added(m)).toEqual([3])
  })

  it('objects between common elements are paired (changed in place) when the caller allows it', () => {
    const m = matchList(['A', 'B', 'C', 'D'], ['A', "C'", 'D'], () => true)
    expect(m).toEqual([
      { before: 0, after: 0 },
      { before: 1, after: 1 },
      { before: 2, after: -1 },
      { before: 3, after: 2 }
    ])
  })

  it('stays fast on lists far beyond the LCS table size', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `x${i}`)
    const after = [...before.slice(0, 5000), 'new', ...before.slice(5001, 15000), ...before.slice(15000).reverse()]
    expect(before.length * after.length).toBeGreaterThan(MAX_LCS_CELLS)
    const started = performance.now()
    const m = matchList(before, after)
    expect(performance.now() - started).toBeLessThan(500)
    // Every element is accounted for exactly once on each side.
    expect(m.filter(x => x.before >= 0).length).toBe(before.length)
    expect(m.filter(x => x.after >= 0).length).toBe(after.length)
  })
})

describe('set matching', () => {
  it('matches by value, never by position', () => {
    const m = matchSet(['r1', 'r2', 'r3'], ['r3', 'r4', 'r1'])
    expect(removed(m)).toEqual([1])
    expect(added(m)).toEqual([1])
    expect(m.filter(x => x.before >= 0 && x.after >= 0)).toEqual([
      { before: 0, after: 2 },
      { before: 2, after: 0 }
    ])
  })
})

function changes(d: ValueDiff, path = ''): string[] {
  if (d.action === 'no-op') return []
  if (!d.children || d.action !== 'update') return [`${d.action} ${path}`]
  return d.children.flatMap(c => changes(c.diff, `${path}/${c.key}`))
}

describe('typed diffs', () => {
  const rules = [
    { name: 'a', port: 1 },
    { name: 'b', port: 2 },
    { name: 'c', port: 3 }
  ]
  const after = [rules[2], { name: 'd', port: 4 }, rules[0]]

  it('a set of objects: elements added and removed by content', () => {
    const type = blockType({
      block_types: { rule: { nesting_mode: 'set', block: { attributes: { name: { type: 'string' } } } } }
    })
    const d = diffValues({ before: { rule: rules }, after: { rule: after } }, type)
    expect(changes(d)).toEqual(['delete /rule/1', 'create /rule/1'])
  })

  it('a list block (nesting mode list): paired by position, as Terraform does', () => {
    const type = blockType({
      block_types: { rule: { nesting_mode: 'list', block: { attributes: { name: { type: 'string' } } } } }
    })
    const d = diffValues({ before: { rule: rules }, after: { rule: after } }, type)
    expect(changes(d)).toEqual([
      'update /rule/0/name',
      'update /rule/0/port',
      'update /rule/1/name',
      'update /rule/1/port',
      'update /rule/2/name',
      'update /rule/2/port'
    ])
  })

  it('cty types: set(string) by value, map by key, unknown keys kept', () => {
    expect(ctyType(['set', 'string'])).toEqual({ kind: 'set', element: { kind: 'primitive' } })
    const d = diffValues(
      {
        before: { zones: ['1', '2'], tags: { a: 'x' } },
        after: { zones: ['2', '3'], tags: { a: 'x' } },
        unknown: { tags: { b: true } }
      },
      blockType({ attributes: { zones: { type: ['set', 'string'] }, tags: { type: ['map', 'string'] } } })
    )
    expect(changes(d)).toEqual(['create /tags/b', 'delete /zones/0', 'create /zones/1'])
  })

  it('sensitive values at any depth are one sensitive leaf', () => {
    const d = diffValues({
      before: { conn: { password: 'a', host: 'h' } },
      after: { conn: { password: 'b', host: 'h' } },
      beforeSensitive: { conn: { password: true } },
      afterSensitive: { conn: { password: true } }
    })
    const leaf = d.children![0].diff.children!.find(c => c.key === 'password')!.diff
    expect(leaf).toMatchObject({ leaf: 'sensitive', action: 'update' })
  })

  it('JSON strings are decoded; whitespace-only JSON changes stay a plain value change', () => {
    const d = diffValues({ before: '{"a":[1,2],"b":"x"}', after: '{"a":[1,3],"b":"x"}' })
    expect(d.json && changes(d.json)).toEqual(['update /a/1'])
    expect(diffValues({ before: '{"a":1}', after: '{ "a": 1 }' }).json).toBeUndefined()
  })

  it('multi-line strings get a line diff (by LCS, or line by line when the line count is unchanged)', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nc\nd\ne\n')).toEqual([
      { action: 'delete', line: 2, text: 'b' },
      { action: 'create', line: 3, text: 'd' },
      { action: 'create', line: 4, text: 'e' }
    ])
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
      { action: 'delete', line: 2, text: 'b' },
      { action: 'create', line: 2, text: 'B' }
    ])
  })
})

describe('long values', () => {
  it('show a window around the first difference, never two identical prefixes', () => {
    const head = 'x'.repeat(5000)
    const [b, a] = changedPair(`"${head}-before-${'y'.repeat(3000)}"`, `"${head}-after-${'y'.repeat(3000)}"`, 200)
    expect(b.startsWith('…(4942 chars)…')).toBe(true)
    expect(b).toContain('-before-')
    expect(a).toContain('-after-')
    expect(b.length).toBeLessThan(260)
    expect(a).toMatch(/…\(\d+ more chars\)$/)
  })

  it('are shown whole when they fit', () => {
    expect(changedPair('"abc"', '"abd"', 200)).toEqual(['"abc"', '"abd"'])
  })
})
