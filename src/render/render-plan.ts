// The plan comment: headline counts, destroy/replace call-out, drift (as context), changes by action, outputs,
// warnings and the text plan, shrunk step by step to fit `maxChars`, with every secret redacted. An errored plan
// says only that it failed, and why.
import { changeKind, headline, relevantDrift, summarizePlan } from '../plan/summary.js'
import { normalizePlan, type OutputChange, type PlanJson, type ResourceChange } from '../plan/plan-json.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { fitToSize, joinParts, type FitSection, type FitStep } from './fit-to-size.js'
import { Redactor } from './redact.js'
import {
  calloutHeading,
  calloutLine,
  changesSection,
  groupChanges,
  groupInstances,
  outputsSection,
  textPlanSection,
  thousands,
  warningsSection,
  type DetailLevel,
  type Group
} from './sections.js'
import { truncate } from './safe-text.js'
import type { ValueContext } from './values.js'

export interface RenderOptions {
  maxChars: number
  /** Markdown, e.g. "Terraform plan: `infra/prod` (workspace `default`)" */
  title?: string
  /** `terraform show -no-color <planfile>` output, shown collapsed when it fits */
  textPlan?: string
  /** where the full plan is, e.g. "Full plan: job summary of run <url>, artifact `plan`" (Markdown) */
  fullPlanHint?: string
  warnings?: string[]
  redactor?: Redactor
  /** Markdown put right under the title, e.g. "since the last plan: +2, -1 resources" */
  header?: string
  /** `terraform providers schema -json`, when the caller has it: tells lists from sets */
  schemas?: ProviderSchemas
  /**
   * A refresh-only plan (`command: drift`): the drift is the news, so it comes first and the headline counts it;
   * there is nothing to apply.
   */
  refreshOnly?: boolean
  /** What the note on a shortened text calls it: comment (default), issue, job summary. */
  document?: string
}

/** GitHub's limit for an issue comment body. */
export const GITHUB_COMMENT_LIMIT = 65536
/** The default budget: GitHub's limit minus room for a hidden marker and the caller's own lines. */
export const DEFAULT_MAX_CHARS = 60000

const CHANGE_DETAIL: DetailLevel[] = ['diff', 'mixed', 'names', 'address', 'some-addresses', 'types', 'count']
const DRIFT_DETAIL: DetailLevel[] = ['diff', 'names', 'address', 'some-addresses', 'types', 'count']
const DRIFT_TITLES: Partial<Record<Group, string>> = {
  destroy: '🗑️ Deleted outside Terraform',
  update: '✏️ Changed outside Terraform',
  create: '✨ Created outside Terraform'
}
const DRIFT_VERBS: Partial<Record<Group, string>> = {
  destroy: 'has been deleted outside Terraform',
  update: 'has changed outside Terraform',
  create: 'has been created outside Terraform'
}

const STEPS: FitStep[] = [
  { section: 'text', level: 1, note: 'the text plan was left out' },
  { section: 'drift', level: 1, note: 'drift shows changed attribute names only' },
  { section: 'changes', level: 1, note: 'only updates and replaces show attribute values' },
  { section: 'changes', level: 2, note: 'resource changes show changed attribute names only, not values' },
  { section: 'outputs', level: 1, note: 'output values were left out' },
  { section: 'drift', level: 2, note: 'drift lists addresses only' },
  { section: 'changes', level: 3, note: 'resource changes list addresses only' },
  { section: 'drift', level: 5, note: 'drift is counted only' },
  { section: 'changes', level: 4, note: 'resource changes list only the addresses that fit' },
  { section: 'changes', level: 5, note: 'resource changes are counted per resource type' },
  { section: 'outputs', level: 2, note: 'output changes are counted only' },
  { section: 'warnings', level: 1, note: 'only the first warnings are shown' },
  { section: 'changes', level: 6, note: 'resource changes are counted only' },
  { section: 'callout', level: 1, note: 'the reasons for destroys and replaces were left out' },
  { section: 'head', level: 1, note: 'the title and header were shortened' },
  { section: 'callout', level: 2, note: '**NOT EVERY DESTROY AND REPLACE IS LISTED**' }
]

export function renderPlanMarkdown(input: PlanJson, opts: RenderOptions): { markdown: string; shortened: string[] } {
  const plan = normalizePlan(input)
  const maxChars = Math.max(1, Math.floor(opts.maxChars))
  // The plan's own secrets are always redacted, whatever redactor the caller passes.
  const covered = opts.redactor?.covers(plan) || opts.redactor?.covers(input)
  const redactors = covered ? [opts.redactor] : [opts.redactor, Redactor.fromPlan(plan)]
  const active = redactors.filter((r): r is Redactor => r !== undefined && r.size > 0)
  const credentials = redactors[redactors.length - 1]!
  const ctx: ValueContext = {
    redact: s => active.reduce((text, r) => r.redactText(text), s),
    isCredentialPath: p => credentials.isCredentialPath(p)
  }
  const summary = summarizePlan(plan)
  const changes = plan.resource_changes ?? []
  const groups = groupChanges(changes)
  const drift = groupChanges(relevantDrift(plan))
  const dangerous = changes.filter(rc => ['replace', 'destroy'].includes(changeKind(rc.change.actions)))
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, oc]) => changeKind(oc.actions) !== 'no-op')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, OutputChange][]
  const warnings = [...(opts.warnings ?? []), ...planWarnings(plan)]

  const head = (level: number): string => {
    const limit = level === 0 ? Infinity : 300
    const lines = [`### ${cut(ctx.redact(opts.title ?? 'Terraform plan'), limit)}`]
    if (opts.header) lines.push(cut(ctx.redact(opts.header), level === 0 ? Infinity : 1000))
    if (plan.errored) {
      // Whatever else the plan holds is not a plan anyone can apply: no counts, no "No changes".
      lines.push('**Plan failed.** Terraform reported errors; there is no plan to review or apply.')
      return lines.join('\n\n')
    }
    if (opts.refreshOnly) {
      const found = [
        summary.drift > 0 ? `${thousands(summary.drift)} objects changed outside of Terraform` : '',
        outputs.length > 0 ? `${thousands(outputs.length)} root outputs differ from the state` : ''
      ].filter(Boolean)
      lines.push(
        found.length > 0
          ? `**Drift:** ${found.join('; ')}.`
          : '**No drift.** The real infrastructure matches the Terraform state.'
      )
      return lines.join('\n\n')
    }
    if (!summary.hasChanges) {
      lines.push('**No changes.** Your infrastructure matches the configuration.')
      if (summary.drift > 0)
        lines.push(`Terraform found ${thousands(summary.drift)} objects changed outside of Terraform (see below).`)
    } else lines.push(`**Plan:** ${headline(summary)}.`)
    if (plan.complete === false) lines.push('This plan is **incomplete**: some changes are deferred to a later plan.')
    if (plan.applyable === false && summary.hasChanges) lines.push('This plan **cannot be applied**.')
    return lines.join('\n\n')
  }

  const driftIntro = opts.refreshOnly
    ? 'Terraform found these changes while refreshing the state (a refresh-only plan; nothing was changed). ' +
      '`terraform apply -refresh-only` records them in the state; a normal plan and apply undo them.'
    : 'Terraform noticed these changes while refreshing. They are not made by this plan, but may explain some of it.'
  const driftSection: FitSection = {
    id: 'drift',
    render: (level, room) =>
      changesSection(
        ctx,
        `#### Changed outside of Terraform (drift)\n\n${driftIntro}`,
        drift,
        DRIFT_DETAIL[level],
        room,
        { titles: DRIFT_TITLES, verbs: DRIFT_VERBS, schemas: opts.schemas }
      )
  }
  const sections: FitSection[] = plan.errored
    ? [
        { id: 'head', render: head },
        {
          id: 'warnings',
          render: level =>
            warningsSection(
              ctx,
              warnings.length > 0 ? warnings : ['Terraform wrote no reason into the plan; see the workflow run log.'],
              level === 0 ? 50 : 3,
              'Why'
            )
        }
      ]
    : [
        { id: 'head', render: head },
        ...(opts.refreshOnly ? [driftSection] : []),
        { id: 'warnings', render: level => warningsSection(ctx, warnings, level === 0 ? 50 : 3) },
        {
          id: 'callout',
          fillLevels: [2],
          render: (level, room) => callout(ctx, dangerous, level, room, opts.fullPlanHint)
        },
        ...(opts.refreshOnly ? [] : [driftSection]),
        {
          id: 'changes',
          fillLevels: [4],
          render: (level, room) =>
            changesSection(ctx, '#### Resource changes', groups, CHANGE_DETAIL[level], room, {
              listedAbove: new Set<Group>(['destroy', 'replace']),
              schemas: opts.schemas
            })
        },
        {
          id: 'outputs',
          render: (level, room) => outputsSection(ctx, outputs, (['values', 'names', 'count'] as const)[level], room)
        },
        {
          id: 'text',
          render: (level, room) => (level === 0 && opts.textPlan ? textPlanSection(ctx, opts.textPlan, room) : '')
        }
      ]

  const footer = (shortened: readonly string[]): string => {
    if (shortened.length === 0) return ''
    const hint = opts.fullPlanHint
      ? cut(ctx.redact(opts.fullPlanHint), 1000)
      : 'The full plan is in the workflow run log.'
    return `> [!NOTE]\n> **This ${opts.document ?? 'comment'} was shortened to fit ${thousands(maxChars)} characters:** ${shortened.join('; ')}.\n> ${hint.replace(/\n/g, ' ')}`
  }

  const fit = fitToSize(sections, STEPS, maxChars, footer)
  let markdown = joinParts(fit.parts)
  if (markdown.length > maxChars) {
    // Only reachable with an absurdly small budget: cut at a line break and say so.
    const notice = '\n\n**…comment cut to fit.**\n'
    const at = markdown.lastIndexOf('\n', maxChars - notice.length)
    markdown = at > 0 ? markdown.slice(0, at) + notice : `**Plan:** ${headline(summary)}.`.slice(0, maxChars)
    fit.shortened.push('the comment was cut')
  }
  return { markdown, shortened: fit.shortened }
}

function cut(s: string, max: number): string {
  return Number.isFinite(max) ? truncate(s, max) : s
}

/**
 * The destroy/replace call-out: every destroy and replace, instances of one resource with the same change
 * grouped, with the reasons (0), without them (1), or as many as fit in `room` (2).
 */
function callout(
  ctx: ValueContext,
  dangerous: readonly ResourceChange[],
  level: number,
  room: number,
  hint: string | undefined
): string | undefined {
  if (dangerous.length === 0) return ''
  const destroys = dangerous.filter(rc => changeKind(rc.change.actions) === 'destroy')
  const replaces = dangerous.filter(rc => changeKind(rc.change.actions) === 'replace')
  const heading = calloutHeading(destroys.length, replaces.length)
  const instanceGroups = [...groupInstances('destroy', destroys), ...groupInstances('replace', replaces)]
  const lines = instanceGroups.map(g => calloutLine(ctx, g, level === 0))
  if (level < 2) return `${heading}\n>\n${lines.join('\n')}`
  // Fill: as many lines as fit, then say loudly how many are missing.
  const missingLine = (shown: number): string => {
    const rest = instanceGroups.slice(shown)
    const count = (g: Group): number => rest.filter(x => x.group === g).reduce((n, x) => n + x.members.length, 0)
    const d = count('destroy')
    const r = count('replace')
    const parts = [d > 0 ? `${thousands(d)} more destroys` : '', r > 0 ? `${thousands(r)} more replaces` : '']
    const where = hint
      ? ` ${truncate(ctx.redact(hint), 300).replace(/\n/g, ' ')}`
      : ' See the full plan in the workflow run.'
    return `> **⚠️ …and ${parts.filter(Boolean).join(' and ')} are NOT listed here: they did not fit.**${where}`
  }
  let size = heading.length + 3
  let shown = 0
  const reserve = missingLine(0).length + 1
  while (shown < lines.length && size + lines[shown].length + 1 + reserve <= room) size += lines[shown++].length + 1
  const parts = [heading, '>', ...lines.slice(0, shown)]
  if (shown < lines.length) parts.push(missingLine(shown))
  return parts.join('\n')
}

function planWarnings(plan: PlanJson): string[] {
  const out: string[] = []
  for (const d of plan.diagnostics ?? [])
    out.push(`${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}${d.address ? ` (${d.address})` : ''}`)
  for (const c of plan.checks ?? []) {
    if (c.status !== 'fail' && c.status !== 'error') continue
    const problems = (c.instances ?? []).flatMap(i => (i.problems ?? []).map(p => p.message)).filter(Boolean)
    const what = `Check ${c.address.to_display ?? c.address.name ?? ''} ${c.status === 'fail' ? 'failed' : 'errored'}`
    out.push(problems.length > 0 ? `${what}: ${[...new Set(problems)].join(' ')}` : what)
  }
  // An errored plan's deferrals are not news: nothing of it will be applied.
  const deferred = plan.errored ? 0 : (plan.deferred_changes?.length ?? 0)
  if (deferred > 0) out.push(`${thousands(deferred)} resource changes are deferred to a later plan`)
  return out
}
