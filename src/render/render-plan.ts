// The plan comment: headline counts, destroy/replace call-out, changes by action, drift, outputs, warnings and
// the text plan, shrunk step by step to fit `maxChars`, with every secret redacted.
import { changeKind, headline, summarizePlan } from '../plan/summary.js'
import type { OutputChange, PlanJson, ResourceChange } from '../plan/plan-json.js'
import { fitToSize, joinParts, type FitSection, type FitStep } from './fit-to-size.js'
import { Redactor } from './redact.js'
import {
  CALLOUT_TABLE_HEADER,
  calloutHeading,
  calloutRow,
  changesSection,
  groupChanges,
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
}

/** GitHub's limit for an issue comment body. */
export const GITHUB_COMMENT_LIMIT = 65536
/** The default budget: GitHub's limit minus room for a hidden marker and the caller's own lines. */
export const DEFAULT_MAX_CHARS = 60000

const DETAIL: DetailLevel[] = ['diff', 'names', 'address', 'some-addresses', 'types', 'count']
const DRIFT_TITLES: Partial<Record<Group, string>> = {
  destroy: '🗑️ Deleted outside Terraform',
  update: '✏️ Changed outside Terraform',
  create: '✨ Created outside Terraform'
}

const STEPS: FitStep[] = [
  { section: 'text', level: 1, note: 'the text plan was left out' },
  { section: 'drift', level: 1, note: 'drift shows changed attribute names only' },
  { section: 'changes', level: 1, note: 'resource changes show changed attribute names only, not values' },
  { section: 'outputs', level: 1, note: 'output values were left out' },
  { section: 'drift', level: 2, note: 'drift lists addresses only' },
  { section: 'changes', level: 2, note: 'resource changes list addresses only' },
  { section: 'drift', level: 5, note: 'drift is counted only' },
  { section: 'changes', level: 3, note: 'resource changes list only the addresses that fit' },
  { section: 'changes', level: 4, note: 'resource changes are counted per resource type' },
  { section: 'outputs', level: 2, note: 'output changes are counted only' },
  { section: 'warnings', level: 1, note: 'only the first warnings are shown' },
  { section: 'changes', level: 5, note: 'resource changes are counted only' },
  { section: 'callout', level: 1, note: 'the reasons for destroys and replaces were left out' },
  { section: 'head', level: 1, note: 'the title and header were shortened' },
  { section: 'callout', level: 2, note: '**NOT EVERY DESTROY AND REPLACE IS LISTED**' }
]

export function renderPlanMarkdown(plan: PlanJson, opts: RenderOptions): { markdown: string; shortened: string[] } {
  const maxChars = Math.max(1, Math.floor(opts.maxChars))
  // The plan's own secrets are always redacted, whatever redactor the caller passes.
  const redactors = opts.redactor?.covers(plan) ? [opts.redactor] : [opts.redactor, Redactor.fromPlan(plan)]
  const active = redactors.filter((r): r is Redactor => r !== undefined && r.size > 0)
  const credentials = redactors[redactors.length - 1]!
  const ctx: ValueContext = {
    redact: s => active.reduce((text, r) => r.redactText(text), s),
    isCredentialPath: p => credentials.isCredentialPath(p)
  }
  const summary = summarizePlan(plan)
  const changes = plan.resource_changes ?? []
  const groups = groupChanges(changes)
  const drift = groupChanges((plan.resource_drift ?? []).filter(rc => changeKind(rc.change.actions) !== 'no-op'))
  const dangerous = changes.filter(rc => ['replace', 'destroy'].includes(changeKind(rc.change.actions)))
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, oc]) => changeKind(oc.actions) !== 'no-op')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, OutputChange][]
  const warnings = [...(opts.warnings ?? []), ...planWarnings(plan)]

  const head = (level: number): string => {
    const limit = level === 0 ? Infinity : 300
    const lines = [`### ${cut(ctx.redact(opts.title ?? 'Terraform plan'), limit)}`]
    if (opts.header) lines.push(cut(ctx.redact(opts.header), level === 0 ? Infinity : 1000))
    if (plan.errored) lines.push('**Plan failed:** Terraform reported errors, so the changes below may be incomplete.')
    if (!summary.hasChanges) {
      lines.push('**No changes.** Your infrastructure matches the configuration.')
      if (summary.drift > 0)
        lines.push(`Terraform found ${summary.drift} objects changed outside of Terraform (see below).`)
    } else lines.push(`**Plan:** ${headline(summary)}.`)
    if (plan.complete === false) lines.push('This plan is **incomplete**: some changes are deferred to a later plan.')
    if (plan.applyable === false && summary.hasChanges) lines.push('This plan **cannot be applied**.')
    return lines.join('\n\n')
  }

  const sections: FitSection[] = [
    { id: 'head', render: head },
    { id: 'warnings', render: level => warningsSection(ctx, warnings, level === 0 ? 50 : 3) },
    {
      id: 'callout',
      fillLevels: [2],
      render: (level, room) => callout(ctx, dangerous, level, room, opts.fullPlanHint)
    },
    {
      id: 'changes',
      fillLevels: [3],
      render: (level, room) =>
        changesSection(
          ctx,
          '#### Resource changes',
          groups,
          DETAIL[level],
          room,
          new Set<Group>(level >= 2 ? ['destroy', 'replace'] : ['destroy'])
        )
    },
    {
      id: 'drift',
      render: (level, room) =>
        changesSection(
          ctx,
          '#### Changed outside of Terraform (drift)\n\nTerraform noticed these changes while refreshing. They are not made by this plan, but may explain some of it.',
          drift,
          DETAIL[level],
          room,
          new Set(),
          DRIFT_TITLES
        )
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
    return `> [!NOTE]\n> **This comment was shortened to fit ${thousands(maxChars)} characters:** ${shortened.join('; ')}.\n> ${hint.replace(/\n/g, ' ')}`
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

/** The destroy/replace call-out: a table with reasons (0), a list (1), or as many as fit in `room` (2). */
function callout(
  ctx: ValueContext,
  dangerous: readonly ResourceChange[],
  level: number,
  room: number,
  hint: string | undefined
): string | undefined {
  if (dangerous.length === 0) return ''
  const destroys = dangerous.filter(rc => changeKind(rc.change.actions) === 'destroy').length
  const heading = calloutHeading(destroys, dangerous.length - destroys)
  if (level === 0)
    return `${heading}\n\n${CALLOUT_TABLE_HEADER}\n${dangerous.map(rc => calloutRow(ctx, rc, true)).join('\n')}`
  const rows = dangerous.map(rc => calloutRow(ctx, rc, false))
  if (level === 1) return `${heading}\n\n${rows.join('\n')}`
  // Fill: as many rows as fit, then say loudly how many are missing.
  const missingLine = (shown: number): string => {
    const rest = dangerous.slice(shown)
    const d = rest.filter(rc => changeKind(rc.change.actions) === 'destroy').length
    const parts = [d > 0 ? `${d} more destroys` : '', rest.length - d > 0 ? `${rest.length - d} more replaces` : '']
    const where = hint
      ? ` ${truncate(ctx.redact(hint), 300).replace(/\n/g, ' ')}`
      : ' See the full plan in the workflow run.'
    return `**⚠️ …and ${parts.filter(Boolean).join(' and ')} are NOT listed here: they did not fit.**${where}`
  }
  let size = heading.length + 2
  let shown = 0
  const reserve = missingLine(0).length + 2
  while (shown < rows.length && size + rows[shown].length + 1 + reserve <= room) size += rows[shown++].length + 1
  const parts = [heading, rows.slice(0, shown).join('\n')]
  if (shown < rows.length) parts.push(missingLine(shown))
  return parts.filter(Boolean).join('\n\n')
}

function planWarnings(plan: PlanJson): string[] {
  const out: string[] = []
  for (const d of plan.diagnostics ?? [])
    out.push(`${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}${d.address ? ` (${d.address})` : ''}`)
  for (const c of plan.checks ?? [])
    if (c.status === 'fail' || c.status === 'error')
      out.push(`Check ${c.address.to_display} ${c.status === 'fail' ? 'failed' : 'errored'}`)
  const deferred = plan.deferred_changes?.length ?? 0
  if (deferred > 0) out.push(`${deferred} resource changes are deferred to a later plan`)
  return out
}
