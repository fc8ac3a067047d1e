export const id = 67;
export const ids = [67];
export const modules = {

/***/ 6198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SF: () => (/* binding */ guardWarning),
/* harmony export */   ni: () => (/* binding */ destroyRefusal),
/* harmony export */   u$: () => (/* binding */ reviewGuard),
/* harmony export */   yM: () => (/* binding */ guardedDestroys)
/* harmony export */ });
/* unused harmony export typeIsGuarded */
function typeIsGuarded(type, guarded) {
    return guarded.some(g => (g.endsWith('*') ? type.startsWith(g.slice(0, -1)) : type === g));
}
function guardedDestroys(changes, guarded) {
    const hits = [];
    for (const rc of changes ?? []) {
        if (rc.mode === 'data')
            continue;
        const actions = rc.change.actions;
        if (!actions.includes('delete'))
            continue;
        if (!typeIsGuarded(rc.type, guarded))
            continue;
        hits.push({ address: rc.address, type: rc.type, action: actions.includes('create') ? 'replace' : 'delete' });
    }
    return hits;
}
function destroyRefusal(hits) {
    if (hits.length === 0)
        return undefined;
    const list = hits
        .slice(0, 5)
        .map(h => `${h.action} ${h.address}`)
        .join(', ');
    const more = hits.length > 5 ? ` and ${hits.length - 5} more` : '';
    return `the plan would ${list}${more} (stateful resource type${hits.length === 1 ? '' : 's'}); set allow-destroy: true to apply it, or change the configuration so they are kept`;
}
function reviewGuard(changes, guarded, allowDestroy) {
    const hits = guardedDestroys(changes, guarded);
    return { hits, blocked: hits.length > 0 && !allowDestroy };
}
/** The one-line warning of the plan step: apply's own refusal sentence, announced before review. */
function guardWarning(review) {
    const reason = destroyRefusal(review.hits);
    if (!reason)
        return undefined;
    return review.blocked
        ? `apply will refuse this plan: ${reason}`
        : `allow-destroy is true: apply will ${reason.replace(/^the plan would /, '').replace(/; set allow-destroy.*$/, '')}`;
}


/***/ }),

/***/ 7515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ LOCK_FILE),
/* harmony export */   VI: () => (/* binding */ PLAN_FILE),
/* harmony export */   VR: () => (/* binding */ METADATA_FILE),
/* harmony export */   bL: () => (/* binding */ metadataRefusals),
/* harmony export */   uU: () => (/* binding */ PLAN_JSON_FILE)
/* harmony export */ });
const METADATA_FILE = 'plan-metadata.json';
const PLAN_FILE = 'tfplan';
const PLAN_JSON_FILE = 'tfplan.json';
const LOCK_FILE = '.terraform.lock.hcl';
/** Every reason to refuse, in the order a user should fix them; empty means the plan may be applied. */
function metadataRefusals(meta, ctx) {
    const refusals = [];
    if (ctx.planDigest !== ctx.expectedDigest) {
        refusals.push(`plan file SHA-256 is ${ctx.planDigest}, but plan-digest is ${ctx.expectedDigest}: the artifact was modified or swapped; apply only the plan that was reviewed`);
        return refusals;
    }
    if (!meta) {
        refusals.push(`${METADATA_FILE} is missing next to the plan file: upload the whole plan-dir of the plan step, not just the plan`);
        return refusals;
    }
    if (meta.planDigest !== ctx.planDigest) {
        refusals.push(`${METADATA_FILE} belongs to another plan (digest ${meta.planDigest}); upload the plan-dir of one plan step`);
    }
    if (meta.commitSha !== ctx.commitSha) {
        refusals.push(`the plan was made from commit ${meta.commitSha}, but this job runs on ${ctx.commitSha}: plan again on this commit`);
    }
    if (meta.root !== ctx.root) {
        refusals.push(`the plan was made for root ${meta.root}, not ${ctx.root}: apply it with the same working-directory/stack`);
    }
    if (meta.workspace !== ctx.workspace) {
        refusals.push(`the plan was made in workspace ${meta.workspace}, not ${ctx.workspace}: apply it with the same workspace`);
    }
    // A tofu plan file is not a terraform plan file, even at the same version number.
    const planTool = meta.tool ?? 'terraform';
    if (planTool !== ctx.tool) {
        refusals.push(`the plan was made with ${planTool} ${meta.terraformVersion}, but this job runs ${ctx.tool}: set tool: ${planTool}`);
    }
    else if (meta.terraformVersion !== ctx.terraformVersion) {
        refusals.push(`the plan was made with ${planTool} ${meta.terraformVersion}, but ${ctx.terraformVersion} is installed: set terraform-version: ${meta.terraformVersion}`);
    }
    return refusals;
}


/***/ }),

/***/ 8143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ abortableSleep)
/* harmony export */ });
// A wait between REST calls that ends early when the signal fires (cancel or the caller's deadline); the next
// request then fails at once. Not unref'd: the wait is the work (an unref'd timer as the only thing left would end
// the process mid-write).
function abortableSleep(ms, signal) {
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        if (signal?.aborted)
            done();
        else
            signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   R: () => (/* binding */ deadlineSignal)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, RETRIES, DeadlineError */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
// The one REST client of the action: @actions/github's Octokit with retries (5xx, network errors, timeouts),
// GitHub's rate-limit etiquette (throttling: writes spaced out, secondary limits waited out), a timeout on every
// request attempt and one AbortSignal (job cancelled, or the caller's time budget spent) that ends everything.
//
// Bounds: an attempt (connect, headers and the whole body) gets REQUEST_TIMEOUT_MS, then counts as a network
// error and is retried (RETRIES times, waits 1 s, 4 s); a rate-limit wait longer than the time left is not taken.
// When `signal` fires, the pending request is aborted and the call rejects at once with an AbortError (never
// retried); a retry wait still pending in the plugins fires later into an aborted signal and does nothing.



const REQUEST_TIMEOUT_MS = 10_000;
const RETRIES = 2;
/** Creates the REST client. Primary rate limit: retried once after the reset; secondary: up to 3 times. */
function createGitHubClient(token, opts = {}) {
    const log = opts.log ?? { warning: () => undefined };
    const secondaryRetries = opts.secondaryRateLimitRetries ?? 3;
    const signal = opts.signal;
    const timeoutMs = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const deadline = new Deadline(signal);
    const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    const describe = (o) => `${o.method} ${o.url}`;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        log: {
            debug: (m) => log.debug?.(m),
            info: (m) => log.debug?.(m),
            warn: (m) => log.warning(m),
            error: (m) => log.warning(m)
        },
        retry: { retries: opts.retries ?? RETRIES, retryAfterBaseValue: opts.retryBaseMs ?? 1000 },
        throttle: {
            id: opts.throttleId ?? 'terraform-pr-gate',
            onRateLimit: (retryAfter, options, _o, count) => {
                const again = count < 1 && deadline.allows(retryAfter);
                log.warning(`GitHub API rate limit reached on ${describe(options)}; ` +
                    (again ? `retry ${count + 1} in ${retryAfter} s` : 'giving up'));
                return again;
            },
            onSecondaryRateLimit: (retryAfter, options, _o, count) => {
                const again = count < secondaryRetries && deadline.allows(retryAfter);
                log.warning(`GitHub API secondary rate limit on ${describe(options)}; ` +
                    (again ? `retry ${count + 1} of ${secondaryRetries} in ${retryAfter} s` : 'giving up'));
                return again;
            }
        }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
    // Registered last, so it wraps the plugins: it sees each call once, and its fetch runs for every attempt.
    octokit.hook.wrap('request', (request, options) => {
        const inner = options.request?.fetch ?? globalThis.fetch;
        options.request = { ...options.request, fetch: timedFetch(inner, timeoutMs, signal) };
        return untilAborted(Promise.resolve(request(options)), signal);
    });
    return octokit;
}
/** Rejects with an AbortError when the client's signal fires, whatever the plugins are still waiting for. */
function untilAborted(work, signal) {
    if (!signal)
        return work;
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(abortError(signal));
        if (signal.aborted)
            onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/**
 * One attempt within `timeoutMs`, the whole body read inside it (a server that sends headers and then stalls is
 * a timeout too). A timeout is reported as an ordinary network error, which the retry plugin retries; the
 * client's own signal as an AbortError, which octokit and the retry plugin pass through untouched.
 */
function timedFetch(inner, timeoutMs, signal) {
    return async (url, init) => {
        if (signal?.aborted)
            throw abortError(signal);
        const attempt = new AbortController();
        const timer = setTimeout(() => attempt.abort(), timeoutMs);
        timer.unref();
        try {
            const res = await inner(url, {
                ...init,
                signal: signal ? AbortSignal.any([signal, attempt.signal]) : attempt.signal
            });
            const body = await res.arrayBuffer();
            const copy = new Response(NULL_BODY.has(res.status) ? null : body, {
                status: res.status,
                statusText: res.statusText,
                headers: Array.from(res.headers.entries())
            });
            Object.defineProperty(copy, 'url', { value: res.url });
            return copy;
        }
        catch (error) {
            if (signal?.aborted)
                throw abortError(signal);
            if (attempt.signal.aborted)
                throw new Error(`no answer from GitHub within ${timeoutMs / 1000} s`);
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
    };
}
const NULL_BODY = new Set([101, 204, 205, 304]);
function abortError(signal) {
    const reason = signal.reason;
    const error = new Error(reason instanceof Error ? reason.message : 'the request was aborted');
    error.name = 'AbortError';
    error.cause = reason;
    return error;
}
/** Whether a wait of `seconds` still ends before the signal's deadline (signals from deadlineSignal only). */
class Deadline {
    signal;
    constructor(signal) {
        this.signal = signal;
    }
    allows(seconds) {
        const at = this.signal ? deadlines.get(this.signal) : undefined;
        return at === undefined || Date.now() + seconds * 1000 < at;
    }
}
const deadlines = new WeakMap();
/**
 * `cancel` (job cancellation) or `ms` elapsed, whichever comes first. The reason says which: a DeadlineError
 * when the time is up, cancel's own reason otherwise. Rate-limit waits beyond the deadline are not taken.
 */
function deadlineSignal(ms, cancel) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DeadlineError(ms)), ms);
    timer.unref();
    const onCancel = () => {
        clearTimeout(timer);
        controller.abort(cancel.reason);
    };
    if (cancel?.aborted)
        onCancel();
    else
        cancel?.addEventListener('abort', onCancel, { once: true });
    deadlines.set(controller.signal, Date.now() + ms);
    return controller.signal;
}
class DeadlineError extends Error {
    ms;
    constructor(ms) {
        super(`GitHub did not answer within ${ms / 1000} s`);
        this.ms = ms;
        this.name = 'DeadlineError';
    }
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext),
/* harmony export */   N: () => (/* binding */ readEventPayload)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// What run triggered the action: repository, commit, run link and, for pull requests, whether the head comes
// from a fork (then GITHUB_TOKEN is read-only and comments cannot be written).


const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);
/** Builds the run context from the Actions environment and the parsed event payload. */
function readRunContext(env, payload) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const event = (payload ?? {});
    const fullName = env.GITHUB_REPOSITORY || event.repository?.full_name;
    const [owner, repo] = (fullName ?? '').split('/');
    if (!owner || !repo) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('GITHUB_REPOSITORY is not set (expected "owner/name"); run this inside GitHub Actions');
    }
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runUrl = env.GITHUB_RUN_ID
        ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` +
            (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '')
        : undefined;
    const pr = event.pull_request;
    let pullRequest;
    if (PULL_REQUEST_EVENTS.has(eventName) && pr && typeof pr.number === 'number') {
        const baseRepo = repoName(pr.base?.repo) ?? `${owner}/${repo}`;
        const headRepo = repoName(pr.head?.repo);
        pullRequest = {
            number: pr.number,
            headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
            // A deleted fork has head.repo null: still not the base repository.
            isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
            headRepo
        };
    }
    return {
        eventName,
        owner,
        repo,
        sha: pullRequest?.headSha || env.GITHUB_SHA || '',
        runUrl,
        ...(pullRequest ? { pullRequest } : {})
    };
}
/** Reads GITHUB_EVENT_PATH; unset gives an empty payload (a local run), unreadable is a UserError. */
function readEventPayload(env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`GITHUB_EVENT_PATH ${file} is not readable JSON: ${err.message}`);
    }
}
function repoName(repo) {
    if (!repo)
        return undefined;
    if (repo.full_name)
        return repo.full_name;
    if (repo.owner?.login && repo.name)
        return `${repo.owner.login}/${repo.name}`;
    return undefined;
}


/***/ }),

/***/ 791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ PlanShapeError),
/* harmony export */   V1: () => (/* binding */ normalizePlan)
/* harmony export */ });
/* unused harmony export ACCEPTED_FORMATS */
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


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SV: () => (/* binding */ truncateLines),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   xv: () => (/* binding */ truncate),
/* harmony export */   zW: () => (/* binding */ fencedBlock)
/* harmony export */ });
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
function code(raw, max = 200) {
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


/***/ }),

/***/ 9420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ rootTitle),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   Xg: () => (/* binding */ checkedOutCommit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _render_safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4475);
// Small facts about the run used in titles, metadata and links.


function runUrl(env) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}
/**
 * `infra/prod` (workspace `staging`), as shown in titles: safe Markdown whatever the names hold (a directory
 * named `` x` @org/team `y `` must not close the code span and mention a team), so escaped into <code>.
 */
function rootTitle(inputs) {
    const ws = inputs.workspace === 'default' ? '' : ` (workspace <code>${(0,_render_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(inputs.workspace)}</code>)`;
    return `<code>${(0,_render_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeInline */ .VV)(inputs.rootLabel)}</code>${ws}`;
}
/**
 * The commit whose files terraform ran on: HEAD of the checkout (a manual run may check out another ref
 * than GITHUB_SHA), else GITHUB_SHA.
 */
function checkedOutCommit(workspaceDir, env) {
    try {
        const head = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['rev-parse', 'HEAD'], {
            cwd: workspaceDir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore']
        }).trim();
        if (/^[0-9a-f]{40}$/.test(head))
            return head;
    }
    catch {
        // not a git checkout
    }
    return env.GITHUB_SHA ?? '';
}


/***/ }),

/***/ 5993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ decideComment),
/* harmony export */   jg: () => (/* binding */ describeWriteFailure)
/* harmony export */ });
/* unused harmony exports COMMENT_MODES, FORK_WARNING, COMMENT_WORDING */
const COMMENT_MODES = (/* unused pure expression or super */ null && (['always', 'changes-only', 'off']));
const FORK_WARNING = 'pull request from a fork: the token cannot write comments; the plan is in the job summary';
function decideComment(ctx, mode, hasChanges) {
    if (mode === 'off')
        return { action: 'skip', reason: 'off' };
    const pr = ctx.pullRequest;
    if (!pr)
        return { action: 'skip', reason: 'not-a-pull-request' };
    if (pr.isFork && ctx.eventName !== 'pull_request_target') {
        return { action: 'skip', reason: 'fork', warning: FORK_WARNING };
    }
    if (mode === 'changes-only' && !hasChanges)
        return { action: 'update-only', issueNumber: pr.number };
    return { action: 'upsert', issueNumber: pr.number };
}
const COMMENT_WORDING = {
    what: 'the pull request comment',
    cannot: 'the token cannot write comments',
    permission: 'pull-requests: write',
    tail: 'the plan is in the job summary'
};
/**
 * The warning for a failed comment write, or undefined when `err` is not an HTTP error from the client (a bug,
 * which must keep failing loudly).
 */
function describeWriteFailure(err, wording = COMMENT_WORDING) {
    const e = err;
    const { what, tail } = wording;
    // The caller's time budget ran out (client.ts deadlineSignal); a cancel is not a write failure.
    if (e?.name === 'AbortError' && e.cause?.name === 'DeadlineError') {
        return {
            status: undefined,
            warning: `could not write ${what}: ${e.cause.message}; ${tail}`
        };
    }
    if (!e || e.name !== 'HttpError' || typeof e.status !== 'number')
        return undefined;
    const status = e.status;
    // Octokit appends " - <documentation url>" to GitHub's message.
    const message = typeof e.message === 'string' ? e.message.split('\n')[0].replace(/ - https:\/\/\S+$/, '') : '';
    // No response at all: a network error or a timeout after the retries (octokit calls it status 500).
    if (status === 500 && e.response === undefined) {
        return {
            status: undefined,
            warning: `could not write ${what}: ${message || 'no answer from GitHub'}; ${tail}`
        };
    }
    if (status === 403 && /rate limit/i.test(message)) {
        return { status, warning: `could not write ${what}: GitHub rate limit (${message}); ${tail}` };
    }
    if (status === 401 || status === 403 || status === 404) {
        return {
            status,
            warning: `could not write ${what}: ${wording.cannot} (HTTP ${status}: ${message}); ` +
                `grant "permissions: ${wording.permission}" to the job; ${tail}`
        };
    }
    return { status, warning: `could not write ${what} (HTTP ${status}: ${message}); ${tail}` };
}


/***/ }),

/***/ 7733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ formatOrderLine),
/* harmony export */   Eo: () => (/* binding */ parseOrderLine),
/* harmony export */   H8: () => (/* binding */ UNORDERED),
/* harmony export */   hF: () => (/* binding */ planOrderOf),
/* harmony export */   mw: () => (/* binding */ describeOrder),
/* harmony export */   q6: () => (/* binding */ ORDER_PREFIX),
/* harmony export */   wn: () => (/* binding */ compareOrder)
/* harmony export */ });
/** A comment written before keys existed: older than any plan with a key. */
const UNORDERED = { eventTime: 0, runId: 0, runAttempt: 0 };
const ORDER_PREFIX = '<!-- terraform-pr-gate-order: ';
/** The key of this run, from the Actions environment and the event payload. */
function planOrderOf(env, payload) {
    const event = (payload ?? {});
    const time = seconds(event.pull_request?.updated_at) || seconds(event.head_commit?.timestamp);
    return { eventTime: time, runId: count(env.GITHUB_RUN_ID), runAttempt: count(env.GITHUB_RUN_ATTEMPT) };
}
/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
function compareOrder(a, b) {
    return a.eventTime - b.eventTime || a.runId - b.runId || a.runAttempt - b.runAttempt;
}
function formatOrderLine(order) {
    return `${ORDER_PREFIX}v1 t=${order.eventTime} run=${order.runId} attempt=${order.runAttempt} -->`;
}
function parseOrderLine(line) {
    const m = /^<!-- terraform-pr-gate-order: v1 t=(\d+) run=(\d+) attempt=(\d+) -->$/.exec(line);
    return m ? { eventTime: Number(m[1]), runId: Number(m[2]), runAttempt: Number(m[3]) } : undefined;
}
function describeOrder(order) {
    return `run ${order.runId}, attempt ${order.runAttempt}`;
}
function seconds(value) {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}
function count(value) {
    return value && /^\d{1,15}$/.test(value) ? Number(value) : 0;
}


/***/ }),

/***/ 8283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hN: () => (/* binding */ COMMENT_BUDGET_MS),
  r4: () => (/* binding */ postApplyStatus),
  Hf: () => (/* binding */ postPlanComment),
  Gb: () => (/* binding */ rethrowCancel)
});

// UNUSED EXPORTS: CANCELLED_STATUS_BUDGET_MS, applyStatusMarkdown

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/sticky-comment/plan-order.ts
var plan_order = __webpack_require__(7733);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/sticky-comment/comment-policy.ts
var comment_policy = __webpack_require__(5993);
// EXTERNAL MODULE: ./src/sticky-comment/sticky-comment.ts
var sticky_comment = __webpack_require__(6976);
;// CONCATENATED MODULE: ./src/sticky-comment/publish-comment.ts


async function publishPlanComment(client, ctx, mode, hasChanges, req) {
    const decision = (0,comment_policy/* decideComment */.Of)(ctx, mode, hasChanges);
    if (decision.action === 'skip') {
        return { status: 'skipped', reason: decision.reason, ...(decision.warning ? { warning: decision.warning } : {}) };
    }
    const full = { ...req, owner: ctx.owner, repo: ctx.repo, issueNumber: decision.issueNumber };
    try {
        if (decision.action === 'update-only') {
            const result = await (0,sticky_comment/* upsertStickyComment */.qD)(client, { ...full, createIfMissing: false });
            return result ? { status: 'written', result } : { status: 'not-needed' };
        }
        return { status: 'written', result: await (0,sticky_comment/* upsertStickyComment */.qD)(client, full) };
    }
    catch (err) {
        const failure = (0,comment_policy/* describeWriteFailure */.jg)(err);
        if (!failure)
            throw err;
        return { status: 'degraded', httpStatus: failure.status, warning: failure.warning };
    }
}

// EXTERNAL MODULE: ./src/render/safe-text.ts
var safe_text = __webpack_require__(4475);
;// CONCATENATED MODULE: ./src/sticky-comment/pr-comment.ts








const COMMENT_BUDGET_MS = 30_000;
/** The "apply cancelled" status is written after the cancel, on purpose, so the cancel cannot stop it: a shorter
 * budget instead, well inside the runner's grace time before it kills the job. */
const CANCELLED_STATUS_BUDGET_MS = 10_000;
/** The client for one comment update, and its signal (cancel or the budget spent) for the waits. */
function pr_comment_client(inputs, report, afterCancel = false) {
    const signal = afterCancel
        ? (0,client/* deadlineSignal */.R)(CANCELLED_STATUS_BUDGET_MS)
        : (0,client/* deadlineSignal */.R)(COMMENT_BUDGET_MS, cancellation/* cancelSignal */.Bj);
    return { gh: (0,client/* createGitHubClient */.LX)(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal }), signal };
}
function pr_comment_context() {
    const payload = (0,context/* readEventPayload */.N)(process.env);
    return { ctx: (0,context/* readRunContext */.$)(process.env, payload), order: (0,plan_order/* planOrderOf */.hF)(process.env, payload) };
}
/** A cancel during the comment is the step's failure; anything else goes back to the caller. */
function rethrowCancel(error, activity = 'writing the pull request comment') {
    const e = error;
    if (e?.name === 'AbortError' && e.cause instanceof cancellation/* CancelReason */.Po) {
        throw new cancellation/* CancelledWhileError */.hu(e.cause.signal, activity);
    }
}
async function postPlanComment(inputs, report, plan) {
    if (inputs.comment === 'off')
        return undefined;
    const { ctx, order } = pr_comment_context();
    if (!ctx.pullRequest) {
        report.info('not a pull request: no comment; the plan is in the job summary');
        return undefined;
    }
    if (!inputs.githubToken) {
        report.warning('input github-token is empty: no pull request comment; the plan is in the job summary');
        return undefined;
    }
    let outcome;
    try {
        const { gh, signal } = pr_comment_client(inputs, report);
        outcome = await publishPlanComment(gh, ctx, inputs.comment, plan.hasChanges, {
            workingDirectory: inputs.rootLabel,
            workspace: inputs.workspace,
            changeKeys: plan.changeKeys,
            order,
            signal,
            render: (budget, since) => report.redact(plan.render(budget, since))
        });
    }
    catch (error) {
        rethrowCancel(error);
        throw error;
    }
    switch (outcome.status) {
        case 'written':
            if (outcome.result.superseded) {
                report.info(`the plan comment ${outcome.result.url} shows a newer plan (${(0,plan_order/* describeOrder */.mw)(outcome.result.superseded)}) ` +
                    `than this run's (${(0,plan_order/* describeOrder */.mw)(order)}): left as it is`);
                return { id: outcome.result.id, url: outcome.result.url };
            }
            report.info(`${outcome.result.created ? 'created' : 'updated'} the plan comment ${outcome.result.url}` +
                (outcome.result.sinceLastPlan ? ` (${outcome.result.sinceLastPlan})` : ''));
            return { id: outcome.result.id, url: outcome.result.url };
        case 'not-needed':
            report.info('comment: changes-only and the plan has no changes: no comment');
            return undefined;
        case 'skipped':
            if (outcome.warning)
                report.warning(outcome.warning);
            return undefined;
        case 'degraded':
            report.warning(outcome.warning);
            return undefined;
    }
}
/** The status section put on top of the plan comment after an apply (pure). */
function applyStatusMarkdown(status, when = new Date()) {
    const run = status.runUrl ? ` in [this run](${status.runUrl})` : '';
    const at = when.toISOString().replace(/\.\d+Z$/, 'Z');
    switch (status.state) {
        case 'applied': {
            const lines = [`### ✅ Applied${run} at ${at}`];
            if (status.outputs.length > 0) {
                lines.push('', '| Output | Value |', '|---|---|');
                for (const o of status.outputs.slice(0, 50)) {
                    lines.push(`| ${(0,safe_text/* code */.aY)(o.name, 100)} | ${o.sensitive ? '<em>(sensitive)</em>' : (0,safe_text/* code */.aY)(o.value, 200)} |`);
                }
                if (status.outputs.length > 50)
                    lines.push(`| … | ${status.outputs.length - 50} more outputs |`);
            }
            return lines.join('\n');
        }
        case 'failed':
            return `### ❌ Apply failed${run} at ${at}\n\n${(0,safe_text/* escapeInline */.VV)(status.reason)}`;
        case 'plan-failed':
            return `### ❌ Plan failed${run} at ${at}\n\n${(0,safe_text/* escapeInline */.VV)(status.reason)}\n\nThe plan below is from an earlier run and is out of date.`;
        case 'refused':
            return `### ⛔ Apply refused${run} at ${at}\n\n${(0,safe_text/* escapeInline */.VV)(status.reason)}\n\nNothing was changed.`;
        case 'cancelled': {
            const head = `### ⚠️ Apply cancelled${run} at ${at}\n\nTerraform was asked to stop and saved the state it had reached.`;
            const dir = status.workingDirectory;
            if (status.lock.state === 'released')
                return `${head} The state lock was released.`;
            if (status.lock.state === 'held') {
                return `${head} **The state lock is still held.** When no other run is using it, release it in ${(0,safe_text/* code */.aY)(dir)}:\n\n\`\`\`sh\nterraform force-unlock -force ${status.lock.id.replace(/[^A-Za-z0-9_.:/-]/g, '')}\n\`\`\``;
            }
            return `${head} Whether a state lock remains could not be checked: run \`terraform plan\` in ${(0,safe_text/* code */.aY)(dir)}; if it reports a lock, run \`terraform force-unlock -force <ID>\` with the ID it prints.`;
        }
    }
}
/** The PR to report on: the PR of this run, else the PR the commit belongs to (apply after merge). */
async function pullRequestNumber(gh, ctx) {
    if (ctx.pullRequest)
        return ctx.pullRequest.isFork && ctx.eventName !== 'pull_request_target' ? undefined : ctx.pullRequest.number;
    if (!ctx.sha)
        return undefined;
    const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: ctx.owner,
        repo: ctx.repo,
        commit_sha: ctx.sha,
        per_page: 10
    });
    return data[0]?.number;
}
async function postApplyStatus(inputs, report, status) {
    if (inputs.comment === 'off' || !inputs.githubToken)
        return;
    const { ctx, order } = pr_comment_context();
    // A failed plan only updates a pull request's comment; on push it is in the job log and summary.
    if (status.state === 'plan-failed' && !ctx.pullRequest)
        return;
    const { gh, signal } = pr_comment_client(inputs, report, status.state === 'cancelled');
    try {
        const issueNumber = await pullRequestNumber(gh, ctx);
        if (issueNumber === undefined) {
            report.info('no pull request for this commit: the apply status is in the job summary only');
            return;
        }
        const target = {
            owner: ctx.owner,
            repo: ctx.repo,
            issueNumber,
            workingDirectory: inputs.rootLabel,
            workspace: inputs.workspace
        };
        const section = report.redact(applyStatusMarkdown(status));
        // A failed plan is this run's plan: it must not mark a newer plan as out of date.
        const planOrder = status.state === 'plan-failed' ? { order } : {};
        const result = await (0,sticky_comment/* updateStickyComment */.OS)(gh, { ...target, ...planOrder, signal, createIfMissing: true }, (previous, budget) => (0,sticky_comment/* withStatusSection */.k)(previous ?? '', section, budget));
        if (result) {
            report.setOutput('comment-id', String(result.id));
            report.setOutput('comment-url', result.url);
        }
    }
    catch (error) {
        rethrowCancel(error);
        const failure = (0,comment_policy/* describeWriteFailure */.jg)(error);
        if (!failure)
            throw error;
        report.warning(failure.warning);
    }
    finally {
        await report.summary(report.redact(applyStatusMarkdown(status)));
    }
}


/***/ }),

/***/ 6976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ updateStickyComment),
/* harmony export */   PI: () => (/* binding */ parseStickyBody),
/* harmony export */   Zl: () => (/* binding */ planState),
/* harmony export */   bW: () => (/* binding */ parseStateLine),
/* harmony export */   c5: () => (/* binding */ fitToBudget),
/* harmony export */   k: () => (/* binding */ withStatusSection),
/* harmony export */   oC: () => (/* binding */ findStickyComment),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports MARKER_PREFIX, STATE_PREFIX, GITHUB_COMMENT_LIMIT, MAX_TRACKED_CHANGES, SETTLE_MS, FRESH_MS, stickyMarker, formatStateLine, describeSinceLastPlan, bodyOrder */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_abortable_sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8143);
/* harmony import */ var _github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4478);
/* harmony import */ var _plan_order_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7733);
// One pull-request comment per (working directory, workspace), updated in place on every run, also when several
// runs for the same target write at the same time.
//
// Body layout (lines 1 to 3 are invisible in the rendered comment):
//   <!-- terraform-pr-gate: {"dir":"infra/prod","ws":"default"} -->
//   <!-- terraform-pr-gate-order: v1 t=<event time> run=<run id> attempt=<attempt> -->   (see plan-order.ts)
//   <!-- terraform-pr-gate-state: v1 n=12 h=<base64 of 4-byte sha256 prefixes, sorted> -->
//   <rendered markdown>
//
// Finding the comment: every page of the issue's comments is listed (per_page=100) and a comment is ours only
// when its FIRST line equals the marker exactly. JSON in the marker has `<`, `>`, `&` and `-` escaped as \uXXXX,
// so no directory name can end the HTML comment early or make two targets share a marker. The author is not
// checked: GET /user is not available to installation tokens, and a human would have to paste the raw marker as
// the first line of their own comment to be mistaken for ours.
//
// Concurrency. GitHub has no conditional write on issue comments (no ETag/If-Match on PATCH, no create-if-absent),
// so two runs can both create, and a run can overwrite what another just wrote. The protocol:
// - The canonical comment is our OLDEST comment (lowest id). Only the canonical one is ever edited; runs never
//   delete it. Any other comment with our marker is a duplicate from a concurrent create: it is never edited, so
//   what a run read from it stays true, and deleting it loses nothing once the canonical one shows a plan at least
//   as new.
// - Every plan carries its order key. A run that finds a newer plan does not write (superseded); a run never
//   replaces a newer plan with an older one.
// - After every write the run waits SETTLE_MS and lists again ("converge"): a newer run that finds its plan
//   overwritten by an older one writes it again; a newer run deletes the duplicates; an older run deletes only
//   the duplicate it created. It repeats until a list shows no work, at most MAX_ROUNDS times.
// Whatever the interleaving, at most one of our comments remains (every creator lists after its create, and of
// any two creators the later one sees both). It shows the newest plan unless an older run's edit takes more than
// SETTLE_MS - FRESH_MS from being sent to being applied by GitHub (it is sent at most FRESH_MS after the list it
// is based on, and the newer run lists again SETTLE_MS after its own write): then the older plan stays until the
// next run. A workflow `concurrency` group per pull request and
// root closes that window (README, "Plan comments").
//
// Idempotency: a create that fails with a 5xx or a network error may still have created the comment, so it is
// not retried blindly: the converge list decides. An edit that gets a 404 (deleted meanwhile) lists again.
//
// "Since the last plan": the state line carries the change keys of the plan the comment shows, as 32-bit hash
// prefixes (at most MAX_TRACKED_CHANGES of them, about 10.7 K characters; above that only the count is stored),
// so the next plan can say "+N, -M" or "no change". Bodies never exceed maxChars (GitHub's limit is 65,536
// characters; JS string length is used, which counts UTF-16 units and so is never below GitHub's count).




const MARKER_PREFIX = '<!-- terraform-pr-gate: ';
const STATE_PREFIX = '<!-- terraform-pr-gate-state: ';
const COMMENT_END = _github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .MARKER_END */ .vZ;
const GITHUB_COMMENT_LIMIT = 65536;
const MAX_TRACKED_CHANGES = 2000;
const MAX_PAGES = 100; // 10,000 comments; GitHub stops at 2,500 comments per issue
const CREATE_ATTEMPTS = 3;
/** Wait after a write before the converge list (see the header). */
const SETTLE_MS = 2000;
/** An edit is sent at most this long after the list it is based on; older views are listed again first. */
const FRESH_MS = 500;
const MAX_ROUNDS = 5;
const TRUNCATION_NOTICE = "\n\n_…truncated to fit GitHub's comment size limit._\n";

/** The first line of our comment for one target. */
function stickyMarker(target) {
    return (0,_github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .targetMarker */ .yT)(MARKER_PREFIX, target);
}
/** The state of the current plan (all hashes are kept in memory; the state line stores at most the cap). */
function planState(changeKeys) {
    const hashes = new Set(changeKeys.map(k => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(k).digest('hex').slice(0, 8)));
    return { count: new Set(changeKeys).size, hashes };
}
/** Line 2 of the body; above MAX_TRACKED_CHANGES hashes only the count is stored. */
function formatStateLine(state) {
    const tracked = state.hashes && state.hashes.size <= MAX_TRACKED_CHANGES;
    const h = tracked ? ` h=${Buffer.from([...state.hashes].sort().join(''), 'hex').toString('base64')}` : '';
    return `${STATE_PREFIX}v1 n=${state.count}${h}${COMMENT_END}`;
}
function parseStateLine(line) {
    const m = line ? /^<!-- terraform-pr-gate-state: v1 n=(\d+)(?: h=([A-Za-z0-9+/=]*))? -->$/.exec(line) : null;
    if (!m)
        return undefined;
    if (m[2] === undefined)
        return { count: Number(m[1]) };
    const hex = Buffer.from(m[2], 'base64').toString('hex');
    const hashes = new Set();
    for (let i = 0; i + 8 <= hex.length; i += 8)
        hashes.add(hex.slice(i, i + 8));
    return { count: Number(m[1]), hashes };
}
/** "No change since the last plan", "Since the last plan: +2, -1 resource changes", or a count-only variant. */
function describeSinceLastPlan(previous, current) {
    if (!previous)
        return undefined;
    if (previous.hashes && current.hashes) {
        let added = 0;
        let removed = 0;
        for (const h of current.hashes)
            if (!previous.hashes.has(h))
                added++;
        for (const h of previous.hashes)
            if (!current.hashes.has(h))
                removed++;
        if (added === 0 && removed === 0)
            return 'No change since the last plan';
        return `Since the last plan: +${fmt(added)}, -${fmt(removed)} resource changes`;
    }
    const counts = previous.count === current.count
        ? `${fmt(current.count)} resource changes, as before`
        : `${fmt(previous.count)} → ${fmt(current.count)} resource changes`;
    return `Since the last plan: ${counts} (too many to compare one by one)`;
}
function fmt(n) {
    return n.toLocaleString('en-US');
}
function parseStickyBody(body) {
    const [markerLine, afterMarker] = (0,_github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .splitFirstLine */ .t6)(body);
    const parsed = { markerLine, markdown: afterMarker };
    for (;;) {
        const [line, after] = (0,_github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .splitFirstLine */ .t6)(parsed.markdown);
        if (!parsed.orderLine && line.startsWith(_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .ORDER_PREFIX */ .q6))
            parsed.orderLine = line;
        else if (!parsed.stateLine && line.startsWith(STATE_PREFIX))
            parsed.stateLine = line;
        else
            return parsed;
        parsed.markdown = after;
    }
}
/** The order key in a body, UNORDERED when there is none. */
function bodyOrder(body) {
    const line = parseStickyBody(body).orderLine;
    return (line && (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .parseOrderLine */ .Eo)(line)) || _plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .UNORDERED */ .H8;
}
/** Cuts markdown to `budget` characters at a line end when possible, with a notice, never inside a surrogate pair. */
function fitToBudget(markdown, budget) {
    if (markdown.length <= budget)
        return markdown;
    if (budget <= TRUNCATION_NOTICE.length)
        return safeSlice(markdown, Math.max(0, budget));
    let cut = safeSlice(markdown, budget - TRUNCATION_NOTICE.length);
    const lineEnd = cut.lastIndexOf('\n');
    if (lineEnd > cut.length * 0.8)
        cut = cut.slice(0, lineEnd);
    return cut + TRUNCATION_NOTICE;
}
function safeSlice(text, length) {
    const code = text.charCodeAt(length - 1);
    return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
/** Our comments for the marker, oldest first (the first is the canonical one). */
async function listOurs(client, target, marker, counter) {
    const found = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await client.rest.issues.listComments({
            owner: target.owner,
            repo: target.repo,
            issue_number: target.issueNumber,
            per_page: 100,
            page
        });
        counter.calls++;
        for (const c of res.data) {
            const body = c.body ?? '';
            if ((0,_github_hidden_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .splitFirstLine */ .t6)(body)[0] === marker)
                found.push({ id: c.id, url: c.html_url, body, order: bodyOrder(body) });
        }
        if (!/\brel="next"/.test(res.headers.link ?? ''))
            break;
    }
    return found.sort((a, b) => a.id - b.id);
}
/** The comment showing the newest plan (the oldest such comment on a tie). */
function newestOf(comments) {
    let best;
    for (const c of comments)
        if (!best || (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .compareOrder */ .wn)(c.order, best.order) > 0)
            best = c;
    return best;
}
/** Our comment for `target` (the canonical one), or undefined; lists every page of the issue's comments. */
async function findStickyComment(client, target) {
    return (await listOurs(client, target, stickyMarker(target), { calls: 0 }))[0];
}
async function upsertStickyComment(client, req) {
    const maxChars = req.maxChars ?? GITHUB_COMMENT_LIMIT;
    const opts = options(req, req.kind === 'apply' ? undefined : req.order);
    return writeSticky(client, req, opts, (existing, orderLine) => {
        const previous = existing ? parseStickyBody(existing.body) : undefined;
        if (req.kind === 'apply') {
            return compose(req, maxChars, orderLine, previous?.stateLine, budget => req.render(budget, undefined));
        }
        const current = planState(req.changeKeys);
        const sinceLastPlan = previous ? describeSinceLastPlan(parseStateLine(previous.stateLine), current) : undefined;
        // The hashes may take at most a quarter of the body; otherwise only the count is kept.
        let stateLine = formatStateLine(current);
        if (stateLine.length > maxChars / 4)
            stateLine = formatStateLine({ count: current.count });
        const composed = compose(req, maxChars, orderLine, stateLine, budget => req.render(budget, sinceLastPlan));
        return { ...composed, sinceLastPlan };
    });
}
/**
 * Rewrites the visible part of the comment while keeping its marker and plan state, e.g. to put an apply status
 * on top of the plan: `updateStickyComment(client, target, (md, budget) => withStatusSection(md ?? '', s, budget))`.
 * `update` gets the current markdown (undefined when there is no comment yet) and the character budget.
 * With `order`, the status belongs to that run's plan (a failed plan): it is not written over a newer plan.
 * Returns undefined when there is no comment and `createIfMissing` is false (the default).
 */
async function updateStickyComment(client, target, update) {
    const maxChars = target.maxChars ?? GITHUB_COMMENT_LIMIT;
    const opts = options({ ...target, createIfMissing: target.createIfMissing ?? false }, target.order);
    return writeSticky(client, target, opts, (existing, orderLine) => {
        const previous = existing ? parseStickyBody(existing.body) : undefined;
        return compose(target, maxChars, orderLine, previous?.stateLine, budget => update(previous?.markdown, budget));
    });
}
const STATUS_START = '<!-- terraform-pr-gate-status -->';
const STATUS_END = '<!-- /terraform-pr-gate-status -->';
/** Puts `status` at the top of `markdown`, replacing an earlier status section; the result fits `budget`. */
function withStatusSection(markdown, status, budget = GITHUB_COMMENT_LIMIT) {
    let rest = markdown;
    if (rest.startsWith(STATUS_START)) {
        const end = rest.indexOf(STATUS_END);
        if (end >= 0)
            rest = rest.slice(end + STATUS_END.length).replace(/^\r?\n/, '');
    }
    return fitToBudget(`${STATUS_START}\n${status}\n${STATUS_END}\n${rest}`, budget);
}
function options(req, order) {
    return {
        createIfMissing: req.createIfMissing ?? true,
        relistDelayMs: req.relistDelayMs ?? 1000,
        settleMs: req.settleMs ?? SETTLE_MS,
        ...(order ? { order } : {}),
        ...(req.signal ? { signal: req.signal } : {})
    };
}
function compose(target, maxChars, orderLine, stateLine, render) {
    const head = `${stickyMarker(target)}\n${orderLine ? `${orderLine}\n` : ''}${stateLine ? `${stateLine}\n` : ''}`;
    const budget = maxChars - head.length;
    if (budget < 0)
        throw new Error(`maxChars ${maxChars} is too small for the comment marker (${head.length})`);
    return { body: head + fitToBudget(render(budget), budget) };
}
async function writeSticky(client, target, opts, build) {
    const counter = { calls: 0 };
    const marker = stickyMarker(target);
    const issue = { owner: target.owner, repo: target.repo };
    const list = async () => ({
        comments: await listOurs(client, target, marker, counter),
        at: Date.now()
    });
    let view = await list();
    const base = newestOf(view.comments);
    const deletedIds = [];
    const done = (c, extra = {}) => c && {
        id: c.id,
        url: c.url,
        created: c.id === createdId,
        written,
        sinceLastPlan: said.sinceLastPlan,
        apiCalls: counter.calls,
        deletedIds,
        ...extra
    };
    let createdId;
    let written = false;
    // Set once the body is built; a run superseded before building reports none.
    const said = {};
    if (opts.order && base && (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .compareOrder */ .wn)(base.order, opts.order) > 0) {
        return done(view.comments[0], { superseded: base.order });
    }
    // The order this run writes: its own, or for a status update the order of the plan it annotates.
    const order = opts.order ?? base?.order ?? _plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .UNORDERED */ .H8;
    const orderLine = opts.order || (base && base.order !== _plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .UNORDERED */ .H8) ? (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .formatOrderLine */ .EF)(order) : undefined;
    // Built once from what the comment said before this run, so a converge list that finds our own comment does
    // not turn "+3 since the last plan" into "no change".
    const composed = build(base, orderLine);
    const body = composed.body;
    said.sinceLastPlan = composed.sinceLastPlan;
    let createFailures = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
        if (Date.now() - view.at > FRESH_MS)
            view = await list();
        // A create that failed with a 5xx may have gone through: a comment with our exact body is ours.
        if (createFailures > 0 && createdId === undefined)
            createdId = view.comments.find(c => c.body === body)?.id;
        const canonical = view.comments[0];
        const newest = newestOf(view.comments);
        if (newest && (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .compareOrder */ .wn)(newest.order, order) > 0) {
            // Superseded: leave the newer plan alone; take back only a duplicate of our own.
            const mine = view.comments.find(c => c.id === createdId && c !== canonical && c.body === body);
            if (mine)
                await remove(mine.id);
            return done(canonical, { superseded: newest.order });
        }
        let wrote = false;
        if (!canonical) {
            if (!opts.createIfMissing && !written)
                return undefined;
            try {
                const res = await client.rest.issues.createComment({
                    ...issue,
                    issue_number: target.issueNumber,
                    body,
                    // Not retried by the client: a failed create may have succeeded; the converge list decides.
                    request: { retries: 0 }
                });
                counter.calls++;
                createdId = res.data.id;
            }
            catch (err) {
                counter.calls++;
                const code = status(err);
                if ((code !== undefined && code < 500) || ++createFailures > CREATE_ATTEMPTS)
                    throw err;
                await (0,_github_abortable_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .abortableSleep */ .M)(opts.relistDelayMs * createFailures, opts.signal);
            }
            written = true;
            wrote = true;
        }
        else if (canonical.body !== body && !(written && (0,_plan_order_js__WEBPACK_IMPORTED_MODULE_2__/* .compareOrder */ .wn)(canonical.order, order) === 0)) {
            // An equal order with another body after our write is a run with the same key: either plan may stay.
            try {
                await client.rest.issues.updateComment({ ...issue, comment_id: canonical.id, body });
                counter.calls++;
                written = true;
                wrote = true;
            }
            catch (err) {
                counter.calls++;
                if (status(err) !== 404)
                    throw err;
                view = await list(); // deleted since we listed it (by a person): the next oldest, or a create
                continue;
            }
        }
        // Duplicates are never edited, and the canonical comment now shows a plan at least as new as theirs.
        for (const c of view.comments.slice(1))
            if (!deletedIds.includes(c.id))
                await remove(c.id);
        if (!wrote)
            return done(canonical ?? view.comments[0]);
        await (0,_github_abortable_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .abortableSleep */ .M)(opts.settleMs, opts.signal);
        view = await list();
    }
    return done(view.comments[0]);
    async function remove(id) {
        try {
            await client.rest.issues.deleteComment({ ...issue, comment_id: id });
            deletedIds.push(id);
        }
        catch (err) {
            if (status(err) !== 404)
                throw err;
        }
        finally {
            counter.calls++;
        }
    }
}
function status(err) {
    const s = err?.status;
    // Octokit reports network failures as status 500 too; both are ambiguous for a create.
    return typeof s === 'number' ? s : undefined;
}


/***/ }),

/***/ 2797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c7: () => (/* binding */ lockTimeoutArgs),
/* harmony export */   hj: () => (/* binding */ initRoot),
/* harmony export */   rC: () => (/* binding */ planArgs)
/* harmony export */ });
/* unused harmony exports backendConfigArgs, variableArgs */
function backendConfigArgs(inputs) {
    return inputs.backendConfig.map(value => `-backend-config=${value}`);
}
function variableArgs(inputs) {
    return [...inputs.varFiles.map(file => `-var-file=${file}`), ...inputs.variables.map(v => `-var=${v}`)];
}
/** How long plan, apply and init wait for a state lock held by another run (terraform's default: 0s, not at all). */
function lockTimeoutArgs(inputs) {
    return [`-lock-timeout=${inputs.lockTimeout}`];
}
/** `terraform plan` saving to `planPath`, with the root's variables; `mode` adds e.g. -refresh-only. */
function planArgs(inputs, planPath, mode = []) {
    return [
        'plan',
        ...mode,
        '-input=false',
        '-no-color',
        '-detailed-exitcode',
        ...lockTimeoutArgs(inputs),
        `-out=${planPath}`,
        ...variableArgs(inputs)
    ];
}
async function initRoot(inputs, tf) {
    await tf.run(['init', '-input=false', '-no-color', ...lockTimeoutArgs(inputs), ...backendConfigArgs(inputs)], {
        group: 'terraform init'
    });
    if (inputs.workspace !== 'default') {
        await tf.run(['workspace', 'select', '-or-create=true', '-no-color', inputs.workspace], {
            group: `terraform workspace select ${inputs.workspace}`
        });
    }
}


/***/ }),

/***/ 3665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LW: () => (/* binding */ readSavedPlan),
  g$: () => (/* binding */ registerPlanSecrets)
});

// UNUSED EXPORTS: planWarnings

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/plan-json.ts
var plan_json = __webpack_require__(791);
// EXTERNAL MODULE: ./src/render/redact.ts
var redact = __webpack_require__(7823);
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

// EXTERNAL MODULE: ./src/terraform/runner.ts
var runner = __webpack_require__(7276);
;// CONCATENATED MODULE: ./src/terraform/saved-plan.ts
// What every report of a saved plan needs, read once: `show -json` (normalised), the provider schemas, the plan's
// secrets (registered before anything of the plan is printed), the text plan and terraform's warnings. Used by
// plan and drift; apply registers the secrets of the plan it applies.







async function readSavedPlan(tf, report, files) {
    try {
        await tf.run(['show', '-json', '-no-color', files.planPath], { quiet: true, stdoutFile: files.jsonPath });
    }
    catch (error) {
        if (error instanceof runner/* StdoutFileError */.Qu)
            throw files.writeFault(error.fault);
        throw error;
    }
    let plan;
    try {
        plan = (0,plan_json/* normalizePlan */.V1)(JSON.parse((0,external_node_fs_.readFileSync)(files.jsonPath, 'utf8')));
    }
    catch (error) {
        const why = error instanceof plan_json/* PlanShapeError */.Bd ? error.message : error.message;
        throw new errors/* UserError */.yo(`terraform show -json printed no valid JSON plan: ${why}`);
    }
    const schemaResult = await readProviderSchemas(tf);
    if (schemaResult.schemas === undefined)
        report.warning(report.redact(schemaResult.warning));
    const redactor = registerPlanSecrets(plan, report, files.publicText);
    const textPlan = (await tf.run(['show', '-no-color', files.planPath], { quiet: true })).stdout;
    report.startGroup(files.logGroup);
    report.info(redactor.redactText(textPlan));
    report.endGroup();
    const warnings = planWarnings(files.planStdout).map(w => redactor.redactText(w));
    for (const w of warnings)
        report.warning(w);
    return { plan, schemas: schemaResult.schemas, redactor, textPlan, warnings };
}
/** The plan's secrets, redacted from everything this job prints from now on and masked by the runner. */
function registerPlanSecrets(plan, report, publicText = []) {
    const known = new Set(report.redactor.values());
    // TF_VAR_ values of sensitive variables are secrets too (ephemeral ones are in no plan).
    const redactor = redact/* Redactor */.pO.fromPlan(plan, known, { env: process.env, publicText });
    // Registered with the runner too, so later steps of the job have them masked.
    for (const value of redactor.values())
        if (!known.has(value))
            core/* setSecret */.Pq(value);
    report.adopt(redactor);
    return redactor;
}
/** Warning summaries terraform printed around the plan ("Warning: ..."). */
function planWarnings(output) {
    const warnings = [];
    for (const line of output.split('\n')) {
        const m = /^[│╷\s]*Warning: (.+)$/.exec(line);
        if (m)
            warnings.push(m[1].trim());
    }
    return [...new Set(warnings)];
}


/***/ })

};
