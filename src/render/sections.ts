// The sections of a plan comment, each renderable at several levels of detail (0 = most detailed).
import { attributeDiffs, formatPath } from '../plan/attribute-diff.js'
import type { ActionReason, OutputChange, ResourceChange } from '../plan/plan-json.js'
import { changeKind, displayAddress, isImport, isMove, type ChangeKind } from '../plan/summary.js'
import { code, fencedBlock, truncateLines } from './safe-text.js'
import {
  addressCode,
  diffLine,
  pathCode,
  plainLine,
  SENSITIVE,
  UNKNOWN,
  valueText,
  type ValueContext
} from './values.js'

export type Group = 'destroy' | 'replace' | 'create' | 'update' | 'import' | 'move' | 'forget' | 'read'
// Riskiest first: a reviewer short of space sees changes to existing objects before new ones.
export const GROUP_ORDER: Group[] = ['destroy', 'replace', 'update', 'create', 'forget', 'move', 'import', 'read']
const GROUP_TITLE: Record<Group, string> = {
  destroy: '🗑️ Destroy',
  replace: '♻️ Replace',
  create: '✨ Create',
  update: '✏️ Update in place',
  import: '📥 Import',
  move: '🚚 Move',
  forget: '👋 Forget (remove from state, keep the object)',
  read: '📖 Read data source during apply'
}

/** Most attribute lines shown for one resource before "…and N more". */
export const MAX_ATTRIBUTES_PER_RESOURCE = 25

export function groupOf(rc: ResourceChange): Group | undefined {
  const kind: ChangeKind = changeKind(rc.change.actions)
  if (kind !== 'no-op') return kind
  if (isImport(rc)) return 'import'
  if (isMove(rc)) return 'move'
  return undefined
}

export function groupChanges(changes: readonly ResourceChange[]): Map<Group, ResourceChange[]> {
  const groups = new Map<Group, ResourceChange[]>(GROUP_ORDER.map(g => [g, []]))
  for (const rc of changes) {
    const g = groupOf(rc)
    if (g) groups.get(g)!.push(rc)
  }
  return groups
}

const REASONS: Record<string, string> = {
  replace_because_tainted: 'the object is tainted',
  replace_because_cannot_update: 'the provider cannot update it in place',
  replace_by_request: 'replacement was requested (`-replace`)',
  replace_by_triggers: 'a `replace_triggered_by` reference changed',
  delete_because_no_resource_config: 'its resource block is no longer in the configuration',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'the resource switched between count, for_each and neither',
  delete_because_count_index: 'its count index is out of range',
  delete_because_each_key: 'its for_each key no longer exists',
  delete_because_no_move_target: 'the target of its `moved` block does not exist',
  read_because_config_unknown: 'its configuration depends on values known only after apply',
  read_because_dependency_pending: 'it depends on resources with pending changes',
  read_because_check_nested: 'it is used in a check block'
}

export function reasonText(ctx: ValueContext, rc: ResourceChange): string {
  const parts: string[] = []
  const reason: ActionReason | undefined = rc.action_reason
  if (reason) {
    const words = REASONS[reason] ?? 'see the reason code'
    parts.push(`${words.replace(/`([^`]+)`/g, (_, c: string) => code(c))} (${code(reason)})`)
  }
  const paths = rc.change.replace_paths ?? []
  if (paths.length > 0)
    parts.push(
      `forced by ${paths
        .slice(0, 10)
        .map(p => pathCode(ctx, p))
        .join(', ')}${paths.length > 10 ? ', …' : ''}`
    )
  if (rc.deposed) parts.push('a deposed object left by an earlier create-before-destroy')
  return parts.join('; ') || '—'
}

function notes(ctx: ValueContext, rc: ResourceChange): string {
  const n: string[] = []
  if (isMove(rc)) n.push(`moved from ${addressCode(ctx, rc.previous_address!)}`)
  if (isImport(rc))
    n.push(rc.change.importing?.id ? `imported from ID ${code(ctx.redact(rc.change.importing.id))}` : 'imported')
  return n.length > 0 ? `<br>${n.join('<br>')}` : ''
}

function isForcing(paths: readonly (string | number)[][] | undefined, path: readonly (string | number)[]): boolean {
  if (!paths) return false
  return paths.some(p => p.length <= path.length && p.every((step, i) => step === path[i]))
}

/** Level 0: per resource, every changed attribute before → after. */
function diffCell(ctx: ValueContext, rc: ResourceChange, group: Group): string {
  if (group === 'destroy' || group === 'forget') return '—'
  const diffs = attributeDiffs(rc.change)
  if (diffs.length === 0) return '<em>no attribute changes</em>'
  const shown = diffs.slice(0, MAX_ATTRIBUTES_PER_RESOURCE)
  const lines = shown.map(d => diffLine(ctx, d, isForcing(rc.change.replace_paths, d.path)))
  if (diffs.length > shown.length) lines.push(`…and ${diffs.length - shown.length} more attributes`)
  return lines.join('<br>')
}

/** Level 1: per resource, the names of the changed attributes. */
function namesCell(ctx: ValueContext, rc: ResourceChange, group: Group): string {
  if (group === 'destroy' || group === 'forget') return '—'
  const diffs = attributeDiffs(rc.change)
  if (diffs.length === 0) return '<em>no attribute changes</em>'
  const names = [...new Set(diffs.map(d => formatPath(d.path)))]
  const shown = names.slice(0, MAX_ATTRIBUTES_PER_RESOURCE).map(n => code(ctx.redact(n)))
  return shown.join(', ') + (names.length > shown.length ? `, …and ${names.length - shown.length} more` : '')
}

/** `some-addresses`: as many addresses as fit in the room, then how many are not listed. */
export type DetailLevel = 'diff' | 'names' | 'address' | 'some-addresses' | 'types' | 'count'

/** 60000 → "60,000" (toLocaleString loads ICU data: ~200 ms on a cold start). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Collects lines and gives up (returns undefined) once they exceed `room` characters. */
class Capped {
  private readonly lines: string[] = []
  private accepted = 0
  private overflow = false
  constructor(
    private readonly room: number,
    private readonly separator = '\n'
  ) {}
  /** Adds a line if it fits; after the first line that does not, nothing is added any more. */
  push(line: string): boolean {
    const size = line.length + this.separator.length
    if (this.overflow || this.accepted + size > this.room) {
      this.overflow = true
      return false
    }
    this.accepted += size
    this.lines.push(line)
    return true
  }
  get length(): number {
    return this.accepted
  }
  /** Whether `line` fits after the accepted lines. */
  fits(line: string): boolean {
    return this.accepted + line.length + this.separator.length <= this.room
  }
  /** Removes the last accepted line. */
  pop(): boolean {
    const line = this.lines.pop()
    if (line === undefined) return false
    this.accepted -= line.length + this.separator.length
    return true
  }
  /** Accept lines again after an overflow (the caller makes room with pop()). */
  recover(): void {
    this.overflow = false
  }
  text(): string | undefined {
    return this.overflow ? undefined : this.lines.join(this.separator)
  }
}

/**
 * The resource changes (or drift) at one level of detail; undefined when longer than `room`. Groups in
 * `listedAbove` are only counted (they are in the destroy/replace call-out).
 */
export function changesSection(
  ctx: ValueContext,
  heading: string,
  groups: Map<Group, ResourceChange[]>,
  level: DetailLevel,
  room: number,
  listedAbove: ReadonlySet<Group> = new Set(),
  titles: Partial<Record<Group, string>> = {}
): string | undefined {
  const titleOf = (g: Group): string => titles[g] ?? GROUP_TITLE[g]
  const present = GROUP_ORDER.filter(g => groups.get(g)!.length > 0)
  if (present.length === 0) return ''
  const rows = present.reduce((n, g) => n + (listedAbove.has(g) ? 0 : groups.get(g)!.length), 0)
  let rendered = 0
  const out = new Capped(room)
  out.push(`${heading}\n`)
  if (level === 'count') {
    out.push(`${present.map(g => `${thousands(groups.get(g)!.length)} to ${g}`).join(', ')} (details left out to fit)`)
    return out.text()
  }
  if (level === 'types') {
    out.push('| Action | Resource type | Count |\n|---|---|---:|')
    for (const g of present) {
      const list = groups.get(g)!
      if (listedAbove.has(g)) {
        out.push(`| ${titleOf(g)} | <em>listed above</em> | ${list.length} |`)
        continue
      }
      const byType = new Map<string, number>()
      for (const rc of list) byType.set(rc.type, (byType.get(rc.type) ?? 0) + 1)
      for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
        if (!out.push(`| ${titleOf(g)} | ${code(ctx.redact(type))} | ${n} |`)) return undefined
    }
    return out.text()
  }
  for (const g of present) {
    const list = groups.get(g)!
    const title = `<strong>${titleOf(g)} (${list.length})</strong>`
    if (listedAbove.has(g)) {
      out.push(`${title}: listed above.\n`)
      continue
    }
    if (level === 'address' || level === 'some-addresses') {
      out.push(`${title}\n`)
      for (let i = 0; i < list.length; i++) {
        const rc = list[i]
        if (out.push(`- ${addressCode(ctx, displayAddress(rc))}${notes(ctx, rc).replace(/<br>/g, ', ')}`)) continue
        if (level === 'address') return undefined
        return someAddresses(out, groups, present, g, i, listedAbove)
      }
      out.push('')
      continue
    }
    const cell = level === 'diff' ? diffCell : namesCell
    out.push(`${title}\n`)
    out.push(
      level === 'diff' ? '| Resource | Changed attributes (before → after) |' : '| Resource | Changed attributes |'
    )
    out.push('|---|---|')
    for (const rc of list) {
      if (!out.push(`| ${addressCode(ctx, displayAddress(rc))}${notes(ctx, rc)} | ${cell(ctx, rc, g)} |`))
        return undefined
      // A huge plan: once the rows so far project far beyond the room, stop rendering a level that cannot fit.
      if (++rendered % 256 === 0 && (out.length / rendered) * rows > room * 1.5) return undefined
    }
    out.push('')
  }
  return out.text()?.trimEnd()
}

/** Ends a `some-addresses` list: drops the last listed lines until "…and N more not listed" fits. */
function someAddresses(
  out: Capped,
  groups: Map<Group, ResourceChange[]>,
  present: readonly Group[],
  group: Group,
  shownInGroup: number,
  listedAbove: ReadonlySet<Group>
): string | undefined {
  const rest = (shown: number): string => {
    const parts: string[] = []
    for (const g of present.slice(present.indexOf(group))) {
      if (listedAbove.has(g)) continue
      const n = g === group ? groups.get(g)!.length - shown : groups.get(g)!.length
      if (n > 0) parts.push(`${thousands(n)} to ${g}`)
    }
    return `\n<strong>…and ${parts.join(', ')} are not listed here</strong> (they did not fit; see the full plan).`
  }
  let shown = shownInGroup
  out.recover()
  while (!out.fits(rest(shown))) {
    if (!out.pop()) return undefined
    shown = Math.max(0, shown - 1)
  }
  out.push(rest(shown))
  return out.text()?.trimEnd()
}

/** One row of the destroy/replace call-out. */
export function calloutRow(ctx: ValueContext, rc: ResourceChange, withReason: boolean): string {
  const kind = changeKind(rc.change.actions) === 'replace' ? '♻️ replace' : '🗑️ destroy'
  return withReason
    ? `| ${kind} | ${addressCode(ctx, displayAddress(rc))} | ${reasonText(ctx, rc)} |`
    : `- ${kind} ${addressCode(ctx, displayAddress(rc))}`
}

export function calloutHeading(destroys: number, replaces: number): string {
  const parts: string[] = []
  if (destroys > 0) parts.push(`${destroys} to destroy`)
  if (replaces > 0) parts.push(`${replaces} to replace`)
  return `> [!CAUTION]\n> **This plan deletes objects: ${parts.join(', ')}.** Review them first.`
}

export const CALLOUT_TABLE_HEADER = '| Action | Resource | Why |\n|---|---|---|'

export function outputsSection(
  ctx: ValueContext,
  outputs: readonly [string, OutputChange][],
  level: 'values' | 'names' | 'count',
  room: number
): string | undefined {
  if (outputs.length === 0) return ''
  const heading = `#### Output changes (${outputs.length})`
  if (level === 'count') return `${heading}\n\n${outputs.length} outputs change (details omitted to fit).`
  const out = new Capped(room)
  out.push(`${heading}\n`)
  if (level === 'names') {
    for (const [name, oc] of outputs) if (!out.push(`- ${code(ctx.redact(name))} (${changeKind(oc.actions)})`)) break
    return out.text()
  }
  out.push('| Output | Action | Value |\n|---|---|---|')
  for (const [name, oc] of outputs) {
    const kind = changeKind(oc.actions)
    const before = oc.before_sensitive === true ? SENSITIVE : valueText(ctx, oc.before)
    const after =
      oc.after_sensitive === true ? SENSITIVE : oc.after_unknown === true ? UNKNOWN : valueText(ctx, oc.after)
    const change =
      kind === 'create' ? after : kind === 'destroy' ? `${before} → ${code('null')}` : `${before} → ${after}`
    if (!out.push(`| ${code(ctx.redact(name))} | ${kind} | ${change} |`)) break
  }
  return out.text()
}

export function warningsSection(ctx: ValueContext, lines: readonly string[], max: number): string {
  if (lines.length === 0) return ''
  const shown = lines.slice(0, max).map(l => `> - ${plainLine(ctx, l)}`)
  if (lines.length > max) shown.push(`> - …and ${lines.length - max} more`)
  return `> [!WARNING]\n> **Warnings**\n>\n${shown.join('\n')}`
}

/** Longest line of the text plan kept in the fallback. */
export const MAX_TEXT_PLAN_LINE = 1000

export function textPlanSection(ctx: ValueContext, text: string, room: number): string | undefined {
  // Redaction shortens text only a little, so a text plan far beyond the room is not even looked at.
  if (text.length > room * 2) return undefined
  const body = truncateLines(ctx.redact(text.replace(/\r\n/g, '\n').trimEnd()), MAX_TEXT_PLAN_LINE)
  const section = `<details><summary>Text plan (<code>terraform show</code>)</summary>\n\n${fencedBlock(body)}\n\n</details>`
  return section.length > room ? undefined : section
}

export { plainLine }
