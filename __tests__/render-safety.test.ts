import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { MIN_SECRET_LENGTH, Redactor } from '../src/render/redact.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { escapeInline, fencedBlock, truncate } from '../src/render/safe-text.js'
import { cleanupPlans, generatePlan, type GeneratedPlan } from './support/terraform-plans.js'

let hostile: GeneratedPlan
let all: GeneratedPlan
beforeAll(async () => {
  ;[hostile, all] = await Promise.all([generatePlan('hostile'), generatePlan('all-changes')])
})
afterAll(cleanupPlans)

const BUDGETS = [1_000_000, 60_000, 20_000, 5_000, 2_000, 1_000]

/** The Markdown outside fenced code blocks (where Markdown and HTML are interpreted). */
function outsideFences(md: string): string {
  const out: string[] = []
  let fence: string | undefined
  for (const line of md.split('\n')) {
    const m = /^(`{3,})/.exec(line)
    if (fence === undefined && m) fence = m[1]
    else if (fence !== undefined && line === fence) fence = undefined
    else if (fence === undefined) out.push(line)
  }
  expect(fence).toBeUndefined()
  return out.join('\n')
}

/** What a reader sees: character references decoded, zero-width spaces removed. */
function decoded(md: string): string {
  return md
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? '')
    .replace(/\u200b/g, '')
    .replace(/<wbr>/g, '')
}

function expectSafeMarkdown(md: string): void {
  const live = outsideFences(md)
  const tags = [...live.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map(m => m[1].toLowerCase())
  expect(
    [...new Set(tags)].filter(t => !['code', 'em', 'strong', 'br', 'wbr', 'details', 'summary'].includes(t))
  ).toEqual([])
  expect(tags.filter(t => t === 'details').length % 2).toBe(0)
  expect(live).not.toMatch(/<!--/)
  expect(live).not.toContain('`')
  expect(live).not.toMatch(/@[A-Za-z0-9]/) // no mentions
  expect(live).not.toMatch(/(?<!&)#[0-9]/) // no issue links
  // Every row of a table has as many cells as its header.
  let cells: number | undefined
  for (const line of live.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined
      continue
    }
    const n = line.split('|').length
    if (cells === undefined) cells = n
    expect({ line: line.slice(0, 80), n }).toEqual({ line: line.slice(0, 80), n: cells })
  }
}

describe('hostile addresses, keys and values', () => {
  it.each(BUDGETS)('cannot break the Markdown or HTML (maxChars %i)', maxChars => {
    const { markdown } = renderPlanMarkdown(hostile.json, {
      maxChars,
      textPlan: hostile.text,
      redactor: new Redactor(['setsecret-canary-Zq9'])
    })
    expect(markdown.length).toBeLessThanOrEqual(maxChars)
    expectSafeMarkdown(markdown)
    expect(decoded(markdown)).not.toContain('setsecret-canary-Zq9')
  })

  it('shows hostile text literally and truncates very long values and addresses', () => {
    const { markdown } = renderPlanMarkdown(hostile.json, { maxChars: 1_000_000, textPlan: hostile.text })
    const seen = decoded(outsideFences(markdown))
    expect(seen).toContain('terraform_data.swap["</details><script>alert(1)</script>"]')
    expect(seen).toContain('terraform_data.doomed["pipe|in|key"]')
    expect(seen).toContain('terraform_data.doomed["back`tick``s"]')
    expect(seen).toContain('"first line\\nsecond </details> line\\n```\\nfenced"')
    expect(seen).toMatch(/"V{190,}…\(\d+ more chars\)/)
    expect(seen).toMatch(/terraform_data\.doomed\["L{200,}…\(\d+ more chars\)/)
    expect(markdown).toContain('@&#8203;octocat')
    // The text plan keeps its own lines, but no line longer than 1,000 characters.
    expect(markdown).toContain('<details><summary>Text plan')
    expect(Math.max(...markdown.split('\n').map(l => l.length))).toBeLessThan(6000)
  })

  it('every destroy and replace of a hostile address stays listed when the details are cut', () => {
    const { markdown, shortened } = renderPlanMarkdown(hostile.json, { maxChars: 20_000, textPlan: hostile.text })
    expect(shortened.length).toBeGreaterThan(0)
    const callout = markdown.slice(markdown.indexOf('[!CAUTION]'), markdown.indexOf('#### Resource changes'))
    // Instances of one resource with the same change are one line: `terraform_data.doomed["a", "b", …]`.
    const lines = decoded(callout).split('\n')
    for (const rc of hostile.json.resource_changes!) {
      if (!rc.change.actions.includes('delete')) continue
      const key = String(rc.index)
      const shown = JSON.stringify(truncate(key, 300))
      const base = rc.address.slice(0, rc.address.length - JSON.stringify(key).length - 2)
      expect([rc.address, lines.some(l => l.includes(`${base}[`) && l.includes(shown))]).toEqual([rc.address, true])
    }
  })
})

describe('secrets never appear, at any size', () => {
  const canaries = ['sensitive-var-canary-7Qx', 'hunter2-canary', 'app-prod-setsecret']

  it('the canaries are really in the plan', () => {
    expect(all.jsonText).toContain('sensitive-var-canary-7Qx') // a sensitive variable
    expect(all.jsonText).toContain('hunter2-canary') // an unmarked `password` attribute
    expect(all.text).toContain('hunter2-canary')
  })

  it.each(BUDGETS)('maxChars %i', maxChars => {
    // A setSecret-style value: the plan has "app-prod"; the caller registers a longer secret containing it too.
    const redactor = new Redactor(['app-prod-setsecret', 'app-prod'])
    const { markdown } = renderPlanMarkdown(all.json, { maxChars, textPlan: all.text, redactor })
    const seen = decoded(markdown)
    for (const canary of [...canaries, 'app-prod']) expect(seen).not.toContain(canary)
    expect(markdown.length).toBeLessThanOrEqual(maxChars)
  })

  it('redacts in the title, header, warnings and hint too', () => {
    const { markdown } = renderPlanMarkdown(all.json, {
      maxChars: 2000,
      title: 'plan with hunter2-canary',
      header: 'sensitive-var-canary-7Qx',
      warnings: ['warning about hunter2-canary'],
      fullPlanHint: 'see sensitive-var-canary-7Qx'
    })
    for (const canary of canaries) expect(decoded(markdown)).not.toContain(canary)
  })
})

describe('Redactor', () => {
  it('recognises credential-looking attribute names, but not references to them', () => {
    const r = new Redactor()
    for (const name of [
      'password',
      'admin_password',
      'db_passwd',
      'client_secret',
      'primary_access_key',
      'storage_account_key',
      'api_key',
      'apiKey',
      'token',
      'sas_token',
      'connection_string',
      'primary_connection_string',
      'private_key',
      'client_key',
      'DB_PASSWORD',
      'credentials'
    ])
      expect([name, r.isCredentialName(name)]).toEqual([name, true])
    for (const name of [
      'key_vault_id',
      'key_name',
      'key_vault_key_id',
      'secret_name',
      'password_length',
      'token_ttl',
      'public_key',
      'partition_key',
      'key', // a tag block's or map's key, an S3 object path: an identifier
      'tag_key',
      'password_auth_enabled',
      'tags',
      'name',
      'keyboard',
      'monkey'
    ])
      expect([name, r.isCredentialName(name)]).toEqual([name, false])
  })

  it('replaces secrets anywhere, longest first, including their JSON-escaped form and each line', () => {
    const r = new Redactor(['abcd', 'abcdefgh', 'multi "quoted"\nsecond-line'])
    expect(r.redactText('x abcdefgh y abcd z')).toBe('x *** y *** z')
    expect(r.redactText('v = "multi \\"quoted\\"\\nsecond-line"')).toBe('v = "***"')
    expect(r.redactText('only second-line here')).toBe('only *** here')
  })

  it(`ignores secrets shorter than ${MIN_SECRET_LENGTH} characters`, () => {
    const r = new Redactor(['on', '123'])
    expect(r.redactText('on 123')).toBe('on 123')
    expect(r.size).toBe(0)
  })

  it('collects sensitive variable values, sensitive outputs and credential-named values from a real plan', () => {
    const r = Redactor.fromPlan(all.json)
    expect(r.redactText('sensitive-var-canary-7Qx hunter2-canary-old hunter2-canary admin')).toBe('*** *** *** admin')
  })
})

describe('safe text helpers', () => {
  it('escape everything Markdown, tables or HTML could interpret', () => {
    expect(escapeInline('a|b')).toBe('a&#124;b')
    expect(escapeInline('<script>&')).toBe('&lt;script&gt;&amp;')
    expect(escapeInline('`x` *y* ~z~ $m$ \\')).toBe('&#96;x&#96; &#42;y&#42; &#126;z&#126; &#36;m&#36; &#92;')
    expect(escapeInline('_emph_ snake_case')).toBe('&#95;emph&#95; snake_case')
    expect(escapeInline('[a](http://x)')).toBe('[a&#93;(http://x)')
    expect(escapeInline('@octocat #12 a\nb\r\nc')).toBe('@&#8203;octocat #&#8203;12 a↵b↵c')
    expect(escapeInline('bidi\u202eevil')).toBe('bidi&#92;u202eevil')
  })

  it('truncate says how much was cut', () => {
    expect(truncate('abcdef', 4)).toBe('abcd…(2 more chars)')
    expect(truncate('abc', 4)).toBe('abc')
  })

  it('fences are longer than any backtick run inside', () => {
    expect(fencedBlock('a ```` b')).toBe('`````\na ```` b\n`````')
  })
})
