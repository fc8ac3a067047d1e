// Pure: terraform output -json -> step outputs and the rows shown in the comment (sensitive ones hidden).
export type TerraformOutputs = Record<string, { value: unknown; type: unknown; sensitive: boolean }>

export interface OutputRow {
  name: string
  value: string
  sensitive: boolean
}

const STEP_OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Every string leaf of a value, so sensitive outputs are redacted wherever they show up. */
function stringLeaves(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value)
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value))
  else if (Array.isArray(value)) value.forEach(v => stringLeaves(v, into))
  else if (value && typeof value === 'object') Object.values(value).forEach(v => stringLeaves(v, into))
  return into
}

export function outputValues(outputs: TerraformOutputs): {
  visible: OutputRow[]
  rows: OutputRow[]
  secrets: string[]
} {
  const rows: OutputRow[] = []
  const secrets: string[] = []
  for (const [name, o] of Object.entries(outputs)) {
    if (o.sensitive) {
      stringLeaves(o.value, secrets)
      rows.push({ name, value: '(sensitive)', sensitive: true })
    } else {
      rows.push({ name, value: asText(o.value), sensitive: false })
    }
  }
  return { visible: rows.filter(r => !r.sensitive && STEP_OUTPUT_NAME.test(r.name)), rows, secrets }
}
