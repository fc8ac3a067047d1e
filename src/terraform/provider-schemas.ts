// `terraform providers schema -json`, run once per plan: the renderer needs each attribute's type (list or set,
// block nesting) that the plan JSON does not carry. Optional: without schemas the diff falls back to treating
// arrays as lists, so any failure here is a warning, never a failed plan.
import type { ProviderSchemas } from '../plan/provider-schema.js'

/** The part of TerraformRunner this needs: run a command in the root and return its stdout. */
export interface SchemaRunner {
  run(args: string[], options: { quiet: true; stdoutFile?: string }): Promise<{ stdout: string }>
}

export type ProviderSchemasResult = { schemas: ProviderSchemas } | { schemas: undefined; warning: string }

/** Parses the JSON text; a clear reason when it is not a provider schema document. */
export function parseProviderSchemas(text: string): ProviderSchemasResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { schemas: undefined, warning: `provider schemas are not JSON (${(error as Error).message})` }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { schemas: undefined, warning: 'provider schemas are not a JSON object' }
  const doc = parsed as ProviderSchemas
  if (doc.provider_schemas !== undefined && (typeof doc.provider_schemas !== 'object' || doc.provider_schemas === null))
    return { schemas: undefined, warning: '`provider_schemas` in the provider schemas is not an object' }
  return { schemas: doc }
}

/** Runs `terraform providers schema -json` in the (initialised) root; never throws. */
export async function readProviderSchemas(tf: SchemaRunner): Promise<ProviderSchemasResult> {
  try {
    const { stdout } = await tf.run(['providers', 'schema', '-json'], { quiet: true })
    return parseProviderSchemas(stdout)
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]
    return {
      schemas: undefined,
      warning: `could not read provider schemas (every array is diffed as a list): ${message}`
    }
  }
}
