export const id = 108;
export const ids = [108];
export const modules = {

/***/ 7108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDrift: () => (/* binding */ runDrift)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/render/render-plan.ts + 5 modules
var render_plan = __webpack_require__(1440);
// EXTERNAL MODULE: ./src/sticky-comment/sticky-comment.ts
var sticky_comment = __webpack_require__(6976);
// EXTERNAL MODULE: ./src/sticky-comment/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8283);
// EXTERNAL MODULE: ./src/report/run-info.ts
var run_info = __webpack_require__(9420);
// EXTERNAL MODULE: ./src/installer/tool.ts
var tool = __webpack_require__(6640);
// EXTERNAL MODULE: ./src/terraform/init-root.ts
var init_root = __webpack_require__(2797);
// EXTERNAL MODULE: ./src/terraform/runner.ts
var runner = __webpack_require__(7276);
// EXTERNAL MODULE: ./src/commands/plan.ts + 2 modules
var commands_plan = __webpack_require__(3979);
// EXTERNAL MODULE: ./src/terraform/saved-plan.ts + 1 modules
var saved_plan = __webpack_require__(3665);
// EXTERNAL MODULE: ./src/drift/drift-policy.ts
var drift_policy = __webpack_require__(1807);
// EXTERNAL MODULE: ./src/sticky-comment/comment-policy.ts
var comment_policy = __webpack_require__(5993);
// EXTERNAL MODULE: ./src/github/abortable-sleep.ts
var abortable_sleep = __webpack_require__(8143);
;// CONCATENATED MODULE: ./src/drift/drift-issue.ts


const MAX_PAGES = 10; // 1,000 open issues with the label
const CREATE_ATTEMPTS = 3;
const LABEL_COLOR = 'd93f0b';
const LABEL_DESCRIPTION = 'Changed outside of Terraform (opened and closed by terraform-pr-gate)';
async function syncDriftIssue(client, req) {
    const repo = { owner: req.owner, repo: req.repo };
    const marker = (0,drift_policy/* driftMarker */.O7)(req);
    const result = { created: false, updated: false, closed: [], steps: [] };
    const now = req.now ?? (() => new Date());
    const list = async () => {
        const found = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const res = await client.rest.issues.listForRepo({
                ...repo,
                state: 'open',
                labels: req.label,
                sort: 'created',
                direction: 'asc',
                per_page: 100,
                page
            });
            for (const issue of res.data) {
                // The issues list includes pull requests.
                if (issue.pull_request || !(0,drift_policy/* isDriftIssueOf */.ss)(issue.body, marker))
                    continue;
                found.push({ number: issue.number, url: issue.html_url, body: issue.body ?? '' });
            }
            if (!/\brel="next"/.test(res.headers.link ?? ''))
                break;
        }
        return found;
    };
    const run = async (steps, ours) => {
        for (const step of steps) {
            result.steps.push(step);
            const known = 'number' in step ? ours.find(i => i.number === step.number) : undefined;
            switch (step.kind) {
                case 'keep':
                    result.issue = known && { number: known.number, url: known.url };
                    break;
                case 'update': {
                    const { data } = await client.rest.issues.update({ ...repo, issue_number: step.number, body: req.body });
                    result.issue = { number: data.number, url: data.html_url };
                    result.updated = true;
                    break;
                }
                case 'close-resolved':
                case 'close-duplicate': {
                    const text = step.kind === 'close-resolved' ? (0,drift_policy/* resolvedComment */.OJ)(req.runUrl, now()) : (0,drift_policy/* duplicateComment */.j8)(step.of);
                    await client.rest.issues.createComment({ ...repo, issue_number: step.number, body: text });
                    const state_reason = step.kind === 'close-resolved' ? 'completed' : 'not_planned';
                    const { data } = await client.rest.issues.update({
                        ...repo,
                        issue_number: step.number,
                        state: 'closed',
                        state_reason
                    });
                    result.closed.push(step.number);
                    if (step.kind === 'close-resolved')
                        result.issue ??= { number: data.number, url: data.html_url };
                    break;
                }
                case 'create':
                    break;
            }
        }
    };
    let ours = await list();
    let steps = (0,drift_policy/* planIssueWrites */.xs)(ours, req.hasDrift, req.body);
    if (steps[0]?.kind !== 'create') {
        await run(steps, ours);
        return result;
    }
    await ensureLabel(client, req.owner, req.repo, req.label);
    let createdNumber;
    for (let attempt = 1; createdNumber === undefined; attempt++) {
        try {
            const { data } = await client.rest.issues.create({
                ...repo,
                title: (0,drift_policy/* driftIssueTitle */.jE)(req),
                body: req.body,
                labels: [req.label],
                request: { retries: 0 }
            });
            createdNumber = data.number;
            result.issue = { number: data.number, url: data.html_url };
            result.created = true;
            result.steps.push({ kind: 'create' });
        }
        catch (error) {
            const status = error.status;
            if ((typeof status === 'number' && status < 500) || attempt >= CREATE_ATTEMPTS)
                throw error;
            await (0,abortable_sleep/* abortableSleep */.M)(1000 * attempt, req.signal);
            // It may have been created after all: then it is in the list.
            ours = await list();
            const mine = ours.find(i => i.body === req.body);
            if (mine) {
                createdNumber = mine.number;
                result.issue = { number: mine.number, url: mine.url };
                result.created = true;
                result.steps.push({ kind: 'create' });
            }
        }
    }
    await (0,abortable_sleep/* abortableSleep */.M)(req.settleMs ?? 2000, req.signal);
    ours = await list();
    steps = (0,drift_policy/* planIssueWrites */.xs)(ours, true, req.body, createdNumber);
    await run(steps, ours);
    if (result.closed.includes(createdNumber))
        result.created = false;
    return result;
}
/** The label exists afterwards; a 422 "already_exists" from a concurrent create is success. */
async function ensureLabel(client, owner, repo, name) {
    try {
        await client.rest.issues.getLabel({ owner, repo, name });
        return;
    }
    catch (error) {
        if (error.status !== 404)
            throw error;
    }
    try {
        await client.rest.issues.createLabel({ owner, repo, name, color: LABEL_COLOR, description: LABEL_DESCRIPTION });
    }
    catch (error) {
        if (error.status !== 422)
            throw error;
    }
}

;// CONCATENATED MODULE: ./src/drift/publish-drift-issue.ts



async function publishDriftIssue(client, ctx, token, req) {
    const decision = (0,drift_policy/* decideDriftIssue */.r)(ctx, token);
    if (decision.action === 'skip')
        return { status: 'skipped', warning: decision.warning };
    try {
        return { status: 'synced', result: await syncDriftIssue(client(), { ...req, owner: ctx.owner, repo: ctx.repo }) };
    }
    catch (error) {
        const failure = (0,comment_policy/* describeWriteFailure */.jg)(error, drift_policy/* DRIFT_ISSUE_WORDING */.P_);
        if (!failure)
            throw error;
        return { status: 'degraded', httpStatus: failure.status, warning: failure.warning };
    }
}

;// CONCATENATED MODULE: ./src/commands/drift.ts
// command: drift — init, `plan -refresh-only -detailed-exitcode`, show -json; the drift report in the job summary,
// outputs `drift` and `issue-url`, and the one drift issue per (root, workspace) opened, updated or closed.

















async function runDrift(inputs, tf, report) {
    await (0,init_root/* initRoot */.hj)(inputs, tf);
    const dir = `${(0,commands_plan/* planDirFor */.Qx)(inputs)}-drift`;
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const planPath = (0,external_node_path_.join)(dir, 'tfplan');
    const jsonPath = (0,external_node_path_.join)(dir, 'tfplan.json');
    // Output held back until the plan's secrets are known, as for plan.
    let planRun;
    try {
        planRun = await tf.run((0,init_root/* planArgs */.rC)(inputs, planPath, ['-refresh-only']), {
            group: 'terraform plan -refresh-only',
            quiet: true,
            okExitCodes: [2]
        });
    }
    catch (error) {
        if (error instanceof runner/* TerraformError */.nC)
            report.info(report.redact(error.result.stdout));
        throw error;
    }
    const { plan, schemas, redactor, textPlan, warnings } = await (0,saved_plan/* readSavedPlan */.LW)(tf, report, {
        planPath,
        jsonPath,
        planStdout: planRun.stdout,
        logGroup: 'terraform plan -refresh-only (sensitive values redacted)',
        publicText: [(0,run_info/* rootTitle */.$P)(inputs)],
        writeFault: fault => new errors/* UserError */.yo(`could not write ${jsonPath}: ${fault.message}`)
    });
    const found = (0,drift_policy/* driftOf */.$p)(plan);
    const hasDrift = found.hasDrift;
    if (planRun.exitCode === 2 && !hasDrift) {
        report.info('terraform plan -refresh-only exited 2, but the plan shows no drift: only state bookkeeping changed');
    }
    const link = (0,run_info/* runUrl */.Vp)(process.env);
    const render = (maxChars, document, header) => (0,render_plan/* renderPlanMarkdown */.d$)(plan, {
        maxChars,
        document,
        title: `${tool/* TOOL_PRODUCT */.z[inputs.tool]} drift: ${(0,run_info/* rootTitle */.$P)(inputs)}`,
        textPlan,
        warnings,
        redactor,
        schemas,
        refreshOnly: true,
        fullPlanHint: link
            ? `Full refresh-only plan: the job summary and log of [this run](${link}).`
            : 'Full refresh-only plan: the job summary and log of this run.',
        ...(header ? { header } : {})
    }).markdown;
    await report.summary((0,commands_plan/* renderWithinBytes */.RC)(budget => render(budget, 'job summary'), commands_plan/* SUMMARY_MAX_BYTES */.eR));
    report.setOutput('drift', String(hasDrift));
    report.info(hasDrift
        ? `drift: ${found.objects} objects changed outside of Terraform, ${found.outputs} root outputs differ from the state`
        : 'drift: none, the infrastructure matches the state');
    const marker = (0,drift_policy/* driftMarker */.O7)({ workingDirectory: inputs.rootLabel, workspace: inputs.workspace });
    const budget = drift_policy/* GITHUB_ISSUE_BODY_LIMIT */.T8 - marker.length - 1;
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const header = `Found by ${link ? `[this run](${link})` : 'a drift run'} at ${at}. This issue is updated by every drift run and closed by the first one that finds no drift.`;
    const body = hasDrift ? `${marker}\n${(0,sticky_comment/* fitToBudget */.c5)(report.redact(render(budget, 'issue', header)), budget)}` : '';
    const payload = (0,context/* readEventPayload */.N)(process.env);
    const ctx = (0,context/* readRunContext */.$)(process.env, payload);
    const signal = (0,client/* deadlineSignal */.R)(pr_comment/* COMMENT_BUDGET_MS */.hN, cancellation/* cancelSignal */.Bj);
    let outcome;
    try {
        outcome = await publishDriftIssue(() => (0,client/* createGitHubClient */.LX)(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal }), ctx, inputs.githubToken, {
            workingDirectory: inputs.rootLabel,
            workspace: inputs.workspace,
            product: tool/* TOOL_PRODUCT */.z[inputs.tool],
            label: inputs.driftLabel,
            hasDrift,
            body,
            signal,
            ...(link ? { runUrl: link } : {})
        });
    }
    catch (error) {
        (0,pr_comment/* rethrowCancel */.Gb)(error, 'writing the drift issue');
        throw error;
    }
    if (outcome.status !== 'synced') {
        report.warning(outcome.warning);
        return;
    }
    const { result } = outcome;
    if (result.issue)
        report.setOutput('issue-url', result.issue.url);
    if (hasDrift && result.issue) {
        report.info(`${result.created ? 'opened' : result.updated ? 'updated' : 'kept'} the drift issue ${result.issue.url}`);
    }
    else if (result.closed.length > 0) {
        report.info(`no drift: closed the drift issue ${result.closed.map(n => `#${n}`).join(', ')}`);
    }
}


/***/ })

};
