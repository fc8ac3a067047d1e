// The summary of many roots as Markdown: a table of roots, destroy and replace call-outs, links to each root's
// plan, fit to a character budget. Pure. When it does not fit, detail goes in this order, and the reader is told
// what was cut: addresses per root, then the rows of roots without changes, then call-outs of later roots, then
// table rows of later roots. Rows are ranked (failed, destroy/replace, changes, none), so what is cut last matters most.
import { fitToSize, joinParts, type FitSection, type FitStep } from '../render/fit-to-size.js'
import { code, escapeInline } from '../render/safe-text.js'
import { countRoots, type RootEntry } from './root-entry.js'

export interface RootsTableOptions {
  maxChars: number
  title?: string
}

export interface RenderedRootsSummary {
  markdown: string
  /** What was cut to fit, as told to the reader; empty when everything is shown. */
  shortened: string[]
}

export const DEFAULT_TITLE = 'Terraform plans'
// Addresses listed per root at each level of the call-outs; the last level also fills the room left.
const ADDRESSES_PER_ROOT = [Infinity, 25, 10, 5, 5]
const FILL = ADDRESSES_PER_ROOT.length - 1
const TABLE_HEAD = [
  '| Root | Workspace | Add | Change | Destroy | Replace | Status | Plan |',
  '|---|---|--:|--:|--:|--:|---|---|'
]

const fmt = (n: number): string => n.toLocaleString('en-US')
const plural = (n: number, one: string, many = `${one}s`): string => `${fmt(n)} ${n === 1 ? one : many}`

/** A link target we write as is: http(s), none of the characters that could end or bend a Markdown link. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url) ? url : undefined
}

function planLink(entry: RootEntry): string {
  const url = safeUrl(entry.planUrl)
  if (!url) return '–'
  return `[${entry.planLink === 'comment' ? 'comment' : 'run'}](${url})`
}

function statusCell(entry: RootEntry): string {
  if (entry.status === 'failed') return `❌ failed${entry.failure ? `: ${escapeInline(entry.failure)}` : ''}`
  if (entry.status === 'no-changes') return 'no changes'
  const c = entry.changes
  return c && c.destroy + c.replace > 0 ? '⚠️ changes' : 'changes'
}

function row(entry: RootEntry): string {
  const c = entry.changes
  const n = (v: number | undefined): string => (entry.status === 'failed' ? '–' : v === undefined ? '?' : fmt(v))
  const cells = [
    code(entry.root, 120),
    entry.workspace === '' ? '–' : code(entry.workspace, 90),
    n(c?.add),
    n(c?.change),
    n(c?.destroy),
    n(c?.replace),
    statusCell(entry),
    planLink(entry)
  ]
  return `| ${cells.join(' | ')} |`
}

function header(entries: readonly RootEntry[], title: string): string {
  const counts = countRoots(entries)
  const parts = [plural(counts.roots, 'root'), `${fmt(counts.withChanges)} with changes`]
  if (counts.failed > 0) parts.push(`**${fmt(counts.failed)} failed**`)
  return `## ${escapeInline(title)}: ${parts.join(' · ')}`
}

function rowsSection(entries: readonly RootEntry[], level: number, room: number): string | undefined {
  if (entries.length === 0) return ''
  const shown = level >= 1 ? entries.filter(e => e.status !== 'no-changes') : [...entries]
  const folded = entries.length - shown.length
  const lines = [...TABLE_HEAD]
  let size = lines.join('\n').length
  const tail = (left: number): string[] => {
    const notes: string[] = []
    if (left > 0) notes.push(`…and ${plural(left, 'more root')} not listed here (see the counts above).`)
    if (folded > 0)
      notes.push(`${plural(folded, 'root')} without changes ${folded === 1 ? 'is' : 'are'} counted, not listed.`)
    return notes.length > 0 ? ['', ...notes] : []
  }
  // Room kept for the closing notes, so a filled table still says what it left out.
  const reserve = level >= 2 ? tail(shown.length).join('\n').length + 1 : 0
  let listed = 0
  for (const entry of shown) {
    const line = row(entry)
    if (size + 1 + line.length + reserve > room) {
      if (level < 2) return undefined
      break
    }
    lines.push(line)
    size += 1 + line.length
    listed++
  }
  if (listed === 0 && shown.length > 0) lines.length = 0
  const text = [...lines, ...tail(shown.length - listed)].join('\n').replace(/^\n/, '')
  return text.length <= room ? text : undefined
}

function callout(entry: RootEntry, perRoot: number): string | undefined {
  const c = entry.changes
  if (!c || c.destroy + c.replace === 0) return undefined
  const what = [
    c.destroy > 0 ? `${fmt(c.destroy)} to destroy` : '',
    c.replace > 0 ? `${fmt(c.replace)} to replace` : ''
  ]
    .filter(Boolean)
    .join(', ')
  const ws = entry.workspace === 'default' ? '' : ` (workspace ${code(entry.workspace, 90)})`
  const lines = [`**${code(entry.root, 120)}**${ws}: ${what}`]
  const listed = [
    ...c.destroyAddresses.map(a => `- destroy ${code(a, 300)}`),
    ...c.replaceAddresses.map(a => `- replace ${code(a, 300)}`)
  ]
  lines.push(...listed.slice(0, perRoot))
  const more = c.destroy + c.replace - Math.min(perRoot, listed.length)
  if (more > 0)
    lines.push(`- …and ${fmt(more)} more (${planLink(entry) === '–' ? "the root's plan" : planLink(entry)})`)
  return lines.join('\n')
}

function calloutsSection(entries: readonly RootEntry[], level: number, room: number): string | undefined {
  const blocks = entries.map(e => callout(e, ADDRESSES_PER_ROOT[level])).filter(b => b !== undefined)
  if (blocks.length === 0) return ''
  const head = '### ⚠️ Destroy and replace'
  const parts = [head]
  let size = head.length
  for (let i = 0; i < blocks.length; i++) {
    const left = blocks.length - i
    const reserve = level === FILL && left > 1 ? 80 : 0
    if (size + 2 + blocks[i].length + reserve > room) {
      if (level < FILL) return undefined
      if (i === 0) return NO_ROOM_FOR_CALLOUTS.length <= room ? NO_ROOM_FOR_CALLOUTS : ''
      parts.push(`…and ${plural(left, 'more root')} that destroy or replace resources: see the table.`)
      break
    }
    parts.push(blocks[i])
    size += 2 + blocks[i].length
  }
  const text = parts.join('\n\n')
  return text.length <= room ? text : undefined
}

const NO_ROOM_FOR_CALLOUTS =
  '_Destroy and replace call-outs left out for room: the Destroy and Replace columns have the counts._'

const perRoot = (level: number): FitStep => ({
  section: 'callouts',
  level,
  note: `at most ${ADDRESSES_PER_ROOT[level]} destroy/replace addresses per root`
})
const STEPS: FitStep[] = [
  perRoot(1),
  perRoot(2),
  perRoot(3),
  { section: 'table', level: 1, note: 'roots without changes are counted, not listed' },
  { section: 'callouts', level: FILL, note: 'destroy/replace call-outs only as far as room was left' },
  { section: 'table', level: 2, note: 'only the first roots of the table' }
]

/** `entries` as mergeEntries returns them (ranked). */
export function renderRootsSummary(entries: readonly RootEntry[], options: RootsTableOptions): RenderedRootsSummary {
  const title = options.title ?? DEFAULT_TITLE
  const sections: FitSection[] = [
    { id: 'header', render: () => header(entries, title) },
    { id: 'table', render: (level, room) => rowsSection(entries, level, room), fillLevels: [2] },
    { id: 'callouts', render: (level, room) => calloutsSection(entries, level, room), fillLevels: [FILL] }
  ]
  const footer = (shortened: readonly string[]): string =>
    shortened.length === 0
      ? ''
      : `_Cut to fit the ${fmt(options.maxChars)}-character limit: ${shortened.join('; ')}. Each root's own plan has everything._`
  const fitted = fitToSize(sections, STEPS, options.maxChars, footer)
  return { markdown: joinParts(fitted.parts), shortened: fitted.shortened }
}
