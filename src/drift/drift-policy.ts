// What the drift command does with its GitHub issue. Pure: no I/O.
//
// One issue per (root, workspace), found by a hidden marker on its first line (github/hidden-marker.ts) among the
// OPEN issues carrying the drift label. The canonical issue is the oldest (lowest number); any other open issue
// with the same marker is a duplicate from two runs racing on the create (GitHub has no create-if-absent), and
// is closed as a duplicate of the canonical one.
//
// - Drift, no issue: create one (and the label, when missing).
// - Drift, an issue: update its body (left alone when identical).
// - No drift, an open issue: comment "no drift since <run>" and close it (completed). No issue: nothing.
// - After our own create, a second list decides: when an older issue exists, ours is the duplicate: the older one
//   gets our body and ours is closed.
// - `pull_request` from a fork: nothing is written (GitHub gives such runs a read-only token), one warning. A
//   write that fails (403 read-only token, 404, rate limit, 5xx, no answer) becomes a warning: the job summary and
//   the `drift` output still say what was found.
import type { RunContext } from '../github/context.js'
import type { PlanJson } from '../plan/plan-json.js'
import { changeKind, relevantDrift } from '../plan/summary.js'
import { targetMarker, splitFirstLine } from '../github/hidden-marker.js'
import type { WriteWording } from '../sticky-comment/comment-policy.js'

export const DRIFT_MARKER_PREFIX = '<!-- terraform-pr-gate-drift: '
/** GitHub's limit for an issue body, in characters. */
export const GITHUB_ISSUE_BODY_LIMIT = 65536
export const DEFAULT_DRIFT_LABEL = 'terraform-drift'

/**
 * What a refresh-only plan found: objects changed outside Terraform and root outputs whose value differs from the
 * state. terraform's exit code 2 is not used alone: it is also 2 when only bookkeeping in the state changed
 * (sensitive-attribute markings of an azurerm_storage_account, with nothing to show).
 */
export function driftOf(plan: PlanJson): { objects: number; outputs: number; hasDrift: boolean } {
  const objects = relevantDrift(plan).length
  const outputs = Object.values(plan.output_changes ?? {}).filter(oc => changeKind(oc.actions) !== 'no-op').length
  return { objects, outputs, hasDrift: objects + outputs > 0 }
}

export interface DriftTarget {
  workingDirectory: string
  workspace: string
  /** What the title calls the tool (Terraform, OpenTofu); default Terraform. Not part of the marker. */
  product?: string
}

export const driftMarker = (target: DriftTarget): string => targetMarker(DRIFT_MARKER_PREFIX, target)

/** Whether `body` is the drift issue of the target with `marker` (its first line, exactly). */
export const isDriftIssueOf = (body: string | null | undefined, marker: string): boolean =>
  splitFirstLine(body ?? '')[0] === marker

/** The issue title: plain text (titles render no Markdown), the root and a non-default workspace. */
export function driftIssueTitle(target: DriftTarget): string {
  const ws = target.workspace && target.workspace !== 'default' ? ` (workspace ${target.workspace})` : ''
  return `${target.product ?? 'Terraform'} drift: ${target.workingDirectory}${ws}`.slice(0, 256)
}

export const FORK_WARNING =
  'pull request from a fork: the token cannot write issues; no drift issue, the drift report is in the job summary'

export const DRIFT_ISSUE_WORDING: WriteWording = {
  what: 'the drift issue',
  cannot: 'the token cannot write issues',
  permission: 'issues: write',
  tail: 'the drift report is in the job summary'
}

export type IssueDecision = { action: 'write' } | { action: 'skip'; warning: string }

export function decideDriftIssue(ctx: RunContext, token: string): IssueDecision {
  const pr = ctx.pullRequest
  if (pr && pr.isFork && ctx.eventName !== 'pull_request_target') return { action: 'skip', warning: FORK_WARNING }
  if (!token) {
    return {
      action: 'skip',
      warning: 'input github-token is empty: no drift issue; the drift report is in the job summary'
    }
  }
  return { action: 'write' }
}

export interface OpenDriftIssue {
  number: number
  url: string
  body: string
}

export type IssueStep =
  | { kind: 'create' }
  | { kind: 'update'; number: number }
  /** The canonical issue already has this body. */
  | { kind: 'keep'; number: number }
  | { kind: 'close-resolved'; number: number }
  | { kind: 'close-duplicate'; number: number; of: number }

/**
 * The writes for what a list found (`ours`: open issues with our marker, any order). `createdByMe`: the issue this
 * run just created, when deciding after the second list.
 */
export function planIssueWrites(
  ours: readonly OpenDriftIssue[],
  hasDrift: boolean,
  body: string,
  createdByMe?: number
): IssueStep[] {
  const sorted = [...ours].sort((a, b) => a.number - b.number)
  if (!hasDrift) return sorted.map(i => ({ kind: 'close-resolved', number: i.number }))
  const canonical = sorted[0]
  if (!canonical) return createdByMe === undefined ? [{ kind: 'create' }] : []
  const steps: IssueStep[] = [
    canonical.body === body ? { kind: 'keep', number: canonical.number } : { kind: 'update', number: canonical.number }
  ]
  // After our create only our own duplicate is closed (the other racer closes its own); otherwise every duplicate.
  const duplicates = sorted.slice(1).filter(i => createdByMe === undefined || i.number === createdByMe)
  for (const d of duplicates) steps.push({ kind: 'close-duplicate', number: d.number, of: canonical.number })
  if (createdByMe !== undefined && canonical.number === createdByMe) return []
  return steps
}

/** The comment put on a drift issue that a run found resolved. */
export function resolvedComment(runUrl: string | undefined, when: Date): string {
  const at = when.toISOString().replace(/\.\d+Z$/, 'Z')
  const run = runUrl ? `[this run](${runUrl})` : 'this run'
  return `✅ No drift since ${run} at ${at}: the real infrastructure matches the Terraform state again. Closing.`
}

export const duplicateComment = (of: number): string =>
  `Closed as a duplicate of #${of} (the drift issue of the same root and workspace; two runs created one at once).`
