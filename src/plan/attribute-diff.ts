// A change's diff: `resourceDiff` / `outputDiff` give the structural diff (value-diff.ts) with the resource's
// schema types; `attributeDiffs` is the older flat list of changed leaves by position, kept for its callers.
import type { Change, JsonValue, OutputChange, ResourceChange, ShapeFlags } from './plan-json.js'
import { blockType, resourceSchema, type ProviderSchemas } from './provider-schema.js'
import { deepEqual, diffValues, DYNAMIC, type PathStep, type ValueDiff } from './value-diff.js'

export type { PathStep }
export { deepEqual }

/** The structural diff of a resource change, typed by its provider schema when `schemas` has it. */
export function resourceDiff(rc: ResourceChange, schemas?: ProviderSchemas): ValueDiff {
  const c = rc.change
  return diffValues(
    {
      before: c.before ?? undefined,
      after: c.after ?? undefined,
      unknown: c.after_unknown,
      beforeSensitive: c.before_sensitive,
      afterSensitive: c.after_sensitive,
      replacePaths: c.replace_paths
    },
    blockType(resourceSchema(schemas, rc))
  )
}

/** The structural diff of an output change (outputs have no schema: types are inferred, arrays are lists). */
export function outputDiff(name: string, oc: OutputChange): ValueDiff {
  return diffValues(
    {
      before: oc.before ?? undefined,
      after: oc.after ?? undefined,
      unknown: oc.after_unknown,
      beforeSensitive: oc.before_sensitive,
      afterSensitive: oc.after_sensitive
    },
    DYNAMIC,
    [name]
  )
}

export interface AttributeDiff {
  path: PathStep[]
  /** undefined: the attribute does not exist on that side (create / destroy) */
  before: JsonValue | undefined
  after: JsonValue | undefined
  afterUnknown: boolean
  beforeSensitive: boolean
  afterSensitive: boolean
}

type Obj = { [key: string]: JsonValue }
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isContainer = (v: unknown): v is Obj | JsonValue[] => typeof v === 'object' && v !== null

function child(flags: ShapeFlags | undefined, step: PathStep): ShapeFlags | undefined {
  if (flags === true || flags === false || flags === undefined) return flags === true ? true : undefined
  if (Array.isArray(flags)) return typeof step === 'number' ? flags[step] : undefined
  return typeof step === 'string' ? flags[step] : undefined
}

function childValue(v: JsonValue | undefined, step: PathStep): JsonValue | undefined {
  if (Array.isArray(v)) return typeof step === 'number' ? v[step] : undefined
  if (isObject(v)) return typeof step === 'string' ? v[step] : undefined
  return undefined
}

/** The changed leaves of one change, in a stable order (object keys sorted, list items by index). */
export function attributeDiffs(change: Change): AttributeDiff[] {
  const out: AttributeDiff[] = []
  walk(
    [],
    change.before ?? undefined,
    change.after ?? undefined,
    change.after_unknown,
    change.before_sensitive,
    change.after_sensitive,
    out
  )
  return out
}

function walk(
  path: PathStep[],
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  unknown: ShapeFlags | undefined,
  beforeSens: ShapeFlags | undefined,
  afterSens: ShapeFlags | undefined,
  out: AttributeDiff[]
): void {
  const afterUnknown = unknown === true
  const bs = beforeSens === true
  const as = afterSens === true
  const leaf = (): void => {
    out.push({
      path,
      before,
      after: afterUnknown ? undefined : after,
      afterUnknown,
      beforeSensitive: bs,
      afterSensitive: as
    })
  }
  if (afterUnknown || bs || as) {
    // A wholly unknown or sensitive value is one line, whatever its shape.
    if (afterUnknown || !deepEqual(before, after) || (bs !== as && (before ?? null) !== null)) leaf()
    return
  }
  if (isContainer(before) || isContainer(after)) {
    const steps = childSteps(before, after, unknown)
    if (steps.length === 0) {
      if (!deepEqual(before ?? null, after ?? null) && !(before === undefined && isEmpty(after))) leaf()
      return
    }
    for (const step of steps)
      walk(
        [...path, step],
        childValue(before, step),
        childValue(after, step),
        child(unknown, step),
        child(beforeSens, step),
        child(afterSens, step),
        out
      )
    return
  }
  // Scalars: null and "absent" are the same to the reader.
  if ((before ?? null) !== (after ?? null)) leaf()
}

function isEmpty(v: JsonValue | undefined): boolean {
  return (
    v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0)
  )
}

function childSteps(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  unknown: ShapeFlags | undefined
): PathStep[] {
  if (Array.isArray(before) || Array.isArray(after) || Array.isArray(unknown)) {
    const n = Math.max(
      Array.isArray(before) ? before.length : 0,
      Array.isArray(after) ? after.length : 0,
      Array.isArray(unknown) ? unknown.length : 0
    )
    return Array.from({ length: n }, (_, i) => i)
  }
  const keys = new Set<string>()
  for (const v of [before, after, unknown]) if (isObject(v)) for (const k of Object.keys(v)) keys.add(k)
  return [...keys].sort()
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** `tags.env`, `site_config[0].minimum_tls_version`, `labels["app.kubernetes.io/name"]` */
export function formatPath(path: readonly PathStep[]): string {
  let s = ''
  for (const step of path) {
    if (typeof step === 'number') s += `[${step}]`
    else if (IDENTIFIER.test(step)) s += s === '' ? step : `.${step}`
    else s += `[${JSON.stringify(step)}]`
  }
  return s
}

/** The last attribute name of a path (list indexes skipped), for the credential-name heuristic. */
export function lastName(path: readonly PathStep[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string
  return undefined
}
