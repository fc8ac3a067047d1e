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
