// Types for `terraform show -json <planfile>` (JSON output format_version 1.x). Only what we read is typed
// strictly; everything may be absent in older or newer Terraform versions, so the model treats it as optional.
// https://developer.hashicorp.com/terraform/internals/json-format

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** `true` = the whole value is unknown/sensitive; objects and arrays mirror the value's shape. */
export type ShapeFlags = boolean | ShapeFlags[] | { [key: string]: ShapeFlags }

export type ChangeAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget'

export type ActionReason =
  | 'replace_because_tainted'
  | 'replace_because_cannot_update'
  | 'replace_by_request'
  | 'replace_by_triggers'
  | 'delete_because_no_resource_config'
  | 'delete_because_wrong_repetition'
  | 'delete_because_count_index'
  | 'delete_because_each_key'
  | 'delete_because_no_module'
  | 'delete_because_no_move_target'
  | 'read_because_config_unknown'
  | 'read_because_dependency_pending'
  | 'read_because_check_nested'
  | (string & Record<never, never>)

export interface Change {
  actions: ChangeAction[]
  before?: JsonValue
  after?: JsonValue
  after_unknown?: ShapeFlags
  before_sensitive?: ShapeFlags
  after_sensitive?: ShapeFlags
  /** attribute paths that force replacement; steps are attribute names (string) or indexes (number) */
  replace_paths?: (string | number)[][]
  importing?: { id?: string; identity?: JsonValue; unknown?: boolean }
  generated_config?: string
}

export interface ResourceChange {
  address: string
  previous_address?: string
  module_address?: string
  mode: 'managed' | 'data'
  type: string
  name: string
  index?: string | number
  provider_name?: string
  deposed?: string
  change: Change
  action_reason?: ActionReason
}

export interface OutputChange {
  actions: ChangeAction[]
  before?: JsonValue
  after?: JsonValue
  after_unknown?: ShapeFlags
  before_sensitive?: ShapeFlags
  after_sensitive?: ShapeFlags
}

export interface StateResource {
  address: string
  mode: 'managed' | 'data'
  type: string
  name: string
  index?: string | number
  provider_name?: string
  schema_version?: number
  values?: { [key: string]: JsonValue }
  sensitive_values?: ShapeFlags
}

export interface StateModule {
  address?: string
  resources?: StateResource[]
  child_modules?: StateModule[]
}

export interface StateValues {
  outputs?: { [name: string]: { sensitive?: boolean; value?: JsonValue; type?: JsonValue } }
  root_module?: StateModule
}

export interface ConfigVariable {
  default?: JsonValue
  description?: string
  sensitive?: boolean
}

export interface ConfigModule {
  outputs?: { [name: string]: { sensitive?: boolean; expression?: unknown; description?: string } }
  resources?: unknown[]
  module_calls?: { [name: string]: { source?: string; module?: ConfigModule } }
  variables?: { [name: string]: ConfigVariable }
}

export interface Diagnostic {
  severity: 'error' | 'warning'
  summary: string
  detail?: string
  address?: string
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } }
}

export interface CheckResult {
  address: { kind: string; to_display: string; name?: string; module?: string }
  status: 'pass' | 'fail' | 'error' | 'unknown'
  instances?: { address: { to_display: string }; status: string; problems?: { message: string }[] }[]
}

export interface PlanJson {
  format_version: string
  terraform_version?: string
  variables?: { [name: string]: { value?: JsonValue } }
  planned_values?: StateValues
  resource_drift?: ResourceChange[]
  resource_changes?: ResourceChange[]
  deferred_changes?: { reason: string; resource_change: ResourceChange }[]
  output_changes?: { [name: string]: OutputChange }
  prior_state?: { format_version?: string; terraform_version?: string; values?: StateValues }
  configuration?: { provider_config?: unknown; root_module?: ConfigModule }
  relevant_attributes?: { resource: string; attribute: (string | number)[] }[]
  checks?: CheckResult[]
  /** not written by `terraform show -json` today; accepted in case a wrapper or a future version adds them */
  diagnostics?: Diagnostic[]
  timestamp?: string
  applyable?: boolean
  complete?: boolean
  errored?: boolean
}

/** JSON plan format versions Terraform ≥ 1.0 writes: 0.2 (1.0.x) and 1.x (1.1 and later). */
export const ACCEPTED_FORMATS = /^(0\.2|1\.\d+)$/

/** A plan JSON the renderer can read, or a one-line reason why not (the caller adds where it came from). */
export class PlanShapeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlanShapeError'
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks the parts of a plan the comment reads and repairs what can be repaired (an entry without `address`
 * gets one built from its module, type, name and index; optional sections of the wrong shape are dropped).
 * Returns `value` itself when nothing needed repair. Throws PlanShapeError with one line otherwise.
 */
export function normalizePlan(value: unknown): PlanJson {
  if (normalized.has(value as object)) return value as PlanJson
  const plan = checkedPlan(value)
  normalized.add(plan)
  return plan
}

/** Plans already checked (the CLI checks, then the renderer is handed the same object). */
const normalized = new WeakSet<object>()

function checkedPlan(value: unknown): PlanJson {
  if (!isRecord(value)) throw new PlanShapeError('is not a JSON object')
  const version = value.format_version
  if (typeof version !== 'string') throw new PlanShapeError('has no format_version: it is not a Terraform plan')
  if (!ACCEPTED_FORMATS.test(version))
    throw new PlanShapeError(
      `has format_version "${version.slice(0, 20)}"; accepted are 0.2 and 1.x (written by Terraform 1.0 and later)`
    )
  let plan = value as unknown as PlanJson
  const repaired: Partial<Record<keyof PlanJson, unknown>> = {}
  for (const key of ['resource_changes', 'resource_drift'] as const) {
    const list = value[key]
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) throw new PlanShapeError(`${key} is not a list`)
    let changed = false
    const fixed = list.map((entry, i) => {
      const rc = resourceChange(entry, `${key}[${i}]`)
      if (rc !== entry) changed = true
      return rc
    })
    if (changed) repaired[key] = fixed
  }
  const deferred = value.deferred_changes
  if (deferred !== undefined && deferred !== null) {
    if (!Array.isArray(deferred)) repaired.deferred_changes = undefined
  }
  const outputs = value.output_changes
  if (outputs !== undefined && outputs !== null) {
    if (!isRecord(outputs)) throw new PlanShapeError('output_changes is not an object')
    for (const [name, oc] of Object.entries(outputs))
      if (!isRecord(oc) || !isActions(oc.actions))
        throw new PlanShapeError(`output_changes["${name.slice(0, 100)}"] has no list of actions`)
  }
  const relevant = value.relevant_attributes
  if (relevant !== undefined && relevant !== null) {
    const valid = (r: unknown): boolean => isRecord(r) && typeof r.resource === 'string' && Array.isArray(r.attribute)
    if (!Array.isArray(relevant)) repaired.relevant_attributes = undefined
    else if (!relevant.every(valid)) repaired.relevant_attributes = relevant.filter(valid)
  }
  for (const key of ['checks', 'diagnostics'] as const) {
    const list = value[key]
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) repaired[key] = undefined
    else if (key === 'checks' && !list.every(c => isRecord(c) && isRecord(c.address)))
      repaired[key] = list.filter(c => isRecord(c) && isRecord(c.address))
    else if (key === 'diagnostics' && !list.every(d => isRecord(d) && typeof d.summary === 'string'))
      repaired[key] = list.filter(d => isRecord(d) && typeof d.summary === 'string')
  }
  for (const key of ['variables', 'planned_values', 'prior_state', 'configuration'] as const) {
    const part = value[key]
    if (part !== undefined && part !== null && !isRecord(part)) repaired[key] = undefined
  }
  if (Object.keys(repaired).length > 0) plan = { ...plan, ...repaired } as PlanJson
  return plan
}

function isActions(v: unknown): v is ChangeAction[] {
  return Array.isArray(v) && v.every(a => typeof a === 'string')
}

function resourceChange(entry: unknown, where: string): ResourceChange {
  if (!isRecord(entry)) throw new PlanShapeError(`${where} is not an object`)
  const change = entry.change
  if (!isRecord(change) || !isActions(change.actions)) throw new PlanShapeError(`${where} has no change.actions list`)
  // The common case, a well-formed entry, allocates nothing.
  if (
    typeof entry.address === 'string' &&
    entry.address !== '' &&
    typeof entry.type === 'string' &&
    entry.type !== '' &&
    typeof entry.name === 'string' &&
    entry.name !== '' &&
    (entry.mode === 'managed' || entry.mode === 'data') &&
    (entry.previous_address === undefined || typeof entry.previous_address === 'string') &&
    (entry.deposed === undefined || typeof entry.deposed === 'string') &&
    (change.replace_paths === undefined || Array.isArray(change.replace_paths))
  )
    return entry as unknown as ResourceChange
  const fix: Partial<ResourceChange> = {}
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
  if (str(entry.type) === undefined)
    fix.type = str(entry.address)?.match(/([A-Za-z0-9_-]+)\.[^.[]+(\[[^\]]*\])?$/)?.[1] ?? 'unknown'
  if (str(entry.name) === undefined) fix.name = 'unknown'
  if (entry.mode !== 'managed' && entry.mode !== 'data') fix.mode = 'managed'
  if (str(entry.address) === undefined) {
    const type = str(entry.type)
    const name = str(entry.name)
    if (type === undefined || name === undefined)
      throw new PlanShapeError(`${where} has no address, and no type and name to name it by`)
    const index =
      typeof entry.index === 'number'
        ? `[${entry.index}]`
        : typeof entry.index === 'string'
          ? `[${JSON.stringify(entry.index)}]`
          : ''
    const module = str(entry.module_address)
    fix.address = `${module ? `${module}.` : ''}${entry.mode === 'data' ? 'data.' : ''}${type}.${name}${index}`
  }
  if (entry.previous_address !== undefined && typeof entry.previous_address !== 'string')
    fix.previous_address = undefined
  if (entry.deposed !== undefined && typeof entry.deposed !== 'string') fix.deposed = undefined
  if (change.replace_paths !== undefined && !Array.isArray(change.replace_paths))
    fix.change = { ...(change as unknown as Change), replace_paths: undefined }
  return Object.keys(fix).length > 0
    ? ({ ...entry, ...fix } as unknown as ResourceChange)
    : (entry as unknown as ResourceChange)
}
