// Masking, two ways. By path: the renderer hides a value where Terraform marks it sensitive and where an
// attribute's name says it holds a credential (isCredentialPath). By text: only values that are credentials are
// replaced wherever they occur (comment, summary, log, core.setSecret), never ordinary words such as "chat" or
// "Name" that happen to sit in a sensitive map: replacing those would garble addresses, titles and later log lines.
import type { PathStep } from '../plan/attribute-diff.js'
import type { JsonValue, PlanJson, ShapeFlags } from '../plan/plan-json.js'

/** Replaces a secret wherever it occurs in rendered text. */
export const REDACTED = '***'

/**
 * Declared secrets (the `mask` input, the token) shorter than this are ignored: masking every "on" or "123" would
 * garble everything. Values found in the plan must also look like credentials (credentialLevel).
 */
export const MIN_SECRET_LENGTH = 4
/** Values found in the plan shorter than this are never replaced as text (NIST's minimum password length). */
export const MIN_PLAN_SECRET_LENGTH = 8

const NOT_A_SECRET = /^(true|false|null|-?\d{1,5})$/i

const CREDENTIAL_NAME =
  /(passw(or)?d|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?key|master[_-]?key|auth[_-]?key|signing[_-]?key|connection[_-]?string|conn[_-]?str|credential|(^|[_-])sas([_-]|$)|[_-]key$)/i
/**
 * Names that mention a credential but hold a reference to it, metadata about it, or an identifier (a bare `key`
 * is the name half of a tag, an S3 object path, an App Configuration key: it is not in CREDENTIAL_NAME at all).
 */
const CREDENTIAL_METADATA =
  /([_-](ids?|names?|arns?|types?|versions?|versionless_id|length|ttl|expiration|expiry|expiration_date|expires_on|enabled|count|policy|policies|rotation|permissions|source|uri|path|urls?|format|algorithm|size|kind)$|^(public_key|hash_key|range_key|sort_key|partition_key|row_key|key_type|tag_key|label_key|object_key|s3_key|cache_key|routing_key|lookup_key|idempotency_key)$)/i

/**
 * Where a value found in the plan came from, from the most to the least certain that it is a credential:
 * a sensitive variable (or its TF_VAR_ value), an attribute named like a credential, anything else Terraform marks
 * sensitive (a whole `app_settings` map, a sensitive output).
 */
export type SecretOrigin = 'sensitive-variable' | 'credential-attribute' | 'sensitive-value'

/** Text that is in itself a credential: a connection-string or query key, URL userinfo, a bearer token, a PEM. */
const CREDENTIAL_MARKER =
  /((password|passwd|pwd|secret|token|key|sig|signature|credential)=[^;&\s]|^(bearer|basic) \S{8,}|:\/\/[^/\s:@]+:[^/\s@]+@|-----BEGIN [A-Z ]*PRIVATE KEY)/i
const WORDS_ONLY = /^[A-Za-z]+([-_.:/,+ ][A-Za-z]+)*$/

/**
 * Whether a value from the plan is replaced as text wherever it occurs. Sensitive variables and credential-named
 * attributes are credentials unless the value is an ordinary word or number; a value merely inside a sensitive
 * structure must itself look like a generated secret (a long random run of mixed characters) or carry a
 * credential marker, because such structures also hold names, endpoints, image tags and model versions.
 */
export function looksLikeCredential(value: string, origin: SecretOrigin): boolean {
  const t = value.trim()
  if (t.length < MIN_PLAN_SECRET_LENGTH) return false
  if (CREDENTIAL_MARKER.test(t)) return true
  // Sentences, endpoints without credentials, resource IDs and file paths, numbers and dates.
  if (/\s/.test(t) || /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || t.startsWith('/') || !/[A-Za-z]/.test(t)) return false
  if (origin === 'sensitive-value') return hasRandomRun(t) || isGeneratedPassword(t)
  if (WORDS_ONLY.test(t)) return /^[A-Za-z]{12,}$/.test(t) && /[a-z]/.test(t) && /[A-Z]/.test(t)
  return true
}

/** A generated password (random_password): 10+ characters, 3 character classes, a symbol names never have. */
function isGeneratedPassword(t: string): boolean {
  if (t.length < 10 || !/[^A-Za-z0-9\-_.:/,]/.test(t)) return false
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(c => c.test(t)).length >= 3
}

/** A run between separators of 10+ characters with 3 character classes, or 16+ with letters and digits. */
function hasRandomRun(t: string): boolean {
  for (const run of t.split(/[-_.:/,]+/)) {
    if (run.length < 10) continue
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(c => c.test(run)).length
    if (classes >= 3 || (run.length >= 16 && /[A-Za-z]/.test(run) && /[0-9]/.test(run))) return true
  }
  return false
}

export interface PlanSecretOptions {
  /** The process environment: `TF_VAR_<name>` values of variables the configuration declares sensitive. */
  env?: Record<string, string | undefined>
  /** Text shown next to the plan that must never be masked (title, root, workspace). */
  publicText?: Iterable<string>
}

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

  /**
   * A declared secret (`mask` input, token, a value already registered): replaced wherever it occurs. Also
   * registers the JSON-escaped form and each line of a multi-line secret, as they appear in plan text.
   */
  addSecret(value: string): void {
    for (const form of secretForms(value))
      if (form.length >= MIN_SECRET_LENGTH && !NOT_A_SECRET.test(form)) this.add(form)
  }

  private add(form: string): void {
    if (this.secrets.has(form)) return
    this.secrets.add(form)
    this.dirty = true
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

  /**
   * Builds a redactor from the plan plus the caller's declared secrets. Collected as text secrets: values of
   * sensitive variables (from the plan and from TF_VAR_ in `opts.env`), of credential-named attributes and of
   * sensitive structures and outputs, each only when it looks like a credential for where it was found
   * (looksLikeCredential) and occurs in no name of the plan (address, resource key, attribute or map key, output
   * or variable name) nor in `opts.publicText`: those are never masked.
   */
  static fromPlan(plan: PlanJson, secrets?: Iterable<string>, opts: PlanSecretOptions = {}): Redactor {
    const r = new Redactor(secrets)
    r.plans.add(plan)
    const found: Array<[string, SecretOrigin]> = []
    const names = new Set<string>(opts.publicText ?? [])
    const walker = new PlanWalker(r, found, names)

    const vars = plan.configuration?.root_module?.variables ?? {}
    for (const [name, v] of Object.entries(vars)) {
      names.add(name)
      if (v.sensitive !== true) continue
      collectStrings(plan.variables?.[name]?.value, s => found.push([s, 'sensitive-variable']))
      const fromEnv = opts.env?.[`TF_VAR_${name}`]
      if (fromEnv !== undefined) for (const s of tfVarStrings(fromEnv)) found.push([s, 'sensitive-variable'])
    }
    for (const [name, oc] of Object.entries(plan.output_changes ?? {})) {
      names.add(name)
      if (oc.before_sensitive === true) collectStrings(oc.before, s => found.push([s, 'sensitive-value']))
      if (oc.after_sensitive === true) collectStrings(oc.after, s => found.push([s, 'sensitive-value']))
    }
    for (const [, o] of Object.entries(plan.planned_values?.outputs ?? {}))
      if (o.sensitive === true) collectStrings(o.value, s => found.push([s, 'sensitive-value']))
    for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
      for (const n of [rc.address, rc.previous_address, rc.module_address, rc.type, rc.name, rc.index])
        if (n !== undefined && n !== null) names.add(String(n))
      const c = rc.change
      if (c.importing?.id) names.add(c.importing.id)
      walker.walk(c.before, c.before_sensitive, false)
      walker.walk(c.after, c.after_sensitive, false)
    }
    for (const check of plan.checks ?? []) names.add(check.address.to_display)

    const accepted = found.flatMap(([value, origin]) =>
      secretForms(value).filter(f => !r.secrets.has(f) && looksLikeCredential(f, origin))
    )
    if (accepted.length > 0) {
      const shown = [...names].join('\n')
      for (const form of accepted) if (!shown.includes(form)) r.add(form)
    }
    return r
  }

  /** Replaces every text secret, and the values of credential-named assignments (`password = "…"`). */
  redactText(s: string): string {
    if (s.length < MIN_SECRET_LENGTH) return s
    let out = maskCredentialAssignments(s, name => this.isCredentialName(name))
    if (this.secrets.size === 0) return out
    if (this.dirty || !this.pattern) {
      // Longest first, so a secret that contains another is replaced whole.
      const sorted = [...this.secrets].sort((a, b) => b.length - a.length)
      this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g')
      this.dirty = false
    }
    out = out.replace(this.pattern, REDACTED)
    return out
  }

  isCredentialName(attrName: string): boolean {
    let known = this.names.get(attrName)
    if (known === undefined) {
      known = CREDENTIAL_NAME.test(attrName) && !CREDENTIAL_METADATA.test(attrName)
      if (this.names.size < 10000) this.names.set(attrName, known)
    }
    return known
  }

  /**
   * A path with a credential-looking attribute name or map key at any level (`password`, `credentials.username`,
   * `environment.DB_PASSWORD`). A bare `key` (a tag block's `key`, a map key "key") is not one.
   */
  isCredentialPath(path: readonly PathStep[]): boolean {
    for (const step of path) if (typeof step === 'string' && this.isCredentialName(step)) return true
    return false
  }
}

/** The forms a value takes in plan text: itself, JSON-escaped, and each line, trimmed. */
function secretForms(value: string): string[] {
  if (typeof value !== 'string') return []
  const forms = new Set<string>()
  for (const form of [value, JSON.stringify(value).slice(1, -1), ...value.split(/\r?\n/)]) {
    const trimmed = form.trim()
    if (trimmed !== '') forms.add(trimmed)
  }
  return [...forms]
}

/**
 * The strings in a TF_VAR_ value: the value itself, and for an HCL/JSON collection (`{ key = "v" }`, `["a"]`)
 * each quoted string in it (keys too: they are then filtered like any value).
 */
export function tfVarStrings(raw: string): string[] {
  const t = raw.trim()
  if (!/^[[{]/.test(t)) return [raw]
  const out = [raw]
  for (const m of t.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    try {
      out.push(JSON.parse(`"${m[1]}"`) as string)
    } catch {
      out.push(m[1])
    }
  }
  return out
}

/** Walks a change's before/after once: secret candidates (by sensitivity and name) and every key (public). */
class PlanWalker {
  constructor(
    private readonly r: Redactor,
    private readonly found: Array<[string, SecretOrigin]>,
    private readonly names: Set<string>
  ) {}

  walk(v: JsonValue | undefined, sens: ShapeFlags | undefined, credential: boolean): void {
    if (v === null || v === undefined) return
    if (sens === true) {
      // Keys inside a sensitive map are hidden too, so they are candidates, not names.
      collectStrings(v, s => this.found.push([s, credential ? 'credential-attribute' : 'sensitive-value']))
      return
    }
    if (typeof v !== 'object') {
      if (credential && typeof v === 'string') this.found.push([v, 'credential-attribute'])
      return
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) this.walk(v[i], Array.isArray(sens) ? sens[i] : undefined, credential)
      return
    }
    const sensObj = sens && typeof sens === 'object' && !Array.isArray(sens) ? sens : undefined
    for (const k in v) {
      this.names.add(k)
      this.walk(v[k], sensObj?.[k], credential || this.r.isCredentialName(k))
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Every string leaf and map key, and numbers as strings (a sensitive port or PIN is still a secret). */
function collectStrings(v: JsonValue | undefined, add: (s: string) => void): void {
  if (typeof v === 'string') add(v)
  else if (typeof v === 'number') add(String(v))
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, add)
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      add(k)
      collectStrings(x, add)
    }
}

// Quick filters, so the masking of assignments costs nothing on the many values without one.
const ASSIGNMENT_HINT = /pass|pwd|secret|token|key|cred|conn|sas/i
const LINE_ASSIGNMENT = /^(\s*[-+~]?\s*)("?)([A-Za-z0-9_.-]+)\2(\s*=\s*)(.*)$/
const JSON_MEMBER = /"([A-Za-z0-9_.-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g
const QUOTED = /"(?:[^"\\]|\\.)*"/g
const KEPT_VALUE = /^(null|true|false|\(sensitive value\)|\(known after apply\)|[{[(]|<<)/

/**
 * Hides the values of credential-named attributes in text that is not walked by path: Terraform's text plan
 * (`+ administrator_login_password = "password"`, `~ "DB_PASSWORD" = "a" -> "b"`, heredocs) and JSON members
 * (`"client_secret": "…"`). Such a value need not look like a credential to be hidden here, as by path.
 */
export function maskCredentialAssignments(text: string, isCredentialName: (name: string) => boolean): string {
  if (!ASSIGNMENT_HINT.test(text) || (!text.includes('=') && !text.includes(':'))) return text
  let out = text
  if (out.includes(':'))
    out = out.replace(JSON_MEMBER, (all, name: string, sep: string) =>
      isCredentialName(name) ? `"${name}"${sep}"${REDACTED}"` : all
    )
  if (!out.includes('=')) return out
  const lines = out.split('\n')
  let heredoc: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined
      else lines[i] = line.replace(/\S.*$/, REDACTED)
      continue
    }
    const m = LINE_ASSIGNMENT.exec(line)
    if (!m || !isCredentialName(m[3])) continue
    const value = m[5]
    const doc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(value)
    if (doc) heredoc = doc[1]
    else if (!KEPT_VALUE.test(value)) lines[i] = `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}${maskSides(value)}`
  }
  return lines.join('\n')
}

/** `"a" -> "b" # forces replacement` → `"***" -> "***" # forces replacement`; null and (…) stay. */
function maskSides(value: string): string {
  const masked = value.replace(QUOTED, `"${REDACTED}"`)
  if (masked !== value) return masked
  // An unquoted scalar (a number): hide it up to an arrow or comment.
  return value.replace(/^[^\s#]+/, REDACTED).replace(/-> (?!null|\()[^\s#]+/, `-> ${REDACTED}`)
}
