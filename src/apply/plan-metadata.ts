// What the plan step records next to the plan file, and the pure check apply makes against it.
import type { PlanChanges } from '../roots-summary/plan-changes.js'
import type { Tool } from '../installer/tool.js'

export const METADATA_FILE = 'plan-metadata.json'
export const PLAN_FILE = 'tfplan'
export const PLAN_JSON_FILE = 'tfplan.json'
export const LOCK_FILE = '.terraform.lock.hcl'

export interface PlanMetadata {
  schema: 1
  commitSha: string
  root: string
  workspace: string
  /** Which CLI made the plan; absent in plan dirs from before OpenTofu support, which terraform made. */
  tool?: Tool
  /** The version of that CLI (terraform's or OpenTofu's; the two share version numbers). */
  terraformVersion: string
  planDigest: string
  createdAt: string
  runUrl?: string
  hasChanges: boolean
  /** For command summarize: counts and destroy/replace addresses, no values. Absent in older plan dirs. */
  changes?: PlanChanges
  /** The root's own sticky comment, when the plan step wrote one (added after the comment is written). */
  commentUrl?: string
}

export interface ApplyContext {
  commitSha: string
  root: string
  workspace: string
  tool: Tool
  terraformVersion: string
  planDigest: string
  expectedDigest: string
}

/** Every reason to refuse, in the order a user should fix them; empty means the plan may be applied. */
export function metadataRefusals(meta: PlanMetadata | undefined, ctx: ApplyContext): string[] {
  const refusals: string[] = []
  if (ctx.planDigest !== ctx.expectedDigest) {
    refusals.push(
      `plan file SHA-256 is ${ctx.planDigest}, but plan-digest is ${ctx.expectedDigest}: the artifact was modified or swapped; apply only the plan that was reviewed`
    )
    return refusals
  }
  if (!meta) {
    refusals.push(
      `${METADATA_FILE} is missing next to the plan file: upload the whole plan-dir of the plan step, not just the plan`
    )
    return refusals
  }
  if (meta.planDigest !== ctx.planDigest) {
    refusals.push(
      `${METADATA_FILE} belongs to another plan (digest ${meta.planDigest}); upload the plan-dir of one plan step`
    )
  }
  if (meta.commitSha !== ctx.commitSha) {
    refusals.push(
      `the plan was made from commit ${meta.commitSha}, but this job runs on ${ctx.commitSha}: plan again on this commit`
    )
  }
  if (meta.root !== ctx.root) {
    refusals.push(
      `the plan was made for root ${meta.root}, not ${ctx.root}: apply it with the same working-directory/stack`
    )
  }
  if (meta.workspace !== ctx.workspace) {
    refusals.push(
      `the plan was made in workspace ${meta.workspace}, not ${ctx.workspace}: apply it with the same workspace`
    )
  }
  // A tofu plan file is not a terraform plan file, even at the same version number.
  const planTool = meta.tool ?? 'terraform'
  if (planTool !== ctx.tool) {
    refusals.push(
      `the plan was made with ${planTool} ${meta.terraformVersion}, but this job runs ${ctx.tool}: set tool: ${planTool}`
    )
  } else if (meta.terraformVersion !== ctx.terraformVersion) {
    refusals.push(
      `the plan was made with ${planTool} ${meta.terraformVersion}, but ${ctx.terraformVersion} is installed: set terraform-version: ${meta.terraformVersion}`
    )
  }
  return refusals
}
