// Types for `terraform providers schema -json` (format_version 1.0): what the renderer needs to know about an
// attribute's type (list, set, map, object) that the plan JSON alone does not say.
// https://developer.hashicorp.com/terraform/cli/commands/providers/schema
import type { ResourceChange } from './plan-json.js'

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
