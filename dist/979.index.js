export const id = 979;
export const ids = [979];
export const modules = {

/***/ 3979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eR: () => (/* binding */ SUMMARY_MAX_BYTES),
  Qx: () => (/* binding */ planDirFor),
  RC: () => (/* binding */ renderWithinBytes),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/terraform/saved-plan.ts + 1 modules
var saved_plan = __webpack_require__(3665);
// EXTERNAL MODULE: ./src/plan/summary.ts + 1 modules
var plan_summary = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/render/render-plan.ts + 5 modules
var render_plan = __webpack_require__(1440);
// EXTERNAL MODULE: ./src/sticky-comment/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8283);
// EXTERNAL MODULE: ./src/apply/plan-metadata.ts
var plan_metadata = __webpack_require__(7515);
// EXTERNAL MODULE: ./src/installer/verify-checksum.ts
var verify_checksum = __webpack_require__(1123);
// EXTERNAL MODULE: ./src/terraform/init-root.ts
var init_root = __webpack_require__(2797);
// EXTERNAL MODULE: ./src/terraform/runner.ts
var runner = __webpack_require__(7276);
// EXTERNAL MODULE: ./src/report/run-info.ts
var run_info = __webpack_require__(9420);
// EXTERNAL MODULE: ./src/installer/tool.ts
var tool = __webpack_require__(6640);
// EXTERNAL MODULE: ./src/roots-summary/plan-changes.ts
var plan_changes = __webpack_require__(9313);
// EXTERNAL MODULE: ./src/apply/destroy-guard.ts
var destroy_guard = __webpack_require__(6198);
// EXTERNAL MODULE: ./src/render/safe-text.ts
var safe_text = __webpack_require__(4475);
;// CONCATENATED MODULE: ./src/render/guard-callout.ts

const LISTED = 10;
/** The renderer keeps a header of up to 1,000 characters whole when it shortens a comment; this leaves room. */
const CALLOUT_MAX_CHARS = 850;
function guardCallout(review, maxChars = CALLOUT_MAX_CHARS) {
    if (review.hits.length === 0)
        return undefined;
    // Fewer names rather than a call-out cut in the middle of one.
    for (let listed = Math.min(LISTED, review.hits.length);; listed--) {
        const text = compose(review, listed);
        if (text.length <= maxChars || listed <= 1)
            return text;
    }
}
function compose(review, listed) {
    const items = review.hits.slice(0, listed).map(h => `> - ${h.action} ${(0,safe_text/* code */.aY)(h.address, 120)}`);
    if (review.hits.length > listed)
        items.push(`> - … and ${review.hits.length - listed} more`);
    const types = [...new Set(review.hits.map(h => h.type))];
    const typeList = types
        .slice(0, 3)
        .map(t => (0,safe_text/* code */.aY)(t, 60))
        .join(', ') + (types.length > 3 ? ', …' : '');
    if (!review.blocked) {
        return [
            '> [!WARNING]',
            `> **\`allow-destroy\` is true: apply will delete or replace these guarded resources** (${typeList}):`,
            ...items
        ].join('\n');
    }
    return [
        '> [!CAUTION]',
        `> **Apply will refuse this plan** (destroy guard): it deletes or replaces guarded resources (${typeList}):`,
        ...items,
        '>',
        '> To apply it, set `allow-destroy: true` for this root once losing them is intended; otherwise change the configuration so they are kept.'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/freshness/review-target.ts
// Pure: which pull request's reviewed plan a freshness check compares with, and which commit gets the status.
// - merge_group: the PR is in merge_group.head_ref (refs/heads/gh-readonly-queue/<base>/pr-<number>-<head sha>),
//   the status goes on merge_group.head_sha, the commit the merge queue tests.
// - pull_request / pull_request_target: the event's PR; the status goes on its head commit.
// - anything else (workflow_dispatch): the `pull-request` input; its head commit is looked up by the caller.

const QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40,64}$/;
/** The PR number in a merge queue branch name, or undefined. */
function pullRequestOfQueueRef(ref) {
    const m = QUEUE_REF.exec(ref);
    return m ? Number(m[1]) : undefined;
}
function reviewTarget(eventName, payload, input) {
    const event = (payload ?? {});
    if (input !== undefined) {
        const pr = event.pull_request;
        const sha = pr?.number === input && typeof pr.head?.sha === 'string' ? pr.head.sha : undefined;
        return { pullRequest: input, ...(sha ? { sha } : {}), source: `input pull-request (${input})` };
    }
    if (eventName === 'merge_group') {
        const ref = String(event.merge_group?.head_ref ?? '');
        const number = pullRequestOfQueueRef(ref);
        const sha = String(event.merge_group?.head_sha ?? '');
        if (number === undefined || !/^[0-9a-f]{40,64}$/.test(sha)) {
            throw new errors/* UserError */.yo(`freshness-check: the merge_group event names no pull request (head_ref ${JSON.stringify(ref)}); expected refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>, or set input pull-request`);
        }
        return { pullRequest: number, sha, source: `merge queue branch ${ref.replace(/^refs\/heads\//, '')}` };
    }
    const pr = event.pull_request;
    if (eventName.startsWith('pull_request') && typeof pr?.number === 'number') {
        const sha = typeof pr.head?.sha === 'string' ? pr.head.sha : undefined;
        return { pullRequest: pr.number, ...(sha ? { sha } : {}), source: `the ${eventName} event` };
    }
    throw new errors/* UserError */.yo(`freshness-check: a ${eventName || 'local'} run has no pull request; run it on merge_group or pull_request, or set input pull-request to the PR number`);
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/commands/plan.ts
// command: plan — init, plan -out, show -json; outputs, plan dir for the artifact, job summary, sticky comment.



















// GitHub's step summary limit is 1 MiB of UTF-8 per step; the renderer counts characters, so check bytes too.
const SUMMARY_MAX_BYTES = 1_000_000;
/** Renders at the largest character budget whose UTF-8 size still fits `maxBytes` (arrows and emoji are multi-byte). */
function renderWithinBytes(render, maxBytes) {
    let budget = maxBytes;
    for (;;) {
        const markdown = render(budget);
        const bytes = Buffer.byteLength(markdown, 'utf8');
        if (bytes <= maxBytes || budget <= 1000)
            return markdown;
        budget = Math.max(1000, Math.floor((budget * maxBytes) / bytes) - 1000);
    }
}
/** One directory per (root, workspace) under RUNNER_TEMP, uploaded as the plan artifact. */
function planDirFor(inputs) {
    const key = (0,external_node_crypto_.createHash)('sha256').update(`${inputs.rootLabel}\0${inputs.workspace}`).digest('hex').slice(0, 12);
    const slug = `${inputs.rootLabel}-${inputs.workspace}`.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60);
    return (0,external_node_path_.join)(inputs.tempDir, 'terraform-pr-gate', 'plans', `${slug}-${key}`);
}
/** Every value terraform or the user marked secret, plus unmarked credential-looking attribute values. */
async function runPlan(inputs, tf, report, terraformVersion) {
    // A freshness check knows its pull request before it plans: a run that names none stops before terraform.
    const target = inputs.freshnessCheck
        ? reviewTarget(process.env.GITHUB_EVENT_NAME ?? '', (0,context/* readEventPayload */.N)(process.env), inputs.pullRequest)
        : undefined;
    if (!target) {
        const { planDir, made } = await makePlan(inputs, tf, report, terraformVersion);
        return publishPlan(inputs, report, planDir, made);
    }
    const { runFreshnessCheck, reportUnplannable } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 6779));
    let planned;
    try {
        planned = await makePlan(inputs, tf, report, terraformVersion);
    }
    catch (error) {
        await reportUnplannable(inputs, report, target, error);
        throw error;
    }
    const { planDir, made } = planned;
    setPlanOutputs(report, planDir, made);
    await runFreshnessCheck(inputs, report, target, {
        changeKeys: made.summary.changeKeys,
        summaryMarkdown: made.summaryMarkdown,
        title: (0,run_info/* rootTitle */.$P)(inputs)
    });
}
/** init, plan, show: the complete plan dir (also for the freshness check, which publishes it its own way). */
async function makePlan(inputs, tf, report, terraformVersion) {
    await (0,init_root/* initRoot */.hj)(inputs, tf);
    // The plan dir is built under a temporary name and renamed when complete; a failed step removes it, so an
    // artifact step never uploads a partial plan, JSON or metadata.
    const planDir = planDirFor(inputs);
    const staging = `${planDir}.partial`;
    const temp = { label: 'RUNNER_TEMP', path: inputs.tempDir };
    const disk = (error, doing) => (0,errors/* diskFaultError */.eT)(error, doing, [temp], temp) ??
        (error instanceof errors/* UserError */.yo ? undefined : (0,errors/* unwritableDirError */.nn)(doing, [temp])) ??
        error;
    try {
        (0,external_node_fs_.rmSync)(planDir, { recursive: true, force: true });
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(staging, { recursive: true });
    }
    catch (error) {
        throw disk(error, `could not create the plan directory ${staging}`);
    }
    let made;
    try {
        made = await makePlanDir(inputs, tf, report, terraformVersion, staging, disk);
        (0,external_node_fs_.renameSync)(staging, planDir);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
        throw disk(error, 'could not write the plan directory');
    }
    return { planDir, made };
}
// terraform's own words for a full or read-only disk when it writes the plan file
const TERRAFORM_DISK_FAULTS = [
    [/no space left on device/i, 'ENOSPC'],
    [/read-only file system/i, 'EROFS'],
    [/disk quota exceeded/i, 'EDQUOT']
];
function terraformDiskFault(error, path) {
    const text = error.result.stderr + error.result.stdout;
    const hit = TERRAFORM_DISK_FAULTS.find(([pattern]) => pattern.test(text));
    if (!hit)
        return undefined;
    return Object.assign(new Error(error.message), { code: hit[1], path });
}
/** Everything of the plan dir, written into `dir` (the staging name). */
async function makePlanDir(inputs, tf, report, terraformVersion, dir, disk) {
    const planPath = (0,external_node_path_.join)(dir, plan_metadata/* PLAN_FILE */.VI);
    const jsonPath = (0,external_node_path_.join)(dir, plan_metadata/* PLAN_JSON_FILE */.uU);
    // The plan's own output is held back until the secrets it may contain are known (from show -json).
    let planRun;
    try {
        planRun = await tf.run((0,init_root/* planArgs */.rC)(inputs, planPath), {
            group: 'terraform plan',
            quiet: true,
            okExitCodes: [2]
        });
    }
    catch (error) {
        if (error instanceof runner/* TerraformError */.nC) {
            const fault = terraformDiskFault(error, planPath);
            if (fault)
                throw disk(fault, `terraform plan could not write ${plan_metadata/* PLAN_FILE */.VI}`);
            // stdout was held back: show terraform's own explanation, redacted.
            report.info(report.redact(error.result.stdout));
            // A freshness check leaves the comment alone: it is the record of the reviewed plan.
            if (!inputs.freshnessCheck)
                await (0,pr_comment/* postApplyStatus */.r4)(inputs, report, {
                    state: 'plan-failed',
                    reason: error.message,
                    runUrl: (0,run_info/* runUrl */.Vp)(process.env)
                });
        }
        throw error;
    }
    const { plan, schemas, redactor, textPlan, warnings } = await (0,saved_plan/* readSavedPlan */.LW)(tf, report, {
        planPath,
        jsonPath,
        planStdout: planRun.stdout,
        logGroup: 'terraform plan (sensitive values redacted)',
        publicText: [(0,run_info/* rootTitle */.$P)(inputs)],
        writeFault: fault => disk(fault, `could not write ${plan_metadata/* PLAN_JSON_FILE */.uU}`)
    });
    const summary = (0,plan_summary/* summarizePlan */.PN)(plan);
    const hasChanges = planRun.exitCode === 2 || summary.hasChanges;
    const digest = await (0,verify_checksum/* sha256File */.Q3)(planPath);
    const lockSource = (0,external_node_path_.join)(inputs.workingDirectory, plan_metadata/* LOCK_FILE */.FI);
    if ((0,external_node_fs_.existsSync)(lockSource))
        (0,external_node_fs_.copyFileSync)(lockSource, (0,external_node_path_.join)(dir, plan_metadata/* LOCK_FILE */.FI));
    const metadata = {
        schema: 1,
        commitSha: (0,run_info/* checkedOutCommit */.Xg)(inputs.workspaceDir, process.env),
        root: inputs.rootLabel,
        workspace: inputs.workspace,
        tool: inputs.tool,
        terraformVersion,
        planDigest: digest,
        createdAt: new Date().toISOString(),
        runUrl: (0,run_info/* runUrl */.Vp)(process.env),
        hasChanges,
        changes: (0,plan_changes/* planChangesOf */.cg)(plan, summary, t => redactor.redactText(t))
    };
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, plan_metadata/* METADATA_FILE */.VR), JSON.stringify(metadata, null, 2) + '\n');
    // The same guard and rules as apply, so a reviewer learns before approving that apply will refuse this plan.
    const guard = (0,destroy_guard/* reviewGuard */.u$)(plan.resource_changes, inputs.guardedResourceTypes, inputs.allowDestroy);
    const guardNote = (0,destroy_guard/* guardWarning */.SF)(guard);
    if (guardNote)
        report.warning(guardNote);
    const summaryMarkdown = renderWithinBytes(maxChars => (0,render_plan/* renderPlanMarkdown */.d$)(plan, {
        maxChars,
        title: planTitle(inputs),
        textPlan,
        warnings,
        redactor,
        schemas,
        fullPlanHint: 'Full plan: the plan artifact of this run (plan-dir output).',
        header: guardCallout(guard),
        document: 'job summary'
    }).markdown, SUMMARY_MAX_BYTES);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, SUMMARY_FILE), summaryMarkdown);
    return { plan, schemas, textPlan, warnings, redactor, summary, hasChanges, digest, metadata, summaryMarkdown, guard };
}
const SUMMARY_FILE = 'summary.md';
const planTitle = (inputs) => `${tool/* TOOL_PRODUCT */.z[inputs.tool]} plan: ${(0,run_info/* rootTitle */.$P)(inputs)}`;
/** The complete plan dir is in place: job summary, outputs, the sticky comment. */
async function publishPlan(inputs, report, planDir, made) {
    const { plan, schemas, textPlan, warnings, redactor, summary, hasChanges, digest, metadata, summaryMarkdown, guard } = made;
    const title = planTitle(inputs);
    const fullPlanHint = metadata.runUrl
        ? `Full plan: the job summary of [this run](${metadata.runUrl}), and the plan artifact.`
        : 'Full plan: the job summary and the plan artifact of this run.';
    await report.summary(summaryMarkdown);
    setPlanOutputs(report, planDir, made);
    const comment = await (0,pr_comment/* postPlanComment */.Hf)(inputs, report, {
        hasChanges,
        changeKeys: summary.changeKeys,
        render: (budget, sinceLastPlan) => (0,render_plan/* renderPlanMarkdown */.d$)(plan, {
            maxChars: budget,
            title,
            textPlan,
            warnings,
            redactor,
            schemas,
            fullPlanHint,
            header: [
                guardCallout(guard),
                [sinceLastPlan, `Plan digest: \`${digest.slice(0, 16)}…\``].filter(Boolean).join(' · ')
            ]
                .filter(Boolean)
                .join('\n\n')
        }).markdown
    });
    if (comment) {
        report.setOutput('comment-id', String(comment.id));
        report.setOutput('comment-url', comment.url);
        recordCommentUrl(planDir, metadata, comment.url);
    }
    report.info(`plan: ${summary.add} to add, ${summary.change} to change, ${summary.replace} to replace, ${summary.destroy} to destroy; digest ${digest}`);
}
/** The summary of many roots links each root's own comment; best effort, the plan dir is complete without it. */
function recordCommentUrl(planDir, metadata, url) {
    const file = (0,external_node_path_.join)(planDir, plan_metadata/* METADATA_FILE */.VR);
    try {
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, JSON.stringify({ ...metadata, commentUrl: url }, null, 2) + '\n');
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
    }
    catch {
        (0,external_node_fs_.rmSync)(`${file}.tmp`, { force: true });
    }
}
/** The plan step's outputs (also of a freshness check, which makes the same plan). */
function setPlanOutputs(report, planDir, made) {
    const { summary, hasChanges, digest, guard } = made;
    report.setOutput('has-changes', String(hasChanges));
    report.setOutput('to-add', String(summary.add));
    report.setOutput('to-change', String(summary.change));
    report.setOutput('to-destroy', String(summary.destroy));
    report.setOutput('to-replace', String(summary.replace));
    report.setOutput('to-import', String(summary.import));
    report.setOutput('to-move', String(summary.move));
    report.setOutput('plan-dir', planDir);
    report.setOutput('plan-path', (0,external_node_path_.join)(planDir, plan_metadata/* PLAN_FILE */.VI));
    report.setOutput('plan-json-path', (0,external_node_path_.join)(planDir, plan_metadata/* PLAN_JSON_FILE */.uU));
    report.setOutput('plan-digest', digest);
    report.setOutput('summary-path', (0,external_node_path_.join)(planDir, SUMMARY_FILE));
    report.setOutput('guard-blocked', String(guard.blocked));
}


/***/ }),

/***/ 1760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ joinParts),
/* harmony export */   u: () => (/* binding */ fitToSize)
/* harmony export */ });
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


/***/ }),

/***/ 1440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d$: () => (/* binding */ renderPlanMarkdown)
});

// UNUSED EXPORTS: DEFAULT_MAX_CHARS, GITHUB_COMMENT_LIMIT

// EXTERNAL MODULE: ./src/plan/summary.ts + 1 modules
var plan_summary = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/plan/plan-json.ts
var plan_json = __webpack_require__(791);
// EXTERNAL MODULE: ./src/render/fit-to-size.ts
var fit_to_size = __webpack_require__(1760);
// EXTERNAL MODULE: ./src/render/redact.ts
var redact = __webpack_require__(7823);
// EXTERNAL MODULE: ./src/plan/value-diff.ts + 1 modules
var value_diff = __webpack_require__(5771);
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
        return value_diff/* DYNAMIC */.u5;
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
    return attr.type === undefined ? value_diff/* DYNAMIC */.u5 : ctyType(attr.type);
}
/** A cty type in its JSON form: "string", ["list","string"], ["object",{"a":"number"}], ["tuple",[...]]. */
function ctyType(t) {
    if (t === 'dynamic')
        return value_diff/* DYNAMIC */.u5;
    if (typeof t === 'string')
        return { kind: 'primitive' };
    if (!Array.isArray(t) || t.length < 2)
        return value_diff/* DYNAMIC */.u5;
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
            return { kind: 'list', element: value_diff/* DYNAMIC */.u5, byIndex: true };
        default:
            return value_diff/* DYNAMIC */.u5;
    }
}

;// CONCATENATED MODULE: ./src/plan/attribute-diff.ts



/** The structural diff of a resource change, typed by its provider schema when `schemas` has it. */
function resourceDiff(rc, schemas) {
    const c = rc.change;
    return (0,value_diff/* diffValues */.In)({
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

// EXTERNAL MODULE: ./src/render/safe-text.ts
var safe_text = __webpack_require__(4475);
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
            out += (i > 0 ? ',' : '') + raw(ctx, v[i], path, (0,value_diff/* childFlags */.uC)(nestedUnknown, i), (0,value_diff/* childFlags */.uC)(nestedSensitive, i));
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
        const u = nestedUnknown ? (0,value_diff/* childFlags */.uC)(nestedUnknown, k) : undefined;
        // Null attributes are noise in an object shown whole (Terraform hides them too).
        if ((v[k] === null || v[k] === undefined) && u !== true)
            continue;
        path.push(k);
        out += `${first ? '' : ','}${JSON.stringify(ctx.redact(k))}:${raw(ctx, v[k], path, u, nestedSensitive ? (0,value_diff/* childFlags */.uC)(nestedSensitive, k) : undefined)}`;
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
    return (0,safe_text/* code */.aY)(cutRaw(raw, max), NO_CUT);
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
    const wrap = (raw) => (raw === INLINE_SENSITIVE ? SENSITIVE : (0,safe_text/* code */.aY)(raw, NO_CUT));
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
    return (0,safe_text/* escapeInline */.VV)(redacted.length > max ? `${redacted.slice(0, max)}…(${redacted.length - max} more chars)` : redacted);
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
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
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
        return (0,safe_text/* code */.aY)(this.ctx.redact(attribute_diff_formatPath(path)), attribute_lines_NO_CUT);
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
    if (absent(c.before) && c.after_unknown !== true && isObject(c.after))
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
    if (isObject(unknown))
        for (const k of Object.keys(unknown))
            keys.add(k);
    const later = [];
    for (const k of [...keys].sort()) {
        const u = (0,value_diff/* childFlags */.uC)(unknown, k);
        if (u === true)
            later.push(lines.path([k]));
        else if (after[k] !== null && after[k] !== undefined)
            createValue(lines, after[k], [k], u, (0,value_diff/* childFlags */.uC)(sensitive, k));
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
        const u = (0,value_diff/* childFlags */.uC)(unknown, step);
        if ((child === null || child === undefined) && u !== true)
            continue;
        createValue(lines, child, [...path, step], u, (0,value_diff/* childFlags */.uC)(sensitive, step));
    }
}
function destroyLines(lines, before, sensitive) {
    if (!isObject(before))
        return;
    for (const name of IDENTIFYING_ATTRIBUTES) {
        const v = before[name];
        if (v === null || v === undefined)
            continue;
        const value = inlineValue(lines.ctx, v, [name], undefined, (0,value_diff/* childFlags */.uC)(sensitive, name), lines.max);
        lines.push(0, [name], `${lines.path([name])} = ${value}`);
    }
}
function wrapRaw(raw, max) {
    if (raw === '(known after apply)')
        return UNKNOWN;
    if (raw === '(sensitive)')
        return SENSITIVE;
    return (0,safe_text/* code */.aY)(cutRaw(raw, max), attribute_lines_NO_CUT);
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
            lines.push(depth, shown, creating ? `${name}: ${(0,safe_text/* code */.aY)('null')} → ${value}` : `${name}: ${value} → ${(0,safe_text/* code */.aY)('null')}`, forced);
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
            lines.push(depth + 1, shown, `line ${l.line}: ${l.action === 'delete' ? 'removed' : 'added'} ${(0,safe_text/* code */.aY)(text, attribute_lines_NO_CUT)}`);
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
    const kind = (0,plan_summary/* changeKind */.P0)(rc.change.actions);
    if (kind !== 'no-op')
        return kind;
    if ((0,plan_summary/* isImport */.YF)(rc))
        return 'import';
    if ((0,plan_summary/* isMove */.OE)(rc))
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
        parts.push(`${words.replace(/`([^`]+)`/g, (_, c) => (0,safe_text/* code */.aY)(c))} (${(0,safe_text/* code */.aY)(reason)})`);
    }
    const paths = rc.change.replace_paths ?? [];
    if (paths.length > 0)
        parts.push(`forced by ${paths
            .slice(0, 10)
            .map(p => (0,safe_text/* code */.aY)(ctx.redact(pathText(p))))
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
    if ((0,plan_summary/* isMove */.OE)(rc))
        n.push(`moved from ${addressHtml(ctx, rc.previous_address)}`);
    if ((0,plan_summary/* isImport */.YF)(rc))
        n.push(rc.change.importing?.id ? `imported from ID ${(0,safe_text/* code */.aY)(ctx.redact(rc.change.importing.id))}` : 'imported');
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
    return `<code>${wrappable((0,safe_text/* escapeInline */.VV)((0,safe_text/* truncate */.xv)(ctx.redact(address), max)), /\.(?=[^\s])|,(?= )/g)}</code>`;
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
    const strings = indexes.filter((i) => typeof i === 'string').map(s => JSON.stringify((0,safe_text/* truncate */.xv)(s, 300)));
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
        const base = (0,plan_summary/* isMove */.OE)(rc) || (0,plan_summary/* isImport */.YF)(rc) ? undefined : baseAddress(rc);
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
        const g = { group, members: [rc], label: (0,plan_summary/* displayAddress */.RD)(rc), base };
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
    return n === 1 ? addressHtml(ctx, g.label) : `${addressHtml(ctx, g.label, Infinity)} (${(0,plan_summary/* thousands */.oh)(n)} instances)`;
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
    return `<code>${(0,safe_text/* escapeInline */.VV)((0,safe_text/* truncate */.xv)(ctx.redact(type), 100)).replace(/&#95;|_/g, '$&<wbr>')}</code>`;
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
            .map(g => `${titles[g]?.split(' ')[0] ?? ''} ${(0,plan_summary/* thousands */.oh)(counts.get(g))} ${g}`)
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
        out.push(`${present.map(g => `${(0,plan_summary/* thousands */.oh)(groups.get(g).length)} to ${g}`).join(', ')} (details left out to fit)`);
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
        const title = `**${titleOf(g)} (${(0,plan_summary/* thousands */.oh)(list.length)})**`;
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
                parts.push(`${(0,plan_summary/* thousands */.oh)(n)} to ${g}`);
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
        parts.push(`${(0,plan_summary/* thousands */.oh)(destroys)} to destroy`);
    if (replaces > 0)
        parts.push(`${(0,plan_summary/* thousands */.oh)(replaces)} to replace`);
    return `> [!CAUTION]\n> **This plan deletes objects: ${parts.join(', ')}.** Review them first.`;
}
function outputsSection(ctx, outputs, level, room) {
    if (outputs.length === 0)
        return '';
    const heading = `#### Output changes (${(0,plan_summary/* thousands */.oh)(outputs.length)})`;
    if (level === 'count')
        return `${heading}\n\n${(0,plan_summary/* thousands */.oh)(outputs.length)} outputs change (details omitted to fit).`;
    const out = new Capped(room);
    out.push(`${heading}\n`);
    for (const [name, oc] of outputs) {
        const kind = (0,plan_summary/* changeKind */.P0)(oc.actions);
        if (level === 'names') {
            if (!out.push(`- ${(0,safe_text/* code */.aY)(ctx.redact(name))} (${kind})`))
                break;
            continue;
        }
        const before = oc.before_sensitive === true ? SENSITIVE : valueText(ctx, oc.before);
        const after = oc.after_sensitive === true ? SENSITIVE : oc.after_unknown === true ? UNKNOWN : valueText(ctx, oc.after);
        const change = kind === 'create' ? after : kind === 'destroy' ? `${before} → ${(0,safe_text/* code */.aY)('null')}` : `${before} → ${after}`;
        if (!out.push(`- ${(0,safe_text/* code */.aY)(ctx.redact(name))} (${kind}): ${change}`))
            break;
    }
    return out.text();
}
function warningsSection(ctx, lines, max, title = 'Warnings') {
    if (lines.length === 0)
        return '';
    const shown = lines.slice(0, max).map(l => `> - ${plainLine(ctx, l)}`);
    if (lines.length > max)
        shown.push(`> - …and ${(0,plan_summary/* thousands */.oh)(lines.length - max)} more`);
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
    const body = (0,safe_text/* truncateLines */.SV)(ctx.redact(diffText(text)), MAX_TEXT_PLAN_LINE);
    const section = `<details><summary>Text plan (<code>terraform show</code>)</summary>\n\n${(0,safe_text/* fencedBlock */.zW)(body, 'diff')}\n\n</details>`;
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
    const plan = (0,plan_json/* normalizePlan */.V1)(input);
    const maxChars = Math.max(1, Math.floor(opts.maxChars));
    // The plan's own secrets are always redacted, whatever redactor the caller passes.
    const covered = opts.redactor?.covers(plan) || opts.redactor?.covers(input);
    const redactors = covered ? [opts.redactor] : [opts.redactor, redact/* Redactor */.pO.fromPlan(plan)];
    const active = redactors.filter((r) => r !== undefined && r.size > 0);
    const credentials = redactors[redactors.length - 1];
    const ctx = {
        redact: s => active.reduce((text, r) => r.redactText(text), s),
        isCredentialPath: p => credentials.isCredentialPath(p)
    };
    const summary = (0,plan_summary/* summarizePlan */.PN)(plan);
    const changes = plan.resource_changes ?? [];
    const groups = groupChanges(changes);
    const drift = groupChanges((0,plan_summary/* relevantDrift */.P4)(plan));
    const dangerous = changes.filter(rc => ['replace', 'destroy'].includes((0,plan_summary/* changeKind */.P0)(rc.change.actions)));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => (0,plan_summary/* changeKind */.P0)(oc.actions) !== 'no-op')
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
                summary.drift > 0 ? `${(0,plan_summary/* thousands */.oh)(summary.drift)} objects changed outside of Terraform` : '',
                outputs.length > 0 ? `${(0,plan_summary/* thousands */.oh)(outputs.length)} root outputs differ from the state` : ''
            ].filter(Boolean);
            lines.push(found.length > 0
                ? `**Drift:** ${found.join('; ')}.`
                : '**No drift.** The real infrastructure matches the Terraform state.');
            return lines.join('\n\n');
        }
        if (!summary.hasChanges) {
            lines.push('**No changes.** Your infrastructure matches the configuration.');
            if (summary.drift > 0)
                lines.push(`Terraform found ${(0,plan_summary/* thousands */.oh)(summary.drift)} objects changed outside of Terraform (see below).`);
        }
        else
            lines.push(`**Plan:** ${(0,plan_summary/* headline */.Pl)(summary)}.`);
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
        return `> [!NOTE]\n> **This ${opts.document ?? 'comment'} was shortened to fit ${(0,plan_summary/* thousands */.oh)(maxChars)} characters:** ${shortened.join('; ')}.\n> ${hint.replace(/\n/g, ' ')}`;
    };
    const fit = (0,fit_to_size/* fitToSize */.u)(sections, STEPS, maxChars, footer);
    let markdown = (0,fit_to_size/* joinParts */.n)(fit.parts);
    if (markdown.length > maxChars) {
        // Only reachable with an absurdly small budget: cut at a line break and say so.
        const notice = '\n\n**…comment cut to fit.**\n';
        const at = markdown.lastIndexOf('\n', maxChars - notice.length);
        markdown = at > 0 ? markdown.slice(0, at) + notice : `**Plan:** ${(0,plan_summary/* headline */.Pl)(summary)}.`.slice(0, maxChars);
        fit.shortened.push('the comment was cut');
    }
    return { markdown, shortened: fit.shortened };
}
function cut(s, max) {
    return Number.isFinite(max) ? (0,safe_text/* truncate */.xv)(s, max) : s;
}
/**
 * The destroy/replace call-out: every destroy and replace, instances of one resource with the same change
 * grouped, with the reasons (0), without them (1), or as many as fit in `room` (2).
 */
function callout(ctx, dangerous, level, room, hint) {
    if (dangerous.length === 0)
        return '';
    const destroys = dangerous.filter(rc => (0,plan_summary/* changeKind */.P0)(rc.change.actions) === 'destroy');
    const replaces = dangerous.filter(rc => (0,plan_summary/* changeKind */.P0)(rc.change.actions) === 'replace');
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
        const parts = [d > 0 ? `${(0,plan_summary/* thousands */.oh)(d)} more destroys` : '', r > 0 ? `${(0,plan_summary/* thousands */.oh)(r)} more replaces` : ''];
        const where = hint
            ? ` ${(0,safe_text/* truncate */.xv)(ctx.redact(hint), 300).replace(/\n/g, ' ')}`
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
        out.push(`${(0,plan_summary/* thousands */.oh)(deferred)} resource changes are deferred to a later plan`);
    return out;
}


/***/ }),

/***/ 9313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SY: () => (/* binding */ parsePlanChanges),
/* harmony export */   cg: () => (/* binding */ planChangesOf)
/* harmony export */ });
/* unused harmony export MAX_RECORDED_ADDRESSES */
/* harmony import */ var _plan_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6970);

/** A 10,000-resource teardown must not make the metadata file megabytes; the summary shows far fewer anyway. */
const MAX_RECORDED_ADDRESSES = 200;
/** `redact` is applied to every address (a for_each key is never sensitive, but a credential-looking one is hidden). */
function planChangesOf(plan, summary, redact) {
    const destroyAddresses = [];
    const replaceAddresses = [];
    for (const rc of plan.resource_changes ?? []) {
        const kind = (0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .changeKind */ .P0)(rc.change.actions);
        if (kind === 'destroy')
            destroyAddresses.push(redact((0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .displayAddress */ .RD)(rc)));
        else if (kind === 'replace')
            replaceAddresses.push(redact((0,_plan_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .displayAddress */ .RD)(rc)));
    }
    // old_2 before old_10, as a reader counts
    const first = (list) => list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(0, MAX_RECORDED_ADDRESSES);
    return {
        add: summary.add,
        change: summary.change,
        destroy: summary.destroy,
        replace: summary.replace,
        import: summary.import,
        move: summary.move,
        forget: summary.forget,
        outputChanges: summary.outputChanges,
        destroyAddresses: first(destroyAddresses),
        replaceAddresses: first(replaceAddresses)
    };
}
const COUNT_FIELDS = ['add', 'change', 'destroy', 'replace', 'import', 'move', 'forget', 'outputChanges'];
/** The recorded changes when `value` has their shape (a hand-edited or foreign file is not trusted), else undefined. */
function parsePlanChanges(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const v = value;
    for (const field of COUNT_FIELDS) {
        if (!Number.isSafeInteger(v[field]) || v[field] < 0)
            return undefined;
    }
    const addresses = (list) => Array.isArray(list) && list.every(a => typeof a === 'string') ? list : undefined;
    const destroyAddresses = addresses(v.destroyAddresses);
    const replaceAddresses = addresses(v.replaceAddresses);
    if (!destroyAddresses || !replaceAddresses)
        return undefined;
    const counts = Object.fromEntries(COUNT_FIELDS.map(f => [f, v[f]]));
    return { ...counts, destroyAddresses, replaceAddresses };
}


/***/ })

};
