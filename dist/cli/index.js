#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/errors.ts
// A problem the user can fix (bad input, refused apply, failed verification). main() prints its
// message as one line with no stack trace and exits 1; anything else is a bug and keeps its stack.


class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
// Faults of the disk, not of the network or the input: never worth a retry, and the fix is on the runner.
const DISK_FAULTS = {
    ENOSPC: 'no space left on',
    EDQUOT: 'disk quota exceeded on',
    EROFS: 'read-only file system:',
    EACCES: 'permission denied writing to',
    EPERM: 'operation not permitted on'
};
function codeOf(err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
    return typeof code === 'string' ? code : undefined;
}
function pathOf(err) {
    const path = typeof err === 'object' && err !== null && 'path' in err ? err.path : undefined;
    return typeof path === 'string' ? path : undefined;
}
function isDiskFault(err) {
    const code = codeOf(err);
    return code !== undefined && code in DISK_FAULTS;
}
/**
 * One line for a disk fault: `no space left on RUNNER_TEMP (<its path>): could not write tfplan.json
 * (ENOSPC)`. The directory is the known one that holds the failing path (or `fallback`); undefined when `err` is
 * not a disk fault.
 */
function diskFaultError(err, doing, dirs, fallback) {
    const code = codeOf(err);
    if (code === undefined || !(code in DISK_FAULTS))
        return undefined;
    const path = pathOf(err);
    const inside = (dir, p) => {
        const rel = relative(dir, p);
        return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    };
    // the innermost known directory that holds the path
    const dir = (path === undefined
        ? undefined
        : dirs.filter(d => inside(d.path, path)).sort((a, b) => b.path.length - a.path.length)[0]) ?? fallback;
    const where = dir ? `${dir.label} (${dir.path})` : (path ?? 'the disk');
    return new UserError(`${DISK_FAULTS[code]} ${where}: ${doing} (${code})`);
}
/**
 * Node reports a recursive mkdir on a read-only file system as ENOENT; when an error is not itself a disk fault,
 * ask the known directories whether they can be written at all, and name the first that cannot.
 */
function unwritableDirError(doing, dirs) {
    for (const dir of dirs) {
        try {
            accessSync(dir.path, constants.W_OK);
        }
        catch (err) {
            const fault = diskFaultError(err, doing, [dir], dir);
            if (fault)
                return fault;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/plan/plan-json.ts
// Types for `terraform show -json <planfile>` (JSON output format_version 1.x). Only what we read is typed
// strictly; everything may be absent in older or newer Terraform versions, so the model treats it as optional.
// https://developer.hashicorp.com/terraform/internals/json-format
/** JSON plan format versions Terraform ≥ 1.0 writes: 0.2 (1.0.x) and 1.x (1.1 and later). */
const ACCEPTED_FORMATS = /^(0\.2|1\.\d+)$/;
/** A plan JSON the renderer can read, or a one-line reason why not (the caller adds where it came from). */
class PlanShapeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PlanShapeError';
    }
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Checks the parts of a plan the comment reads and repairs what can be repaired (an entry without `address`
 * gets one built from its module, type, name and index; optional sections of the wrong shape are dropped).
 * Returns `value` itself when nothing needed repair. Throws PlanShapeError with one line otherwise.
 */
function normalizePlan(value) {
    if (normalized.has(value))
        return value;
    const plan = checkedPlan(value);
    normalized.add(plan);
    return plan;
}
/** Plans already checked (the CLI checks, then the renderer is handed the same object). */
const normalized = new WeakSet();
function checkedPlan(value) {
    if (!isRecord(value))
        throw new PlanShapeError('is not a JSON object');
    const version = value.format_version;
    if (typeof version !== 'string')
        throw new PlanShapeError('has no format_version: it is not a Terraform plan');
    if (!ACCEPTED_FORMATS.test(version))
        throw new PlanShapeError(`has format_version "${version.slice(0, 20)}"; accepted are 0.2 and 1.x (written by Terraform 1.0 and later)`);
    let plan = value;
    const repaired = {};
    for (const key of ['resource_changes', 'resource_drift']) {
        const list = value[key];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw new PlanShapeError(`${key} is not a list`);
        let changed = false;
        const fixed = list.map((entry, i) => {
            const rc = resourceChange(entry, `${key}[${i}]`);
            if (rc !== entry)
                changed = true;
            return rc;
        });
        if (changed)
            repaired[key] = fixed;
    }
    const deferred = value.deferred_changes;
    if (deferred !== undefined && deferred !== null) {
        if (!Array.isArray(deferred))
            repaired.deferred_changes = undefined;
    }
    const outputs = value.output_changes;
    if (outputs !== undefined && outputs !== null) {
        if (!isRecord(outputs))
            throw new PlanShapeError('output_changes is not an object');
        for (const [name, oc] of Object.entries(outputs))
            if (!isRecord(oc) || !isActions(oc.actions))
                throw new PlanShapeError(`output_changes["${name.slice(0, 100)}"] has no list of actions`);
    }
    const relevant = value.relevant_attributes;
    if (relevant !== undefined && relevant !== null) {
        const valid = (r) => isRecord(r) && typeof r.resource === 'string' && Array.isArray(r.attribute);
        if (!Array.isArray(relevant))
            repaired.relevant_attributes = undefined;
        else if (!relevant.every(valid))
            repaired.relevant_attributes = relevant.filter(valid);
    }
    for (const key of ['checks', 'diagnostics']) {
        const list = value[key];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            repaired[key] = undefined;
        else if (key === 'checks' && !list.every(c => isRecord(c) && isRecord(c.address)))
            repaired[key] = list.filter(c => isRecord(c) && isRecord(c.address));
        else if (key === 'diagnostics' && !list.every(d => isRecord(d) && typeof d.summary === 'string'))
            repaired[key] = list.filter(d => isRecord(d) && typeof d.summary === 'string');
    }
    for (const key of ['variables', 'planned_values', 'prior_state', 'configuration']) {
        const part = value[key];
        if (part !== undefined && part !== null && !isRecord(part))
            repaired[key] = undefined;
    }
    if (Object.keys(repaired).length > 0)
        plan = { ...plan, ...repaired };
    return plan;
}
function isActions(v) {
    return Array.isArray(v) && v.every(a => typeof a === 'string');
}
function resourceChange(entry, where) {
    if (!isRecord(entry))
        throw new PlanShapeError(`${where} is not an object`);
    const change = entry.change;
    if (!isRecord(change) || !isActions(change.actions))
        throw new PlanShapeError(`${where} has no change.actions list`);
    // The common case, a well-formed entry, allocates nothing.
    if (typeof entry.address === 'string' &&
        entry.address !== '' &&
        typeof entry.type === 'string' &&
        entry.type !== '' &&
        typeof entry.name === 'string' &&
        entry.name !== '' &&
        (entry.mode === 'managed' || entry.mode === 'data') &&
        (entry.previous_address === undefined || typeof entry.previous_address === 'string') &&
        (entry.deposed === undefined || typeof entry.deposed === 'string') &&
        (change.replace_paths === undefined || Array.isArray(change.replace_paths)))
        return entry;
    const fix = {};
    const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    if (str(entry.type) === undefined)
        fix.type = str(entry.address)?.match(/([A-Za-z0-9_-]+)\.[^.[]+(\[[^\]]*\])?$/)?.[1] ?? 'unknown';
    if (str(entry.name) === undefined)
        fix.name = 'unknown';
    if (entry.mode !== 'managed' && entry.mode !== 'data')
        fix.mode = 'managed';
    if (str(entry.address) === undefined) {
        const type = str(entry.type);
        const name = str(entry.name);
        if (type === undefined || name === undefined)
            throw new PlanShapeError(`${where} has no address, and no type and name to name it by`);
        const index = typeof entry.index === 'number'
            ? `[${entry.index}]`
            : typeof entry.index === 'string'
                ? `[${JSON.stringify(entry.index)}]`
                : '';
        const module = str(entry.module_address);
        fix.address = `${module ? `${module}.` : ''}${entry.mode === 'data' ? 'data.' : ''}${type}.${name}${index}`;
    }
    if (entry.previous_address !== undefined && typeof entry.previous_address !== 'string')
        fix.previous_address = undefined;
    if (entry.deposed !== undefined && typeof entry.deposed !== 'string')
        fix.deposed = undefined;
    if (change.replace_paths !== undefined && !Array.isArray(change.replace_paths))
        fix.change = { ...change, replace_paths: undefined };
    return Object.keys(fix).length > 0
        ? { ...entry, ...fix }
        : entry;
}

;// CONCATENATED MODULE: ./src/render/redact.ts
/** Replaces a secret wherever it occurs in rendered text. */
const REDACTED = '***';
/**
 * Declared secrets (the `mask` input, the token) shorter than this are ignored: masking every "on" or "123" would
 * garble everything. Values found in the plan must also look like credentials (credentialLevel).
 */
const MIN_SECRET_LENGTH = 4;
/** Values found in the plan shorter than this are never replaced as text (NIST's minimum password length). */
const MIN_PLAN_SECRET_LENGTH = 8;
const NOT_A_SECRET = /^(true|false|null|-?\d{1,5})$/i;
const CREDENTIAL_NAME = /(passw(or)?d|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?key|master[_-]?key|auth[_-]?key|signing[_-]?key|connection[_-]?string|conn[_-]?str|credential|(^|[_-])sas([_-]|$)|[_-]key$)/i;
/**
 * Names that mention a credential but hold a reference to it, metadata about it, or an identifier (a bare `key`
 * is the name half of a tag, an S3 object path, an App Configuration key: it is not in CREDENTIAL_NAME at all).
 */
const CREDENTIAL_METADATA = /([_-](ids?|names?|arns?|types?|versions?|versionless_id|length|ttl|expiration|expiry|expiration_date|expires_on|enabled|count|policy|policies|rotation|permissions|source|uri|path|urls?|format|algorithm|size|kind)$|^(public_key|hash_key|range_key|sort_key|partition_key|row_key|key_type|tag_key|label_key|object_key|s3_key|cache_key|routing_key|lookup_key|idempotency_key)$)/i;
/** Text that is in itself a credential: a connection-string or query key, URL userinfo, a bearer token, a PEM. */
const CREDENTIAL_MARKER = /((password|passwd|pwd|secret|token|key|sig|signature|credential)=[^;&\s]|^(bearer|basic) \S{8,}|:\/\/[^/\s:@]+:[^/\s@]+@|-----BEGIN [A-Z ]*PRIVATE KEY)/i;
const WORDS_ONLY = /^[A-Za-z]+([-_.:/,+ ][A-Za-z]+)*$/;
/**
 * Whether a value from the plan is replaced as text wherever it occurs. Sensitive variables and credential-named
 * attributes are credentials unless the value is an ordinary word or number; a value merely inside a sensitive
 * structure must itself look like a generated secret (a long random run of mixed characters) or carry a
 * credential marker, because such structures also hold names, endpoints, image tags and model versions.
 */
function looksLikeCredential(value, origin) {
    const t = value.trim();
    if (t.length < MIN_PLAN_SECRET_LENGTH)
        return false;
    if (CREDENTIAL_MARKER.test(t))
        return true;
    // Sentences, endpoints without credentials, resource IDs and file paths, numbers and dates.
    if (/\s/.test(t) || /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || t.startsWith('/') || !/[A-Za-z]/.test(t))
        return false;
    if (origin === 'sensitive-value')
        return hasRandomRun(t) || isGeneratedPassword(t);
    if (WORDS_ONLY.test(t))
        return /^[A-Za-z]{12,}$/.test(t) && /[a-z]/.test(t) && /[A-Z]/.test(t);
    return true;
}
/** A generated password (random_password): 10+ characters, 3 character classes, a symbol names never have. */
function isGeneratedPassword(t) {
    if (t.length < 10 || !/[^A-Za-z0-9\-_.:/,]/.test(t))
        return false;
    return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(c => c.test(t)).length >= 3;
}
/** A run between separators of 10+ characters with 3 character classes, or 16+ with letters and digits. */
function hasRandomRun(t) {
    for (const run of t.split(/[-_.:/,]+/)) {
        if (run.length < 10)
            continue;
        const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter(c => c.test(run)).length;
        if (classes >= 3 || (run.length >= 16 && /[A-Za-z]/.test(run) && /[0-9]/.test(run)))
            return true;
    }
    return false;
}
class Redactor {
    secrets = new Set();
    pattern;
    dirty = false;
    /** plans whose secrets were collected (so a renderer need not walk the same plan again) */
    plans = new WeakSet();
    /** attribute names repeat across thousands of resources: decide each once */
    names = new Map();
    constructor(secrets) {
        for (const s of secrets ?? [])
            this.addSecret(s);
    }
    /**
     * A declared secret (`mask` input, token, a value already registered): replaced wherever it occurs. Also
     * registers the JSON-escaped form and each line of a multi-line secret, as they appear in plan text.
     */
    addSecret(value) {
        for (const form of secretForms(value))
            if (form.length >= MIN_SECRET_LENGTH && !NOT_A_SECRET.test(form))
                this.add(form);
    }
    add(form) {
        if (this.secrets.has(form))
            return;
        this.secrets.add(form);
        this.dirty = true;
    }
    /** Whether fromPlan() collected this plan's secrets. */
    covers(plan) {
        return this.plans.has(plan);
    }
    get size() {
        return this.secrets.size;
    }
    /** The secret strings, e.g. to register them with the runner (core.setSecret) or seed another redactor. */
    values() {
        return [...this.secrets];
    }
    /**
     * Builds a redactor from the plan plus the caller's declared secrets. Collected as text secrets: values of
     * sensitive variables (from the plan and from TF_VAR_ in `opts.env`), of credential-named attributes and of
     * sensitive structures and outputs, each only when it looks like a credential for where it was found
     * (looksLikeCredential) and occurs in no name of the plan (address, resource key, attribute or map key, output
     * or variable name) nor in `opts.publicText`: those are never masked.
     */
    static fromPlan(plan, secrets, opts = {}) {
        const r = new Redactor(secrets);
        r.plans.add(plan);
        const found = [];
        const names = new Set(opts.publicText ?? []);
        const walker = new PlanWalker(r, found, names);
        const vars = plan.configuration?.root_module?.variables ?? {};
        for (const [name, v] of Object.entries(vars)) {
            names.add(name);
            if (v.sensitive !== true)
                continue;
            collectStrings(plan.variables?.[name]?.value, s => found.push([s, 'sensitive-variable']));
            const fromEnv = opts.env?.[`TF_VAR_${name}`];
            if (fromEnv !== undefined)
                for (const s of tfVarStrings(fromEnv))
                    found.push([s, 'sensitive-variable']);
        }
        for (const [name, oc] of Object.entries(plan.output_changes ?? {})) {
            names.add(name);
            if (oc.before_sensitive === true)
                collectStrings(oc.before, s => found.push([s, 'sensitive-value']));
            if (oc.after_sensitive === true)
                collectStrings(oc.after, s => found.push([s, 'sensitive-value']));
        }
        for (const [, o] of Object.entries(plan.planned_values?.outputs ?? {}))
            if (o.sensitive === true)
                collectStrings(o.value, s => found.push([s, 'sensitive-value']));
        for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
            for (const n of [rc.address, rc.previous_address, rc.module_address, rc.type, rc.name, rc.index])
                if (n !== undefined && n !== null)
                    names.add(String(n));
            const c = rc.change;
            if (c.importing?.id)
                names.add(c.importing.id);
            walker.walk(c.before, c.before_sensitive, false);
            walker.walk(c.after, c.after_sensitive, false);
        }
        for (const check of plan.checks ?? [])
            names.add(check.address.to_display);
        const accepted = found.flatMap(([value, origin]) => secretForms(value).filter(f => !r.secrets.has(f) && looksLikeCredential(f, origin)));
        if (accepted.length > 0) {
            const shown = [...names].join('\n');
            for (const form of accepted)
                if (!shown.includes(form))
                    r.add(form);
        }
        return r;
    }
    /** Replaces every text secret, and the values of credential-named assignments (`password = "…"`). */
    redactText(s) {
        if (s.length < MIN_SECRET_LENGTH)
            return s;
        let out = maskCredentialAssignments(s, name => this.isCredentialName(name));
        if (this.secrets.size === 0)
            return out;
        if (this.dirty || !this.pattern) {
            // Longest first, so a secret that contains another is replaced whole.
            const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
            this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
            this.dirty = false;
        }
        out = out.replace(this.pattern, REDACTED);
        return out;
    }
    isCredentialName(attrName) {
        let known = this.names.get(attrName);
        if (known === undefined) {
            known = CREDENTIAL_NAME.test(attrName) && !CREDENTIAL_METADATA.test(attrName);
            if (this.names.size < 10000)
                this.names.set(attrName, known);
        }
        return known;
    }
    /**
     * A path with a credential-looking attribute name or map key at any level (`password`, `credentials.username`,
     * `environment.DB_PASSWORD`). A bare `key` (a tag block's `key`, a map key "key") is not one.
     */
    isCredentialPath(path) {
        for (const step of path)
            if (typeof step === 'string' && this.isCredentialName(step))
                return true;
        return false;
    }
}
/** The forms a value takes in plan text: itself, JSON-escaped, and each line, trimmed. */
function secretForms(value) {
    if (typeof value !== 'string')
        return [];
    const forms = new Set();
    for (const form of [value, JSON.stringify(value).slice(1, -1), ...value.split(/\r?\n/)]) {
        const trimmed = form.trim();
        if (trimmed !== '')
            forms.add(trimmed);
    }
    return [...forms];
}
/**
 * The strings in a TF_VAR_ value: the value itself, and for an HCL/JSON collection (`{ key = "v" }`, `["a"]`)
 * each quoted string in it (keys too: they are then filtered like any value).
 */
function tfVarStrings(raw) {
    const t = raw.trim();
    if (!/^[[{]/.test(t))
        return [raw];
    const out = [raw];
    for (const m of t.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        try {
            out.push(JSON.parse(`"${m[1]}"`));
        }
        catch {
            out.push(m[1]);
        }
    }
    return out;
}
/** Walks a change's before/after once: secret candidates (by sensitivity and name) and every key (public). */
class PlanWalker {
    r;
    found;
    names;
    constructor(r, found, names) {
        this.r = r;
        this.found = found;
        this.names = names;
    }
    walk(v, sens, credential) {
        if (v === null || v === undefined)
            return;
        if (sens === true) {
            // Keys inside a sensitive map are hidden too, so they are candidates, not names.
            collectStrings(v, s => this.found.push([s, credential ? 'credential-attribute' : 'sensitive-value']));
            return;
        }
        if (typeof v !== 'object') {
            if (credential && typeof v === 'string')
                this.found.push([v, 'credential-attribute']);
            return;
        }
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++)
                this.walk(v[i], Array.isArray(sens) ? sens[i] : undefined, credential);
            return;
        }
        const sensObj = sens && typeof sens === 'object' && !Array.isArray(sens) ? sens : undefined;
        for (const k in v) {
            this.names.add(k);
            this.walk(v[k], sensObj?.[k], credential || this.r.isCredentialName(k));
        }
    }
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/** Every string leaf and map key, and numbers as strings (a sensitive port or PIN is still a secret). */
function collectStrings(v, add) {
    if (typeof v === 'string')
        add(v);
    else if (typeof v === 'number')
        add(String(v));
    else if (Array.isArray(v))
        for (const x of v)
            collectStrings(x, add);
    else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
            add(k);
            collectStrings(x, add);
        }
}
// Quick filters, so the masking of assignments costs nothing on the many values without one.
const ASSIGNMENT_HINT = /pass|pwd|secret|token|key|cred|conn|sas/i;
const LINE_ASSIGNMENT = /^(\s*[-+~]?\s*)("?)([A-Za-z0-9_.-]+)\2(\s*=\s*)(.*)$/;
const JSON_MEMBER = /"([A-Za-z0-9_.-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const KEPT_VALUE = /^(null|true|false|\(sensitive value\)|\(known after apply\)|[{[(]|<<)/;
/**
 * Hides the values of credential-named attributes in text that is not walked by path: Terraform's text plan
 * (`+ administrator_login_password = "password"`, `~ "DB_PASSWORD" = "a" -> "b"`, heredocs) and JSON members
 * (`"client_secret": "…"`). Such a value need not look like a credential to be hidden here, as by path.
 */
function maskCredentialAssignments(text, isCredentialName) {
    if (!ASSIGNMENT_HINT.test(text) || (!text.includes('=') && !text.includes(':')))
        return text;
    let out = text;
    if (out.includes(':'))
        out = out.replace(JSON_MEMBER, (all, name, sep) => isCredentialName(name) ? `"${name}"${sep}"${REDACTED}"` : all);
    if (!out.includes('='))
        return out;
    const lines = out.split('\n');
    let heredoc;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (heredoc !== undefined) {
            if (line.trim() === heredoc)
                heredoc = undefined;
            else
                lines[i] = line.replace(/\S.*$/, REDACTED);
            continue;
        }
        const m = LINE_ASSIGNMENT.exec(line);
        if (!m || !isCredentialName(m[3]))
            continue;
        const value = m[5];
        const doc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(value);
        if (doc)
            heredoc = doc[1];
        else if (!KEPT_VALUE.test(value))
            lines[i] = `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}${maskSides(value)}`;
    }
    return lines.join('\n');
}
/** `"a" -> "b" # forces replacement` → `"***" -> "***" # forces replacement`; null and (…) stay. */
function maskSides(value) {
    const masked = value.replace(QUOTED, `"${REDACTED}"`);
    if (masked !== value)
        return masked;
    // An unquoted scalar (a number): hide it up to an arrow or comment.
    return value.replace(/^[^\s#]+/, REDACTED).replace(/-> (?!null|\()[^\s#]+/, `-> ${REDACTED}`);
}

;// CONCATENATED MODULE: ./src/plan/list-match.ts
// Matching of list and set elements, as Terraform's renderer does it: lists by longest common subsequence
// (an element removed from the middle is one removal, not a cascade of changes), sets by value. Since
// Terraform 1.8 a list whose length did not change and that is not a reordering is compared element by element
// (hashicorp/terraform#34677): there an edited element reads as a change, not as a removal plus an addition.
/** Beyond this many cells the quadratic LCS table is not built: the middle is paired by position instead. */
const MAX_LCS_CELLS = 250_000;
/**
 * Aligns two lists of element keys (equal keys = equal elements). Elements in the longest common subsequence
 * are paired; between two common elements, removed elements come first, then added ones, except that when
 * `pairable` says both sides are objects, a removed and an added element at the same step are paired (an
 * object changed in place, shown with its nested changes).
 */
function matchList(before, after, pairable = () => false) {
    if (before.length === after.length && !isReorder(before, after))
        return before.map((_, i) => ({ before: i, after: i }));
    const common = lcsPairs(before, after);
    const out = [];
    let b = 0;
    let a = 0;
    for (const [cb, ca] of [...common, [before.length, after.length]]) {
        while (b < cb) {
            if (a < ca && pairable(b, a))
                out.push({ before: b++, after: a++ });
            else
                out.push({ before: b++, after: -1 });
        }
        while (a < ca)
            out.push({ before: -1, after: a++ });
        if (cb < before.length)
            out.push({ before: b++, after: a++ });
    }
    return out;
}
/** Whether every element before is still there after (only the order changed, or nothing). */
function isReorder(before, after) {
    const present = new Set(after);
    return before.every(k => present.has(k));
}
/** Index pairs of a longest common subsequence; common prefix and suffix are matched without the table. */
function lcsPairs(before, after) {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start])
        start++;
    let endB = before.length;
    let endA = after.length;
    while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
        endB--;
        endA--;
    }
    const pairs = [];
    for (let i = 0; i < start; i++)
        pairs.push([i, i]);
    const n = endB - start;
    const m = endA - start;
    if (n > 0 && m > 0) {
        if (n * m <= MAX_LCS_CELLS)
            pairs.push(...lcsTable(before, after, start, n, m));
        else {
            // Too large for the table: equal elements at the same offset still match, the rest are changes.
            for (let i = 0; i < Math.min(n, m); i++)
                if (before[start + i] === after[start + i])
                    pairs.push([start + i, start + i]);
        }
    }
    for (let i = 0; endB + i < before.length; i++)
        pairs.push([endB + i, endA + i]);
    return pairs;
}
function lcsTable(before, after, start, n, m) {
    // lengths[i][j] = LCS length of before[start+i..] and after[start+j..], in one flat array.
    const width = m + 1;
    const lengths = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lengths[i * width + j] =
                before[start + i] === after[start + j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    const pairs = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        if (before[start + i] === after[start + j]) {
            pairs.push([start + i, start + j]);
            i++;
            j++;
        }
        else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])
            i++;
        else
            j++;
    }
    return pairs;
}
/** Set elements: each before element is paired with an equal after element; the rest are removed or added. */
function matchSet(before, after) {
    const free = new Map();
    for (let j = after.length - 1; j >= 0; j--) {
        const list = free.get(after[j]);
        if (list)
            list.push(j);
        else
            free.set(after[j], [j]);
    }
    const out = [];
    const taken = new Set();
    for (let i = 0; i < before.length; i++) {
        const j = free.get(before[i])?.pop();
        if (j === undefined)
            out.push({ before: i, after: -1 });
        else {
            taken.add(j);
            out.push({ before: i, after: j });
        }
    }
    for (let j = 0; j < after.length; j++)
        if (!taken.has(j))
            out.push({ before: -1, after: j });
    return out;
}

;// CONCATENATED MODULE: ./src/plan/value-diff.ts
// The structural diff of one value (a resource's attributes, an output, a decoded JSON string), with Terraform's
// semantics: lists matched by longest common subsequence, sets by value, maps and objects by key, unknown and
// sensitive values wherever the plan marks them, and the attributes that force replacement.

const value_diff_DYNAMIC = { kind: 'dynamic' };
const PRIMITIVE = { kind: 'primitive' };
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isContainer = (v) => typeof v === 'object' && v !== null;
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (!isContainer(a) || !isContainer(b))
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every(k => k in b && deepEqual(a[k], b[k]));
}
/** True when a flag tree marks anything (unknown / sensitive) anywhere. */
function anyFlag(flags) {
    if (flags === true)
        return true;
    if (typeof flags !== 'object' || flags === null)
        return false;
    return Array.isArray(flags) ? flags.some(anyFlag) : Object.values(flags).some(anyFlag);
}
function childFlags(flags, step) {
    if (typeof flags !== 'object' || flags === null)
        return undefined;
    if (Array.isArray(flags))
        return typeof step === 'number' ? flags[step] : undefined;
    return typeof step === 'string' ? flags[step] : undefined;
}
function childValue(v, step) {
    if (Array.isArray(v))
        return typeof step === 'number' ? v[step] : undefined;
    if (isObject(v))
        return typeof step === 'string' ? v[step] : undefined;
    return undefined;
}
/** Whether a string is JSON Terraform would show as `jsonencode(...)`: an encoded object or array. */
function parseJsonString(s) {
    const t = s.trimStart();
    if (t[0] !== '{' && t[0] !== '[')
        return undefined;
    try {
        const v = JSON.parse(s);
        return isContainer(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Most lines of a multi-line string compared by LCS; longer strings are compared by position. */
const MAX_LINE_DIFF = 5000;
function value_diff_diffValues(input, type = value_diff_DYNAMIC, path = []) {
    return walk(path, input.before, input.after, input.unknown, input.beforeSensitive, input.afterSensitive, type, input.replacePaths ?? []);
}
function isForcing(paths, path) {
    // A replace path names the attribute (or a prefix of where the value sits: a set has no stable index).
    return paths.some(p => p.length <= path.length && p.length > 0 && p.every((step, i) => step === path[i]));
}
function walk(path, before, after, unknown, bs, as, type, replace) {
    const node = {
        action: 'no-op',
        before,
        after,
        unknown,
        beforeSensitive: bs,
        afterSensitive: as,
        forcesReplacement: replace.length > 0 && isForcing(replace, path)
    };
    const bNull = before === undefined || before === null;
    const aNull = after === undefined || after === null;
    if (unknown === true) {
        node.leaf = 'unknown';
        node.action = bNull ? 'create' : 'update';
        return node;
    }
    if (bs === true || as === true) {
        node.leaf = 'sensitive';
        node.action =
            bNull && aNull
                ? 'no-op'
                : bNull
                    ? 'create'
                    : aNull
                        ? 'delete'
                        : (bs === true) !== (as === true) || !deepEqual(before, after)
                            ? 'update'
                            : 'no-op';
        return node;
    }
    if (bNull && aNull)
        return node;
    const kind = containerKind(type, bNull ? after : before);
    const otherKind = containerKind(type, bNull ? before : after);
    if (kind && (bNull || aNull || kind === otherKind)) {
        node.collection = kind;
        node.children = children(path, before, after, unknown, bs, as, type, kind, replace);
        node.action = bNull
            ? 'create'
            : aNull
                ? 'delete'
                : node.children.some(c => c.diff.action !== 'no-op')
                    ? 'update'
                    : 'no-op';
        return node;
    }
    node.leaf = 'value';
    node.action = bNull ? 'create' : aNull ? 'delete' : deepEqual(before, after) ? 'no-op' : 'update';
    if (node.action === 'update' && typeof before === 'string' && typeof after === 'string') {
        const bj = parseJsonString(before);
        const aj = parseJsonString(after);
        if (bj !== undefined && aj !== undefined) {
            const inner = walk([], bj, aj, undefined, undefined, undefined, value_diff_DYNAMIC, []);
            // Only whitespace or key order changed: Terraform shows the JSON as unchanged, but it is a change.
            if (inner.action !== 'no-op')
                node.json = inner;
        }
        else if (before.includes('\n') || after.includes('\n'))
            node.lines = lineDiff(before, after);
    }
    return node;
}
function containerKind(type, v) {
    if (!isContainer(v))
        return undefined;
    switch (type.kind) {
        case 'list':
        case 'set':
            return Array.isArray(v) ? type.kind : undefined;
        case 'map':
        case 'object':
            return isObject(v) ? type.kind : undefined;
        case 'primitive':
            return undefined;
        default:
            return Array.isArray(v) ? 'list' : 'object';
    }
}
function elementType(type, key) {
    switch (type.kind) {
        case 'list':
        case 'set':
        case 'map':
            return type.element;
        case 'object':
            return typeof key === 'string' ? (type.attributes[key] ?? value_diff_DYNAMIC) : value_diff_DYNAMIC;
        case 'primitive':
            return PRIMITIVE;
        default:
            return value_diff_DYNAMIC;
    }
}
/** An element's identity for matching: its value and where it is unknown or sensitive. */
function elementKey(v, unknown, sens) {
    const u = anyFlag(unknown) ? JSON.stringify(unknown) : '';
    const s = anyFlag(sens) ? JSON.stringify(sens) : '';
    return u === '' && s === '' ? JSON.stringify(v ?? null) : `${JSON.stringify(v ?? null)}\u0000${u}\u0000${s}`;
}
function children(path, before, after, unknown, bs, as, type, kind, replace) {
    // The path only serves to find replace paths: not built when there are none.
    const child = (key, b, a) => ({
        key,
        diff: walk(replace.length > 0 ? [...path, key] : path, b === undefined ? undefined : childValue(before, b), a === undefined ? undefined : childValue(after, a), a === undefined ? undefined : childFlags(unknown, a), b === undefined ? undefined : childFlags(bs, b), a === undefined ? undefined : childFlags(as, a), elementType(type, key), replace)
    });
    if (kind === 'map' || kind === 'object') {
        const keys = new Set();
        for (const v of [before, after, unknown])
            if (isObject(v))
                for (const k of Object.keys(v))
                    keys.add(k);
        return [...keys].sort().map(k => child(k, isObject(before) && k in before ? k : undefined, k));
    }
    const b = Array.isArray(before) ? before : [];
    // An unknown element of a known list shows in after_unknown only (its after value is null).
    const aLength = Math.max(Array.isArray(after) ? after.length : 0, Array.isArray(unknown) ? unknown.length : 0);
    let matches;
    if (b.length === 0 || aLength === 0 || (kind === 'list' && type.kind === 'list' && type.byIndex)) {
        matches = [];
        for (let i = 0; i < Math.max(b.length, aLength); i++)
            matches.push({ before: i < b.length ? i : -1, after: i < aLength ? i : -1 });
    }
    else {
        const bKeys = b.map((v, i) => elementKey(v, undefined, childFlags(bs, i)));
        const aKeys = Array.from({ length: aLength }, (_, i) => elementKey(childValue(after, i), childFlags(unknown, i), childFlags(as, i)));
        const elementIsObject = (v) => isObject(v);
        matches =
            kind === 'set'
                ? matchSet(bKeys, aKeys)
                : matchList(bKeys, aKeys, (i, j) => elementIsObject(b[i]) && elementIsObject(childValue(after, j)));
    }
    return matches.map(m => child(m.after >= 0 ? m.after : m.before, m.before >= 0 ? m.before : undefined, m.after >= 0 ? m.after : undefined));
}
/** The changed lines of a multi-line string, by LCS over lines. */
function lineDiff(before, after) {
    const b = before.split('\n');
    const a = after.split('\n');
    const out = [];
    const matches = [];
    if (b.length + a.length > MAX_LINE_DIFF) {
        // Too long for LCS: compare by position.
        for (let i = 0; i < Math.max(b.length, a.length); i++) {
            if (b[i] === a[i])
                continue;
            if (i < b.length)
                matches.push({ before: i, after: -1 });
            if (i < a.length)
                matches.push({ before: -1, after: i });
        }
    }
    else
        matches.push(...matchList(b, a));
    for (const m of matches) {
        if (m.before >= 0 && m.after >= 0) {
            // Paired by position (same number of lines): an edited line is the old line out, the new line in.
            if (b[m.before] !== a[m.after])
                out.push({ action: 'delete', line: m.before + 1, text: b[m.before] }, { action: 'create', line: m.after + 1, text: a[m.after] });
            continue;
        }
        if (m.before >= 0)
            out.push({ action: 'delete', line: m.before + 1, text: b[m.before] });
        else
            out.push({ action: 'create', line: m.after + 1, text: a[m.after] });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plan/relevant-drift.ts

const relevant_drift_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The drift entries to show, each reduced to its relevant attributes: outside the relevant paths the after
 * value is the before value, so the diff engine sees no change there. Entries with nothing relevant left are
 * dropped; entries whose object was deleted or created outside Terraform stay when any attribute of theirs is
 * relevant.
 */
function relevantDrift(plan, opts = {}) {
    const drift = (plan.resource_drift ?? []).filter(rc => rc && rc.change);
    if (opts.refreshOnly)
        return drift;
    const byResource = new Map();
    const everywhere = [];
    for (const ra of plan.relevant_attributes ?? []) {
        if (!ra || !Array.isArray(ra.attribute))
            continue;
        if (!ra.resource)
            everywhere.push(ra.attribute);
        else {
            const list = byResource.get(ra.resource) ?? [];
            list.push(ra.attribute);
            byResource.set(ra.resource, list);
        }
    }
    const out = [];
    for (const rc of drift) {
        const paths = [...everywhere, ...(byResource.get(rc.address) ?? [])];
        if (paths.length === 0)
            continue;
        const { before, after } = rc.change;
        if (!relevant_drift_isObject(before) || !relevant_drift_isObject(after)) {
            out.push(rc);
            continue;
        }
        const pruned = prune(before, after, paths) ?? null;
        if (deepEqual(before, pruned))
            continue;
        out.push({ ...rc, change: { ...rc.change, after: pruned } });
    }
    return out;
}
/** `after`, with every part outside `paths` replaced by the same part of `before`. */
function prune(before, after, paths) {
    if (paths.length === 0)
        return before;
    if (paths.some(p => p.length === 0))
        return after;
    const next = (step) => paths.filter(p => p[0] === step || String(p[0]) === String(step)).map(p => p.slice(1));
    if (Array.isArray(before) && Array.isArray(after)) {
        const out = [];
        for (let i = 0; i < Math.max(before.length, after.length); i++) {
            const v = prune(before[i], after[i], next(i));
            if (v !== undefined)
                out.push(v);
        }
        return out;
    }
    if (relevant_drift_isObject(before) && relevant_drift_isObject(after)) {
        const out = {};
        for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
            const v = prune(before[k], after[k], next(k));
            if (v !== undefined)
                out[k] = v;
        }
        return out;
    }
    // A relevant path reaches below a value that changed shape: the whole value is relevant.
    return after;
}

;// CONCATENATED MODULE: ./src/plan/summary.ts

function changeKind(actions) {
    const has = (a) => actions.includes(a);
    if (has('delete') && has('create'))
        return 'replace';
    if (has('delete'))
        return 'destroy';
    if (has('forget'))
        return 'forget';
    if (has('create'))
        return 'create';
    if (has('update'))
        return 'update';
    if (has('read'))
        return 'read';
    return 'no-op';
}
const isMove = (rc) => rc.previous_address !== undefined && rc.previous_address !== rc.address;
const isImport = (rc) => rc.change.importing !== undefined && rc.change.importing !== null;
/** The address shown for a change: deposed objects are named as such. */
function displayAddress(rc) {
    return rc.deposed ? `${rc.address} (deposed object ${rc.deposed})` : rc.address;
}
/** A resource change that shows up in the plan (anything but a plain no-op). */
function isVisibleChange(rc) {
    return changeKind(rc.change.actions) !== 'no-op' || isMove(rc) || isImport(rc);
}
function summarizePlan(plan) {
    const s = {
        add: 0,
        change: 0,
        destroy: 0,
        replace: 0,
        import: 0,
        move: 0,
        forget: 0,
        read: 0,
        drift: 0,
        outputChanges: 0,
        hasChanges: false,
        changeKeys: []
    };
    const keys = new Set();
    for (const rc of plan.resource_changes ?? []) {
        const kind = changeKind(rc.change.actions);
        if (kind === 'create')
            s.add++;
        else if (kind === 'update')
            s.change++;
        else if (kind === 'replace')
            s.replace++;
        else if (kind === 'destroy')
            s.destroy++;
        else if (kind === 'forget')
            s.forget++;
        else if (kind === 'read')
            s.read++;
        if (kind !== 'no-op')
            keys.add(`${kind} ${displayAddress(rc)}`);
        if (isImport(rc)) {
            s.import++;
            keys.add(`import ${rc.address}`);
        }
        if (isMove(rc)) {
            s.move++;
            keys.add(`move ${rc.previous_address} ${rc.address}`);
        }
    }
    s.drift = summary_relevantDrift(plan).length;
    for (const oc of Object.values(plan.output_changes ?? {}))
        if (changeKind(oc.actions) !== 'no-op')
            s.outputChanges++;
    s.hasChanges = s.add + s.change + s.replace + s.destroy + s.forget + s.read + s.import + s.move + s.outputChanges > 0;
    s.changeKeys = [...keys].sort();
    return s;
}
/** 60000 → "60,000": every count in a comment is written this one way (toLocaleString loads ICU data: ~200 ms). */
function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** "2 to add, 1 to change, 1 to replace, 0 to destroy" plus the non-zero extras. */
function headline(s) {
    const n = thousands;
    const parts = [
        `${n(s.add)} to add`,
        `${n(s.change)} to change`,
        `${n(s.replace)} to replace`,
        `${n(s.destroy)} to destroy`
    ];
    const extra = [
        [s.import, 'to import'],
        [s.move, 'to move'],
        [s.forget, 'to forget'],
        [s.read, 'to read'],
        [s.outputChanges, s.outputChanges === 1 ? 'output to change' : 'outputs to change']
    ];
    for (const [count, label] of extra)
        if (count > 0)
            parts.push(`${n(count)} ${label}`);
    return parts.join(', ');
}
/**
 * The drift Terraform shows: changes made outside Terraform, reduced to the attributes the plan depends on
 * (`relevant_attributes`), like `terraform plan` does; a drift with no relevant change is left out. Plans that
 * predate `relevant_attributes` (format 0.2 / 1.0) show all drift.
 */
function summary_relevantDrift(plan) {
    // One rule for drift (plan/relevant-drift.ts); plans without relevant_attributes show all of it.
    const refreshOnly = !Array.isArray(plan.relevant_attributes);
    return relevantDrift(plan, { refreshOnly }).filter(rc => changeKind(rc.change.actions) !== 'no-op');
}

;// CONCATENATED MODULE: ./src/render/fit-to-size.ts
// Fits a document of sections into a character budget by lowering the detail of one section at a time, in a
// fixed order. Each section level is rendered at most once and sizes are summed, so a 10,000-resource plan
// costs a handful of renders, never a re-render of the whole document per step.
const SEPARATOR = '\n\n';
function fitToSize(sections, steps, maxChars, footer) {
    const levels = new Map(sections.map(s => [s.id, 0]));
    const cache = new Map();
    const key = (s) => `${s.id}\u0000${levels.get(s.id)}`;
    const text = (s) => {
        const k = key(s);
        if (!cache.has(k))
            cache.set(k, s.render(levels.get(s.id), maxChars));
        return cache.get(k);
    };
    const notes = new Map();
    const shortened = () => [...notes.values()];
    const sizeOf = (t) => t === undefined ? Infinity : t === '' ? 0 : t.length + SEPARATOR.length;
    const total = () => sections.reduce((n, s) => n + sizeOf(text(s)), sizeOf(footer(shortened())));
    let current = total();
    for (const step of steps) {
        if (current <= maxChars)
            break;
        const section = sections.find(s => s.id === step.section);
        if (!section || levels.get(section.id) >= step.level)
            continue;
        const before = text(section);
        levels.set(section.id, step.level);
        const previousNote = notes.get(section.id);
        notes.set(section.id, step.note);
        if (section.fillLevels?.includes(step.level)) {
            // Give this section whatever the others (and the footer) leave.
            const others = sections.reduce((n, s) => (s === section ? n : n + sizeOf(text(s))), sizeOf(footer(shortened())));
            cache.set(key(section), section.render(step.level, maxChars - others - SEPARATOR.length));
        }
        const after = text(section);
        if (after === before && before !== undefined) {
            // Nothing changed (e.g. an empty section): do not claim it was shortened.
            if (previousNote === undefined)
                notes.delete(section.id);
            else
                notes.set(section.id, previousNote);
        }
        current = total();
    }
    const parts = sections.map(s => text(s) ?? '').filter(t => t !== '');
    const foot = footer(shortened());
    if (foot !== '')
        parts.push(foot);
    return { parts, shortened: shortened(), levels: Object.fromEntries(levels) };
}
function joinParts(parts) {
    return parts.join(SEPARATOR) + '\n';
}

;// CONCATENATED MODULE: ./src/plan/provider-schema.ts

/** The schema block of a resource change's type, or undefined when the schemas do not cover it. */
function resourceSchema(schemas, rc) {
    const providers = schemas?.provider_schemas;
    if (!providers)
        return undefined;
    const pick = (p) => (rc.mode === 'data' ? p?.data_source_schemas : p?.resource_schemas)?.[rc.type]?.block;
    if (rc.provider_name && providers[rc.provider_name])
        return pick(providers[rc.provider_name]);
    for (const p of Object.values(providers)) {
        const block = pick(p);
        if (block)
            return block;
    }
    return undefined;
}
/** The diff type of a resource's attributes, from its schema block; `dynamic` (inferred) without one. */
function blockType(block) {
    if (!block)
        return value_diff_DYNAMIC;
    const attributes = {};
    for (const [name, attr] of Object.entries(block.attributes ?? {}))
        attributes[name] = attributeType(attr);
    for (const [name, nested] of Object.entries(block.block_types ?? {})) {
        const inner = blockType(nested.block);
        attributes[name] =
            nested.nesting_mode === 'list'
                ? { kind: 'list', element: inner, byIndex: true }
                : nested.nesting_mode === 'set'
                    ? { kind: 'set', element: inner }
                    : nested.nesting_mode === 'map'
                        ? { kind: 'map', element: inner }
                        : inner;
    }
    return { kind: 'object', attributes };
}
function attributeType(attr) {
    if (attr.nested_type) {
        const inner = blockType({ attributes: attr.nested_type.attributes });
        switch (attr.nested_type.nesting_mode) {
            case 'list':
                return { kind: 'list', element: inner, byIndex: true };
            case 'set':
                return { kind: 'set', element: inner };
            case 'map':
                return { kind: 'map', element: inner };
            default:
                return inner;
        }
    }
    return attr.type === undefined ? value_diff_DYNAMIC : ctyType(attr.type);
}
/** A cty type in its JSON form: "string", ["list","string"], ["object",{"a":"number"}], ["tuple",[...]]. */
function ctyType(t) {
    if (t === 'dynamic')
        return value_diff_DYNAMIC;
    if (typeof t === 'string')
        return { kind: 'primitive' };
    if (!Array.isArray(t) || t.length < 2)
        return value_diff_DYNAMIC;
    const [kind, arg] = t;
    switch (kind) {
        case 'list':
            return { kind: 'list', element: ctyType(arg) };
        case 'set':
            return { kind: 'set', element: ctyType(arg) };
        case 'map':
            return { kind: 'map', element: ctyType(arg) };
        case 'object': {
            const attributes = {};
            if (typeof arg === 'object' && arg !== null)
                for (const [k, v] of Object.entries(arg))
                    attributes[k] = ctyType(v);
            return { kind: 'object', attributes };
        }
        case 'tuple':
            // Positional by definition; its element types differ, so they are inferred.
            return { kind: 'list', element: value_diff_DYNAMIC, byIndex: true };
        default:
            return value_diff_DYNAMIC;
    }
}

;// CONCATENATED MODULE: ./src/plan/attribute-diff.ts



/** The structural diff of a resource change, typed by its provider schema when `schemas` has it. */
function resourceDiff(rc, schemas) {
    const c = rc.change;
    return value_diff_diffValues({
        before: c.before ?? undefined,
        after: c.after ?? undefined,
        unknown: c.after_unknown,
        beforeSensitive: c.before_sensitive,
        afterSensitive: c.after_sensitive,
        replacePaths: c.replace_paths
    }, blockType(resourceSchema(schemas, rc)));
}
/** The structural diff of an output change (outputs have no schema: types are inferred, arrays are lists). */
function attribute_diff_outputDiff(name, oc) {
    return diffValues({
        before: oc.before ?? undefined,
        after: oc.after ?? undefined,
        unknown: oc.after_unknown,
        beforeSensitive: oc.before_sensitive,
        afterSensitive: oc.after_sensitive
    }, DYNAMIC, [name]);
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `tags.env`, `site_config[0].minimum_tls_version`, `labels["app.kubernetes.io/name"]` */
function attribute_diff_formatPath(path) {
    let s = '';
    for (const step of path) {
        if (typeof step === 'number')
            s += `[${step}]`;
        else if (IDENTIFIER.test(step))
            s += s === '' ? step : `.${step}`;
        else
            s += `[${JSON.stringify(step)}]`;
    }
    return s;
}
/** The last attribute name of a path (list indexes skipped), for the credential-name heuristic. */
function lastName(path) {
    for (let i = path.length - 1; i >= 0; i--)
        if (typeof path[i] === 'string')
            return path[i];
    return undefined;
}

;// CONCATENATED MODULE: ./src/render/safe-text.ts
// Text from the plan (addresses, keys, values, diagnostics) must never become Markdown or HTML: everything that
// GFM or GitHub could interpret is written as an HTML character reference, and values go into <code> elements
// (a backtick code span cannot hold every string inside a table cell; an HTML-escaped <code> can).
/** Characters that Markdown, GFM tables, GitHub math or HTML could interpret, as character references. */
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '`': '&#96;',
    '|': '&#124;',
    '*': '&#42;',
    _: '&#95;',
    ']': '&#93;',
    '~': '&#126;',
    '\\': '&#92;',
    $: '&#36;',
    '\n': '↵',
    '\r': '↵',
    '\r\n': '↵'
};
/** Zero-width space: keeps `@user` and `#123` from becoming mentions or issue links. */
const ZWSP = '&#8203;';
// One pass, so that inserted references are never escaped again. `_` between two letters cannot start or end
// emphasis, and `]` only matters before `(`, `[` or `:` (links), so addresses stay short and readable.
const SPECIAL = /[&<>`|*~\\$]|\r\n|[\r\n]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|\](?=[([:])|[@#](?=[A-Za-z0-9])/g;
// C0/C1 controls and bidirectional overrides ("Trojan Source") are shown as escapes, never emitted raw.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Inline text: safe inside a paragraph, a table cell or a <code> element. Newlines are shown as ↵. */
function escapeInline(s) {
    return s
        .replace(INVISIBLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(SPECIAL, c => (c === '@' || c === '#' ? `${c}${ZWSP}` : ENTITIES[c]));
}
/** Cuts a value to at most `max` characters, saying how much was left out. */
function truncate(s, max) {
    if (s.length <= max)
        return s;
    // Do not split a surrogate pair.
    let cut = max;
    const code = s.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut--;
    return `${s.slice(0, cut)}…(${s.length - cut} more chars)`;
}
/** An inline code element for a raw (already redacted) string, truncated to `max` characters first. */
function safe_text_code(raw, max = 200) {
    return `<code>${escapeInline(truncate(raw, max))}</code>`;
}
/** A fenced code block that no line of `text` can close (the fence is longer than any backtick run). */
function fencedBlock(text, info = '') {
    let longest = 0;
    for (const m of text.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${text}\n${fence}`;
}
/** Cuts every line of a block of text to `max` characters. */
function truncateLines(text, max) {
    if (text.length <= max)
        return text;
    return text
        .split('\n')
        .map(l => truncate(l, max))
        .join('\n');
}

;// CONCATENATED MODULE: ./src/render/values.ts
// How one attribute value or change is written: redacted, sensitive and unknown values named, long values cut
// around what differs, escaped.



const SENSITIVE = '<em>(sensitive)</em>';
const UNKNOWN = '<em>(known after apply)</em>';
/** Inside a value written inline: unquoted, so never confused with a string. */
const INLINE_SENSITIVE = '(sensitive)';
const INLINE_UNKNOWN = '(known after apply)';
/** longest value shown before it is cut (a change shows the part around its first difference) */
const values_MAX_VALUE_CHARS = 500;
/** longest resource address shown */
const MAX_ADDRESS_CHARS = 300;
/** characters kept before the first difference of a long changed value */
const WINDOW_LEAD = 60;
const NO_CUT = Number.MAX_SAFE_INTEGER;
/** A value as one line of raw text (JSON-like; unknown and sensitive parts named), not yet escaped. */
function inlineRaw(ctx, v, path = [], unknown, sensitive) {
    // One path array, extended and shortened in place: this runs for every value of a 10,000-resource plan.
    return raw(ctx, v, [...path], unknown, sensitive);
}
function raw(ctx, v, path, unknown, sensitive) {
    if (unknown === true)
        return INLINE_UNKNOWN;
    if (v === undefined || v === null)
        return 'null';
    if (sensitive === true || (path.length > 0 && ctx.isCredentialPath(path)))
        return INLINE_SENSITIVE;
    if (typeof v === 'string')
        return JSON.stringify(ctx.redact(v));
    if (typeof v !== 'object')
        return String(v);
    const nestedUnknown = typeof unknown === 'object' && unknown !== null ? unknown : undefined;
    const nestedSensitive = typeof sensitive === 'object' && sensitive !== null ? sensitive : undefined;
    if (Array.isArray(v)) {
        const n = Math.max(v.length, Array.isArray(nestedUnknown) ? nestedUnknown.length : 0);
        let out = '[';
        for (let i = 0; i < n; i++) {
            path.push(i);
            out += (i > 0 ? ',' : '') + raw(ctx, v[i], path, childFlags(nestedUnknown, i), childFlags(nestedSensitive, i));
            path.pop();
        }
        return `${out}]`;
    }
    let keys = Object.keys(v);
    if (nestedUnknown && !Array.isArray(nestedUnknown)) {
        const extra = Object.keys(nestedUnknown).filter(k => nestedUnknown[k] === true && !(k in v));
        if (extra.length > 0)
            keys = [...keys, ...extra];
    }
    keys.sort();
    let out = '{';
    let first = true;
    for (const k of keys) {
        const u = nestedUnknown ? childFlags(nestedUnknown, k) : undefined;
        // Null attributes are noise in an object shown whole (Terraform hides them too).
        if ((v[k] === null || v[k] === undefined) && u !== true)
            continue;
        path.push(k);
        out += `${first ? '' : ','}${JSON.stringify(ctx.redact(k))}:${raw(ctx, v[k], path, u, nestedSensitive ? childFlags(nestedSensitive, k) : undefined)}`;
        path.pop();
        first = false;
    }
    return `${out}}`;
}
/** Cuts raw text to `max` characters, saying how many were left out. */
function cutRaw(s, max) {
    if (s.length <= max)
        return s;
    let at = max;
    const c = s.charCodeAt(at - 1);
    if (c >= 0xd800 && c <= 0xdbff)
        at--;
    return `${s.slice(0, at)}…(${s.length - at} more chars)`;
}
/** A value as a code element (`(known after apply)` / `(sensitive)` in italics when it is wholly so). */
function inlineValue(ctx, v, path, unknown, sensitive, max = values_MAX_VALUE_CHARS) {
    const raw = inlineRaw(ctx, v, path, unknown, sensitive);
    if (raw === INLINE_UNKNOWN)
        return UNKNOWN;
    if (raw === INLINE_SENSITIVE)
        return SENSITIVE;
    return safe_text_code(cutRaw(raw, max), NO_CUT);
}
/**
 * Both sides of a changed value, each at most about `max` characters: when longer, a window that starts a
 * little before the first difference, with the elided parts counted, so the change is always visible.
 */
function changedPair(before, after, max = values_MAX_VALUE_CHARS) {
    if (before.length <= max && after.length <= max)
        return [before, after];
    let prefix = 0;
    const limit = Math.min(before.length, after.length);
    while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix))
        prefix++;
    let start = Math.max(0, prefix - WINDOW_LEAD);
    const c = before.charCodeAt(start);
    if (start > 0 && c >= 0xdc00 && c <= 0xdfff)
        start--;
    const side = (s) => {
        const head = start > 0 ? `…(${start} chars)…` : '';
        return head + cutRaw(s.slice(start), max);
    };
    return [side(before), side(after)];
}
/** Old and new value of a changed leaf as code elements, windowed around the difference when long. */
function changedValues(ctx, before, after, path, max = values_MAX_VALUE_CHARS) {
    const b = inlineRaw(ctx, before, path);
    const a = inlineRaw(ctx, after, path);
    const wrap = (raw) => (raw === INLINE_SENSITIVE ? SENSITIVE : safe_text_code(raw, NO_CUT));
    const [wb, wa] = changedPair(b, a, max);
    return [wrap(wb), wrap(wa)];
}
function valueText(ctx, v) {
    return inlineValue(ctx, v, [], undefined, undefined);
}
function addressCode(ctx, address) {
    return code(ctx.redact(address), MAX_ADDRESS_CHARS);
}
function pathCode(ctx, path) {
    return code(ctx.redact(formatPath(path)), values_MAX_VALUE_CHARS);
}
/** Caller or plan text shown as one safe line. */
function plainLine(ctx, s, max = 500) {
    const redacted = ctx.redact(s);
    return escapeInline(redacted.length > max ? `${redacted.slice(0, max)}…(${redacted.length - max} more chars)` : redacted);
}

;// CONCATENATED MODULE: ./src/render/attribute-lines.ts
// One resource's attribute changes as Markdown lines for the plan comment (before → after), placed by the
// layout under the resource's heading. Contract between the diff engine and the layout: the lines are safe
// Markdown (escaped, redacted), list items ("- …", nested by two-space indentation), never a table.
//
// Line shapes (one changed value each; `path` is the full attribute path):
//   update    - `path`: `before` → `after`            (`null` on a side where the value is null)
//   added     - `path`: added `value`                  (a map key, list element or set element that is new)
//   removed   - `path`: removed `value`
//   create    - `path` = `value`   and one "- N attributes known after apply: `a`, `b`" line
//   destroy   - `path` = `value`   (only the attributes that identify the object: id, name, …)
//   JSON      - `path`: jsonencode, changed:           followed by nested lines for the decoded paths
//   lines     - `path`: multi-line string, changed:    followed by nested "line N: removed/added `text`"




const MAX_ATTRIBUTE_LINES = 25;
/**
 * Attributes that tell a reviewer which real object a destroy removes: the provider's ID, the object's name,
 * the cloud-wide identifiers of AWS (ARN) and Google (self link), and the scope Azure names are unique in.
 */
const IDENTIFYING_ATTRIBUTES = [
    'id',
    'name',
    'arn',
    'self_link',
    'resource_group_name',
    'display_name',
    'bucket'
];
const MARK = ' <strong>(forces replacement)</strong>';
const attribute_lines_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const attribute_lines_NO_CUT = Number.MAX_SAFE_INTEGER;
class Lines {
    ctx;
    max;
    out = [];
    constructor(ctx, max) {
        this.ctx = ctx;
        this.max = max;
    }
    path(path) {
        return safe_text_code(this.ctx.redact(attribute_diff_formatPath(path)), attribute_lines_NO_CUT);
    }
    push(depth, path, text, forced = false) {
        this.out.push({ depth, text: text + (forced ? MARK : ''), name: attribute_diff_formatPath(path.slice(0, 1)) });
    }
}
/** Markdown list lines for one resource change; empty when there is nothing to show. */
function resourceAttributeLines(ctx, rc, opts) {
    const lines = new Lines(ctx, opts.maxValueChars ?? values_MAX_VALUE_CHARS);
    const c = rc.change;
    const absent = (v) => v === undefined || v === null;
    // Creates and destroys need no diff: one side is all there is (and they are most of a large plan).
    if (absent(c.before) && c.after_unknown !== true && attribute_lines_isObject(c.after))
        createLines(lines, c.after, c.after_unknown, c.after_sensitive);
    else if (absent(c.after) && c.after_unknown !== true)
        destroyLines(lines, c.before, c.before_sensitive);
    else
        for (const child of resourceDiff(rc, opts.schemas).children ?? [])
            updateLines(lines, child.diff, [child.key], 0, 'attribute');
    return finish(lines, opts);
}
/** Markdown list lines for one output change (the same engine: unknown and sensitive parts, nested diffs). */
function outputChangeLines(ctx, name, oc, opts = { detail: 'diff' }) {
    const lines = new Lines(ctx, opts.maxValueChars ?? MAX_VALUE_CHARS);
    const d = outputDiff(name, oc);
    if (d.action === 'create')
        createValue(lines, d.after, [name], d.unknown, d.afterSensitive);
    else if (d.action !== 'no-op')
        updateLines(lines, d, [name], 0, 'attribute');
    return finish(lines, opts);
}
function finish(lines, opts) {
    const max = opts.maxLines ?? MAX_ATTRIBUTE_LINES;
    const items = opts.detail === 'names'
        ? [...new Set(lines.out.filter(l => l.name !== '').map(l => l.name))].map(n => `- ${lines.path([n])}`)
        : lines.out.map(l => `${'  '.repeat(l.depth)}- ${l.text}`);
    if (items.length <= max)
        return items;
    return [...items.slice(0, max), `- …and ${items.length - max} more`];
}
function createLines(lines, after, unknown, sensitive) {
    const keys = new Set(Object.keys(after));
    if (attribute_lines_isObject(unknown))
        for (const k of Object.keys(unknown))
            keys.add(k);
    const later = [];
    for (const k of [...keys].sort()) {
        const u = childFlags(unknown, k);
        if (u === true)
            later.push(lines.path([k]));
        else if (after[k] !== null && after[k] !== undefined)
            createValue(lines, after[k], [k], u, childFlags(sensitive, k));
    }
    if (later.length > 0) {
        const noun = later.length === 1 ? 'attribute' : 'attributes';
        lines.out.push({ depth: 0, text: `${later.length} ${noun} known after apply: ${later.join(', ')}`, name: '' });
    }
}
/** `path` = value for a new value; a container too long for one line is shown element by element. */
function createValue(lines, v, path, unknown, sensitive) {
    const raw = inlineRaw(lines.ctx, v, path, unknown, sensitive);
    if (raw.length <= lines.max || typeof v !== 'object' || v === null || sensitive === true || unknown === true) {
        lines.push(0, path, `${lines.path(path)} = ${wrapRaw(raw, lines.max)}`);
        return;
    }
    const steps = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v).sort();
    for (const step of steps) {
        const child = v[step];
        const u = childFlags(unknown, step);
        if ((child === null || child === undefined) && u !== true)
            continue;
        createValue(lines, child, [...path, step], u, childFlags(sensitive, step));
    }
}
function destroyLines(lines, before, sensitive) {
    if (!attribute_lines_isObject(before))
        return;
    for (const name of IDENTIFYING_ATTRIBUTES) {
        const v = before[name];
        if (v === null || v === undefined)
            continue;
        const value = inlineValue(lines.ctx, v, [name], undefined, childFlags(sensitive, name), lines.max);
        lines.push(0, [name], `${lines.path([name])} = ${value}`);
    }
}
function wrapRaw(raw, max) {
    if (raw === '(known after apply)')
        return UNKNOWN;
    if (raw === '(sensitive)')
        return SENSITIVE;
    return safe_text_code(cutRaw(raw, max), attribute_lines_NO_CUT);
}
/** `role`: where the value sits, which decides how an added or removed value reads. */
function updateLines(lines, d, path, depth, role) {
    if (d.action === 'no-op')
        return;
    const ctx = lines.ctx;
    const shown = role === 'set-element' ? path.slice(0, -1) : path;
    const name = lines.path(shown);
    const forced = d.forcesReplacement;
    if (d.action === 'create' || d.action === 'delete') {
        const creating = d.action === 'create';
        const value = creating
            ? inlineValue(ctx, d.after, path, d.unknown, d.afterSensitive, lines.max)
            : inlineValue(ctx, d.before, path, undefined, d.beforeSensitive, lines.max);
        // A value that was (or becomes) null is a change from or to null; a key or element that appears is added.
        const present = creating ? d.before : d.after;
        if (role === 'attribute' && present === null)
            lines.push(depth, shown, creating ? `${name}: ${safe_text_code('null')} → ${value}` : `${name}: ${value} → ${safe_text_code('null')}`, forced);
        else
            lines.push(depth, shown, `${name}: ${creating ? 'added' : 'removed'} ${value}`, forced);
        return;
    }
    if (d.leaf === 'unknown') {
        const before = inlineValue(ctx, d.before, path, undefined, d.beforeSensitive, lines.max);
        lines.push(depth, shown, `${name}: ${before} → ${UNKNOWN}`, forced);
        return;
    }
    if (d.leaf === 'sensitive' || (d.leaf === 'value' && ctx.isCredentialPath(path))) {
        const b = d.beforeSensitive === true || ctx.isCredentialPath(path);
        const a = d.afterSensitive === true || ctx.isCredentialPath(path);
        if (b && a)
            lines.push(depth, shown, `${name}: ${SENSITIVE} (changed)`, forced);
        else {
            const before = b ? SENSITIVE : inlineValue(ctx, d.before, path, undefined, undefined, lines.max);
            const after = a ? SENSITIVE : inlineValue(ctx, d.after, path, undefined, undefined, lines.max);
            lines.push(depth, shown, `${name}: ${before} → ${after}`, forced);
        }
        return;
    }
    if (d.json) {
        lines.push(depth, shown, `${name}: jsonencode, changed:`, forced);
        jsonLines(lines, d.json, [], path, depth + 1);
        return;
    }
    if (d.lines) {
        const removed = d.lines.filter(l => l.action === 'delete').length;
        const added = d.lines.length - removed;
        const count = (n, what) => `${n} ${n === 1 ? 'line' : 'lines'} ${what}`;
        lines.push(depth, shown, `${name}: multi-line string, ${count(removed, 'removed')}, ${count(added, 'added')}:`, forced);
        // A removed line followed by an added one is an edited line: a long pair is cut around its difference.
        const texts = d.lines.map(l => ctx.redact(l.text));
        for (let i = 0; i < d.lines.length; i++) {
            const l = d.lines[i];
            const next = d.lines[i + 1];
            let text = cutRaw(texts[i], lines.max);
            if (l.action === 'delete' && next?.action === 'create')
                text = changedPair(texts[i], texts[i + 1], lines.max)[0];
            else if (l.action === 'create' && d.lines[i - 1]?.action === 'delete')
                text = changedPair(texts[i - 1], texts[i], lines.max)[1];
            lines.push(depth + 1, shown, `line ${l.line}: ${l.action === 'delete' ? 'removed' : 'added'} ${safe_text_code(text, attribute_lines_NO_CUT)}`);
        }
        return;
    }
    if (d.leaf === 'value' || !d.children) {
        const [before, after] = changedValues(ctx, d.before, d.after, path, lines.max);
        lines.push(depth, shown, `${name}: ${before} → ${after}`, forced);
        return;
    }
    const childRole = d.collection === 'set' ? 'set-element' : d.collection === 'list' ? 'list-element' : 'attribute';
    for (const c of d.children)
        updateLines(lines, c.diff, [...path, c.key], depth, childRole);
}
/** The decoded JSON's changes, with paths inside the JSON (`Statement[0].Effect`) under the attribute's line. */
function jsonLines(lines, d, inner, outer, depth) {
    const sub = new Lines(lines.ctx, lines.max);
    if (d.children) {
        const role = d.collection === 'set' ? 'set-element' : d.collection === 'list' ? 'list-element' : 'attribute';
        for (const c of d.children)
            updateLines(sub, c.diff, [...inner, c.key], depth, role);
    }
    else
        updateLines(sub, d, inner, depth, 'attribute');
    // Lines are about the attribute that holds the JSON; a changed JSON root has no path of its own.
    for (const l of sub.out)
        lines.out.push({
            ...l,
            text: l.text.replace(/^<code><\/code>:/, '(whole value):'),
            name: attribute_diff_formatPath(outer.slice(0, 1))
        });
}

;// CONCATENATED MODULE: ./src/render/sections.ts





// Riskiest first: a reviewer short of space sees changes to existing objects before new ones.
const GROUP_ORDER = ['destroy', 'replace', 'update', 'create', 'forget', 'move', 'import', 'read'];
const GROUP_TITLE = {
    destroy: '🗑️ Destroy',
    replace: '♻️ Replace',
    create: '✨ Create',
    update: '✏️ Update in place',
    import: '📥 Import',
    move: '🚚 Move',
    forget: '👋 Forget (remove from state, keep the object)',
    read: '📖 Read data source during apply'
};
const GROUP_EMOJI = {
    destroy: '🗑️',
    replace: '♻️',
    create: '✨',
    update: '✏️',
    import: '📥',
    move: '🚚',
    forget: '👋',
    read: '📖'
};
// Terraform's own words ("# aws_x.y will be destroyed"), so the comment reads like the plan reviewers know.
const VERB = {
    destroy: 'will be destroyed',
    replace: 'must be replaced',
    create: 'will be created',
    update: 'will be updated in place',
    import: 'will be imported',
    move: 'has moved',
    forget: 'will be removed from the state (the object is kept)',
    read: 'will be read during apply'
};
/** Most attribute lines shown for one resource before "…and N more". */
const MAX_ATTRIBUTES_PER_RESOURCE = 25;
/** From this many changed resources on, the resource changes start with a per-type count table. */
const COUNT_TABLE_MIN = 10;
function groupOf(rc) {
    const kind = changeKind(rc.change.actions);
    if (kind !== 'no-op')
        return kind;
    if (isImport(rc))
        return 'import';
    if (isMove(rc))
        return 'move';
    return undefined;
}
function groupChanges(changes) {
    const groups = new Map(GROUP_ORDER.map(g => [g, []]));
    for (const rc of changes) {
        const g = groupOf(rc);
        if (g)
            groups.get(g).push(rc);
    }
    return groups;
}
const REASONS = {
    replace_because_tainted: 'the object is tainted',
    replace_because_cannot_update: 'the provider cannot update it in place',
    replace_by_request: 'replacement was requested (`-replace`)',
    replace_by_triggers: 'a `replace_triggered_by` reference changed',
    delete_because_no_resource_config: 'its resource block is no longer in the configuration',
    delete_because_no_module: 'its module is no longer in the configuration',
    delete_because_wrong_repetition: 'the resource switched between count, for_each and neither',
    delete_because_count_index: 'its count index is out of range',
    delete_because_each_key: 'its for_each key no longer exists',
    delete_because_no_move_target: 'the target of its `moved` block does not exist',
    read_because_config_unknown: 'its configuration depends on values known only after apply',
    read_because_dependency_pending: 'it depends on resources with pending changes',
    read_because_check_nested: 'it is used in a check block'
};
/** Create-before-destroy (`["create","delete"]`) is a different risk from destroy-then-create. */
function replaceOrder(rc) {
    const a = rc.change.actions;
    return a.indexOf('create') < a.indexOf('delete') ? 'create before destroy' : 'destroy, then create';
}
/** Why: the reason code in words, the attributes that force a replacement, a deposed object. */
function reasonText(ctx, rc) {
    const parts = [];
    const reason = rc.action_reason;
    if (reason) {
        const words = REASONS[reason] ?? 'see the reason code';
        parts.push(`${words.replace(/`([^`]+)`/g, (_, c) => safe_text_code(c))} (${safe_text_code(reason)})`);
    }
    const paths = rc.change.replace_paths ?? [];
    if (paths.length > 0)
        parts.push(`forced by ${paths
            .slice(0, 10)
            .map(p => safe_text_code(ctx.redact(pathText(p))))
            .join(', ')}${paths.length > 10 ? ', …' : ''}`);
    if (rc.deposed)
        parts.push('a deposed object left by an earlier create-before-destroy');
    return parts.join('; ');
}
function pathText(path) {
    let s = '';
    for (const step of path)
        s +=
            typeof step === 'number'
                ? `[${step}]`
                : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)
                    ? `${s === '' ? '' : '.'}${step}`
                    : `[${JSON.stringify(step)}]`;
    return s;
}
function notes(ctx, rc) {
    const n = [];
    if (isMove(rc))
        n.push(`moved from ${addressHtml(ctx, rc.previous_address)}`);
    if (isImport(rc))
        n.push(rc.change.importing?.id ? `imported from ID ${safe_text_code(ctx.redact(rc.change.importing.id))}` : 'imported');
    return n;
}
/** Longest single resource address shown (a hostile plan could hold a megabyte-long key). */
const sections_MAX_ADDRESS_CHARS = 300;
/** From this length on, an address gets line-break opportunities (`<wbr>`) after dots and before brackets. */
const WRAP_FROM = 48;
/** Inserts `<wbr>` into escaped text so a long identifier wraps in the column instead of overflowing it. */
function wrappable(escaped, at) {
    return escaped.length < WRAP_FROM ? escaped : escaped.replace(at, '$&<wbr>');
}
/** A resource address (or a grouped one) as a redacted, escaped <code> element that can wrap. */
function addressHtml(ctx, address, max = sections_MAX_ADDRESS_CHARS) {
    return `<code>${wrappable(escapeInline(truncate(ctx.redact(address), max)), /\.(?=[^\s])|,(?= )/g)}</code>`;
}
/** `aws_x.y` for `aws_x.y[3]` or `aws_x.y["k"]`; undefined for a resource without an index. */
function baseAddress(rc) {
    if (rc.index === undefined || rc.index === null || rc.deposed)
        return undefined;
    const suffix = `[${typeof rc.index === 'number' ? rc.index : JSON.stringify(rc.index)}]`;
    return rc.address.endsWith(suffix) ? rc.address.slice(0, -suffix.length) : undefined;
}
/** `0…4, 7, 9` for numbers (runs of three or more as a range); quoted keys, comma-separated, for strings. */
function indexList(indexes) {
    const numbers = indexes.filter((i) => typeof i === 'number').sort((a, b) => a - b);
    const strings = indexes.filter((i) => typeof i === 'string').map(s => JSON.stringify(truncate(s, 300)));
    const parts = [];
    for (let i = 0; i < numbers.length;) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1)
            j++;
        if (j - i >= 2)
            parts.push(`${numbers[i]}…${numbers[j]}`);
        else
            for (let k = i; k <= j; k++)
                parts.push(String(numbers[k]));
        i = j + 1;
    }
    return [...parts, ...strings].join(', ');
}
/**
 * Groups the instances of one resource whose change is the same (same action, reason and, with `sameness`,
 * the same rendered lines), in the order of their first member. Deposed, moved and imported objects stay alone.
 */
function groupInstances(group, list, sameness = () => '') {
    // by sameness first: that text is long but one string per shape, hashed once, not rebuilt into every key
    const byKey = new Map();
    const out = [];
    for (const rc of list) {
        const base = isMove(rc) || isImport(rc) ? undefined : baseAddress(rc);
        let same;
        let key;
        if (base !== undefined) {
            const paths = rc.change.replace_paths;
            key = `${base}\u0000${rc.change.actions.join()}\u0000${rc.action_reason ?? ''}\u0000${paths === undefined ? '[]' : JSON.stringify(paths)}`;
            const text = sameness(rc);
            same = byKey.get(text);
            if (same === undefined)
                byKey.set(text, (same = new Map()));
            const existing = same.get(key);
            if (existing) {
                existing.members.push(rc);
                continue;
            }
        }
        const g = { group, members: [rc], label: displayAddress(rc), base };
        out.push(g);
        if (key !== undefined)
            same.set(key, g);
    }
    for (const g of out)
        if (g.members.length > 1)
            g.label = `${g.base}[${indexList(g.members.map(rc => rc.index))}]`;
    return out.map(({ group: gr, members, label }) => ({ group: gr, members, label }));
}
/** A grouped address with its instance count: `<code>x.y[0…1999]</code> (2,000 instances)`. */
function groupAddress(ctx, g) {
    const n = g.members.length;
    return n === 1 ? addressHtml(ctx, g.label) : `${addressHtml(ctx, g.label, Infinity)} (${thousands(n)} instances)`;
}
/** The heading line of one resource block: emoji, address, action, reason, notes. */
function blockHeading(ctx, g, titles = {}) {
    const rc = g.members[0];
    const verb = titles[g.group] ?? VERB[g.group];
    const why = [];
    const reason = reasonText(ctx, rc);
    if (reason)
        why.push(reason);
    why.push(...notes(ctx, rc));
    const order = g.group === 'replace' ? ` (${replaceOrder(rc)})` : '';
    return `${GROUP_EMOJI[g.group]} ${groupAddress(ctx, g)} **${verb}**${order}${why.length > 0 ? `: ${why.join('; ')}` : ''}`;
}
/** Collects lines and gives up (returns undefined) once they exceed `room` characters. */
class Capped {
    room;
    separator;
    lines = [];
    accepted = 0;
    overflow = false;
    constructor(room, separator = '\n') {
        this.room = room;
        this.separator = separator;
    }
    /** Adds a line if it fits; after the first line that does not, nothing is added any more. */
    push(line) {
        const size = line.length + this.separator.length;
        if (this.overflow || this.accepted + size > this.room) {
            this.overflow = true;
            return false;
        }
        this.accepted += size;
        this.lines.push(line);
        return true;
    }
    get length() {
        return this.accepted;
    }
    /** Whether `line` fits after the accepted lines. */
    fits(line) {
        return this.accepted + line.length + this.separator.length <= this.room;
    }
    /** Removes the last accepted line. */
    pop() {
        const line = this.lines.pop();
        if (line === undefined)
            return false;
        this.accepted -= line.length + this.separator.length;
        return true;
    }
    /** Accept lines again after an overflow (the caller makes room with pop()). */
    recover() {
        this.overflow = false;
    }
    text() {
        return this.overflow ? undefined : this.lines.join(this.separator);
    }
}
/** A type name in a table cell, breakable after underscores so the table never outgrows the column. */
function typeCell(ctx, type) {
    return `<code>${escapeInline(truncate(ctx.redact(type), 100)).replace(/&#95;|_/g, '$&<wbr>')}</code>`;
}
/** The per-type count table: two narrow columns, the counts as words that wrap. */
function countTable(ctx, groups, titles = GROUP_TITLE) {
    const byType = new Map();
    for (const g of GROUP_ORDER)
        for (const rc of groups.get(g) ?? []) {
            const counts = byType.get(rc.type) ?? new Map();
            counts.set(g, (counts.get(g) ?? 0) + 1);
            byType.set(rc.type, counts);
        }
    const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    const rows = [...byType].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
    const lines = ['| Resource type | Changes |', '|---|---|'];
    for (const [type, counts] of rows) {
        const cell = GROUP_ORDER.filter(g => counts.has(g))
            .map(g => `${titles[g]?.split(' ')[0] ?? ''} ${thousands(counts.get(g))} ${g}`)
            .join(', ');
        lines.push(`| ${typeCell(ctx, type)} | ${cell} |`);
    }
    return lines.join('\n');
}
/** The resource changes (or drift) at one level of detail; undefined when longer than `room`. */
function changesSection(ctx, heading, groups, level, room, opts = {}) {
    const listedAbove = opts.listedAbove ?? new Set();
    const titleOf = (g) => opts.titles?.[g] ?? GROUP_TITLE[g];
    const present = GROUP_ORDER.filter(g => groups.get(g).length > 0);
    if (present.length === 0)
        return '';
    const totalChanges = present.reduce((n, g) => n + groups.get(g).length, 0);
    const out = new Capped(room);
    out.push(`${heading}\n`);
    if (level === 'count') {
        out.push(`${present.map(g => `${thousands(groups.get(g).length)} to ${g}`).join(', ')} (details left out to fit)`);
        return out.text();
    }
    if (level === 'types' || totalChanges >= (opts.countTableMin ?? COUNT_TABLE_MIN)) {
        const titles = { ...GROUP_TITLE, ...opts.titles };
        if (!out.push(`${countTable(ctx, groups, titles)}\n`))
            return undefined;
        if (level === 'types')
            return out.text()?.trimEnd();
    }
    for (const g of present) {
        const list = groups.get(g);
        const title = `**${titleOf(g)} (${thousands(list.length)})**`;
        const detailed = level === 'diff' || level === 'mixed' || level === 'names';
        if (listedAbove.has(g) && !detailed) {
            out.push(`${title}: listed above.\n`);
            continue;
        }
        out.push(`${title}\n`);
        if (!detailed) {
            const instanceGroups = groupInstances(g, list);
            for (let i = 0; i < instanceGroups.length; i++) {
                const ig = instanceGroups[i];
                const extra = notes(ctx, ig.members[0]);
                if (out.push(`- ${groupAddress(ctx, ig)}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`))
                    continue;
                if (level === 'address')
                    return undefined;
                const shown = instanceGroups.slice(0, i).reduce((n, x) => n + x.members.length, 0);
                return someAddresses(out, groups, present, g, shown, listedAbove);
            }
            out.push('');
            continue;
        }
        // One block per resource, instances with identical lines grouped. New objects are named only at 'mixed'.
        const detail = level === 'diff' || (level === 'mixed' && (g === 'update' || g === 'replace')) ? 'diff' : 'names';
        const linesOf = new Map();
        // Lines are computed once per instance; a level whose distinct blocks already exceed the room is given up
        // before the rest of a huge plan is computed.
        // distinct blocks: by their lines (one string per shape), then by resource
        const seen = new Map();
        let projected = out.length;
        // Names of a new or deleted object depend only on its shape: 9,850 `count` instances cost one diff. Each
        // change is compared with the last few shapes of its type (a walk that allocates nothing, and stops at the
        // first difference), not turned into a key string.
        const byShape = detail === 'names' && g !== 'update' && g !== 'replace' ? new ShapeCache() : undefined;
        // the lines of one shape are one array: joined once, not once per instance
        const joined = new Map();
        const textOf = (l) => {
            let t = joined.get(l);
            if (t === undefined)
                joined.set(l, (t = l.join('\n')));
            return t;
        };
        for (const rc of list) {
            let l = byShape?.get(rc);
            if (!l) {
                l = resourceAttributeLines(ctx, rc, { detail, schemas: opts.schemas, maxLines: MAX_ATTRIBUTES_PER_RESOURCE });
                byShape?.set(rc, l);
            }
            linesOf.set(rc, l);
            const text = textOf(l);
            let resources = seen.get(text);
            if (resources === undefined)
                seen.set(text, (resources = new Set()));
            const resource = `${rc.type}\u0000${rc.name}\u0000${rc.module_address ?? ''}`;
            if (resources.has(resource))
                continue;
            resources.add(resource);
            projected += l.reduce((n, line) => n + line.length + 1, 20 + rc.address.length);
            if (projected > room)
                return undefined;
        }
        for (const ig of groupInstances(g, list, rc => textOf(linesOf.get(rc)))) {
            const body = linesOf.get(ig.members[0]);
            const block = `${blockHeading(ctx, ig, opts.verbs)}\n${body.length > 0 ? `\n${body.join('\n')}\n` : ''}`;
            if (!out.push(block))
                return undefined;
        }
    }
    return out.text()?.trimEnd();
}
/** Lines by shape: a few recent shapes per resource type, most recently used first. */
class ShapeCache {
    byType = new Map();
    get(rc) {
        const shapes = this.byType.get(rc.type);
        if (!shapes)
            return undefined;
        for (let i = 0; i < shapes.length; i++)
            if (sameShape(shapes[i].rc, rc)) {
                if (i > 0)
                    shapes.unshift(...shapes.splice(i, 1));
                return shapes[0].lines;
            }
        return undefined;
    }
    set(rc, lines) {
        const shapes = this.byType.get(rc.type) ?? [];
        shapes.unshift({ rc, lines });
        if (shapes.length > 8)
            shapes.pop();
        this.byType.set(rc.type, shapes);
    }
}
/**
 * Two changes of one shape (keys in order, list lengths, null or not, scalar types, unknown and sensitive marks,
 * type, provider, mode, actions and replace paths) have the same changed attribute names.
 */
function sameShape(a, b) {
    const x = a.change;
    const y = b.change;
    return (a.type === b.type &&
        a.provider_name === b.provider_name &&
        a.mode === b.mode &&
        sameValue(x.actions, y.actions) &&
        sameValue(x.replace_paths, y.replace_paths) &&
        sameStructure(x.before, y.before, false) &&
        sameStructure(x.after, y.after, false) &&
        sameStructure(x.after_unknown, y.after_unknown, true) &&
        sameStructure(x.before_sensitive, y.before_sensitive, true) &&
        sameStructure(x.after_sensitive, y.after_sensitive, true));
}
/** Same structure; scalars by type only, except the true/false of marks (`flags`). */
function sameStructure(a, b, flags) {
    if (a === null || b === null)
        return a === b;
    const type = typeof a;
    if (type !== typeof b)
        return false;
    if (type !== 'object')
        return !flags || type !== 'boolean' || a === b;
    const list = Array.isArray(a);
    if (list !== Array.isArray(b))
        return false;
    if (list) {
        const y = b;
        if (a.length !== y.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!sameStructure(a[i], y[i], flags))
                return false;
        return true;
    }
    const x = a;
    const y = b;
    const keys = Object.keys(y);
    let i = 0;
    for (const k in x)
        if (keys[i++] !== k || !sameStructure(x[k], y[k], flags))
            return false;
    return i === keys.length;
}
/** Equal JSON values (actions, replace paths: short lists). */
function sameValue(a, b) {
    if (a === b)
        return true;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (!sameValue(a[i], b[i]))
            return false;
    return true;
}
/** Ends a `some-addresses` list: drops the last listed lines until "…and N more not listed" fits. */
function someAddresses(out, groups, present, group, shownInGroup, listedAbove) {
    const rest = (shown) => {
        const parts = [];
        for (const g of present.slice(present.indexOf(group))) {
            if (listedAbove.has(g))
                continue;
            const n = g === group ? groups.get(g).length - shown : groups.get(g).length;
            if (n > 0)
                parts.push(`${thousands(n)} to ${g}`);
        }
        return `\n**…and ${parts.join(', ')} are not listed here** (they did not fit; see the full plan).`;
    };
    let shown = shownInGroup;
    out.recover();
    while (!out.fits(rest(shown))) {
        if (!out.pop())
            return undefined;
        shown = Math.max(0, shown - 1);
    }
    out.push(rest(shown));
    return out.text()?.trimEnd();
}
/** One line of the destroy/replace call-out (a grouped address, the action and, with `withReason`, why). */
function calloutLine(ctx, g, withReason) {
    if (withReason)
        return `> - ${blockHeading(ctx, g)}`;
    const order = g.group === 'replace' ? ` (${replaceOrder(g.members[0])})` : '';
    return `> - ${GROUP_EMOJI[g.group]} ${groupAddress(ctx, g)} ${g.group}${order}`;
}
function calloutHeading(destroys, replaces) {
    const parts = [];
    if (destroys > 0)
        parts.push(`${thousands(destroys)} to destroy`);
    if (replaces > 0)
        parts.push(`${thousands(replaces)} to replace`);
    return `> [!CAUTION]\n> **This plan deletes objects: ${parts.join(', ')}.** Review them first.`;
}
function outputsSection(ctx, outputs, level, room) {
    if (outputs.length === 0)
        return '';
    const heading = `#### Output changes (${thousands(outputs.length)})`;
    if (level === 'count')
        return `${heading}\n\n${thousands(outputs.length)} outputs change (details omitted to fit).`;
    const out = new Capped(room);
    out.push(`${heading}\n`);
    for (const [name, oc] of outputs) {
        const kind = changeKind(oc.actions);
        if (level === 'names') {
            if (!out.push(`- ${safe_text_code(ctx.redact(name))} (${kind})`))
                break;
            continue;
        }
        const before = oc.before_sensitive === true ? SENSITIVE : valueText(ctx, oc.before);
        const after = oc.after_sensitive === true ? SENSITIVE : oc.after_unknown === true ? UNKNOWN : valueText(ctx, oc.after);
        const change = kind === 'create' ? after : kind === 'destroy' ? `${before} → ${safe_text_code('null')}` : `${before} → ${after}`;
        if (!out.push(`- ${safe_text_code(ctx.redact(name))} (${kind}): ${change}`))
            break;
    }
    return out.text();
}
function warningsSection(ctx, lines, max, title = 'Warnings') {
    if (lines.length === 0)
        return '';
    const shown = lines.slice(0, max).map(l => `> - ${plainLine(ctx, l)}`);
    if (lines.length > max)
        shown.push(`> - …and ${thousands(lines.length - max)} more`);
    return `> [!WARNING]\n> **${title}**\n>\n${shown.join('\n')}`;
}
/** Longest line of the text plan kept in the fallback. */
const MAX_TEXT_PLAN_LINE = 1000;
// `terraform show` prefixes each changed line with its action symbol after the indentation; a ```diff block
// colours a line by its first column, so the symbol moves there (the indentation after it keeps the shape).
const SYMBOL_LINE = /^( *)(-\/\+|\+\/-|<=|[-+~.]) (.*)$/;
/** The text plan as a ```diff block: symbols in the first column, Terraform's symbol legend left out. */
function diffText(text) {
    const lines = text.replace(/\r\n/g, '\n').trimEnd().split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        // "Terraform used the selected providers ... indicated with the following symbols:" and the symbol list,
        // up to the next blank line.
        if (/^Terraform used the selected providers to generate/.test(line)) {
            while (i + 1 < lines.length && lines[i + 1].trim() !== '')
                i++;
            i++;
            continue;
        }
        const m = SYMBOL_LINE.exec(line);
        if (m)
            out.push(`${m[2]}${m[1]} ${m[3]}`);
        else
            out.push(/^[-+~!<>@]/.test(line) ? ` ${line}` : line);
    }
    while (out.length > 0 && out[0].trim() === '')
        out.shift();
    return out.join('\n');
}
function textPlanSection(ctx, text, room) {
    // Redaction shortens text only a little, so a text plan far beyond the room is not even looked at.
    if (text.length > room * 2)
        return undefined;
    const body = truncateLines(ctx.redact(diffText(text)), MAX_TEXT_PLAN_LINE);
    const section = `<details><summary>Text plan (<code>terraform show</code>)</summary>\n\n${fencedBlock(body, 'diff')}\n\n</details>`;
    return section.length > room ? undefined : section;
}


;// CONCATENATED MODULE: ./src/render/render-plan.ts
// The plan comment: headline counts, destroy/replace call-out, drift (as context), changes by action, outputs,
// warnings and the text plan, shrunk step by step to fit `maxChars`, with every secret redacted. An errored plan
// says only that it failed, and why.






/** GitHub's limit for an issue comment body. */
const GITHUB_COMMENT_LIMIT = 65536;
/** The default budget: GitHub's limit minus room for a hidden marker and the caller's own lines. */
const DEFAULT_MAX_CHARS = 60000;
const CHANGE_DETAIL = ['diff', 'mixed', 'names', 'address', 'some-addresses', 'types', 'count'];
const DRIFT_DETAIL = ['diff', 'names', 'address', 'some-addresses', 'types', 'count'];
const DRIFT_TITLES = {
    destroy: '🗑️ Deleted outside Terraform',
    update: '✏️ Changed outside Terraform',
    create: '✨ Created outside Terraform'
};
const DRIFT_VERBS = {
    destroy: 'has been deleted outside Terraform',
    update: 'has changed outside Terraform',
    create: 'has been created outside Terraform'
};
const STEPS = [
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
];
function renderPlanMarkdown(input, opts) {
    const plan = normalizePlan(input);
    const maxChars = Math.max(1, Math.floor(opts.maxChars));
    // The plan's own secrets are always redacted, whatever redactor the caller passes.
    const covered = opts.redactor?.covers(plan) || opts.redactor?.covers(input);
    const redactors = covered ? [opts.redactor] : [opts.redactor, Redactor.fromPlan(plan)];
    const active = redactors.filter((r) => r !== undefined && r.size > 0);
    const credentials = redactors[redactors.length - 1];
    const ctx = {
        redact: s => active.reduce((text, r) => r.redactText(text), s),
        isCredentialPath: p => credentials.isCredentialPath(p)
    };
    const summary = summarizePlan(plan);
    const changes = plan.resource_changes ?? [];
    const groups = groupChanges(changes);
    const drift = groupChanges(summary_relevantDrift(plan));
    const dangerous = changes.filter(rc => ['replace', 'destroy'].includes(changeKind(rc.change.actions)));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => changeKind(oc.actions) !== 'no-op')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const warnings = [...(opts.warnings ?? []), ...planWarnings(plan)];
    const head = (level) => {
        const limit = level === 0 ? Infinity : 300;
        const lines = [`### ${cut(ctx.redact(opts.title ?? 'Terraform plan'), limit)}`];
        if (opts.header)
            lines.push(cut(ctx.redact(opts.header), level === 0 ? Infinity : 1000));
        if (plan.errored) {
            // Whatever else the plan holds is not a plan anyone can apply: no counts, no "No changes".
            lines.push('**Plan failed.** Terraform reported errors; there is no plan to review or apply.');
            return lines.join('\n\n');
        }
        if (opts.refreshOnly) {
            const found = [
                summary.drift > 0 ? `${thousands(summary.drift)} objects changed outside of Terraform` : '',
                outputs.length > 0 ? `${thousands(outputs.length)} root outputs differ from the state` : ''
            ].filter(Boolean);
            lines.push(found.length > 0
                ? `**Drift:** ${found.join('; ')}.`
                : '**No drift.** The real infrastructure matches the Terraform state.');
            return lines.join('\n\n');
        }
        if (!summary.hasChanges) {
            lines.push('**No changes.** Your infrastructure matches the configuration.');
            if (summary.drift > 0)
                lines.push(`Terraform found ${thousands(summary.drift)} objects changed outside of Terraform (see below).`);
        }
        else
            lines.push(`**Plan:** ${headline(summary)}.`);
        if (plan.complete === false)
            lines.push('This plan is **incomplete**: some changes are deferred to a later plan.');
        if (plan.applyable === false && summary.hasChanges)
            lines.push('This plan **cannot be applied**.');
        return lines.join('\n\n');
    };
    const driftIntro = opts.refreshOnly
        ? 'Terraform found these changes while refreshing the state (a refresh-only plan; nothing was changed). ' +
            '`terraform apply -refresh-only` records them in the state; a normal plan and apply undo them.'
        : 'Terraform noticed these changes while refreshing. They are not made by this plan, but may explain some of it.';
    const driftSection = {
        id: 'drift',
        render: (level, room) => changesSection(ctx, `#### Changed outside of Terraform (drift)\n\n${driftIntro}`, drift, DRIFT_DETAIL[level], room, { titles: DRIFT_TITLES, verbs: DRIFT_VERBS, schemas: opts.schemas })
    };
    const sections = plan.errored
        ? [
            { id: 'head', render: head },
            {
                id: 'warnings',
                render: level => warningsSection(ctx, warnings.length > 0 ? warnings : ['Terraform wrote no reason into the plan; see the workflow run log.'], level === 0 ? 50 : 3, 'Why')
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
                render: (level, room) => changesSection(ctx, '#### Resource changes', groups, CHANGE_DETAIL[level], room, {
                    listedAbove: new Set(['destroy', 'replace']),
                    schemas: opts.schemas
                })
            },
            {
                id: 'outputs',
                render: (level, room) => outputsSection(ctx, outputs, ['values', 'names', 'count'][level], room)
            },
            {
                id: 'text',
                render: (level, room) => (level === 0 && opts.textPlan ? textPlanSection(ctx, opts.textPlan, room) : '')
            }
        ];
    const footer = (shortened) => {
        if (shortened.length === 0)
            return '';
        const hint = opts.fullPlanHint
            ? cut(ctx.redact(opts.fullPlanHint), 1000)
            : 'The full plan is in the workflow run log.';
        return `> [!NOTE]\n> **This ${opts.document ?? 'comment'} was shortened to fit ${thousands(maxChars)} characters:** ${shortened.join('; ')}.\n> ${hint.replace(/\n/g, ' ')}`;
    };
    const fit = fitToSize(sections, STEPS, maxChars, footer);
    let markdown = joinParts(fit.parts);
    if (markdown.length > maxChars) {
        // Only reachable with an absurdly small budget: cut at a line break and say so.
        const notice = '\n\n**…comment cut to fit.**\n';
        const at = markdown.lastIndexOf('\n', maxChars - notice.length);
        markdown = at > 0 ? markdown.slice(0, at) + notice : `**Plan:** ${headline(summary)}.`.slice(0, maxChars);
        fit.shortened.push('the comment was cut');
    }
    return { markdown, shortened: fit.shortened };
}
function cut(s, max) {
    return Number.isFinite(max) ? truncate(s, max) : s;
}
/**
 * The destroy/replace call-out: every destroy and replace, instances of one resource with the same change
 * grouped, with the reasons (0), without them (1), or as many as fit in `room` (2).
 */
function callout(ctx, dangerous, level, room, hint) {
    if (dangerous.length === 0)
        return '';
    const destroys = dangerous.filter(rc => changeKind(rc.change.actions) === 'destroy');
    const replaces = dangerous.filter(rc => changeKind(rc.change.actions) === 'replace');
    const heading = calloutHeading(destroys.length, replaces.length);
    const instanceGroups = [...groupInstances('destroy', destroys), ...groupInstances('replace', replaces)];
    const lines = instanceGroups.map(g => calloutLine(ctx, g, level === 0));
    if (level < 2)
        return `${heading}\n>\n${lines.join('\n')}`;
    // Fill: as many lines as fit, then say loudly how many are missing.
    const missingLine = (shown) => {
        const rest = instanceGroups.slice(shown);
        const count = (g) => rest.filter(x => x.group === g).reduce((n, x) => n + x.members.length, 0);
        const d = count('destroy');
        const r = count('replace');
        const parts = [d > 0 ? `${thousands(d)} more destroys` : '', r > 0 ? `${thousands(r)} more replaces` : ''];
        const where = hint
            ? ` ${truncate(ctx.redact(hint), 300).replace(/\n/g, ' ')}`
            : ' See the full plan in the workflow run.';
        return `> **⚠️ …and ${parts.filter(Boolean).join(' and ')} are NOT listed here: they did not fit.**${where}`;
    };
    let size = heading.length + 3;
    let shown = 0;
    const reserve = missingLine(0).length + 1;
    while (shown < lines.length && size + lines[shown].length + 1 + reserve <= room)
        size += lines[shown++].length + 1;
    const parts = [heading, '>', ...lines.slice(0, shown)];
    if (shown < lines.length)
        parts.push(missingLine(shown));
    return parts.join('\n');
}
function planWarnings(plan) {
    const out = [];
    for (const d of plan.diagnostics ?? [])
        out.push(`${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}${d.address ? ` (${d.address})` : ''}`);
    for (const c of plan.checks ?? []) {
        if (c.status !== 'fail' && c.status !== 'error')
            continue;
        const problems = (c.instances ?? []).flatMap(i => (i.problems ?? []).map(p => p.message)).filter(Boolean);
        const what = `Check ${c.address.to_display ?? c.address.name ?? ''} ${c.status === 'fail' ? 'failed' : 'errored'}`;
        out.push(problems.length > 0 ? `${what}: ${[...new Set(problems)].join(' ')}` : what);
    }
    // An errored plan's deferrals are not news: nothing of it will be applied.
    const deferred = plan.errored ? 0 : (plan.deferred_changes?.length ?? 0);
    if (deferred > 0)
        out.push(`${thousands(deferred)} resource changes are deferred to a later plan`);
    return out;
}

;// CONCATENATED MODULE: ./src/terraform/provider-schemas.ts
/** Parses the JSON text; a clear reason when it is not a provider schema document. */
function parseProviderSchemas(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        return { schemas: undefined, warning: `provider schemas are not JSON (${error.message})` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { schemas: undefined, warning: 'provider schemas are not a JSON object' };
    const doc = parsed;
    if (doc.provider_schemas !== undefined && (typeof doc.provider_schemas !== 'object' || doc.provider_schemas === null))
        return { schemas: undefined, warning: '`provider_schemas` in the provider schemas is not an object' };
    return { schemas: doc };
}
/** Runs `terraform providers schema -json` in the (initialised) root; never throws. */
async function readProviderSchemas(tf) {
    try {
        const { stdout } = await tf.run(['providers', 'schema', '-json'], { quiet: true });
        return parseProviderSchemas(stdout);
    }
    catch (error) {
        const message = error.message.split('\n')[0];
        return {
            schemas: undefined,
            warning: `could not read provider schemas (every array is diffed as a list): ${message}`
        };
    }
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Argument parsing for the `render` command; every mistake is one UserError line naming the flag and value.

const USAGE = `Usage: tf-plan-render render --plan-json <file> [--text-plan <file>] [--max-chars N] [--title T] [--schemas <file>]

Prints the Terraform plan summary as GitHub-flavoured Markdown on stdout.

  --plan-json <file>   output of \`terraform show -json <planfile>\` (required; JSON format 0.2 or 1.x,
                       as Terraform 1.0 and later write it)
  --text-plan <file>   output of \`terraform show -no-color <planfile>\`, shown collapsed when it fits
  --max-chars N        size budget in characters (default 60000; GitHub comments allow 65536)
  --title T            Markdown title (default "Terraform plan")
  --schemas <file>     output of \`terraform providers schema -json\` in the root: tells lists from sets
  --help               this help

Environment: TF_PLAN_RENDER_SECRETS, secrets to mask (one per line);
             TF_PLAN_RENDER_TIMING=1 prints read/parse/render times to stderr.
`;
/** Below this, not even the headline and a few destroy addresses fit. */
const MIN_MAX_CHARS = 1000;
const VALUE_FLAGS = ['--plan-json', '--text-plan', '--max-chars', '--title', '--schemas'];
function parseRenderArgs(argv) {
    if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help')
        return 'help';
    const [command, ...rest] = argv;
    if (command === undefined)
        throw new UserError('missing command: use `render` (see --help)');
    if (command !== 'render')
        throw new UserError(`unknown command "${command}": the only command is \`render\` (see --help)`);
    const values = new Map();
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const eq = arg.indexOf('=');
        const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
        if (!VALUE_FLAGS.includes(flag))
            throw new UserError(`unknown argument "${arg}": accepted are ${VALUE_FLAGS.join(', ')}, --help`);
        const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined)
            throw new UserError(`${flag}: missing value`);
        if (values.has(flag))
            throw new UserError(`${flag}: given twice; pass it once`);
        values.set(flag, value);
    }
    const planJson = values.get('--plan-json');
    if (!planJson)
        throw new UserError('--plan-json: missing; pass the output file of `terraform show -json <planfile>`');
    const max = values.get('--max-chars');
    let maxChars;
    if (max !== undefined) {
        if (!/^[0-9]+$/.test(max) || Number(max) <= 0 || !Number.isSafeInteger(Number(max)))
            throw new UserError(`--max-chars: "${max}" is not a positive integer`);
        maxChars = Number(max);
        if (maxChars < MIN_MAX_CHARS)
            throw new UserError(`--max-chars: ${max} is too small; use at least ${MIN_MAX_CHARS}`);
    }
    return {
        planJson,
        textPlan: values.get('--text-plan'),
        maxChars,
        title: values.get('--title'),
        schemas: values.get('--schemas')
    };
}

;// CONCATENATED MODULE: ./src/cli/run-cli.ts
// The CLI without process globals, so it is testable; errors a user can fix are one line on stderr, exit 1.







async function runCli(argv, io) {
    try {
        const args = parseRenderArgs(argv);
        if (args === 'help') {
            io.stdout(USAGE);
            return 0;
        }
        const started = now();
        const planText = readText(args.planJson, '--plan-json');
        const maxChars = args.maxChars ?? DEFAULT_MAX_CHARS;
        // The renderer never looks past 2 × maxChars characters of a text plan that long (it cannot fit), and
        // 8 × maxChars bytes always decode to more characters than that: a 5 MB text plan is not read whole.
        const textPlan = args.textPlan === undefined ? undefined : readText(args.textPlan, '--text-plan', 8 * maxChars + 8);
        const schemas = args.schemas === undefined ? undefined : parseSchemas(readText(args.schemas, '--schemas'), args.schemas);
        const read = now();
        const plan = parsePlan(planText, args.planJson);
        const parsed = now();
        // Secrets to mask, one per line, e.g. from a file the workflow writes; never echoed.
        const secrets = (io.env.TF_PLAN_RENDER_SECRETS ?? '').split('\n').filter(Boolean);
        const redactor = Redactor.fromPlan(plan, secrets);
        const { markdown } = renderPlanMarkdown(plan, {
            maxChars,
            title: args.title,
            textPlan,
            redactor,
            schemas
        });
        io.stdout(markdown);
        if (io.env.TF_PLAN_RENDER_TIMING === '1') {
            const ms = (a, b) => `${Math.round(b - a)} ms`;
            const done = now();
            io.stderr(`tf-plan-render: timing: read ${ms(started, read)}, parse ${ms(read, parsed)}, render ${ms(parsed, done)}\n`);
        }
        return 0;
    }
    catch (e) {
        if (e instanceof UserError) {
            io.stderr(`tf-plan-render: ${e.message}\n`);
            return 1;
        }
        // A plan shape nobody foresaw must still end in one line, not a stack trace.
        const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);
        io.stderr(`tf-plan-render: cannot render this plan (${message}); please report it with the plan's shape\n`);
        return 1;
    }
}
// Synchronous reads: one read of a 9 MB plan instead of a round trip through the thread pool per 512 KB chunk,
// each a wait for a busy runner's CPU; the CLI has nothing else to do meanwhile.
function readText(file, flag, maxBytes = Infinity) {
    try {
        if (!Number.isFinite(maxBytes))
            return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
        const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
        try {
            const size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
            if (size <= maxBytes)
                return (0,external_node_fs_namespaceObject.readFileSync)(fd, 'utf8');
            const buffer = Buffer.alloc(maxBytes);
            const bytesRead = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, maxBytes, 0);
            return buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
    }
    catch (e) {
        const code = e.code ?? 'unreadable';
        throw new UserError(`${flag}: cannot read "${file}" (${code}); pass a readable file`);
    }
}
/** Milliseconds, without the `performance` global (loading perf_hooks costs a CLI run more than it measures). */
function now() {
    return Number(process.hrtime.bigint()) / 1e6;
}
function parsePlan(text, file) {
    let plan;
    try {
        plan = JSON.parse(text);
    }
    catch {
        throw new UserError(`--plan-json: "${file}" is not JSON; pass the output of \`terraform show -json <planfile>\``);
    }
    try {
        return normalizePlan(plan);
    }
    catch (e) {
        if (!(e instanceof PlanShapeError))
            throw e;
        throw new UserError(`--plan-json: "${file}" ${e.message}; pass the output of \`terraform show -json <planfile>\``);
    }
}
function parseSchemas(text, file) {
    const result = parseProviderSchemas(text);
    if (result.schemas === undefined) {
        throw new UserError(`--schemas: "${file}": ${result.warning}; pass the output of \`terraform providers schema -json\``);
    }
    return result.schemas;
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// `tf-plan-render render --plan-json <file> [--text-plan <file>] [--max-chars N] [--title T]`: the plan comment
// as Markdown on stdout. Thin: parse args → read files → renderPlanMarkdown → stdout.

void runCli(process.argv.slice(2), {
    stdout: s => process.stdout.write(s),
    stderr: s => process.stderr.write(s),
    env: process.env
}).then(code => {
    process.exitCode = code;
});

