#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/errors.ts
// A problem the user can fix (bad input, refused apply, failed verification). main() prints its
// message as one line with no stack trace and exits 1; anything else is a bug and keeps its stack.
class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}

;// CONCATENATED MODULE: ./src/render/redact.ts
/** Replaces a secret wherever it occurs in rendered text. */
const REDACTED = '***';
/**
 * Secrets shorter than this are ignored: they are too short to be credentials, and masking every "on" or
 * "123" would garble the comment. (Values Terraform marks sensitive are still hidden by path.)
 */
const MIN_SECRET_LENGTH = 4;
/**
 * Values that sit in sensitive maps (e.g. App Service `app_settings`) but cannot be secrets: booleans, null and
 * short numbers. Redacting them everywhere would turn every "true" or "2024" in the comment and the step outputs
 * into ***. (They are still hidden where they appear as sensitive values, by path.)
 */
const NOT_A_SECRET = /^(true|false|null|-?\d{1,5})$/i;
const CREDENTIAL_NAME = /(passw(or)?d|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?key|master[_-]?key|auth[_-]?key|signing[_-]?key|connection[_-]?string|conn[_-]?str|credential|(^|[_-])sas([_-]|$)|(^|[_-])key$)/i;
/** Names that mention a credential but hold a reference to it, or metadata about it, not the value. */
const CREDENTIAL_METADATA = /([_-](ids?|names?|arns?|types?|versions?|versionless_id|length|ttl|expiration|expiry|expiration_date|expires_on|enabled|count|policy|policies|rotation|permissions|source|uri|path|urls?|format|algorithm|size|kind)$|^(public_key|hash_key|range_key|sort_key|partition_key|key_type)$)/i;
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
    /** Also registers the JSON-escaped form and each line of a multi-line secret, as they appear in plan text. */
    addSecret(value) {
        if (typeof value !== 'string')
            return;
        const forms = [value, JSON.stringify(value).slice(1, -1), ...value.split(/\r?\n/)];
        for (const form of forms) {
            const trimmed = form.trim();
            if (trimmed.length >= MIN_SECRET_LENGTH && !NOT_A_SECRET.test(trimmed) && !this.secrets.has(trimmed)) {
                this.secrets.add(trimmed);
                this.dirty = true;
            }
        }
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
    /** Builds a redactor from the plan: sensitive variables, sensitive outputs and every value Terraform marks
     *  sensitive or that sits under a credential-looking attribute name, plus the caller's secrets. */
    static fromPlan(plan, secrets) {
        const r = new Redactor(secrets);
        r.plans.add(plan);
        const vars = plan.configuration?.root_module?.variables ?? {};
        for (const [name, v] of Object.entries(vars))
            if (v.sensitive === true)
                collectStrings(plan.variables?.[name]?.value, s => r.addSecret(s));
        for (const oc of Object.values(plan.output_changes ?? {})) {
            if (oc.before_sensitive === true)
                collectStrings(oc.before, s => r.addSecret(s));
            if (oc.after_sensitive === true)
                collectStrings(oc.after, s => r.addSecret(s));
        }
        for (const [, o] of Object.entries(plan.planned_values?.outputs ?? {}))
            if (o.sensitive === true)
                collectStrings(o.value, s => r.addSecret(s));
        for (const rc of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
            const c = rc.change;
            collectSecretLeaves(c.before, c.before_sensitive, false, r);
            collectSecretLeaves(c.after, c.after_sensitive, false, r);
        }
        return r;
    }
    redactText(s) {
        if (this.secrets.size === 0 || s.length < MIN_SECRET_LENGTH)
            return s;
        if (this.dirty || !this.pattern) {
            // Longest first, so a secret that contains another is replaced whole.
            const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
            this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
            this.dirty = false;
        }
        return s.replace(this.pattern, REDACTED);
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
    /** A path with a credential-looking attribute name at any level (`password`, `credentials.username`). */
    isCredentialPath(path) {
        for (const step of path)
            if (typeof step === 'string' && this.isCredentialName(step))
                return true;
        return false;
    }
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/** Every string leaf, and numbers as strings (a sensitive port or PIN is still a secret). */
function collectStrings(v, add) {
    if (typeof v === 'string')
        add(v);
    else if (typeof v === 'number')
        add(String(v));
    else if (Array.isArray(v))
        for (const x of v)
            collectStrings(x, add);
    else if (v && typeof v === 'object')
        for (const x of Object.values(v))
            collectStrings(x, add);
}
/** Collects the leaves Terraform marks sensitive and those under a credential-looking attribute name. */
function collectSecretLeaves(v, sens, credential, r) {
    if (v === null || v === undefined)
        return;
    if (sens === true || (credential && typeof v !== 'object')) {
        collectStrings(v, s => r.addSecret(s));
        return;
    }
    if (typeof v !== 'object')
        return;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++)
            collectSecretLeaves(v[i], Array.isArray(sens) ? sens[i] : undefined, credential, r);
        return;
    }
    const sensObj = sens && typeof sens === 'object' && !Array.isArray(sens) ? sens : undefined;
    for (const k in v)
        collectSecretLeaves(v[k], sensObj?.[k], credential || r.isCredentialName(k), r);
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
    for (const rc of plan.resource_drift ?? [])
        if (changeKind(rc.change.actions) !== 'no-op')
            s.drift++;
    for (const oc of Object.values(plan.output_changes ?? {}))
        if (changeKind(oc.actions) !== 'no-op')
            s.outputChanges++;
    s.hasChanges = s.add + s.change + s.replace + s.destroy + s.forget + s.read + s.import + s.move + s.outputChanges > 0;
    s.changeKeys = [...keys].sort();
    return s;
}
/** "2 to add, 1 to change, 1 to replace, 0 to destroy" plus the non-zero extras. */
function headline(s) {
    const parts = [`${s.add} to add`, `${s.change} to change`, `${s.replace} to replace`, `${s.destroy} to destroy`];
    const extra = [
        [s.import, 'to import'],
        [s.move, 'to move'],
        [s.forget, 'to forget'],
        [s.read, 'to read'],
        [s.outputChanges, s.outputChanges === 1 ? 'output to change' : 'outputs to change']
    ];
    for (const [n, label] of extra)
        if (n > 0)
            parts.push(`${n} ${label}`);
    return parts.join(', ');
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

;// CONCATENATED MODULE: ./src/plan/provider-schema.ts

/** The schema block of a resource change's type, or undefined when the schemas do not cover it. */
function provider_schema_resourceSchema(schemas, rc) {
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
function provider_schema_blockType(block) {
    if (!block)
        return DYNAMIC;
    const attributes = {};
    for (const [name, attr] of Object.entries(block.attributes ?? {}))
        attributes[name] = attributeType(attr);
    for (const [name, nested] of Object.entries(block.block_types ?? {})) {
        const inner = provider_schema_blockType(nested.block);
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
        const inner = provider_schema_blockType({ attributes: attr.nested_type.attributes });
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
    return attr.type === undefined ? DYNAMIC : ctyType(attr.type);
}
/** A cty type in its JSON form: "string", ["list","string"], ["object",{"a":"number"}], ["tuple",[...]]. */
function ctyType(t) {
    if (t === 'dynamic')
        return DYNAMIC;
    if (typeof t === 'string')
        return { kind: 'primitive' };
    if (!Array.isArray(t) || t.length < 2)
        return DYNAMIC;
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
            return { kind: 'list', element: DYNAMIC, byIndex: true };
        default:
            return DYNAMIC;
    }
}

;// CONCATENATED MODULE: ./src/plan/attribute-diff.ts



/** The structural diff of a resource change, typed by its provider schema when `schemas` has it. */
function resourceDiff(rc, schemas) {
    const c = rc.change;
    return diffValues({
        before: c.before ?? undefined,
        after: c.after ?? undefined,
        unknown: c.after_unknown,
        beforeSensitive: c.before_sensitive,
        afterSensitive: c.after_sensitive,
        replacePaths: c.replace_paths
    }, blockType(resourceSchema(schemas, rc)));
}
/** The structural diff of an output change (outputs have no schema: types are inferred, arrays are lists). */
function outputDiff(name, oc) {
    return diffValues({
        before: oc.before ?? undefined,
        after: oc.after ?? undefined,
        unknown: oc.after_unknown,
        beforeSensitive: oc.before_sensitive,
        afterSensitive: oc.after_sensitive
    }, DYNAMIC, [name]);
}
const attribute_diff_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const attribute_diff_isContainer = (v) => typeof v === 'object' && v !== null;
function child(flags, step) {
    if (flags === true || flags === false || flags === undefined)
        return flags === true ? true : undefined;
    if (Array.isArray(flags))
        return typeof step === 'number' ? flags[step] : undefined;
    return typeof step === 'string' ? flags[step] : undefined;
}
function attribute_diff_childValue(v, step) {
    if (Array.isArray(v))
        return typeof step === 'number' ? v[step] : undefined;
    if (attribute_diff_isObject(v))
        return typeof step === 'string' ? v[step] : undefined;
    return undefined;
}
/** The changed leaves of one change, in a stable order (object keys sorted, list items by index). */
function attributeDiffs(change) {
    const out = [];
    attribute_diff_walk([], change.before ?? undefined, change.after ?? undefined, change.after_unknown, change.before_sensitive, change.after_sensitive, out);
    return out;
}
function attribute_diff_walk(path, before, after, unknown, beforeSens, afterSens, out) {
    const afterUnknown = unknown === true;
    const bs = beforeSens === true;
    const as = afterSens === true;
    const leaf = () => {
        out.push({
            path,
            before,
            after: afterUnknown ? undefined : after,
            afterUnknown,
            beforeSensitive: bs,
            afterSensitive: as
        });
    };
    if (afterUnknown || bs || as) {
        // A wholly unknown or sensitive value is one line, whatever its shape.
        if (afterUnknown || !deepEqual(before, after) || (bs !== as && (before ?? null) !== null))
            leaf();
        return;
    }
    if (attribute_diff_isContainer(before) || attribute_diff_isContainer(after)) {
        const steps = childSteps(before, after, unknown);
        if (steps.length === 0) {
            if (!deepEqual(before ?? null, after ?? null) && !(before === undefined && isEmpty(after)))
                leaf();
            return;
        }
        for (const step of steps)
            attribute_diff_walk([...path, step], attribute_diff_childValue(before, step), attribute_diff_childValue(after, step), child(unknown, step), child(beforeSens, step), child(afterSens, step), out);
        return;
    }
    // Scalars: null and "absent" are the same to the reader.
    if ((before ?? null) !== (after ?? null))
        leaf();
}
function isEmpty(v) {
    return (v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : attribute_diff_isObject(v) && Object.keys(v).length === 0));
}
function childSteps(before, after, unknown) {
    if (Array.isArray(before) || Array.isArray(after) || Array.isArray(unknown)) {
        const n = Math.max(Array.isArray(before) ? before.length : 0, Array.isArray(after) ? after.length : 0, Array.isArray(unknown) ? unknown.length : 0);
        return Array.from({ length: n }, (_, i) => i);
    }
    const keys = new Set();
    for (const v of [before, after, unknown])
        if (attribute_diff_isObject(v))
            for (const k of Object.keys(v))
                keys.add(k);
    return [...keys].sort();
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** `tags.env`, `site_config[0].minimum_tls_version`, `labels["app.kubernetes.io/name"]` */
function formatPath(path) {
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
const MAX_VALUE_CHARS = 500;
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
function inlineValue(ctx, v, path, unknown, sensitive, max = MAX_VALUE_CHARS) {
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
function changedPair(before, after, max = MAX_VALUE_CHARS) {
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
function changedValues(ctx, before, after, path, max = MAX_VALUE_CHARS) {
    const b = inlineRaw(ctx, before, path);
    const a = inlineRaw(ctx, after, path);
    const wrap = (raw) => (raw === INLINE_SENSITIVE ? SENSITIVE : code(raw, NO_CUT));
    const [wb, wa] = changedPair(b, a, max);
    return [wrap(wb), wrap(wa)];
}
function valueText(ctx, v) {
    return inlineValue(ctx, v, [], undefined, undefined);
}
function addressCode(ctx, address) {
    return safe_text_code(ctx.redact(address), MAX_ADDRESS_CHARS);
}
function pathCode(ctx, path) {
    return safe_text_code(ctx.redact(formatPath(path)), MAX_VALUE_CHARS);
}
/** `tags.env`: "dev" → "prod" ; for a create only the new value, for a delete only the old one. */
function diffLine(ctx, d, forcesReplacement) {
    const credential = ctx.isCredentialPath(d.path);
    const side = (v, sensitive, unknown = false) => unknown ? UNKNOWN : (sensitive || credential) && v !== null && v !== undefined ? SENSITIVE : valueText(ctx, v);
    const before = side(d.before, d.beforeSensitive);
    const after = side(d.after, d.afterSensitive, d.afterUnknown);
    const mark = forcesReplacement ? ' <strong>(forces replacement)</strong>' : '';
    const name = pathCode(ctx, d.path);
    if (d.before === undefined)
        return `${name} = ${after}${mark}`;
    if (d.after === undefined && !d.afterUnknown)
        return `${name} = ${before} → ${safe_text_code('null')}${mark}`;
    if (before === after && (d.beforeSensitive || d.afterSensitive || credential))
        return `${name}: ${SENSITIVE} (changed)${mark}`;
    return `${name}: ${before} → ${after}${mark}`;
}
/** Caller or plan text shown as one safe line. */
function plainLine(ctx, s, max = 500) {
    const redacted = ctx.redact(s);
    return escapeInline(redacted.length > max ? `${redacted.slice(0, max)}…(${redacted.length - max} more chars)` : redacted);
}

;// CONCATENATED MODULE: ./src/render/sections.ts
// The sections of a plan comment, each renderable at several levels of detail (0 = most detailed).




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
/** Most attribute lines shown for one resource before "…and N more". */
const MAX_ATTRIBUTES_PER_RESOURCE = 25;
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
            .map(p => pathCode(ctx, p))
            .join(', ')}${paths.length > 10 ? ', …' : ''}`);
    if (rc.deposed)
        parts.push('a deposed object left by an earlier create-before-destroy');
    return parts.join('; ') || '—';
}
function notes(ctx, rc) {
    const n = [];
    if (isMove(rc))
        n.push(`moved from ${addressCode(ctx, rc.previous_address)}`);
    if (isImport(rc))
        n.push(rc.change.importing?.id ? `imported from ID ${safe_text_code(ctx.redact(rc.change.importing.id))}` : 'imported');
    return n.length > 0 ? `<br>${n.join('<br>')}` : '';
}
function sections_isForcing(paths, path) {
    if (!paths)
        return false;
    return paths.some(p => p.length <= path.length && p.every((step, i) => step === path[i]));
}
/** Level 0: per resource, every changed attribute before → after. */
function diffCell(ctx, rc, group) {
    if (group === 'destroy' || group === 'forget')
        return '—';
    const diffs = attributeDiffs(rc.change);
    if (diffs.length === 0)
        return '<em>no attribute changes</em>';
    const shown = diffs.slice(0, MAX_ATTRIBUTES_PER_RESOURCE);
    const lines = shown.map(d => diffLine(ctx, d, sections_isForcing(rc.change.replace_paths, d.path)));
    if (diffs.length > shown.length)
        lines.push(`…and ${diffs.length - shown.length} more attributes`);
    return lines.join('<br>');
}
/** Level 1: per resource, the names of the changed attributes. */
function namesCell(ctx, rc, group) {
    if (group === 'destroy' || group === 'forget')
        return '—';
    const diffs = attributeDiffs(rc.change);
    if (diffs.length === 0)
        return '<em>no attribute changes</em>';
    const names = [...new Set(diffs.map(d => formatPath(d.path)))];
    const shown = names.slice(0, MAX_ATTRIBUTES_PER_RESOURCE).map(n => safe_text_code(ctx.redact(n)));
    return shown.join(', ') + (names.length > shown.length ? `, …and ${names.length - shown.length} more` : '');
}
/** 60000 → "60,000" (toLocaleString loads ICU data: ~200 ms on a cold start). */
function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
/**
 * The resource changes (or drift) at one level of detail; undefined when longer than `room`. Groups in
 * `listedAbove` are only counted (they are in the destroy/replace call-out).
 */
function changesSection(ctx, heading, groups, level, room, listedAbove = new Set(), titles = {}) {
    const titleOf = (g) => titles[g] ?? GROUP_TITLE[g];
    const present = GROUP_ORDER.filter(g => groups.get(g).length > 0);
    if (present.length === 0)
        return '';
    const rows = present.reduce((n, g) => n + (listedAbove.has(g) ? 0 : groups.get(g).length), 0);
    let rendered = 0;
    const out = new Capped(room);
    out.push(`${heading}\n`);
    if (level === 'count') {
        out.push(`${present.map(g => `${thousands(groups.get(g).length)} to ${g}`).join(', ')} (details left out to fit)`);
        return out.text();
    }
    if (level === 'types') {
        out.push('| Action | Resource type | Count |\n|---|---|---:|');
        for (const g of present) {
            const list = groups.get(g);
            if (listedAbove.has(g)) {
                out.push(`| ${titleOf(g)} | <em>listed above</em> | ${list.length} |`);
                continue;
            }
            const byType = new Map();
            for (const rc of list)
                byType.set(rc.type, (byType.get(rc.type) ?? 0) + 1);
            for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
                if (!out.push(`| ${titleOf(g)} | ${safe_text_code(ctx.redact(type))} | ${n} |`))
                    return undefined;
        }
        return out.text();
    }
    for (const g of present) {
        const list = groups.get(g);
        const title = `<strong>${titleOf(g)} (${list.length})</strong>`;
        if (listedAbove.has(g)) {
            out.push(`${title}: listed above.\n`);
            continue;
        }
        if (level === 'address' || level === 'some-addresses') {
            out.push(`${title}\n`);
            for (let i = 0; i < list.length; i++) {
                const rc = list[i];
                if (out.push(`- ${addressCode(ctx, displayAddress(rc))}${notes(ctx, rc).replace(/<br>/g, ', ')}`))
                    continue;
                if (level === 'address')
                    return undefined;
                return someAddresses(out, groups, present, g, i, listedAbove);
            }
            out.push('');
            continue;
        }
        const cell = level === 'diff' ? diffCell : namesCell;
        out.push(`${title}\n`);
        out.push(level === 'diff' ? '| Resource | Changed attributes (before → after) |' : '| Resource | Changed attributes |');
        out.push('|---|---|');
        for (const rc of list) {
            if (!out.push(`| ${addressCode(ctx, displayAddress(rc))}${notes(ctx, rc)} | ${cell(ctx, rc, g)} |`))
                return undefined;
            // A huge plan: once the rows so far project far beyond the room, stop rendering a level that cannot fit.
            if (++rendered % 256 === 0 && (out.length / rendered) * rows > room * 1.5)
                return undefined;
        }
        out.push('');
    }
    return out.text()?.trimEnd();
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
        return `\n<strong>…and ${parts.join(', ')} are not listed here</strong> (they did not fit; see the full plan).`;
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
/** One row of the destroy/replace call-out. */
function calloutRow(ctx, rc, withReason) {
    const kind = changeKind(rc.change.actions) === 'replace' ? '♻️ replace' : '🗑️ destroy';
    return withReason
        ? `| ${kind} | ${addressCode(ctx, displayAddress(rc))} | ${reasonText(ctx, rc)} |`
        : `- ${kind} ${addressCode(ctx, displayAddress(rc))}`;
}
function calloutHeading(destroys, replaces) {
    const parts = [];
    if (destroys > 0)
        parts.push(`${destroys} to destroy`);
    if (replaces > 0)
        parts.push(`${replaces} to replace`);
    return `> [!CAUTION]\n> **This plan deletes objects: ${parts.join(', ')}.** Review them first.`;
}
const CALLOUT_TABLE_HEADER = '| Action | Resource | Why |\n|---|---|---|';
function outputsSection(ctx, outputs, level, room) {
    if (outputs.length === 0)
        return '';
    const heading = `#### Output changes (${outputs.length})`;
    if (level === 'count')
        return `${heading}\n\n${outputs.length} outputs change (details omitted to fit).`;
    const out = new Capped(room);
    out.push(`${heading}\n`);
    if (level === 'names') {
        for (const [name, oc] of outputs)
            if (!out.push(`- ${safe_text_code(ctx.redact(name))} (${changeKind(oc.actions)})`))
                break;
        return out.text();
    }
    out.push('| Output | Action | Value |\n|---|---|---|');
    for (const [name, oc] of outputs) {
        const kind = changeKind(oc.actions);
        const before = oc.before_sensitive === true ? SENSITIVE : valueText(ctx, oc.before);
        const after = oc.after_sensitive === true ? SENSITIVE : oc.after_unknown === true ? UNKNOWN : valueText(ctx, oc.after);
        const change = kind === 'create' ? after : kind === 'destroy' ? `${before} → ${safe_text_code('null')}` : `${before} → ${after}`;
        if (!out.push(`| ${safe_text_code(ctx.redact(name))} | ${kind} | ${change} |`))
            break;
    }
    return out.text();
}
function warningsSection(ctx, lines, max) {
    if (lines.length === 0)
        return '';
    const shown = lines.slice(0, max).map(l => `> - ${plainLine(ctx, l)}`);
    if (lines.length > max)
        shown.push(`> - …and ${lines.length - max} more`);
    return `> [!WARNING]\n> **Warnings**\n>\n${shown.join('\n')}`;
}
/** Longest line of the text plan kept in the fallback. */
const MAX_TEXT_PLAN_LINE = 1000;
function textPlanSection(ctx, text, room) {
    // Redaction shortens text only a little, so a text plan far beyond the room is not even looked at.
    if (text.length > room * 2)
        return undefined;
    const body = truncateLines(ctx.redact(text.replace(/\r\n/g, '\n').trimEnd()), MAX_TEXT_PLAN_LINE);
    const section = `<details><summary>Text plan (<code>terraform show</code>)</summary>\n\n${fencedBlock(body)}\n\n</details>`;
    return section.length > room ? undefined : section;
}


;// CONCATENATED MODULE: ./src/render/render-plan.ts
// The plan comment: headline counts, destroy/replace call-out, changes by action, drift, outputs, warnings and
// the text plan, shrunk step by step to fit `maxChars`, with every secret redacted.





/** GitHub's limit for an issue comment body. */
const GITHUB_COMMENT_LIMIT = 65536;
/** The default budget: GitHub's limit minus room for a hidden marker and the caller's own lines. */
const DEFAULT_MAX_CHARS = 60000;
const DETAIL = ['diff', 'names', 'address', 'some-addresses', 'types', 'count'];
const DRIFT_TITLES = {
    destroy: '🗑️ Deleted outside Terraform',
    update: '✏️ Changed outside Terraform',
    create: '✨ Created outside Terraform'
};
const STEPS = [
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
];
function renderPlanMarkdown(plan, opts) {
    const maxChars = Math.max(1, Math.floor(opts.maxChars));
    // The plan's own secrets are always redacted, whatever redactor the caller passes.
    const redactors = opts.redactor?.covers(plan) ? [opts.redactor] : [opts.redactor, Redactor.fromPlan(plan)];
    const active = redactors.filter((r) => r !== undefined && r.size > 0);
    const credentials = redactors[redactors.length - 1];
    const ctx = {
        redact: s => active.reduce((text, r) => r.redactText(text), s),
        isCredentialPath: p => credentials.isCredentialPath(p)
    };
    const summary = summarizePlan(plan);
    const changes = plan.resource_changes ?? [];
    const groups = groupChanges(changes);
    const drift = groupChanges((plan.resource_drift ?? []).filter(rc => changeKind(rc.change.actions) !== 'no-op'));
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
        if (plan.errored)
            lines.push('**Plan failed:** Terraform reported errors, so the changes below may be incomplete.');
        if (!summary.hasChanges) {
            lines.push('**No changes.** Your infrastructure matches the configuration.');
            if (summary.drift > 0)
                lines.push(`Terraform found ${summary.drift} objects changed outside of Terraform (see below).`);
        }
        else
            lines.push(`**Plan:** ${headline(summary)}.`);
        if (plan.complete === false)
            lines.push('This plan is **incomplete**: some changes are deferred to a later plan.');
        if (plan.applyable === false && summary.hasChanges)
            lines.push('This plan **cannot be applied**.');
        return lines.join('\n\n');
    };
    const sections = [
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
            render: (level, room) => changesSection(ctx, '#### Resource changes', groups, DETAIL[level], room, new Set(level >= 2 ? ['destroy', 'replace'] : ['destroy']))
        },
        {
            id: 'drift',
            render: (level, room) => changesSection(ctx, '#### Changed outside of Terraform (drift)\n\nTerraform noticed these changes while refreshing. They are not made by this plan, but may explain some of it.', drift, DETAIL[level], room, new Set(), DRIFT_TITLES)
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
        return `> [!NOTE]\n> **This comment was shortened to fit ${thousands(maxChars)} characters:** ${shortened.join('; ')}.\n> ${hint.replace(/\n/g, ' ')}`;
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
/** The destroy/replace call-out: a table with reasons (0), a list (1), or as many as fit in `room` (2). */
function callout(ctx, dangerous, level, room, hint) {
    if (dangerous.length === 0)
        return '';
    const destroys = dangerous.filter(rc => changeKind(rc.change.actions) === 'destroy').length;
    const heading = calloutHeading(destroys, dangerous.length - destroys);
    if (level === 0)
        return `${heading}\n\n${CALLOUT_TABLE_HEADER}\n${dangerous.map(rc => calloutRow(ctx, rc, true)).join('\n')}`;
    const rows = dangerous.map(rc => calloutRow(ctx, rc, false));
    if (level === 1)
        return `${heading}\n\n${rows.join('\n')}`;
    // Fill: as many rows as fit, then say loudly how many are missing.
    const missingLine = (shown) => {
        const rest = dangerous.slice(shown);
        const d = rest.filter(rc => changeKind(rc.change.actions) === 'destroy').length;
        const parts = [d > 0 ? `${d} more destroys` : '', rest.length - d > 0 ? `${rest.length - d} more replaces` : ''];
        const where = hint
            ? ` ${truncate(ctx.redact(hint), 300).replace(/\n/g, ' ')}`
            : ' See the full plan in the workflow run.';
        return `**⚠️ …and ${parts.filter(Boolean).join(' and ')} are NOT listed here: they did not fit.**${where}`;
    };
    let size = heading.length + 2;
    let shown = 0;
    const reserve = missingLine(0).length + 2;
    while (shown < rows.length && size + rows[shown].length + 1 + reserve <= room)
        size += rows[shown++].length + 1;
    const parts = [heading, rows.slice(0, shown).join('\n')];
    if (shown < rows.length)
        parts.push(missingLine(shown));
    return parts.filter(Boolean).join('\n\n');
}
function planWarnings(plan) {
    const out = [];
    for (const d of plan.diagnostics ?? [])
        out.push(`${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}${d.address ? ` (${d.address})` : ''}`);
    for (const c of plan.checks ?? [])
        if (c.status === 'fail' || c.status === 'error')
            out.push(`Check ${c.address.to_display} ${c.status === 'fail' ? 'failed' : 'errored'}`);
    const deferred = plan.deferred_changes?.length ?? 0;
    if (deferred > 0)
        out.push(`${deferred} resource changes are deferred to a later plan`);
    return out;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Argument parsing for the `render` command; every mistake is one UserError line naming the flag and value.

const USAGE = `Usage: tf-plan-render render --plan-json <file> [--text-plan <file>] [--max-chars N] [--title T]

Prints the Terraform plan summary as GitHub-flavoured Markdown on stdout.

  --plan-json <file>   output of \`terraform show -json <planfile>\` (required)
  --text-plan <file>   output of \`terraform show -no-color <planfile>\`, shown collapsed when it fits
  --max-chars N        size budget in characters (default 60000; GitHub comments allow 65536)
  --title T            Markdown title (default "Terraform plan")
  --help               this help

Environment: TF_PLAN_RENDER_SECRETS, secrets to mask (one per line);
             TF_PLAN_RENDER_TIMING=1 prints read/parse/render times to stderr.
`;
/** Below this, not even the headline and a few destroy addresses fit. */
const MIN_MAX_CHARS = 1000;
const VALUE_FLAGS = ['--plan-json', '--text-plan', '--max-chars', '--title'];
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
    return { planJson, textPlan: values.get('--text-plan'), maxChars, title: values.get('--title') };
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
        const started = performance.now();
        const planText = await readText(args.planJson, '--plan-json');
        const maxChars = args.maxChars ?? DEFAULT_MAX_CHARS;
        // The renderer never looks past 2 × maxChars characters of a text plan that long (it cannot fit), and
        // 8 × maxChars bytes always decode to more characters than that: a 5 MB text plan is not read whole.
        const textPlan = args.textPlan === undefined ? undefined : await readText(args.textPlan, '--text-plan', 8 * maxChars + 8);
        const read = performance.now();
        const plan = parsePlan(planText, args.planJson);
        const parsed = performance.now();
        // Secrets to mask, one per line, e.g. from a file the workflow writes; never echoed.
        const secrets = (io.env.TF_PLAN_RENDER_SECRETS ?? '').split('\n').filter(Boolean);
        const redactor = Redactor.fromPlan(plan, secrets);
        const { markdown } = renderPlanMarkdown(plan, {
            maxChars,
            title: args.title,
            textPlan,
            redactor
        });
        io.stdout(markdown);
        if (io.env.TF_PLAN_RENDER_TIMING === '1') {
            const ms = (a, b) => `${Math.round(b - a)} ms`;
            const now = performance.now();
            io.stderr(`tf-plan-render: timing: read ${ms(started, read)}, parse ${ms(read, parsed)}, render ${ms(parsed, now)}\n`);
        }
        return 0;
    }
    catch (e) {
        if (e instanceof UserError) {
            io.stderr(`tf-plan-render: ${e.message}\n`);
            return 1;
        }
        throw e;
    }
}
async function readText(file, flag, maxBytes = Infinity) {
    try {
        if (!Number.isFinite(maxBytes))
            return await (0,promises_namespaceObject.readFile)(file, 'utf8');
        const handle = await (0,promises_namespaceObject.open)(file, 'r');
        try {
            const size = (await handle.stat()).size;
            if (size <= maxBytes)
                return await handle.readFile('utf8');
            const buffer = Buffer.alloc(maxBytes);
            const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
            return buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (e) {
        const code = e.code ?? 'unreadable';
        throw new UserError(`${flag}: cannot read "${file}" (${code}); pass a readable file`);
    }
}
function parsePlan(text, file) {
    let plan;
    try {
        plan = JSON.parse(text);
    }
    catch {
        throw new UserError(`--plan-json: "${file}" is not JSON; pass the output of \`terraform show -json <planfile>\``);
    }
    const p = plan;
    if (!p || typeof p !== 'object' || typeof p.format_version !== 'string' || !/^1\./.test(p.format_version))
        throw new UserError(`--plan-json: "${file}" is not a plan in JSON format 1.x; pass the output of \`terraform show -json <planfile>\``);
    return p;
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

