// Pure parts of the action: inputs, annotations, apply gate, destroy guard, lock probe, outputs.
import { describe, expect, it } from '@jest/globals'
import { readInputs, DEFAULT_GUARDED_RESOURCE_TYPES } from '../src/inputs.js'
import { fmtAnnotations, diagnosticAnnotations } from '../src/report/annotations.js'
import { metadataRefusals, type PlanMetadata } from '../src/apply/plan-metadata.js'
import { destroyRefusal, guardedDestroys } from '../src/apply/destroy-guard.js'
import { lockState, parseLockId } from '../src/apply/lock-probe.js'
import { outputValues } from '../src/apply/outputs.js'
import { lastErrorLine } from '../src/terraform/runner.js'
import { applyStatusMarkdown } from '../src/sticky-comment/pr-comment.js'
import { UserError } from '../src/errors.js'

const base = { GITHUB_WORKSPACE: '/work/repo', RUNNER_TEMP: '/tmp/runner' }
const stack = (s: string): string => `/tmp/runner/stack/${s}`

describe('readInputs', () => {
  it('has safe defaults', () => {
    const i = readInputs(base, stack)
    expect(i).toMatchObject({
      command: 'plan',
      workingDirectory: '/work/repo',
      rootLabel: '.',
      workspace: 'default',
      comment: 'always',
      fmtCheck: true,
      allowDestroy: false,
      terraformDownloadUrl: 'https://releases.hashicorp.com'
    })
    expect(i.guardedResourceTypes).toEqual(DEFAULT_GUARDED_RESOURCE_TYPES)
  })

  it('resolves paths inside the workspace and the bundled stack', () => {
    const i = readInputs(
      { ...base, 'INPUT_WORKING-DIRECTORY': 'infra/prod/', 'INPUT_VAR-FILE': 'env/prod.tfvars' },
      stack
    )
    expect(i.workingDirectory).toBe('/work/repo/infra/prod')
    expect(i.rootLabel).toBe('infra/prod')
    expect(i.varFiles).toEqual(['/work/repo/env/prod.tfvars'])
    const s = readInputs({ ...base, INPUT_STACK: 'chat-llm' }, stack)
    expect([s.workingDirectory, s.rootLabel]).toEqual(['/tmp/runner/stack/chat-llm', 'stack:chat-llm'])
  })

  it('reads lists, digests and the guard list', () => {
    const i = readInputs(
      {
        ...base,
        INPUT_COMMAND: 'apply',
        'INPUT_PLAN-PATH': 'plan/tfplan',
        'INPUT_PLAN-DIGEST': 'SHA256:' + 'AB'.repeat(32),
        'INPUT_BACKEND-CONFIG': 'key=prod.tfstate\n# comment\nbackend.hcl',
        INPUT_VARIABLES: 'a=1\nb=x=y',
        'INPUT_GUARDED-RESOURCE-TYPES': 'azurerm_key_vault, azurerm_storage_*',
        INPUT_MASK: '#not-a-comment-secret'
      },
      stack
    )
    expect(i.planDigest).toBe('ab'.repeat(32))
    expect(i.backendConfig).toEqual(['key=prod.tfstate', '/work/repo/backend.hcl'])
    expect(i.variables).toEqual(['a=1', 'b=x=y'])
    expect(i.guardedResourceTypes).toEqual(['azurerm_key_vault', 'azurerm_storage_*'])
    expect(i.mask).toEqual(['#not-a-comment-secret'])
    expect(readInputs({ ...base, 'INPUT_GUARDED-RESOURCE-TYPES': 'none' }, stack).guardedResourceTypes).toEqual([])
  })

  it.each([
    [{ INPUT_COMMAND: 'apply' }, /^input plan-path: empty/],
    [{ INPUT_COMMAND: 'apply', 'INPUT_PLAN-PATH': 'p' }, /^input plan-digest: empty/],
    [{ 'INPUT_PLAN-DIGEST': 'abc' }, /^input plan-digest: "abc" is not a SHA-256 digest/],
    [{ INPUT_WORKSPACE: 'bad name' }, /^input workspace: "bad name" is not a valid Terraform workspace name/],
    [{ INPUT_VARIABLES: 'password' }, /^input variables: "password" is not an assignment/],
    [{ INPUT_VARIABLES: '1x=secret' }, /^input variables: "1x=…" is not an assignment/],
    [{ 'INPUT_TERRAFORM-DOWNLOAD-URL': 'ftp://x' }, /^input terraform-download-url: "ftp:\/\/x" uses ftp:/],
    [
      { 'INPUT_VAR-FILE': '/etc/passwd' },
      /^input var-file: "\/etc\/passwd" resolves to \/etc\/passwd, outside the workspace/
    ],
    [
      { INPUT_COMMENT: 'sometimes' },
      /^input comment: "sometimes" is not accepted; use one of: always, changes-only, off$/
    ],
    [{ INPUT_STACK: 'k8s' }, /^input stack: "k8s" is not accepted; use one of: chat-llm$/],
    [
      { 'INPUT_GUARDED-RESOURCE-TYPES': 'Azurerm Key' },
      /^input guarded-resource-types: "Azurerm" is not a resource type/
    ],
    [{ GITHUB_WORKSPACE: '' }, /^environment: GITHUB_WORKSPACE is not set/]
  ])('refuses %j with one line', (env, message) => {
    let error: unknown
    try {
      readInputs({ ...base, ...env }, stack)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('\n')
  })

  it('never echoes a variable value in its error', () => {
    expect(() => readInputs({ ...base, INPUT_VARIABLES: '9token=ghp_secret' }, stack)).toThrow(/^(?!.*ghp_secret)/)
  })
})

describe('annotations', () => {
  it('puts diagnostics on repository paths with columns only for one-line ranges', () => {
    const [a, b] = diagnosticAnnotations(
      [
        {
          severity: 'error',
          summary: 'Bad',
          detail: 'd',
          range: { filename: 'main.tf', start: { line: 2, column: 3 }, end: { line: 2, column: 9 } }
        },
        {
          severity: 'warning',
          summary: 'Deprecated',
          range: { filename: '../mod/x.tf', start: { line: 1, column: 1 }, end: { line: 4, column: 2 } }
        }
      ],
      '/ws',
      '/ws/infra/app'
    )
    expect(a).toEqual({
      level: 'error',
      title: 'terraform validate: Bad',
      message: 'Bad: d',
      file: 'infra/app/main.tf',
      startLine: 2,
      endLine: 2,
      startColumn: 3,
      endColumn: 9
    })
    expect(b).toMatchObject({ level: 'warning', file: 'infra/mod/x.tf', startLine: 1, endLine: 4 })
    expect(b.startColumn).toBeUndefined()
  })

  it('reports one fmt annotation per hunk at the first changed line', () => {
    const diff = [
      'main.tf',
      '--- old/main.tf',
      '+++ new/main.tf',
      '@@ -3,6 +3,6 @@',
      ' a',
      ' b',
      '-  x',
      '+x',
      '-y',
      '+ y',
      '@@ -20,2 +20,2 @@',
      '-z',
      '+ z'
    ].join('\n')
    expect(fmtAnnotations(diff, '/ws', '/ws/r').map(a => [a.file, a.startLine])).toEqual([
      ['r/main.tf', 5],
      ['r/main.tf', 20]
    ])
  })
})

describe('apply gate', () => {
  const meta: PlanMetadata = {
    schema: 1,
    commitSha: 'c1',
    root: 'infra',
    workspace: 'default',
    terraformVersion: '1.11.4',
    planDigest: 'd1',
    createdAt: '',
    hasChanges: true
  }
  const ctx = {
    commitSha: 'c1',
    root: 'infra',
    workspace: 'default',
    tool: 'terraform' as const,
    terraformVersion: '1.11.4',
    planDigest: 'd1',
    expectedDigest: 'd1'
  }
  it('accepts the reviewed plan', () => expect(metadataRefusals(meta, ctx)).toEqual([]))
  it('refuses each mismatch with its own reason', () => {
    expect(metadataRefusals(meta, { ...ctx, expectedDigest: 'd2' })[0]).toMatch(/modified or swapped/)
    expect(metadataRefusals(undefined, ctx)[0]).toMatch(/plan-metadata.json is missing/)
    expect(metadataRefusals(meta, { ...ctx, commitSha: 'c2' })[0]).toMatch(
      /made from commit c1, but this job runs on c2/
    )
    expect(metadataRefusals(meta, { ...ctx, root: 'other' })[0]).toMatch(/root infra, not other/)
    expect(metadataRefusals(meta, { ...ctx, workspace: 'prod' })[0]).toMatch(/workspace default, not prod/)
    expect(metadataRefusals(meta, { ...ctx, terraformVersion: '1.12.0' })[0]).toMatch(/set terraform-version: 1.11.4/)
    // a plan dir without `tool` was made by terraform; a tofu plan is never applied by terraform or the reverse
    expect(metadataRefusals(meta, { ...ctx, tool: 'tofu' })).toEqual([
      'the plan was made with terraform 1.11.4, but this job runs tofu: set tool: terraform'
    ])
    expect(metadataRefusals({ ...meta, tool: 'tofu' }, ctx)).toEqual([
      'the plan was made with tofu 1.11.4, but this job runs terraform: set tool: tofu'
    ])
    expect(metadataRefusals({ ...meta, tool: 'tofu' }, { ...ctx, tool: 'tofu' })).toEqual([])
  })

  it('guards deletes and replaces of stateful types only', () => {
    const changes = [
      { address: 'azurerm_key_vault.this', type: 'azurerm_key_vault', change: { actions: ['delete'] } },
      {
        address: 'azurerm_storage_account.s',
        type: 'azurerm_storage_account',
        change: { actions: ['create', 'delete'] }
      },
      { address: 'azurerm_subnet.a', type: 'azurerm_subnet', change: { actions: ['delete'] } },
      { address: 'data.azurerm_key_vault.x', type: 'azurerm_key_vault', mode: 'data', change: { actions: ['read'] } },
      { address: 'azurerm_key_vault.kept', type: 'azurerm_key_vault', change: { actions: ['update'] } }
    ]
    const hits = guardedDestroys(changes, DEFAULT_GUARDED_RESOURCE_TYPES)
    expect(hits).toEqual([
      { address: 'azurerm_key_vault.this', type: 'azurerm_key_vault', action: 'delete' },
      { address: 'azurerm_storage_account.s', type: 'azurerm_storage_account', action: 'replace' }
    ])
    expect(guardedDestroys(changes, ['azurerm_sub*']).map(h => h.address)).toEqual(['azurerm_subnet.a'])
    expect(destroyRefusal(hits)).toBe(
      'the plan would delete azurerm_key_vault.this, replace azurerm_storage_account.s (stateful resource types); set allow-destroy: true to apply it, or change the configuration so they are kept'
    )
    expect(destroyRefusal([])).toBeUndefined()
  })
})

describe('after apply', () => {
  it('finds the lock ID terraform prints', () => {
    const out =
      'Error: Error acquiring the state lock\n\nLock Info:\n  ID:        515c41d9-d08c-1b16-984a-a06a6e2d962b\n  Path: x'
    expect(parseLockId(out)).toBe('515c41d9-d08c-1b16-984a-a06a6e2d962b')
    expect(lockState(parseLockId(out))).toEqual({ state: 'held', id: '515c41d9-d08c-1b16-984a-a06a6e2d962b' })
    expect(lockState(undefined)).toEqual({ state: 'released' })
    expect(lockState(null)).toEqual({ state: 'unknown' })
  })

  it('says how to force-unlock a held lock, with the exact line', () => {
    const md = applyStatusMarkdown(
      { state: 'cancelled', lock: { state: 'held', id: 'abc-123' }, workingDirectory: 'infra' },
      new Date('2026-01-01T00:00:00Z')
    )
    expect(md).toContain('terraform force-unlock -force abc-123')
  })

  it('hides sensitive outputs and collects their values as secrets', () => {
    const v = outputValues({
      url: { value: 'https://x', type: 'string', sensitive: false },
      conn: { value: { password: 'pw-123456' }, type: 'object', sensitive: true },
      'weird name': { value: 1, type: 'number', sensitive: false }
    })
    expect(v.visible.map(r => r.name)).toEqual(['url'])
    expect(v.rows.find(r => r.name === 'conn')).toEqual({ name: 'conn', value: '(sensitive)', sensitive: true })
    expect(v.secrets).toEqual(['pw-123456'])
  })

  it('keeps terraform errors to one line with their detail', () => {
    const stale =
      '\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed\nby another operation after the plan was created.\n'
    expect(lastErrorLine(stale)).toBe(
      'Saved plan is stale: The given plan file can no longer be applied because the state was changed by another operation after the plan was created.'
    )
    expect(lastErrorLine('╷\n│ Error: Bad thing\n│ \n│   on main.tf line 3:\n│    3: x\n│ \n│ Because.\n╵')).toBe(
      'Bad thing: Because.'
    )
  })
})

describe('job summary size', () => {
  it('shrinks the character budget until the UTF-8 size fits', async () => {
    const { renderWithinBytes } = await import('../src/commands/plan.js')
    const budgets: number[] = []
    // Every character is 3 bytes in UTF-8, like the arrows of attribute diffs.
    const md = renderWithinBytes(maxChars => {
      budgets.push(maxChars)
      return '→'.repeat(maxChars)
    }, 30_000)
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(30_000)
    expect(budgets[0]).toBe(30_000)
    expect(budgets.length).toBeLessThanOrEqual(3)
    expect(renderWithinBytes(n => 'a'.repeat(n), 5000)).toHaveLength(5000)
  })
})
