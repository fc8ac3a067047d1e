export const id = 979;
export const ids = [979];
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

/***/ 3979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eR: () => (/* binding */ SUMMARY_MAX_BYTES),
  Qx: () => (/* binding */ planDirFor),
  pH: () => (/* binding */ planWarnings),
  g$: () => (/* binding */ registerPlanSecrets),
  RC: () => (/* binding */ renderWithinBytes),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/plan-json.ts
var plan_json = __webpack_require__(791);
// EXTERNAL MODULE: ./src/terraform/provider-schemas.ts
var provider_schemas = __webpack_require__(8450);
// EXTERNAL MODULE: ./src/plan/summary.ts + 1 modules
var plan_summary = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/render/redact.ts
var redact = __webpack_require__(7823);
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
        planRun = await tf.run([
            'plan',
            '-input=false',
            '-no-color',
            '-detailed-exitcode',
            ...(0,init_root/* lockTimeoutArgs */.c7)(inputs),
            `-out=${planPath}`,
            ...(0,init_root/* variableArgs */.Ap)(inputs)
        ], { group: 'terraform plan', quiet: true, okExitCodes: [2] });
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
    try {
        await tf.run(['show', '-json', '-no-color', planPath], { quiet: true, stdoutFile: jsonPath });
    }
    catch (error) {
        if (error instanceof runner/* StdoutFileError */.Qu)
            throw disk(error.fault, `could not write ${plan_metadata/* PLAN_JSON_FILE */.uU}`);
        throw error;
    }
    let plan;
    try {
        plan = (0,plan_json/* normalizePlan */.V1)(JSON.parse((0,external_node_fs_.readFileSync)(jsonPath, 'utf8')));
    }
    catch (error) {
        const why = error instanceof plan_json/* PlanShapeError */.Bd ? error.message : error.message;
        throw new errors/* UserError */.yo(`terraform show -json printed no valid JSON plan: ${why}`);
    }
    // Attribute types (list or set) for the diff; without them arrays are diffed as lists.
    const schemaResult = await (0,provider_schemas/* readProviderSchemas */.M)(tf);
    if (schemaResult.schemas === undefined)
        report.warning(report.redact(schemaResult.warning));
    const schemas = schemaResult.schemas;
    const redactor = registerPlanSecrets(plan, report, [(0,run_info/* rootTitle */.$P)(inputs)]);
    const textPlan = (await tf.run(['show', '-no-color', planPath], { quiet: true })).stdout;
    report.startGroup('terraform plan (sensitive values redacted)');
    report.info(redactor.redactText(textPlan));
    report.endGroup();
    const warnings = planWarnings(planRun.stdout).map(w => redactor.redactText(w));
    for (const w of warnings)
        report.warning(w);
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
/* harmony export */   Ap: () => (/* binding */ variableArgs),
/* harmony export */   c7: () => (/* binding */ lockTimeoutArgs),
/* harmony export */   hj: () => (/* binding */ initRoot)
/* harmony export */ });
/* unused harmony export backendConfigArgs */
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

/***/ 8450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ readProviderSchemas)
/* harmony export */ });
/* unused harmony export parseProviderSchemas */
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


/***/ })

};
