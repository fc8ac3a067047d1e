// Redaction beyond Terraform's `sensitive` flag: known secret strings are replaced wherever they occur, and
// attributes with credential-looking names are shown as (sensitive) even when the provider did not mark them.
import type { PathStep } from '../plan/attribute-diff.js'
import type { JsonValue, PlanJson, ShapeFlags } from '../plan/plan-json.js'

/** Replaces a secret wherever it occurs in rendered text. */
export const REDACTED = '***'

/**
 * Secrets shorter than this are ignored: they are too short to be credentials, and masking every "on" or
 * "123" would garble the comment. (Values Terraform marks sensitive are still hidden by path.)
 */
export const MIN_SECRET_LENGTH = 4

/**
 * Values that sit in sensitive maps (e.g. App Service `app_settings`) but cannot be secrets: booleans, null and
 * short numbers. Redacting them everywhere would turn every "true" or "2024" in the comment and the step outputs
 * into ***. (They are still hidden where they appear as sensitive values, by path.)
 */
const NOT_A_SECRET = /^(true|false|null|-?\d{1,5})$/i

const CREDENTIAL_NAME =
  /(passw(or)?d|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?key|master[_-]?key|auth[_-]?key|signing[_-]?key|connection[_-]?string|conn[_-]?str|credential|(^|[_-])sas([_-]|$)|(^|[_-])key$)/i
/** Names that mention a credential but hold a reference to it, or metadata about it, not the value. */
const CREDENTIAL_METADATA =
  /([_-](ids?|names?|arns?|types?|versions?|versionless_id|length|ttl|expiration|expiry|expiration_date|expires_on|enabled|count|policy|policies|rotation|permissions|source|uri|path|urls?|format|algorithm|size|kind)$|^(public_key|hash_key|range_key|sort_key|partition_key|key_type)$)/i

export class Redactor {
  private readonly secrets = new Set<string>()
  private pattern: RegExp | undefined
  private dirty = false
  /** plans whose secrets were collected (so a renderer need not walk the same plan again) */
  private readonly plans = new WeakSet<PlanJson>()
  /** attribute names repeat across thousands of resources: decide each once */
  private readonly names = new Map<string, boolean>()

  constructor(secrets?: Iterable<string>) {
    for (const s of secrets ?? []) this.addSecret(s)
  }

  /** Also registers the JSON-escaped form and each line of a multi-line secret, as they appear in plan text. */
  addSecret(value: string): void {
    if (typeof value !== 'string') return
    const forms = [value, JSON.stringify(value).slice(1, -1), ...value.split(/\r?\n/)]
    for (const form of forms) {
      const trimmed = form.trim()
      if (trimmed.length >= MIN_SECRET_LENGTH && !NOT_A_SECRET.test(trimmed) && !this.secrets.has(trimmed)) {
        this.secrets.add(trimmed)
        this.dirty = true
      }
    }
  }

  /** Whether fromPlan() collected this plan's secrets. */
  covers(plan: PlanJson): boolean {
    return this.plans.has(plan)
  }

  get size(): number {
    return this.secrets.size
  }

  /** The secret strings, e.g. to register them with the runner (core.setSecret) or seed another redactor. */
  values(): string[] {
    return [...this.secrets]
  }

  /** Builds a redactor from the plan: sensitive variables, sensitive outputs and every value Terraform marks
   *  sensitive or that sits under a credential-looking attribute name, plus the caller's secrets. */
  static fromPlan(plan: PlanJson, secrets?: Iterable<string>): Redactor {
    const r = new Redactor(secrets)
    r.plans.add(plan)
    const vars = plan.configuration?.root_module?.variables ?? {}
    for (const [name, v] of Object.entries(vars))
      if (v.sensitive === true) collectStrings(plan.variables?.[name]?.value, s => r.addSecret(s))
    for (const oc of Object.values(plan.output_changes ?? {})) {
      if (oc.before_sensitive === true) collectStrings(oc.before, s => r.addSecret(s))
      if (oc.after_sensitive === true) collectStrings(oc.after, s => r.addSecret(s))
    }
    for (const [, o] of Object.entries(plan.planned_values?.outputs ?? {}))
      if (o.sensitive === true) collectStrings(o.value, s => r.addSecret(s))
    for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
      const c = rc.change
      collectSecretLeaves(c.before, c.before_sensitive, false, r)
      collectSecretLeaves(c.after, c.after_sensitive, false, r)
    }
    return r
  }

  redactText(s: string): string {
    if (this.secrets.size === 0 || s.length < MIN_SECRET_LENGTH) return s
    if (this.dirty || !this.pattern) {
      // Longest first, so a secret that contains another is replaced whole.
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length)
      this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g')
      this.dirty = false
    }
    return s.replace(this.pattern, REDACTED)
  }

  isCredentialName(attrName: string): boolean {
    let known = this.names.get(attrName)
    if (known === undefined) {
      known = CREDENTIAL_NAME.test(attrName) && !CREDENTIAL_METADATA.test(attrName)
      if (this.names.size < 10000) this.names.set(attrName, known)
    }
    return known
  }

  /** A path with a credential-looking attribute name at any level (`password`, `credentials.username`). */
  isCredentialPath(path: readonly PathStep[]): boolean {
    for (const step of path) if (typeof step === 'string' && this.isCredentialName(step)) return true
    return false
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Every string leaf, and numbers as strings (a sensitive port or PIN is still a secret). */
function collectStrings(v: JsonValue | undefined, add: (s: string) => void): void {
  if (typeof v === 'string') add(v)
  else if (typeof v === 'number') add(String(v))
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, add)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collectStrings(x, add)
}

/** Collects the leaves Terraform marks sensitive and those under a credential-looking attribute name. */
function collectSecretLeaves(
  v: JsonValue | undefined,
  sens: ShapeFlags | undefined,
  credential: boolean,
  r: Redactor
): void {
  if (v === null || v === undefined) return
  if (sens === true || (credential && typeof v !== 'object')) {
    collectStrings(v, s => r.addSecret(s))
    return
  }
  if (typeof v !== 'object') return
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++)
      collectSecretLeaves(v[i], Array.isArray(sens) ? sens[i] : undefined, credential, r)
    return
  }
  const sensObj = sens && typeof sens === 'object' && !Array.isArray(sens) ? sens : undefined
  for (const k in v) collectSecretLeaves(v[k], sensObj?.[k], credential || r.isCredentialName(k), r)
}
