// Masking measured both ways on one corpus of real plans (terraform_data fixtures and, with the offline azurerm
// provider, the bundled stack's update plan): 0 leaks (canaries and every value Terraform marks sensitive stay
// out of the comment at every budget) and 0 false masks (no address, resource key, attribute name, map key,
// title or non-sensitive value is changed by masking, and no ordinary word is registered as a secret).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { JsonValue, PlanJson, ShapeFlags } from '../src/plan/plan-json.js'
import {
  looksLikeCredential,
  maskCredentialAssignments,
  REDACTED,
  Redactor,
  tfVarStrings
} from '../src/render/redact.js'
import { renderPlanMarkdown } from '../src/render/render-plan.js'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'
import { stackUpdatePlan, type StackUpdatePlan } from './support/stack-update-plan.js'
import { cleanupPlans, generatePlan } from './support/terraform-plans.js'

interface CorpusPlan {
  json: PlanJson
  text: string
  title: string
}

const BUDGETS = [1_000_000, 60_000, 20_000, 5_000, 2_000]
const corpus = new Map<string, CorpusPlan>()
const stackSkip = await azurermUnavailableReason()
reportSkip('__tests__/masking.test.ts (the stack update plan)', stackSkip)
let stack: StackUpdatePlan | undefined

beforeAll(async () => {
  const [masking, all, hostile] = await Promise.all([
    generatePlan('masking'),
    generatePlan('all-changes'),
    generatePlan('hostile')
  ])
  corpus.set('masking', { json: masking.json, text: masking.text, title: 'Terraform plan: `masking` Name key chat' })
  corpus.set('all-changes', { json: all.json, text: all.text, title: 'Terraform plan: `all-changes`' })
  corpus.set('hostile', { json: hostile.json, text: hostile.text, title: 'Terraform plan: `hostile`' })
  if (!stackSkip) {
    stack = await stackUpdatePlan()
    corpus.set('stack', { json: stack.json, text: stack.text, title: 'Terraform plan: `stack: chat-llm`' })
  }
}, 300_000)

afterAll(async () => {
  await cleanupPlans()
  await stack?.cleanup()
})

/** What a reader sees: character references decoded, zero-width spaces removed. */
function decoded(md: string): string {
  return md
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? '')
    .replace(/\u200b/g, '')
}

function render(p: CorpusPlan, maxChars: number, redactor: Redactor): string {
  return renderPlanMarkdown(p.json, { maxChars, title: p.title, textPlan: p.text, redactor }).markdown
}

type Leaf = { steps: string[]; value: string; sensitive: boolean }

/** Every string leaf of the plan's changes, drift and outputs, with Terraform's sensitivity (the oracle). */
function leaves(plan: PlanJson): Leaf[] {
  const out: Leaf[] = []
  const walk = (v: JsonValue | undefined, s: ShapeFlags | undefined, steps: string[], sensitive: boolean): void => {
    const sens = sensitive || s === true
    if (typeof v === 'string') out.push({ steps, value: v, sensitive: sens })
    else if (typeof v === 'number') out.push({ steps, value: String(v), sensitive: sens })
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, Array.isArray(s) ? s[i] : undefined, steps, sens))
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (sens) out.push({ steps, value: k, sensitive: true })
        walk(x, s && typeof s === 'object' && !Array.isArray(s) ? s[k] : undefined, [...steps, k], sens)
      }
  }
  for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    walk(rc.change.before, rc.change.before_sensitive, [], false)
    walk(rc.change.after, rc.change.after_sensitive, [], false)
  }
  for (const oc of Object.values(plan.output_changes ?? {})) {
    walk(oc.before, oc.before_sensitive, [], false)
    walk(oc.after, oc.after_sensitive, [], false)
  }
  const vars = plan.configuration?.root_module?.variables ?? {}
  for (const [name, v] of Object.entries(plan.variables ?? {}))
    walk(v.value, undefined, [], vars[name]?.sensitive === true)
  return out
}

/** Names a reader must see as they are: addresses, resource keys, attribute names and map keys, outputs. */
function names(plan: PlanJson): string[] {
  const out = new Set<string>()
  const keys = (v: JsonValue | undefined, s: ShapeFlags | undefined): void => {
    if (s === true || !v || typeof v !== 'object') return
    if (Array.isArray(v)) v.forEach((x, i) => keys(x, Array.isArray(s) ? s[i] : undefined))
    else
      for (const [k, x] of Object.entries(v)) {
        out.add(k)
        keys(x, s && typeof s === 'object' && !Array.isArray(s) ? s[k] : undefined)
      }
  }
  for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    for (const n of [rc.address, rc.module_address, rc.previous_address, rc.type, rc.name, rc.index])
      if (n !== undefined) out.add(String(n))
    keys(rc.change.before, rc.change.before_sensitive)
    keys(rc.change.after, rc.change.after_sensitive)
  }
  for (const name of Object.keys(plan.output_changes ?? {})) out.add(name)
  return [...out]
}

describe('no false masks', () => {
  const plans = (): Array<[string, CorpusPlan]> => [...corpus.entries()]

  it('the corpus is complete (the stack plan only without an azurerm provider, said above)', () => {
    expect([...corpus.keys()]).toEqual(['masking', 'all-changes', 'hostile', ...(stackSkip ? [] : ['stack'])])
    const stackPlan = corpus.get('stack')?.json
    if (stackPlan) {
      // The update really changes what the brief names: image tag, SKU, capacity, model version.
      const changed = stackPlan.resource_changes!.filter(rc => rc.change.actions.includes('update'))
      expect(changed.map(rc => rc.address).sort()).toEqual([
        'module.ai.azurerm_cognitive_deployment.this["chat"]',
        'module.app.azurerm_linux_web_app.this',
        'module.app.azurerm_linux_web_app_slot.staging[0]',
        'module.app.azurerm_service_plan.this'
      ])
    }
  })

  it('masking changes no name, title or non-sensitive value of any plan', () => {
    for (const [name, p] of plans()) {
      const r = Redactor.fromPlan(p.json, [], { publicText: [p.title] })
      const secretValues = new Set(
        leaves(p.json)
          .filter(l => l.sensitive)
          .map(l => l.value)
      )
      // Non-sensitive values: not under a credential-named attribute (hidden by name, on purpose) and not an
      // unmarked copy of a sensitive value (terraform_data's `output` echoes its input without the marks).
      const values = leaves(p.json)
        .filter(l => !l.sensitive && !secretValues.has(l.value))
        .filter(l => !l.steps.some(step => r.isCredentialName(step)))
        .map(l => l.value)
      const changed = [...names(p.json), p.title, ...values].filter(s => r.redactText(s) !== s)
      expect({ name, changed }).toEqual({ name, changed: [] })
    }
  })

  it('no ordinary word is registered as a secret (core.setSecret gets these values)', () => {
    for (const [name, p] of plans()) {
      const r = Redactor.fromPlan(p.json, [], { publicText: [p.title] })
      const words = r.values().filter(v => /^[A-Za-z]+$/.test(v) || v.length < 8)
      expect({ name, words }).toEqual({ name, words: [] })
    }
    const masking = Redactor.fromPlan(corpus.get('masking')!.json).values()
    for (const word of [
      'chat',
      'Name',
      'password',
      'function',
      'service',
      'key',
      'plainwordonlyhere',
      'outputonlyword'
    ])
      expect(masking).not.toContain(word)
  })

  it('the stack update plan renders without a single mask', () => {
    const p = corpus.get('stack')
    if (!p) return // skipped above, with the reason
    const md = render(p, 1_000_000, Redactor.fromPlan(p.json, [], { publicText: [p.title] }))
    expect(md).not.toContain(REDACTED)
    expect(md).not.toContain('&#42;&#42;&#42;')
    const seen = decoded(md)
    expect(seen).toContain('### Terraform plan: `stack: chat-llm`')
    expect(seen).toContain('module.ai.azurerm_cognitive_deployment.this["chat"]')
    for (const value of ['"chat-api:0.1.0"', '"chat-api:0.2.0"', '"2024-11-20"', '"2024-08-06"', '"P0v3"'])
      expect(seen).toContain(value)
  })

  it('AWS-style tag blocks, map keys, resource keys and the word "password" stay as they are', () => {
    const p = corpus.get('masking')!
    const seen = decoded(render(p, 1_000_000, Redactor.fromPlan(p.json, [], { publicText: [p.title] })))
    expect(seen).toContain('### Terraform plan: `masking` Name key chat')
    for (const key of ['chat', 'Name', 'password', 'key', 'service'])
      expect(seen).toContain(`terraform_data.deploy["${key}"]`)
    expect(seen).toContain('"chat-api:0.2.0"')
    // The tag block: its value changed, its key shown in the text plan and the old value.
    expect(seen).toContain('input.tag[0].value')
    expect(seen).toMatch(/"key":"Name","propagate_at_launch":true/)
    expect(seen).toMatch(/\+? *key += "function"/)
    expect(seen).toMatch(/key += "Name"/)
    // "password" as a value of an ordinary attribute, and attribute names containing "password".
    expect(seen).toContain('"authentication_type":"password"')
    expect(seen).toMatch(/authentication_type += "password"/)
    expect(seen).toContain('administrator_login_password')
    expect(seen).toContain('"password_auth_enabled":false')
  })
})

describe('no leaks', () => {
  const CANARIES: Record<string, string[]> = {
    masking: [
      'tfvar-default-canary-R7t', // a sensitive variable, used inside a sensitive string
      'storage-canary-Kp3x9QzR7m', // a sensitive map's value
      'storage-canary-old-Kp3x9QzR7a',
      'deep-canary-Vw8z2MqL4x', // sensitive three levels down
      'plainwordonlyhere', // sensitive, not credential-like: hidden by path alone
      'outputonlyword', // a sensitive output, likewise
      'client-secret-canary-Jd5r1T', // unmarked, credential-named
      'client-secret-canary-old-Jd5',
      'nested-token-canary-Qe2w7Z',
      'sas-canary-Hb6y3N',
      'password"' // the dictionary word as the value of administrator_login_password
    ],
    'all-changes': ['sensitive-var-canary-7Qx', 'hunter2-canary']
  }

  it('the canaries are really in the plans', () => {
    for (const [name, canaries] of Object.entries(CANARIES)) {
      const p = corpus.get(name)!
      const text = JSON.stringify(p.json) + p.text
      for (const c of canaries)
        expect({ name, c, found: text.includes(c.replace('"', '')) }).toMatchObject({ found: true })
    }
  })

  it.each(BUDGETS)('no canary in the comment at maxChars %i, text plan included', maxChars => {
    for (const [name, canaries] of Object.entries(CANARIES)) {
      const p = corpus.get(name)!
      const seen = decoded(render(p, maxChars, Redactor.fromPlan(p.json, [], { publicText: [p.title] })))
      const leaked = canaries.filter(c =>
        c === 'password"' ? /administrator_login_password"?\s*[=:]\s*"password"/.test(seen) : seen.includes(c)
      )
      expect({ name, leaked }).toEqual({ name, leaked: [] })
    }
  })

  it('no value Terraform marks sensitive appears in any comment, unless the plan shows it unmarked too', () => {
    for (const [name, p] of corpus.entries()) {
      const all = leaves(p.json)
      const unmarked = all.filter(l => !l.sensitive).map(l => l.value)
      const shownNames = names(p.json).join('\n') + p.title
      const secrets = [...new Set(all.filter(l => l.sensitive).map(l => l.value))].filter(
        v => v.length >= 8 && !unmarked.some(u => u.includes(v)) && !shownNames.includes(v)
      )
      for (const maxChars of BUDGETS) {
        const seen = decoded(render(p, maxChars, Redactor.fromPlan(p.json, [], { publicText: [p.title] })))
        const leaked = secrets.filter(v => seen.includes(v) || seen.includes(JSON.stringify(v).slice(1, -1)))
        expect({ name, maxChars, leaked }).toEqual({ name, maxChars, leaked: [] })
      }
      if (name === 'stack') expect(secrets.length).toBeGreaterThan(5) // app settings, site credentials, keys
    }
  })

  it('TF_VAR_ values of sensitive variables are secrets; of other variables, not', () => {
    const plan = corpus.get('masking')!.json
    const env = {
      TF_VAR_api_token: 'env-token-canary-Xr4pL9',
      TF_VAR_region_hint: 'env-region-canary-Yq7mK2',
      TF_VAR_deployment: 'chat'
    }
    const values = Redactor.fromPlan(plan, [], { env }).values()
    expect(values).toContain('env-token-canary-Xr4pL9')
    expect(values).not.toContain('env-region-canary-Yq7mK2') // not sensitive: use the `mask` input
    expect(values).not.toContain('chat') // sensitive, but an ordinary word in resource keys
  })
})

describe('the rules', () => {
  it('what looks like a credential depends on where the value was found', () => {
    const cases: Array<[string, boolean, boolean]> = [
      // value, from a sensitive variable or credential-named attribute, from a sensitive structure
      ['chat', false, false],
      ['password', false, false],
      ['Name', false, false],
      ['administrator_login', false, false],
      ['swedencentral', false, false],
      ['2024-08-06', false, false],
      ['00000000-0000-0000-0000-000000000000', false, false],
      ['https://aif-chat-dev.openai.azure.com/', false, false],
      ['/subscriptions/0000/resourceGroups/rg-chat-dev', false, false],
      ['Managed by Terraform', false, false],
      ['chat-api:0.2.0', true, false],
      ['gpt-4o-mini', true, false],
      ['B_Standard_B1ms', true, false],
      ['hunter2-canary', true, false],
      ['P@ssw0rd!', true, false],
      ['Standard_D2s_v3', true, false],
      ['a8#Kd!2mQ_x9Lp$z', true, true],
      ['CorrectHorseBattery', true, false],
      ['deep-canary-Vw8z2MqL4x', true, true],
      ['b2ZmbGluZS1zZWNyZXQtZjE5MGI5NTc5ZjA5YmQ0MTAzMmUwODU2MmY4MjgzZjFjYWVjM2ExNA==', true, true],
      ['3f786850e387550fdab836ed7e6dc881de23001b', true, true],
      ['Server=db;Password=hunter2', true, true],
      ['Endpoint=https://x/;SharedAccessKey=abcdef', true, true],
      ['https://user:s3cr3t@example.com/', true, true],
      ['https://acct.blob.core.windows.net/c?sv=2024&sig=abcdef', true, true],
      ['Bearer abcdefgh12', true, true]
    ]
    const got = cases.map(([v]) => [
      v,
      looksLikeCredential(v, 'sensitive-variable'),
      looksLikeCredential(v, 'sensitive-value')
    ])
    expect(got).toEqual(cases)
    for (const [v, credential] of cases)
      expect([v, looksLikeCredential(v, 'credential-attribute')]).toEqual([v, credential])
  })

  it('hides credential-named assignments in the text plan and in JSON, and nothing else', () => {
    const r = new Redactor()
    const mask = (s: string): string => maskCredentialAssignments(s, n => r.isCredentialName(n))
    expect(mask('      + administrator_login_password = "password"')).toBe(
      '      + administrator_login_password = "***"'
    )
    expect(mask('      ~ "DB_PASSWORD" = "a" -> "b" # forces replacement')).toBe(
      '      ~ "DB_PASSWORD" = "***" -> "***" # forces replacement'
    )
    expect(mask('      - client_secret = "x" -> null')).toBe('      - client_secret = "***" -> null')
    expect(mask('      + password = (sensitive value)')).toBe('      + password = (sensitive value)')
    expect(mask('      + pin_token = 1234')).toBe('      + pin_token = ***')
    expect(mask('  + private_key = <<-EOT\n      MIIEabc\n      def\n    EOT\n  + name = "x"')).toBe(
      '  + private_key = <<-EOT\n      ***\n      ***\n    EOT\n  + name = "x"'
    )
    expect(mask('{"client_secret":"abc","name":"x","key":"Name"}')).toBe(
      '{"client_secret":"***","name":"x","key":"Name"}'
    )
    for (const kept of [
      '      + key                 = "Name"',
      '      + authentication_type = "password"',
      '      + password_auth_enabled = false',
      '      + password_length = 16',
      '  # terraform_data.deploy["password"] will be updated in-place'
    ])
      expect(mask(kept)).toBe(kept)
  })

  it('TF_VAR_ collections contribute each quoted string', () => {
    expect(tfVarStrings('plain')).toEqual(['plain'])
    expect(tfVarStrings('{ api_key = "abc\\"def", "other" = "x" }')).toEqual([
      '{ api_key = "abc\\"def", "other" = "x" }',
      'abc"def',
      'other',
      'x'
    ])
  })
})
