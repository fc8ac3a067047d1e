// command: plan — init, plan -out, show -json; outputs, plan dir for the artifact, job summary, sticky comment.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Inputs } from '../inputs.js'
import { diskFaultError, unwritableDirError, UserError, type KnownDir } from '../errors.js'
import type { PlanJson } from '../plan/plan-json.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { readSavedPlan } from '../terraform/saved-plan.js'
import { summarizePlan } from '../plan/summary.js'
import { Redactor } from '../render/redact.js'
import { renderPlanMarkdown } from '../render/render-plan.js'
import type { Reporter } from '../report/reporter.js'
import { postApplyStatus, postPlanComment } from '../sticky-comment/pr-comment.js'
import { LOCK_FILE, METADATA_FILE, PLAN_FILE, PLAN_JSON_FILE, type PlanMetadata } from '../apply/plan-metadata.js'
import { sha256File } from '../installer/verify-checksum.js'
import { initRoot, planArgs } from '../terraform/init-root.js'
import { TerraformError, type TerraformRunner } from '../terraform/runner.js'
import { checkedOutCommit, runUrl, rootTitle } from '../report/run-info.js'
import { TOOL_PRODUCT } from '../installer/tool.js'
import { planChangesOf } from '../roots-summary/plan-changes.js'
import { guardWarning, reviewGuard, type GuardReview } from '../apply/destroy-guard.js'
import { guardCallout } from '../render/guard-callout.js'
import { reviewTarget } from '../freshness/review-target.js'
import { readEventPayload } from '../github/context.js'

// GitHub's step summary limit is 1 MiB of UTF-8 per step; the renderer counts characters, so check bytes too.
export const SUMMARY_MAX_BYTES = 1_000_000

/** Renders at the largest character budget whose UTF-8 size still fits `maxBytes` (arrows and emoji are multi-byte). */
export function renderWithinBytes(render: (maxChars: number) => string, maxBytes: number): string {
  let budget = maxBytes
  for (;;) {
    const markdown = render(budget)
    const bytes = Buffer.byteLength(markdown, 'utf8')
    if (bytes <= maxBytes || budget <= 1000) return markdown
    budget = Math.max(1000, Math.floor((budget * maxBytes) / bytes) - 1000)
  }
}

/** One directory per (root, workspace) under RUNNER_TEMP, uploaded as the plan artifact. */
export function planDirFor(inputs: Inputs): string {
  const key = createHash('sha256').update(`${inputs.rootLabel}\0${inputs.workspace}`).digest('hex').slice(0, 12)
  const slug = `${inputs.rootLabel}-${inputs.workspace}`.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60)
  return join(inputs.tempDir, 'terraform-pr-gate', 'plans', `${slug}-${key}`)
}

/** Every value terraform or the user marked secret, plus unmarked credential-looking attribute values. */
export async function runPlan(
  inputs: Inputs,
  tf: TerraformRunner,
  report: Reporter,
  terraformVersion: string
): Promise<void> {
  // A freshness check knows its pull request before it plans: a run that names none stops before terraform.
  const target = inputs.freshnessCheck
    ? reviewTarget(process.env.GITHUB_EVENT_NAME ?? '', readEventPayload(process.env), inputs.pullRequest)
    : undefined
  if (!target) {
    const { planDir, made } = await makePlan(inputs, tf, report, terraformVersion)
    return publishPlan(inputs, report, planDir, made)
  }
  const { runFreshnessCheck, reportUnplannable } = await import('./freshness.js')
  let planned
  try {
    planned = await makePlan(inputs, tf, report, terraformVersion)
  } catch (error) {
    await reportUnplannable(inputs, report, target, error)
    throw error
  }
  const { planDir, made } = planned
  setPlanOutputs(report, planDir, made)
  await runFreshnessCheck(inputs, report, target, {
    changeKeys: made.summary.changeKeys,
    summaryMarkdown: made.summaryMarkdown,
    title: rootTitle(inputs)
  })
}

/** init, plan, show: the complete plan dir (also for the freshness check, which publishes it its own way). */
async function makePlan(
  inputs: Inputs,
  tf: TerraformRunner,
  report: Reporter,
  terraformVersion: string
): Promise<{ planDir: string; made: MadePlan }> {
  await initRoot(inputs, tf)

  // The plan dir is built under a temporary name and renamed when complete; a failed step removes it, so an
  // artifact step never uploads a partial plan, JSON or metadata.
  const planDir = planDirFor(inputs)
  const staging = `${planDir}.partial`
  const temp: KnownDir = { label: 'RUNNER_TEMP', path: inputs.tempDir }
  const disk = (error: unknown, doing: string): unknown =>
    diskFaultError(error, doing, [temp], temp) ??
    (error instanceof UserError ? undefined : unwritableDirError(doing, [temp])) ??
    error
  try {
    rmSync(planDir, { recursive: true, force: true })
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
  } catch (error) {
    throw disk(error, `could not create the plan directory ${staging}`)
  }
  let made: MadePlan
  try {
    made = await makePlanDir(inputs, tf, report, terraformVersion, staging, disk)
    renameSync(staging, planDir)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw disk(error, 'could not write the plan directory')
  }
  return { planDir, made }
}

interface MadePlan {
  plan: PlanJson
  schemas: ProviderSchemas | undefined
  textPlan: string
  warnings: string[]
  redactor: Redactor
  summary: ReturnType<typeof summarizePlan>
  hasChanges: boolean
  digest: string
  metadata: PlanMetadata
  summaryMarkdown: string
  /** The destroy guard as apply will evaluate it with the same inputs. */
  guard: GuardReview
}

// terraform's own words for a full or read-only disk when it writes the plan file
const TERRAFORM_DISK_FAULTS: Array<[RegExp, string]> = [
  [/no space left on device/i, 'ENOSPC'],
  [/read-only file system/i, 'EROFS'],
  [/disk quota exceeded/i, 'EDQUOT']
]

function terraformDiskFault(error: TerraformError, path: string): NodeJS.ErrnoException | undefined {
  const text = error.result.stderr + error.result.stdout
  const hit = TERRAFORM_DISK_FAULTS.find(([pattern]) => pattern.test(text))
  if (!hit) return undefined
  return Object.assign(new Error(error.message), { code: hit[1], path })
}

/** Everything of the plan dir, written into `dir` (the staging name). */
async function makePlanDir(
  inputs: Inputs,
  tf: TerraformRunner,
  report: Reporter,
  terraformVersion: string,
  dir: string,
  disk: (error: unknown, doing: string) => unknown
): Promise<MadePlan> {
  const planPath = join(dir, PLAN_FILE)
  const jsonPath = join(dir, PLAN_JSON_FILE)

  // The plan's own output is held back until the secrets it may contain are known (from show -json).
  let planRun
  try {
    planRun = await tf.run(planArgs(inputs, planPath), {
      group: 'terraform plan',
      quiet: true,
      okExitCodes: [2]
    })
  } catch (error) {
    if (error instanceof TerraformError) {
      const fault = terraformDiskFault(error, planPath)
      if (fault) throw disk(fault, `terraform plan could not write ${PLAN_FILE}`)
      // stdout was held back: show terraform's own explanation, redacted.
      report.info(report.redact(error.result.stdout))
      // A freshness check leaves the comment alone: it is the record of the reviewed plan.
      if (!inputs.freshnessCheck)
        await postApplyStatus(inputs, report, {
          state: 'plan-failed',
          reason: error.message,
          runUrl: runUrl(process.env)
        })
    }
    throw error
  }
  const { plan, schemas, redactor, textPlan, warnings } = await readSavedPlan(tf, report, {
    planPath,
    jsonPath,
    planStdout: planRun.stdout,
    logGroup: 'terraform plan (sensitive values redacted)',
    publicText: [rootTitle(inputs)],
    writeFault: fault => disk(fault, `could not write ${PLAN_JSON_FILE}`)
  })

  const summary = summarizePlan(plan)
  const hasChanges = planRun.exitCode === 2 || summary.hasChanges
  const digest = await sha256File(planPath)
  const lockSource = join(inputs.workingDirectory, LOCK_FILE)
  if (existsSync(lockSource)) copyFileSync(lockSource, join(dir, LOCK_FILE))
  const metadata: PlanMetadata = {
    schema: 1,
    commitSha: checkedOutCommit(inputs.workspaceDir, process.env),
    root: inputs.rootLabel,
    workspace: inputs.workspace,
    tool: inputs.tool,
    terraformVersion,
    planDigest: digest,
    createdAt: new Date().toISOString(),
    runUrl: runUrl(process.env),
    hasChanges,
    changes: planChangesOf(plan, summary, t => redactor.redactText(t))
  }
  writeFileSync(join(dir, METADATA_FILE), JSON.stringify(metadata, null, 2) + '\n')

  // The same guard and rules as apply, so a reviewer learns before approving that apply will refuse this plan.
  const guard = reviewGuard(plan.resource_changes, inputs.guardedResourceTypes, inputs.allowDestroy)
  const guardNote = guardWarning(guard)
  if (guardNote) report.warning(guardNote)

  const summaryMarkdown = renderWithinBytes(
    maxChars =>
      renderPlanMarkdown(plan, {
        maxChars,
        title: planTitle(inputs),
        textPlan,
        warnings,
        redactor,
        schemas,
        fullPlanHint: 'Full plan: the plan artifact of this run (plan-dir output).',
        header: guardCallout(guard),
        document: 'job summary'
      }).markdown,
    SUMMARY_MAX_BYTES
  )
  writeFileSync(join(dir, SUMMARY_FILE), summaryMarkdown)
  return { plan, schemas, textPlan, warnings, redactor, summary, hasChanges, digest, metadata, summaryMarkdown, guard }
}

const SUMMARY_FILE = 'summary.md'
const planTitle = (inputs: Inputs): string => `${TOOL_PRODUCT[inputs.tool]} plan: ${rootTitle(inputs)}`

/** The complete plan dir is in place: job summary, outputs, the sticky comment. */
async function publishPlan(inputs: Inputs, report: Reporter, planDir: string, made: MadePlan): Promise<void> {
  const { plan, schemas, textPlan, warnings, redactor, summary, hasChanges, digest, metadata, summaryMarkdown, guard } =
    made
  const title = planTitle(inputs)
  const fullPlanHint = metadata.runUrl
    ? `Full plan: the job summary of [this run](${metadata.runUrl}), and the plan artifact.`
    : 'Full plan: the job summary and the plan artifact of this run.'
  await report.summary(summaryMarkdown)
  setPlanOutputs(report, planDir, made)

  const comment = await postPlanComment(inputs, report, {
    hasChanges,
    changeKeys: summary.changeKeys,
    render: (budget, sinceLastPlan) =>
      renderPlanMarkdown(plan, {
        maxChars: budget,
        title,
        textPlan,
        warnings,
        redactor,
        schemas,
        fullPlanHint,
        header: [
          guardCallout(guard),
          [sinceLastPlan, `Plan digest: \`${digest.slice(0, 16)}…\``].filter(Boolean).join(' · ')
        ]
          .filter(Boolean)
          .join('\n\n')
      }).markdown
  })
  if (comment) {
    report.setOutput('comment-id', String(comment.id))
    report.setOutput('comment-url', comment.url)
    recordCommentUrl(planDir, metadata, comment.url)
  }
  report.info(
    `plan: ${summary.add} to add, ${summary.change} to change, ${summary.replace} to replace, ${summary.destroy} to destroy; digest ${digest}`
  )
}

/** The summary of many roots links each root's own comment; best effort, the plan dir is complete without it. */
function recordCommentUrl(planDir: string, metadata: PlanMetadata, url: string): void {
  const file = join(planDir, METADATA_FILE)
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify({ ...metadata, commentUrl: url }, null, 2) + '\n')
    renameSync(`${file}.tmp`, file)
  } catch {
    rmSync(`${file}.tmp`, { force: true })
  }
}

/** The plan step's outputs (also of a freshness check, which makes the same plan). */
function setPlanOutputs(report: Reporter, planDir: string, made: MadePlan): void {
  const { summary, hasChanges, digest, guard } = made
  report.setOutput('has-changes', String(hasChanges))
  report.setOutput('to-add', String(summary.add))
  report.setOutput('to-change', String(summary.change))
  report.setOutput('to-destroy', String(summary.destroy))
  report.setOutput('to-replace', String(summary.replace))
  report.setOutput('to-import', String(summary.import))
  report.setOutput('to-move', String(summary.move))
  report.setOutput('plan-dir', planDir)
  report.setOutput('plan-path', join(planDir, PLAN_FILE))
  report.setOutput('plan-json-path', join(planDir, PLAN_JSON_FILE))
  report.setOutput('plan-digest', digest)
  report.setOutput('summary-path', join(planDir, SUMMARY_FILE))
  report.setOutput('guard-blocked', String(guard.blocked))
}
