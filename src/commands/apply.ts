// command: apply — apply exactly the reviewed plan file, or refuse with one line saying why.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Inputs } from '../inputs.js'
import { diskFaultError, UserError } from '../errors.js'
import type { PlanJson } from '../plan/plan-json.js'
import type { Reporter } from '../report/reporter.js'
import { sha256File } from '../installer/verify-checksum.js'
import { LOCK_FILE, METADATA_FILE, metadataRefusals, type PlanMetadata } from '../apply/plan-metadata.js'
import { destroyRefusal, guardedDestroys } from '../apply/destroy-guard.js'
import { lockProbeArgs, lockState, parseLockId } from '../apply/lock-probe.js'
import { outputValues, type TerraformOutputs } from '../apply/outputs.js'
import { initRoot, lockTimeoutArgs } from '../terraform/init-root.js'
import { CancelledError, lastErrorLine, TerraformError, type TerraformRunner } from '../terraform/runner.js'
import { checkedOutCommit, runUrl } from '../report/run-info.js'
import { postApplyStatus, type ApplyStatus } from '../sticky-comment/pr-comment.js'
import { registerPlanSecrets } from '../terraform/saved-plan.js'

function readMetadata(planPath: string): PlanMetadata | undefined {
  const file = join(dirname(planPath), METADATA_FILE)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlanMetadata
  } catch {
    throw new UserError(
      `${METADATA_FILE} next to the plan is not valid JSON; upload the plan-dir of the plan step unchanged`
    )
  }
}

export async function runApply(
  inputs: Inputs,
  tf: TerraformRunner,
  report: Reporter,
  terraformVersion: string
): Promise<void> {
  const status = (s: ApplyStatus): Promise<void> => postApplyStatus(inputs, report, s)
  const refuse = async (reason: string): Promise<never> => {
    report.setOutput('apply-status', 'refused')
    await status({ state: 'refused', reason, runUrl: runUrl(process.env) })
    throw new UserError(`apply refused: ${reason}`)
  }

  if (!existsSync(inputs.planPath)) {
    report.setOutput('apply-status', 'refused')
    throw new UserError(
      `input plan-path: ${inputs.planPath} does not exist; download the plan artifact first and pass the plan step's plan-path`
    )
  }
  const digest = await sha256File(inputs.planPath)
  const metadata = readMetadata(inputs.planPath)
  const refusals = metadataRefusals(metadata, {
    commitSha: checkedOutCommit(inputs.workspaceDir, process.env),
    root: inputs.rootLabel,
    workspace: inputs.workspace,
    tool: inputs.tool,
    terraformVersion,
    planDigest: digest,
    expectedDigest: inputs.planDigest
  })
  if (refusals.length > 0) await refuse(refusals[0])

  // Providers exactly as planned: the lock file recorded with the plan wins over the checkout's.
  const lockCopy = join(dirname(inputs.planPath), LOCK_FILE)
  if (existsSync(lockCopy)) copyFileSync(lockCopy, join(inputs.workingDirectory, LOCK_FILE))
  await initRoot(inputs, tf)

  // The guard reads the verified plan file itself, never a JSON file that came along with it.
  const shown = await tf.run(['show', '-json', '-no-color', inputs.planPath], { quiet: true })
  const plan = JSON.parse(shown.stdout) as PlanJson
  registerPlanSecrets(plan, report)
  if (!inputs.allowDestroy) {
    const reason = destroyRefusal(guardedDestroys(plan.resource_changes, inputs.guardedResourceTypes))
    if (reason) await refuse(reason)
  }

  try {
    await tf.run(['apply', '-input=false', '-no-color', ...lockTimeoutArgs(inputs), inputs.planPath], {
      group: 'terraform apply'
    })
  } catch (error) {
    if (error instanceof CancelledError) {
      const lock = lockState(await probeLock(tf))
      report.setOutput('apply-status', 'cancelled')
      await status({ state: 'cancelled', runUrl: runUrl(process.env), lock, workingDirectory: inputs.rootLabel })
      throw error
    }
    if (error instanceof TerraformError) {
      report.setOutput('apply-status', 'failed')
      const reason = staleReason(error) ?? error.message
      await status({ state: 'failed', reason: report.redact(reason), runUrl: runUrl(process.env) })
      throw new UserError(reason)
    }
    throw error
  }

  const outputsRun = await tf.run(['output', '-json', '-no-color'], { quiet: true })
  const outputs = JSON.parse(outputsRun.stdout || '{}') as TerraformOutputs
  const outputsPath = join(dirname(inputs.planPath), 'outputs.json')
  // temp name, then rename: a full disk leaves no half-written outputs.json behind
  const partial = `${outputsPath}.partial`
  try {
    writeFileSync(partial, outputsRun.stdout)
    renameSync(partial, outputsPath)
  } catch (error) {
    rmSync(partial, { force: true })
    const dir = { label: 'the plan directory', path: dirname(inputs.planPath) }
    throw diskFaultError(error, 'could not write outputs.json', [dir], dir) ?? error
  }
  const shownOutputs = outputValues(outputs)
  for (const value of shownOutputs.secrets) report.addSensitiveValue(value)
  for (const o of shownOutputs.visible) report.setOutput(`output-${o.name}`, o.value)
  report.setOutput('outputs-json-path', outputsPath)
  report.setOutput('apply-status', 'applied')
  await status({ state: 'applied', runUrl: runUrl(process.env), outputs: shownOutputs.rows })
  report.info(`apply: the reviewed plan ${digest} was applied`)
}

// Terraform's own staleness check, surfaced plainly.
function staleReason(error: TerraformError): string | undefined {
  const text = error.result.stderr + error.result.stdout
  if (!/Saved plan is stale/i.test(text)) return undefined
  return `the saved plan is stale: ${lastErrorLine(text).replace(/^Saved plan is stale ?/, '')} Plan again and have the new plan reviewed.`
}

/**
 * After a cancelled apply: is the state still locked? `terraform untaint -allow-missing` on an address that
 * cannot exist takes and releases the lock without changing state, and prints the lock ID when it is held.
 * Returns undefined when not locked, the lock ID when locked, null when it could not be determined.
 */
async function probeLock(tf: TerraformRunner): Promise<string | undefined | null> {
  try {
    const result = await tf.runEvenIfCancelled(lockProbeArgs(), { quiet: true, okExitCodes: [1] })
    if (result.exitCode === 0) return undefined
    return parseLockId(result.stdout + result.stderr) ?? null
  } catch {
    return null
  }
}
