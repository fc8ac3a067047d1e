// The structural diff of one value (a resource's attributes, an output, a decoded JSON string), with Terraform's
// semantics: lists matched by longest common subsequence, sets by value, maps and objects by key, unknown and
// sensitive values wherever the plan marks them, and the attributes that force replacement.
import { matchList, matchSet, type Match } from './list-match.js'
import type { JsonValue, ShapeFlags } from './plan-json.js'

export type PathStep = string | number
export type DiffAction = 'create' | 'delete' | 'update' | 'no-op'

/** What the renderer knows about a value's type: from the provider schema, or `dynamic` (inferred from JSON). */
export type TypeInfo =
  | { kind: 'primitive' }
  | { kind: 'dynamic' }
  /** `byIndex`: nested blocks and nested attributes, which Terraform pairs by position, not by LCS */
  | { kind: 'list'; element: TypeInfo; byIndex?: boolean }
  | { kind: 'set'; element: TypeInfo }
  | { kind: 'map'; element: TypeInfo }
  | { kind: 'object'; attributes: Readonly<Record<string, TypeInfo>> }

export const DYNAMIC: TypeInfo = { kind: 'dynamic' }
const PRIMITIVE: TypeInfo = { kind: 'primitive' }

export interface ValueDiff {
  action: DiffAction
  /** undefined: absent on that side (a create, a destroy, a key added or removed) */
  before: JsonValue | undefined
  after: JsonValue | undefined
  /** the plan's flags for this subtree */
  unknown: ShapeFlags | undefined
  beforeSensitive: ShapeFlags | undefined
  afterSensitive: ShapeFlags | undefined
  /** one line: a wholly unknown or sensitive value, a primitive, or a change of type */
  leaf?: 'unknown' | 'sensitive' | 'value'
  /** a container, diffed element by element in `children` */
  collection?: 'list' | 'set' | 'map' | 'object'
  children?: ChildDiff[]
  /** both sides are JSON-encoded strings: the decoded diff (Terraform's `jsonencode(...)`) */
  json?: ValueDiff
  /** a multi-line string changed: its changed lines */
  lines?: LineChange[]
  forcesReplacement: boolean
}

/** `key`: the object key, or the element's index (after index; before index for a removed element). */
export interface ChildDiff {
  key: PathStep
  diff: ValueDiff
}

export interface LineChange {
  action: 'create' | 'delete'
  /** 1-based line number on its side */
  line: number
  text: string
}

export interface DiffInput {
  before: JsonValue | undefined
  after: JsonValue | undefined
  unknown?: ShapeFlags
  beforeSensitive?: ShapeFlags
  afterSensitive?: ShapeFlags
  replacePaths?: readonly (readonly PathStep[])[]
}

type Obj = { [key: string]: JsonValue }
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isContainer = (v: unknown): v is Obj | JsonValue[] => typeof v === 'object' && v !== null

export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true
  if (!isContainer(a) || !isContainer(b)) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  const ka = Object.keys(a as Obj)
  const kb = Object.keys(b as Obj)
  return ka.length === kb.length && ka.every(k => k in (b as Obj) && deepEqual((a as Obj)[k], (b as Obj)[k]))
}

/** True when a flag tree marks anything (unknown / sensitive) anywhere. */
export function anyFlag(flags: ShapeFlags | undefined): boolean {
  if (flags === true) return true
  if (typeof flags !== 'object' || flags === null) return false
  return Array.isArray(flags) ? flags.some(anyFlag) : Object.values(flags).some(anyFlag)
}

export function childFlags(flags: ShapeFlags | undefined, step: PathStep): ShapeFlags | undefined {
  if (typeof flags !== 'object' || flags === null) return undefined
  if (Array.isArray(flags)) return typeof step === 'number' ? flags[step] : undefined
  return typeof step === 'string' ? flags[step] : undefined
}

function childValue(v: JsonValue | undefined, step: PathStep): JsonValue | undefined {
  if (Array.isArray(v)) return typeof step === 'number' ? v[step] : undefined
  if (isObject(v)) return typeof step === 'string' ? v[step] : undefined
  return undefined
}

/** Whether a string is JSON Terraform would show as `jsonencode(...)`: an encoded object or array. */
export function parseJsonString(s: string): JsonValue | undefined {
  const t = s.trimStart()
  if (t[0] !== '{' && t[0] !== '[') return undefined
  try {
    const v = JSON.parse(s) as JsonValue
    return isContainer(v) ? v : undefined
  } catch {
    return undefined
  }
}

/** Most lines of a multi-line string compared by LCS; longer strings are compared by position. */
const MAX_LINE_DIFF = 5000

export function diffValues(input: DiffInput, type: TypeInfo = DYNAMIC, path: PathStep[] = []): ValueDiff {
  return walk(
    path,
    input.before,
    input.after,
    input.unknown,
    input.beforeSensitive,
    input.afterSensitive,
    type,
    input.replacePaths ?? []
  )
}

function isForcing(paths: readonly (readonly PathStep[])[], path: readonly PathStep[]): boolean {
  // A replace path names the attribute (or a prefix of where the value sits: a set has no stable index).
  return paths.some(p => p.length <= path.length && p.length > 0 && p.every((step, i) => step === path[i]))
}

function walk(
  path: PathStep[],
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  unknown: ShapeFlags | undefined,
  bs: ShapeFlags | undefined,
  as: ShapeFlags | undefined,
  type: TypeInfo,
  replace: readonly (readonly PathStep[])[]
): ValueDiff {
  const node: ValueDiff = {
    action: 'no-op',
    before,
    after,
    unknown,
    beforeSensitive: bs,
    afterSensitive: as,
    forcesReplacement: replace.length > 0 && isForcing(replace, path)
  }
  const bNull = before === undefined || before === null
  const aNull = after === undefined || after === null
  if (unknown === true) {
    node.leaf = 'unknown'
    node.action = bNull ? 'create' : 'update'
    return node
  }
  if (bs === true || as === true) {
    node.leaf = 'sensitive'
    node.action =
      bNull && aNull
        ? 'no-op'
        : bNull
          ? 'create'
          : aNull
            ? 'delete'
            : (bs === true) !== (as === true) || !deepEqual(before, after)
              ? 'update'
              : 'no-op'
    return node
  }
  if (bNull && aNull) return node
  const kind = containerKind(type, bNull ? after : before)
  const otherKind = containerKind(type, bNull ? before : after)
  if (kind && (bNull || aNull || kind === otherKind)) {
    node.collection = kind
    node.children = children(path, before, after, unknown, bs, as, type, kind, replace)
    node.action = bNull
      ? 'create'
      : aNull
        ? 'delete'
        : node.children.some(c => c.diff.action !== 'no-op')
          ? 'update'
          : 'no-op'
    return node
  }
  node.leaf = 'value'
  node.action = bNull ? 'create' : aNull ? 'delete' : deepEqual(before, after) ? 'no-op' : 'update'
  if (node.action === 'update' && typeof before === 'string' && typeof after === 'string') {
    const bj = parseJsonString(before)
    const aj = parseJsonString(after)
    if (bj !== undefined && aj !== undefined) {
      const inner = walk([], bj, aj, undefined, undefined, undefined, DYNAMIC, [])
      // Only whitespace or key order changed: Terraform shows the JSON as unchanged, but it is a change.
      if (inner.action !== 'no-op') node.json = inner
    } else if (before.includes('\n') || after.includes('\n')) node.lines = lineDiff(before, after)
  }
  return node
}

function containerKind(type: TypeInfo, v: JsonValue | undefined): ValueDiff['collection'] | undefined {
  if (!isContainer(v)) return undefined
  switch (type.kind) {
    case 'list':
    case 'set':
      return Array.isArray(v) ? type.kind : undefined
    case 'map':
    case 'object':
      return isObject(v) ? type.kind : undefined
    case 'primitive':
      return undefined
    default:
      return Array.isArray(v) ? 'list' : 'object'
  }
}

function elementType(type: TypeInfo, key: PathStep): TypeInfo {
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return type.element
    case 'object':
      return typeof key === 'string' ? (type.attributes[key] ?? DYNAMIC) : DYNAMIC
    case 'primitive':
      return PRIMITIVE
    default:
      return DYNAMIC
  }
}

/** An element's identity for matching: its value and where it is unknown or sensitive. */
function elementKey(v: JsonValue | undefined, unknown: ShapeFlags | undefined, sens: ShapeFlags | undefined) {
  const u = anyFlag(unknown) ? JSON.stringify(unknown) : ''
  const s = anyFlag(sens) ? JSON.stringify(sens) : ''
  return u === '' && s === '' ? JSON.stringify(v ?? null) : `${JSON.stringify(v ?? null)}\u0000${u}\u0000${s}`
}

function children(
  path: PathStep[],
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  unknown: ShapeFlags | undefined,
  bs: ShapeFlags | undefined,
  as: ShapeFlags | undefined,
  type: TypeInfo,
  kind: NonNullable<ValueDiff['collection']>,
  replace: readonly (readonly PathStep[])[]
): ChildDiff[] {
  // The path only serves to find replace paths: not built when there are none.
  const child = (key: PathStep, b: PathStep | undefined, a: PathStep | undefined): ChildDiff => ({
    key,
    diff: walk(
      replace.length > 0 ? [...path, key] : path,
      b === undefined ? undefined : childValue(before, b),
      a === undefined ? undefined : childValue(after, a),
      a === undefined ? undefined : childFlags(unknown, a),
      b === undefined ? undefined : childFlags(bs, b),
      a === undefined ? undefined : childFlags(as, a),
      elementType(type, key),
      replace
    )
  })
  if (kind === 'map' || kind === 'object') {
    const keys = new Set<string>()
    for (const v of [before, after, unknown]) if (isObject(v)) for (const k of Object.keys(v)) keys.add(k)
    return [...keys].sort().map(k => child(k, isObject(before) && k in before ? k : undefined, k))
  }
  const b = Array.isArray(before) ? before : []
  // An unknown element of a known list shows in after_unknown only (its after value is null).
  const aLength = Math.max(Array.isArray(after) ? after.length : 0, Array.isArray(unknown) ? unknown.length : 0)
  let matches: Match[]
  if (b.length === 0 || aLength === 0 || (kind === 'list' && type.kind === 'list' && type.byIndex)) {
    matches = []
    for (let i = 0; i < Math.max(b.length, aLength); i++)
      matches.push({ before: i < b.length ? i : -1, after: i < aLength ? i : -1 })
  } else {
    const bKeys = b.map((v, i) => elementKey(v, undefined, childFlags(bs, i)))
    const aKeys = Array.from({ length: aLength }, (_, i) =>
      elementKey(childValue(after, i), childFlags(unknown, i), childFlags(as, i))
    )
    const elementIsObject = (v: JsonValue | undefined): boolean => isObject(v)
    matches =
      kind === 'set'
        ? matchSet(bKeys, aKeys)
        : matchList(bKeys, aKeys, (i, j) => elementIsObject(b[i]) && elementIsObject(childValue(after, j)))
  }
  return matches.map(m =>
    child(m.after >= 0 ? m.after : m.before, m.before >= 0 ? m.before : undefined, m.after >= 0 ? m.after : undefined)
  )
}

/** The changed lines of a multi-line string, by LCS over lines. */
export function lineDiff(before: string, after: string): LineChange[] {
  const b = before.split('\n')
  const a = after.split('\n')
  const out: LineChange[] = []
  const matches: Match[] = []
  if (b.length + a.length > MAX_LINE_DIFF) {
    // Too long for LCS: compare by position.
    for (let i = 0; i < Math.max(b.length, a.length); i++) {
      if (b[i] === a[i]) continue
      if (i < b.length) matches.push({ before: i, after: -1 })
      if (i < a.length) matches.push({ before: -1, after: i })
    }
  } else matches.push(...matchList(b, a))
  for (const m of matches) {
    if (m.before >= 0 && m.after >= 0) {
      // Paired by position (same number of lines): an edited line is the old line out, the new line in.
      if (b[m.before] !== a[m.after])
        out.push(
          { action: 'delete', line: m.before + 1, text: b[m.before] },
          { action: 'create', line: m.after + 1, text: a[m.after] }
        )
      continue
    }
    if (m.before >= 0) out.push({ action: 'delete', line: m.before + 1, text: b[m.before] })
    else out.push({ action: 'create', line: m.after + 1, text: a[m.after] })
  }
  return out
}
