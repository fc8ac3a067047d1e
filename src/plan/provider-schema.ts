// Types for `terraform providers schema -json` (format_version 1.0): what the renderer needs to know about an
// attribute's type (list, set, map, object) that the plan JSON alone does not say.
// https://developer.hashicorp.com/terraform/cli/commands/providers/schema
import type { ResourceChange } from './plan-json.js'
import { DYNAMIC, type TypeInfo } from './value-diff.js'

/** A cty type in JSON: "string", ["list","string"], ["set",["object",{...}]], ["map","number"], "dynamic"... */
export type CtyType = string | [string, ...unknown[]]

export interface SchemaAttribute {
  type?: CtyType
  /** protocol 6 nested attributes (nesting_mode single | list | set | map) */
  nested_type?: { attributes: Record<string, SchemaAttribute>; nesting_mode: 'single' | 'list' | 'set' | 'map' }
  sensitive?: boolean
  computed?: boolean
  optional?: boolean
  required?: boolean
  write_only?: boolean
}

export interface SchemaBlockType {
  nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map'
  block: SchemaBlock
  min_items?: number
  max_items?: number
}

export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>
  block_types?: Record<string, SchemaBlockType>
}

export interface ProviderSchema {
  resource_schemas?: Record<string, { version?: number; block: SchemaBlock }>
  data_source_schemas?: Record<string, { version?: number; block: SchemaBlock }>
}

export interface ProviderSchemas {
  format_version?: string
  /** keyed by provider source address, e.g. "registry.terraform.io/hashicorp/azurerm" */
  provider_schemas?: Record<string, ProviderSchema>
}

/** The schema block of a resource change's type, or undefined when the schemas do not cover it. */
export function resourceSchema(schemas: ProviderSchemas | undefined, rc: ResourceChange): SchemaBlock | undefined {
  const providers = schemas?.provider_schemas
  if (!providers) return undefined
  const pick = (p: ProviderSchema | undefined): SchemaBlock | undefined =>
    (rc.mode === 'data' ? p?.data_source_schemas : p?.resource_schemas)?.[rc.type]?.block
  if (rc.provider_name && providers[rc.provider_name]) return pick(providers[rc.provider_name])
  for (const p of Object.values(providers)) {
    const block = pick(p)
    if (block) return block
  }
  return undefined
}

/** The diff type of a resource's attributes, from its schema block; `dynamic` (inferred) without one. */
export function blockType(block: SchemaBlock | undefined): TypeInfo {
  if (!block) return DYNAMIC
  const attributes: Record<string, TypeInfo> = {}
  for (const [name, attr] of Object.entries(block.attributes ?? {})) attributes[name] = attributeType(attr)
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const inner = blockType(nested.block)
    attributes[name] =
      nested.nesting_mode === 'list'
        ? { kind: 'list', element: inner, byIndex: true }
        : nested.nesting_mode === 'set'
          ? { kind: 'set', element: inner }
          : nested.nesting_mode === 'map'
            ? { kind: 'map', element: inner }
            : inner
  }
  return { kind: 'object', attributes }
}

function attributeType(attr: SchemaAttribute): TypeInfo {
  if (attr.nested_type) {
    const inner = blockType({ attributes: attr.nested_type.attributes })
    switch (attr.nested_type.nesting_mode) {
      case 'list':
        return { kind: 'list', element: inner, byIndex: true }
      case 'set':
        return { kind: 'set', element: inner }
      case 'map':
        return { kind: 'map', element: inner }
      default:
        return inner
    }
  }
  return attr.type === undefined ? DYNAMIC : ctyType(attr.type)
}

/** A cty type in its JSON form: "string", ["list","string"], ["object",{"a":"number"}], ["tuple",[...]]. */
export function ctyType(t: unknown): TypeInfo {
  if (t === 'dynamic') return DYNAMIC
  if (typeof t === 'string') return { kind: 'primitive' }
  if (!Array.isArray(t) || t.length < 2) return DYNAMIC
  const [kind, arg] = t as [unknown, unknown]
  switch (kind) {
    case 'list':
      return { kind: 'list', element: ctyType(arg) }
    case 'set':
      return { kind: 'set', element: ctyType(arg) }
    case 'map':
      return { kind: 'map', element: ctyType(arg) }
    case 'object': {
      const attributes: Record<string, TypeInfo> = {}
      if (typeof arg === 'object' && arg !== null)
        for (const [k, v] of Object.entries(arg as Record<string, unknown>)) attributes[k] = ctyType(v)
      return { kind: 'object', attributes }
    }
    case 'tuple':
      // Positional by definition; its element types differ, so they are inferred.
      return { kind: 'list', element: DYNAMIC, byIndex: true }
    default:
      return DYNAMIC
  }
}
