// The plan comment as a reviewer sees it: real plans rendered by our renderer, turned into HTML by GitHub's
// Markdown engine (cmark-gfm with the GFM extensions), styled by GitHub's stylesheet (github-markdown-css) and
// laid out by headless Chromium at the width of a comment column (810 px). Screenshots go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { ResourceChange } from '../src/plan/plan-json.js'
import { changeKind } from '../src/plan/summary.js'
import { Redactor } from '../src/render/redact.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { rootTitle } from '../src/report/run-info.js'
import { reportSkip } from './support/azurerm-provider.js'
import { cleanupPlans, generatePlan, type GeneratedPlan } from './support/terraform-plans.js'

const CHROMIUM = '/usr/bin/chromium'
/** GitHub's comment column on a wide screen. */
const COLUMN_PX = 810
// GitHub renders comments with cmark-gfm and these extensions, then sanitizes the HTML (raw HTML is kept,
// dangerous tags are filtered: `--unsafe` plus `tagfilter` is the closest the command line gets).
const CMARK_ARGS = [
  '--unsafe',
  '--extension',
  'table',
  '--extension',
  'strikethrough',
  '--extension',
  'autolink',
  '--extension',
  'tagfilter',
  '--extension',
  'tasklist'
]
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
const artifacts = join(import.meta.dirname, '..', 'test-artifacts')
const require = createRequire(import.meta.url)

function unavailableReason(): string | undefined {
  const missing: string[] = []
  if (!existsSync(CHROMIUM)) missing.push('chromium')
  if (spawnSync('cmark-gfm', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('cmark-gfm')
  if (missing.length > 0)
    return `${missing.join(' and ')} missing: install with \`apt-get update && apt-get install -y chromium cmark-gfm\``
  try {
    require.resolve('playwright-core')
    require.resolve('github-markdown-css/github-markdown-light.css')
  } catch {
    return 'playwright-core or github-markdown-css missing: run `npm ci`'
  }
  return undefined
}

const skipReason = unavailableReason()
reportSkip('__tests__/comment-browser.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

/** A directory name that would mention a team if the title were not escaped. */
const HOSTILE_ROOT = { rootLabel: 'x` @octo-org/admins `y', workspace: 'ws` @octo-org/ops `z' }

let context: BrowserContext
let page: Page
let profile: string
let css: string
const plans: Record<string, GeneratedPlan> = {}

beforeAll(async () => {
  if (skipReason) return
  const [all, grouped, hostile] = await Promise.all([
    generatePlan('all-changes'),
    generatePlan('grouped', { doomed: 300 }),
    generatePlan('hostile')
  ])
  Object.assign(plans, { all, grouped, hostile })
  css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  mkdirSync(artifacts, { recursive: true })
  profile = mkdtempSync(join(tmpdir(), 'comment-browser-profile-'))
  const { chromium } = await import('playwright-core')
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: COLUMN_PX + 40, height: 900 },
    offline: true
  })
  page = await context.newPage()
}, 10 * 60_000)

afterAll(async () => {
  await context?.close()
  if (profile) rmSync(profile, { recursive: true, force: true })
  await cleanupPlans()
})

function toHtml(markdown: string): string {
  return execFileSync('cmark-gfm', CMARK_ARGS, { input: markdown, encoding: 'utf8', maxBuffer: 1 << 28 })
}

interface Layout {
  bodyScroll: number
  bodyClient: number
  tables: { scroll: number; client: number; text: string }[]
  /** elements (outside code blocks, which scroll on their own) reaching past the column's right edge */
  overflowing: string[]
  visibleText: string
  links: string[]
  /** text outside <code> and <pre> that GitHub would turn into a mention or an issue link */
  mentions: string[]
  forbidden: string[]
  details: number
}

async function layOut(name: string, markdown: string): Promise<Layout> {
  const html = toHtml(markdown)
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>` +
      `<style>body{margin:0;padding:20px}.markdown-body{box-sizing:border-box;width:${COLUMN_PX}px}</style>` +
      `</head><body><article class="markdown-body">${html}</article></body></html>`
  )
  await page.screenshot({ path: join(artifacts, `comment-${name}.png`), fullPage: true })
  return page.evaluate(() => {
    const body = document.querySelector('article')!
    const right = body.getBoundingClientRect().right
    const overflowing: string[] = []
    for (const el of Array.from(body.querySelectorAll('*'))) {
      if (el.closest('pre') || el.closest('details:not([open]) > :not(summary)')) continue
      if (el.getBoundingClientRect().right > right + 0.5) overflowing.push(el.outerHTML.slice(0, 200))
    }
    const mentions: string[] = []
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('code, pre')) continue
      const text = n.textContent ?? ''
      for (const m of text.matchAll(/(?:^|[^A-Za-z0-9_`/])(@[A-Za-z0-9][A-Za-z0-9-]*|#\d+)/g)) mentions.push(m[1])
    }
    return {
      bodyScroll: body.scrollWidth,
      bodyClient: body.clientWidth,
      tables: Array.from(body.querySelectorAll('table')).map(t => ({
        scroll: t.scrollWidth,
        client: t.clientWidth,
        text: (t.textContent ?? '').slice(0, 200)
      })),
      overflowing,
      visibleText: body.innerText.replace(/\u200b/g, ''),
      links: Array.from(body.querySelectorAll('a')).map(a => a.outerHTML),
      mentions,
      forbidden: Array.from(body.querySelectorAll('script, img, iframe, input, style, textarea, form')).map(e =>
        e.outerHTML.slice(0, 100)
      ),
      details: body.querySelectorAll('details').length
    }
  })
}

/** Whether the visible text names `rc`: its address, or its resource with the index in a grouped list. */
function listed(text: string, rc: ResourceChange): boolean {
  if (text.includes(rc.address)) return true
  if (rc.index === undefined) return false
  const suffix = `[${typeof rc.index === 'number' ? rc.index : JSON.stringify(rc.index)}]`
  const base = rc.address.slice(0, -suffix.length)
  // A very long key is shown cut: its first 300 characters.
  const key =
    typeof rc.index === 'number'
      ? undefined
      : rc.index.length > 300
        ? JSON.stringify(rc.index.slice(0, 300)).slice(0, -1)
        : JSON.stringify(rc.index)
  for (const line of text.split('\n')) {
    const at = line.indexOf(`${base}[`)
    if (at < 0) continue
    const list = line.slice(at + base.length + 1)
    if (key !== undefined && list.includes(key)) return true
    if (typeof rc.index === 'number')
      for (const m of list.matchAll(/(?:^|, )(\d+)(?:…(\d+))?(?=[,\]])/g))
        if (rc.index >= Number(m[1]) && rc.index <= Number(m[2] ?? m[1])) return true
  }
  return false
}

const cases = [
  { name: 'all-changes', plan: 'all', maxChars: 60_000, text: true },
  { name: 'grouped', plan: 'grouped', maxChars: 60_000, text: true },
  { name: 'grouped-6000', plan: 'grouped', maxChars: 6_000, text: false },
  { name: 'hostile', plan: 'hostile', maxChars: 60_000, text: true }
] as const

suite(`the comment in GitHub's column (${COLUMN_PX} px, cmark-gfm, github-markdown-css, Chromium)`, () => {
  it.each(cases)('$name: fits the column, shows every destroy and replace, links and mentions nothing', async c => {
    const plan = plans[c.plan]
    const { markdown } = renderPlanMarkdown(plan.json, {
      maxChars: c.maxChars,
      title: `Terraform plan: ${rootTitle(HOSTILE_ROOT)}`,
      textPlan: c.text ? plan.text : undefined
    })
    const layout = await layOut(c.name, markdown)

    expect(layout.bodyScroll).toBeLessThanOrEqual(layout.bodyClient)
    expect(layout.tables.length).toBeGreaterThan(0)
    for (const t of layout.tables) expect(t).toMatchObject({ scroll: expect.any(Number) })
    expect(layout.tables.filter(t => t.scroll > t.client)).toEqual([])
    expect(layout.overflowing).toEqual([])

    const dangerous = plan.json.resource_changes!.filter(rc =>
      ['destroy', 'replace'].includes(changeKind(rc.change.actions))
    )
    expect(dangerous.length).toBeGreaterThan(0)
    const callout = layout.visibleText.slice(0, layout.visibleText.indexOf('Resource changes'))
    // Addresses holding a value the plan marks secret are masked (render-safety.test.ts checks how).
    const redactor = Redactor.fromPlan(plan.json)
    const visible = dangerous.filter(rc => redactor.redactText(rc.address) === rc.address)
    expect(visible.length).toBeGreaterThan(0)
    expect(visible.filter(rc => !listed(callout, rc)).map(rc => rc.address)).toEqual([])

    const opened = markdown.match(/<details>/g)?.length ?? 0
    expect(markdown.match(/<\/details>/g)?.length ?? 0).toBe(opened)
    expect(layout.details).toBe(opened)
    expect(layout.links).toEqual([])
    expect(layout.mentions).toEqual([])
    expect(layout.forbidden).toEqual([])
    // The hostile directory name is shown, as text.
    expect(layout.visibleText).toContain('Terraform plan: x` @octo-org/admins `y (workspace ws` @octo-org/ops `z)')
  })

  it('the per-type count table and a long grouped address wrap inside the column', async () => {
    const { markdown } = renderPlanMarkdown(plans.grouped.json, { maxChars: 60_000 })
    const layout = await layOut('grouped-table', markdown)
    expect(layout.tables).toHaveLength(1)
    expect(layout.tables[0].text).toContain('terraform_data')
    expect(layout.tables[0].scroll).toBeLessThanOrEqual(layout.tables[0].client)
    expect(layout.visibleText).toContain('terraform_data.doomed[0…299] (300 instances) will be destroyed')
  })
})
