// The sections of a plan comment, each renderable at several levels of detail (0 = most detailed). The layout
// fits GitHub's comment column (about 810 px): one block per resource (a heading line with the action and the
// reason, its attribute lines as a list under it), instances of one resource with the same change grouped into
// one block, and no table but the small per-type count table.
import type { ActionReason, OutputChange, ResourceChange } from '../plan/plan-json.js'
import { changeKind, displayAddress, isImport, isMove, thousands, type ChangeKind } from '../plan/summary.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { resourceAttributeLines } from './attribute-lines.js'
import { code, escapeInline, fencedBlock, truncate, truncateLines } from './safe-text.js'
import { plainLine, SENSITIVE, UNKNOWN, valueText, type ValueContext } from './values.js'

export { thousands }

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
const GROUP_EMOJI: Record<Group, string> = {
  destroy: '🗑️',
  replace: '♻️',
  create: '✨',
  update: '✏️',
  import: '📥',
  move: '🚚',
  forget: '👋',
  read: '📖'
}
// Terraform's own words ("# aws_x.y will be destroyed"), so the comment reads like the plan reviewers know.
const VERB: Record<Group, string> = {
  destroy: 'will be destroyed',
  replace: 'must be replaced',
  create: 'will be created',
  update: 'will be updated in place',
  import: 'will be imported',
  move: 'has moved',
  forget: 'will be removed from the state (the object is kept)',
  read: 'will be read during apply'
}

/** Most attribute lines shown for one resource before "…and N more". */
export const MAX_ATTRIBUTES_PER_RESOURCE = 25
/** From this many changed resources on, the resource changes start with a per-type count table. */
export const COUNT_TABLE_MIN = 10

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

/** Create-before-destroy (`["create","delete"]`) is a different risk from destroy-then-create. */
export function replaceOrder(rc: ResourceChange): string {
  const a = rc.change.actions
  return a.indexOf('create') < a.indexOf('delete') ? 'create before destroy' : 'destroy, then create'
}

/** Why: the reason code in words, the attributes that force a replacement, a deposed object. */
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
        .map(p => code(ctx.redact(pathText(p))))
        .join(', ')}${paths.length > 10 ? ', …' : ''}`
    )
  if (rc.deposed) parts.push('a deposed object left by an earlier create-before-destroy')
  return parts.join('; ')
}

function pathText(path: readonly (string | number)[]): string {
  let s = ''
  for (const step of path)
    s +=
      typeof step === 'number'
        ? `[${step}]`
        : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)
          ? `${s === '' ? '' : '.'}${step}`
          : `[${JSON.stringify(step)}]`
  return s
}

function notes(ctx: ValueContext, rc: ResourceChange): string[] {
  const n: string[] = []
  if (isMove(rc)) n.push(`moved from ${addressHtml(ctx, rc.previous_address!)}`)
  if (isImport(rc))
    n.push(rc.change.importing?.id ? `imported from ID ${code(ctx.redact(rc.change.importing.id))}` : 'imported')
  return n
}

/** Longest single resource address shown (a hostile plan could hold a megabyte-long key). */
export const MAX_ADDRESS_CHARS = 300
/** From this length on, an address gets line-break opportunities (`<wbr>`) after dots and before brackets. */
const WRAP_FROM = 48

/** Inserts `<wbr>` into escaped text so a long identifier wraps in the column instead of overflowing it. */
function wrappable(escaped: string, at: RegExp): string {
  return escaped.length < WRAP_FROM ? escaped : escaped.replace(at, '$&<wbr>')
}

/** A resource address (or a grouped one) as a redacted, escaped <code> element that can wrap. */
export function addressHtml(ctx: ValueContext, address: string, max = MAX_ADDRESS_CHARS): string {
  return `<code>${wrappable(escapeInline(truncate(ctx.redact(address), max)), /\.(?=[^\s])|,(?= )/g)}</code>`
}

/** Several instances of one resource with the same change: the resource, its indexes and their count. */
export interface InstanceGroup {
  group: Group
  members: ResourceChange[]
  /** `terraform_data.doomed[0…1999]`, or the one address */
  label: string
}

/** `aws_x.y` for `aws_x.y[3]` or `aws_x.y["k"]`; undefined for a resource without an index. */
function baseAddress(rc: ResourceChange): string | undefined {
  if (rc.index === undefined || rc.index === null || rc.deposed) return undefined
  const suffix = `[${typeof rc.index === 'number' ? rc.index : JSON.stringify(rc.index)}]`
  return rc.address.endsWith(suffix) ? rc.address.slice(0, -suffix.length) : undefined
}

/** `0…4, 7, 9` for numbers (runs of three or more as a range); quoted keys, comma-separated, for strings. */
export function indexList(indexes: readonly (string | number)[]): string {
  const numbers = indexes.filter((i): i is number => typeof i === 'number').sort((a, b) => a - b)
  const strings = indexes.filter((i): i is string => typeof i === 'string').map(s => JSON.stringify(truncate(s, 300)))
  const parts: string[] = []
  for (let i = 0; i < numbers.length;) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++
    if (j - i >= 2) parts.push(`${numbers[i]}…${numbers[j]}`)
    else for (let k = i; k <= j; k++) parts.push(String(numbers[k]))
    i = j + 1
  }
  return [...parts, ...strings].join(', ')
}

/**
 * Groups the instances of one resource whose change is the same (same action, reason and, with `sameness`,
 * the same rendered lines), in the order of their first member. Deposed, moved and imported objects stay alone.
 */
export function groupInstances(
  group: Group,
  list: readonly ResourceChange[],
  sameness: (rc: ResourceChange) => string = () => ''
): InstanceGroup[] {
  // by sameness first: that text is long but one string per shape, hashed once, not rebuilt into every key
  const byKey = new Map<string, Map<string, InstanceGroup & { base?: string }>>()
  const out: (InstanceGroup & { base?: string })[] = []
  for (const rc of list) {
    const base = isMove(rc) || isImport(rc) ? undefined : baseAddress(rc)
    let same: Map<string, InstanceGroup & { base?: string }> | undefined
    let key: string | undefined
    if (base !== undefined) {
      const paths = rc.change.replace_paths
      key = `${base}\u0000${rc.change.actions.join()}\u0000${rc.action_reason ?? ''}\u0000${paths === undefined ? '[]' : JSON.stringify(paths)}`
      const text = sameness(rc)
      same = byKey.get(text)
      if (same === undefined) byKey.set(text, (same = new Map()))
      const existing = same.get(key)
      if (existing) {
        existing.members.push(rc)
        continue
      }
    }
    const g = { group, members: [rc], label: displayAddress(rc), base }
    out.push(g)
    if (key !== undefined) same!.set(key, g)
  }
  for (const g of out)
    if (g.members.length > 1) g.label = `${g.base}[${indexList(g.members.map(rc => rc.index as string | number))}]`
  return out.map(({ group: gr, members, label }) => ({ group: gr, members, label }))
}

/** A grouped address with its instance count: `<code>x.y[0…1999]</code> (2,000 instances)`. */
function groupAddress(ctx: ValueContext, g: InstanceGroup): string {
  const n = g.members.length
  return n === 1 ? addressHtml(ctx, g.label) : `${addressHtml(ctx, g.label, Infinity)} (${thousands(n)} instances)`
}

/** The heading line of one resource block: emoji, address, action, reason, notes. */
export function blockHeading(ctx: ValueContext, g: InstanceGroup, titles: Partial<Record<Group, string>> = {}): string {
  const rc = g.members[0]
  const verb = titles[g.group] ?? VERB[g.group]
  const why: string[] = []
  const reason = reasonText(ctx, rc)
  if (reason) why.push(reason)
  why.push(...notes(ctx, rc))
  const order = g.group === 'replace' ? ` (${replaceOrder(rc)})` : ''
  return `${GROUP_EMOJI[g.group]} ${groupAddress(ctx, g)} **${verb}**${order}${why.length > 0 ? `: ${why.join('; ')}` : ''}`
}

/**
 * `diff`: attribute values; `mixed`: values for updates and replaces, attribute names for the rest;
 * `names`: changed attribute names; `address`: grouped addresses; `some-addresses`: as many as fit in the
 * room, then how many are not listed; `types`: the count table; `count`: one line.
 */
export type DetailLevel = 'diff' | 'mixed' | 'names' | 'address' | 'some-addresses' | 'types' | 'count'

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

/** A type name in a table cell, breakable after underscores so the table never outgrows the column. */
function typeCell(ctx: ValueContext, type: string): string {
  return `<code>${escapeInline(truncate(ctx.redact(type), 100)).replace(/&#95;|_/g, '$&<wbr>')}</code>`
}

/** The per-type count table: two narrow columns, the counts as words that wrap. */
export function countTable(ctx: ValueContext, groups: Map<Group, ResourceChange[]>, titles = GROUP_TITLE): string {
  const byType = new Map<string, Map<Group, number>>()
  for (const g of GROUP_ORDER)
    for (const rc of groups.get(g) ?? []) {
      const counts = byType.get(rc.type) ?? new Map<Group, number>()
      counts.set(g, (counts.get(g) ?? 0) + 1)
      byType.set(rc.type, counts)
    }
  const total = (m: Map<Group, number>): number => [...m.values()].reduce((a, b) => a + b, 0)
  const rows = [...byType].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1))
  const lines = ['| Resource type | Changes |', '|---|---|']
  for (const [type, counts] of rows) {
    const cell = GROUP_ORDER.filter(g => counts.has(g))
      .map(g => `${titles[g]?.split(' ')[0] ?? ''} ${thousands(counts.get(g)!)} ${g}`)
      .join(', ')
    lines.push(`| ${typeCell(ctx, type)} | ${cell} |`)
  }
  return lines.join('\n')
}

export interface ChangesOptions {
  /** groups only counted here because the destroy/replace call-out lists them (at address levels) */
  listedAbove?: ReadonlySet<Group>
  /** per-group words replacing the Terraform verb, e.g. "has changed outside Terraform" for drift */
  verbs?: Partial<Record<Group, string>>
  titles?: Partial<Record<Group, string>>
  schemas?: ProviderSchemas
  /** the count table at the top from this many changes on */
  countTableMin?: number
}

/** The resource changes (or drift) at one level of detail; undefined when longer than `room`. */
export function changesSection(
  ctx: ValueContext,
  heading: string,
  groups: Map<Group, ResourceChange[]>,
  level: DetailLevel,
  room: number,
  opts: ChangesOptions = {}
): string | undefined {
  const listedAbove = opts.listedAbove ?? new Set<Group>()
  const titleOf = (g: Group): string => opts.titles?.[g] ?? GROUP_TITLE[g]
  const present = GROUP_ORDER.filter(g => groups.get(g)!.length > 0)
  if (present.length === 0) return ''
  const totalChanges = present.reduce((n, g) => n + groups.get(g)!.length, 0)
  const out = new Capped(room)
  out.push(`${heading}\n`)
  if (level === 'count') {
    out.push(`${present.map(g => `${thousands(groups.get(g)!.length)} to ${g}`).join(', ')} (details left out to fit)`)
    return out.text()
  }
  if (level === 'types' || totalChanges >= (opts.countTableMin ?? COUNT_TABLE_MIN)) {
    const titles = { ...GROUP_TITLE, ...opts.titles }
    if (!out.push(`${countTable(ctx, groups, titles)}\n`)) return undefined
    if (level === 'types') return out.text()?.trimEnd()
  }
  for (const g of present) {
    const list = groups.get(g)!
    const title = `**${titleOf(g)} (${thousands(list.length)})**`
    const detailed = level === 'diff' || level === 'mixed' || level === 'names'
    if (listedAbove.has(g) && !detailed) {
      out.push(`${title}: listed above.\n`)
      continue
    }
    out.push(`${title}\n`)
    if (!detailed) {
      const instanceGroups = groupInstances(g, list)
      for (let i = 0; i < instanceGroups.length; i++) {
        const ig = instanceGroups[i]
        const extra = notes(ctx, ig.members[0])
        if (out.push(`- ${groupAddress(ctx, ig)}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`)) continue
        if (level === 'address') return undefined
        const shown = instanceGroups.slice(0, i).reduce((n, x) => n + x.members.length, 0)
        return someAddresses(out, groups, present, g, shown, listedAbove)
      }
      out.push('')
      continue
    }
    // One block per resource, instances with identical lines grouped. New objects are named only at 'mixed'.
    const detail = level === 'diff' || (level === 'mixed' && (g === 'update' || g === 'replace')) ? 'diff' : 'names'
    const linesOf = new Map<ResourceChange, string[]>()
    // Lines are computed once per instance; a level whose distinct blocks already exceed the room is given up
    // before the rest of a huge plan is computed.
    // distinct blocks: by their lines (one string per shape), then by resource
    const seen = new Map<string, Set<string>>()
    let projected = out.length
    // Names of a new or deleted object depend only on its shape: 9,850 `count` instances cost one diff. Each
    // change is compared with the last few shapes of its type (a walk that allocates nothing, and stops at the
    // first difference), not turned into a key string.
    const byShape = detail === 'names' && g !== 'update' && g !== 'replace' ? new ShapeCache() : undefined
    // the lines of one shape are one array: joined once, not once per instance
    const joined = new Map<string[], string>()
    const textOf = (l: string[]): string => {
      let t = joined.get(l)
      if (t === undefined) joined.set(l, (t = l.join('\n')))
      return t
    }
    for (const rc of list) {
      let l = byShape?.get(rc)
      if (!l) {
        l = resourceAttributeLines(ctx, rc, { detail, schemas: opts.schemas, maxLines: MAX_ATTRIBUTES_PER_RESOURCE })
        byShape?.set(rc, l)
      }
      linesOf.set(rc, l)
      const text = textOf(l)
      let resources = seen.get(text)
      if (resources === undefined) seen.set(text, (resources = new Set()))
      const resource = `${rc.type}\u0000${rc.name}\u0000${rc.module_address ?? ''}`
      if (resources.has(resource)) continue
      resources.add(resource)
      projected += l.reduce((n, line) => n + line.length + 1, 20 + rc.address.length)
      if (projected > room) return undefined
    }
    for (const ig of groupInstances(g, list, rc => textOf(linesOf.get(rc)!))) {
      const body = linesOf.get(ig.members[0])!
      const block = `${blockHeading(ctx, ig, opts.verbs)}\n${body.length > 0 ? `\n${body.join('\n')}\n` : ''}`
      if (!out.push(block)) return undefined
    }
  }
  return out.text()?.trimEnd()
}

/** Lines by shape: a few recent shapes per resource type, most recently used first. */
class ShapeCache {
  private readonly byType = new Map<string, Array<{ rc: ResourceChange; lines: string[] }>>()
  get(rc: ResourceChange): string[] | undefined {
    const shapes = this.byType.get(rc.type)
    if (!shapes) return undefined
    for (let i = 0; i < shapes.length; i++)
      if (sameShape(shapes[i].rc, rc)) {
        if (i > 0) shapes.unshift(...shapes.splice(i, 1))
        return shapes[0].lines
      }
    return undefined
  }
  set(rc: ResourceChange, lines: string[]): void {
    const shapes = this.byType.get(rc.type) ?? []
    shapes.unshift({ rc, lines })
    if (shapes.length > 8) shapes.pop()
    this.byType.set(rc.type, shapes)
  }
}

/**
 * Two changes of one shape (keys in order, list lengths, null or not, scalar types, unknown and sensitive marks,
 * type, provider, mode, actions and replace paths) have the same changed attribute names.
 */
function sameShape(a: ResourceChange, b: ResourceChange): boolean {
  const x = a.change
  const y = b.change
  return (
    a.type === b.type &&
    a.provider_name === b.provider_name &&
    a.mode === b.mode &&
    sameValue(x.actions, y.actions) &&
    sameValue(x.replace_paths, y.replace_paths) &&
    sameStructure(x.before, y.before, false) &&
    sameStructure(x.after, y.after, false) &&
    sameStructure(x.after_unknown, y.after_unknown, true) &&
    sameStructure(x.before_sensitive, y.before_sensitive, true) &&
    sameStructure(x.after_sensitive, y.after_sensitive, true)
  )
}

/** Same structure; scalars by type only, except the true/false of marks (`flags`). */
function sameStructure(a: unknown, b: unknown, flags: boolean): boolean {
  if (a === null || b === null) return a === b
  const type = typeof a
  if (type !== typeof b) return false
  if (type !== 'object') return !flags || type !== 'boolean' || a === b
  const list = Array.isArray(a)
  if (list !== Array.isArray(b)) return false
  if (list) {
    const y = b as unknown[]
    if (a.length !== y.length) return false
    for (let i = 0; i < a.length; i++) if (!sameStructure(a[i], y[i], flags)) return false
    return true
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(y)
  let i = 0
  for (const k in x) if (keys[i++] !== k || !sameStructure(x[k], y[k], flags)) return false
  return i === keys.length
}

/** Equal JSON values (actions, replace paths: short lists). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false
  return true
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
    return `\n**…and ${parts.join(', ')} are not listed here** (they did not fit; see the full plan).`
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

/** One line of the destroy/replace call-out (a grouped address, the action and, with `withReason`, why). */
export function calloutLine(ctx: ValueContext, g: InstanceGroup, withReason: boolean): string {
  if (withReason) return `> - ${blockHeading(ctx, g)}`
  const order = g.group === 'replace' ? ` (${replaceOrder(g.members[0])})` : ''
  return `> - ${GROUP_EMOJI[g.group]} ${groupAddress(ctx, g)} ${g.group}${order}`
}

export function calloutHeading(destroys: number, replaces: number): string {
  const parts: string[] = []
  if (destroys > 0) parts.push(`${thousands(destroys)} to destroy`)
  if (replaces > 0) parts.push(`${thousands(replaces)} to replace`)
  return `> [!CAUTION]\n> **This plan deletes objects: ${parts.join(', ')}.** Review them first.`
}

export function outputsSection(
  ctx: ValueContext,
  outputs: readonly [string, OutputChange][],
  level: 'values' | 'names' | 'count',
  room: number
): string | undefined {
  if (outputs.length === 0) return ''
  const heading = `#### Output changes (${thousands(outputs.length)})`
  if (level === 'count') return `${heading}\n\n${thousands(outputs.length)} outputs change (details omitted to fit).`
  const out = new Capped(room)
  out.push(`${heading}\n`)
  for (const [name, oc] of outputs) {
    const kind = changeKind(oc.actions)
    if (level === 'names') {
      if (!out.push(`- ${code(ctx.redact(name))} (${kind})`)) break
      continue
    }
    const before = oc.before_sensitive === true ? SENSITIVE : valueText(ctx, oc.before)
    const after =
      oc.after_sensitive === true ? SENSITIVE : oc.after_unknown === true ? UNKNOWN : valueText(ctx, oc.after)
    const change =
      kind === 'create' ? after : kind === 'destroy' ? `${before} → ${code('null')}` : `${before} → ${after}`
    if (!out.push(`- ${code(ctx.redact(name))} (${kind}): ${change}`)) break
  }
  return out.text()
}

export function warningsSection(ctx: ValueContext, lines: readonly string[], max: number, title = 'Warnings'): string {
  if (lines.length === 0) return ''
  const shown = lines.slice(0, max).map(l => `> - ${plainLine(ctx, l)}`)
  if (lines.length > max) shown.push(`> - …and ${thousands(lines.length - max)} more`)
  return `> [!WARNING]\n> **${title}**\n>\n${shown.join('\n')}`
}

/** Longest line of the text plan kept in the fallback. */
export const MAX_TEXT_PLAN_LINE = 1000

// `terraform show` prefixes each changed line with its action symbol after the indentation; a ```diff block
// colours a line by its first column, so the symbol moves there (the indentation after it keeps the shape).
const SYMBOL_LINE = /^( *)(-\/\+|\+\/-|<=|[-+~.]) (.*)$/

/** The text plan as a ```diff block: symbols in the first column, Terraform's symbol legend left out. */
export function diffText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').trimEnd().split('\n')
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    // "Terraform used the selected providers ... indicated with the following symbols:" and the symbol list,
    // up to the next blank line.
    if (/^Terraform used the selected providers to generate/.test(line)) {
      while (i + 1 < lines.length && lines[i + 1].trim() !== '') i++
      i++
      continue
    }
    const m = SYMBOL_LINE.exec(line)
    if (m) out.push(`${m[2]}${m[1]} ${m[3]}`)
    else out.push(/^[-+~!<>@]/.test(line) ? ` ${line}` : line)
  }
  while (out.length > 0 && out[0].trim() === '') out.shift()
  return out.join('\n')
}

export function textPlanSection(ctx: ValueContext, text: string, room: number): string | undefined {
  // Redaction shortens text only a little, so a text plan far beyond the room is not even looked at.
  if (text.length > room * 2) return undefined
  const body = truncateLines(ctx.redact(diffText(text)), MAX_TEXT_PLAN_LINE)
  const section = `<details><summary>Text plan (<code>terraform show</code>)</summary>\n\n${fencedBlock(body, 'diff')}\n\n</details>`
  return section.length > room ? undefined : section
}

export { plainLine }
