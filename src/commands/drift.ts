// command: drift — init, `plan -refresh-only -detailed-exitcode`, show -json; the drift report in the job summary,
// outputs `drift` and `issue-url`, and the one drift issue per (root, workspace) opened, updated or closed.
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Inputs } from '../inputs.js'
import { UserError } from '../errors.js'
import { createGitHubClient, deadlineSignal } from '../github/client.js'
import { readEventPayload, readRunContext } from '../github/context.js'
import { cancelSignal } from '../cancellation.js'
import { renderPlanMarkdown } from '../render/render-plan.js'
import { fitToBudget } from '../sticky-comment/sticky-comment.js'
import { COMMENT_BUDGET_MS, rethrowCancel } from '../sticky-comment/pr-comment.js'
import type { Reporter } from '../report/reporter.js'
import { rootTitle, runUrl } from '../report/run-info.js'
import { TOOL_PRODUCT } from '../installer/tool.js'
import { initRoot, planArgs } from '../terraform/init-root.js'
import { TerraformError, type TerraformRunner } from '../terraform/runner.js'
import { planDirFor, renderWithinBytes, SUMMARY_MAX_BYTES } from './plan.js'
import { readSavedPlan } from '../terraform/saved-plan.js'
import { driftMarker, driftOf, GITHUB_ISSUE_BODY_LIMIT } from '../drift/drift-policy.js'
import { publishDriftIssue } from '../drift/publish-drift-issue.js'

export async function runDrift(inputs: Inputs, tf: TerraformRunner, report: Reporter): Promise<void> {
  await initRoot(inputs, tf)
  const dir = `${planDirFor(inputs)}-drift`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const planPath = join(dir, 'tfplan')
  const jsonPath = join(dir, 'tfplan.json')

  // Output held back until the plan's secrets are known, as for plan.
  let planRun
  try {
    planRun = await tf.run(planArgs(inputs, planPath, ['-refresh-only']), {
      group: 'terraform plan -refresh-only',
      quiet: true,
      okExitCodes: [2]
    })
  } catch (error) {
    if (error instanceof TerraformError) report.info(report.redact(error.result.stdout))
    throw error
  }
  const { plan, schemas, redactor, textPlan, warnings } = await readSavedPlan(tf, report, {
    planPath,
    jsonPath,
    planStdout: planRun.stdout,
    logGroup: 'terraform plan -refresh-only (sensitive values redacted)',
    publicText: [rootTitle(inputs)],
    writeFault: fault => new UserError(`could not write ${jsonPath}: ${fault.message}`)
  })

  const found = driftOf(plan)
  const hasDrift = found.hasDrift
  if (planRun.exitCode === 2 && !hasDrift) {
    report.info('terraform plan -refresh-only exited 2, but the plan shows no drift: only state bookkeeping changed')
  }
  const link = runUrl(process.env)
  const render = (maxChars: number, document: string, header?: string): string =>
    renderPlanMarkdown(plan, {
      maxChars,
      document,
      title: `${TOOL_PRODUCT[inputs.tool]} drift: ${rootTitle(inputs)}`,
      textPlan,
      warnings,
      redactor,
      schemas,
      refreshOnly: true,
      fullPlanHint: link
        ? `Full refresh-only plan: the job summary and log of [this run](${link}).`
        : 'Full refresh-only plan: the job summary and log of this run.',
      ...(header ? { header } : {})
    }).markdown

  await report.summary(renderWithinBytes(budget => render(budget, 'job summary'), SUMMARY_MAX_BYTES))
  report.setOutput('drift', String(hasDrift))
  report.info(
    hasDrift
      ? `drift: ${found.objects} objects changed outside of Terraform, ${found.outputs} root outputs differ from the state`
      : 'drift: none, the infrastructure matches the state'
  )

  const marker = driftMarker({ workingDirectory: inputs.rootLabel, workspace: inputs.workspace })
  const budget = GITHUB_ISSUE_BODY_LIMIT - marker.length - 1
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const header = `Found by ${link ? `[this run](${link})` : 'a drift run'} at ${at}. This issue is updated by every drift run and closed by the first one that finds no drift.`
  const body = hasDrift ? `${marker}\n${fitToBudget(report.redact(render(budget, 'issue', header)), budget)}` : ''

  const payload = readEventPayload(process.env)
  const ctx = readRunContext(process.env, payload)
  const signal = deadlineSignal(COMMENT_BUDGET_MS, cancelSignal)
  let outcome
  try {
    outcome = await publishDriftIssue(
      () => createGitHubClient(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal }),
      ctx,
      inputs.githubToken,
      {
        workingDirectory: inputs.rootLabel,
        workspace: inputs.workspace,
        product: TOOL_PRODUCT[inputs.tool],
        label: inputs.driftLabel,
        hasDrift,
        body,
        signal,
        ...(link ? { runUrl: link } : {})
      }
    )
  } catch (error) {
    rethrowCancel(error, 'writing the drift issue')
    throw error
  }
  if (outcome.status !== 'synced') {
    report.warning(outcome.warning)
    return
  }
  const { result } = outcome
  if (result.issue) report.setOutput('issue-url', result.issue.url)
  if (hasDrift && result.issue) {
    report.info(
      `${result.created ? 'opened' : result.updated ? 'updated' : 'kept'} the drift issue ${result.issue.url}`
    )
  } else if (result.closed.length > 0) {
    report.info(`no drift: closed the drift issue ${result.closed.map(n => `#${n}`).join(', ')}`)
  }
}
