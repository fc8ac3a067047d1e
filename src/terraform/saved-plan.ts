// What every report of a saved plan needs, read once: `show -json` (normalised), the provider schemas, the plan's
// secrets (registered before anything of the plan is printed), the text plan and terraform's warnings. Used by
// plan and drift; apply registers the secrets of the plan it applies.
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { UserError } from '../errors.js'
import { normalizePlan, PlanShapeError, type PlanJson } from '../plan/plan-json.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { Redactor } from '../render/redact.js'
import type { Reporter } from '../report/reporter.js'
import { readProviderSchemas } from './provider-schemas.js'
import { StdoutFileError, type TerraformRunner } from './runner.js'

export interface SavedPlan {
  plan: PlanJson
  /** Attribute types (list or set) for the diff; undefined: arrays are diffed as lists (a warning said why). */
  schemas: ProviderSchemas | undefined
  redactor: Redactor
  textPlan: string
  warnings: string[]
}

export interface SavedPlanFiles {
  planPath: string
  /** where `show -json` is written */
  jsonPath: string
  /** stdout of the plan command, held back until the secrets are known */
  planStdout: string
  /** the log group of the redacted text plan */
  logGroup: string
  /** text that is never masked as a secret (the title: root and workspace) */
  publicText: string[]
  /** turns a failed write of jsonPath (full or read-only disk) into the error to throw */
  writeFault: (fault: NodeJS.ErrnoException) => unknown
}

export async function readSavedPlan(tf: TerraformRunner, report: Reporter, files: SavedPlanFiles): Promise<SavedPlan> {
  try {
    await tf.run(['show', '-json', '-no-color', files.planPath], { quiet: true, stdoutFile: files.jsonPath })
  } catch (error) {
    if (error instanceof StdoutFileError) throw files.writeFault(error.fault)
    throw error
  }
  let plan: PlanJson
  try {
    plan = normalizePlan(JSON.parse(readFileSync(files.jsonPath, 'utf8')))
  } catch (error) {
    const why = error instanceof PlanShapeError ? error.message : (error as Error).message
    throw new UserError(`terraform show -json printed no valid JSON plan: ${why}`)
  }
  const schemaResult = await readProviderSchemas(tf)
  if (schemaResult.schemas === undefined) report.warning(report.redact(schemaResult.warning))
  const redactor = registerPlanSecrets(plan, report, files.publicText)
  const textPlan = (await tf.run(['show', '-no-color', files.planPath], { quiet: true })).stdout

  report.startGroup(files.logGroup)
  report.info(redactor.redactText(textPlan))
  report.endGroup()
  const warnings = planWarnings(files.planStdout).map(w => redactor.redactText(w))
  for (const w of warnings) report.warning(w)
  return { plan, schemas: schemaResult.schemas, redactor, textPlan, warnings }
}

/** The plan's secrets, redacted from everything this job prints from now on and masked by the runner. */
export function registerPlanSecrets(plan: PlanJson, report: Reporter, publicText: string[] = []): Redactor {
  const known = new Set(report.redactor.values())
  // TF_VAR_ values of sensitive variables are secrets too (ephemeral ones are in no plan).
  const redactor = Redactor.fromPlan(plan, known, { env: process.env, publicText })
  // Registered with the runner too, so later steps of the job have them masked.
  for (const value of redactor.values()) if (!known.has(value)) core.setSecret(value)
  report.adopt(redactor)
  return redactor
}

/** Warning summaries terraform printed around the plan ("Warning: ..."). */
export function planWarnings(output: string): string[] {
  const warnings: string[] = []
  for (const line of output.split('\n')) {
    const m = /^[│╷\s]*Warning: (.+)$/.exec(line)
    if (m) warnings.push(m[1].trim())
  }
  return [...new Set(warnings)]
}
