export const id = 779;
export const ids = [779];
export const modules = {

/***/ 6779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportUnplannable: () => (/* binding */ reportUnplannable),
  runFreshnessCheck: () => (/* binding */ runFreshnessCheck)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/sticky-comment/sticky-comment.ts
var sticky_comment = __webpack_require__(6976);
// EXTERNAL MODULE: ./src/sticky-comment/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8283);
;// CONCATENATED MODULE: ./src/freshness/compare-plan.ts
// Pure: is the plan of the merged result the plan a reviewer saw? The PR's sticky comment records the reviewed
// plan as hashes of its change keys (sticky-comment.ts, the state line); the new plan's keys are hashed the same
// way and the two sets compared. Change keys name a resource and its action ("update aws_s3_bucket.logs"), not
// attribute values: a plan that updates the same resources with other values compares as the same.

/** GitHub keeps a short description on a commit status; longer ones are refused. */
const STATUS_DESCRIPTION_MAX = 140;
/**
 * `reviewed` is the state line of the PR's comment (undefined: no comment, or one without a recorded plan);
 * `changeKeys` are the keys of the plan just made (summarizePlan().changeKeys).
 */
function comparePlan(reviewed, changeKeys) {
    const current = (0,sticky_comment/* planState */.Zl)(changeKeys);
    const base = { added: [], removed: 0, byCountOnly: false, currentCount: current.count };
    if (!reviewed) {
        // Nothing to apply needs no review: a PR whose plan is empty may have no comment (comment: changes-only).
        if (current.count === 0) {
            return { ...base, verdict: 'fresh', description: 'no changes to apply (no reviewed plan recorded)' };
        }
        return {
            ...base,
            verdict: 'unreviewed',
            description: `no reviewed plan recorded; the merged result plans ${count(current.count)}`
        };
    }
    if (!reviewed.hashes) {
        const same = reviewed.count === current.count;
        return {
            ...base,
            byCountOnly: true,
            reviewedCount: reviewed.count,
            verdict: same ? 'fresh' : 'stale',
            description: same
                ? `same number of changes as reviewed (${count(current.count)}; compared by count only)`
                : `plan changed since review: ${count(reviewed.count)} → ${count(current.count)} (compared by count only)`
        };
    }
    const reviewedHashes = reviewed.hashes;
    const added = [...new Set(changeKeys)].filter(key => !reviewedHashes.has(hashOf(key))).sort();
    let removed = 0;
    for (const h of reviewedHashes)
        if (!current.hashes.has(h))
            removed++;
    const result = { ...base, added, removed, reviewedCount: reviewed.count };
    if (added.length === 0 && removed === 0) {
        return { ...result, verdict: 'fresh', description: `plan unchanged since review (${count(current.count)})` };
    }
    return { ...result, verdict: 'stale', description: staleDescription(added, removed) };
}
function staleDescription(added, removed) {
    const head = `plan changed since review: +${added.length} −${removed}`;
    if (added.length === 0)
        return head;
    let text = `${head} (new: ${added[0]}`;
    if (added.length > 1)
        text += `, ${added.length - 1} more`;
    text += ')';
    return text.length <= STATUS_DESCRIPTION_MAX ? text : head;
}
function hashOf(key) {
    return [...(0,sticky_comment/* planState */.Zl)([key]).hashes][0];
}
function count(n) {
    return `${n.toLocaleString('en-US')} resource change${n === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: ./src/render/safe-text.ts
var safe_text = __webpack_require__(4475);
;// CONCATENATED MODULE: ./src/freshness/freshness-report.ts


/** One status per (root, workspace): the name to make a required check in branch protection / the merge queue. */
function statusContext(rootLabel, workspace) {
    return `terraform-pr-gate/freshness: ${rootLabel} (${workspace})`;
}
function statusDescription(result) {
    const d = result.description;
    return d.length <= STATUS_DESCRIPTION_MAX ? d : `${d.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`;
}
const LISTED = 30;
/** The job summary section above the plan. */
function freshnessMarkdown(result, where) {
    const icon = result.verdict === 'fresh' ? '✅' : '❌';
    const heading = {
        fresh: 'Plan unchanged since review',
        stale: 'Plan changed since review',
        unreviewed: 'No reviewed plan recorded'
    }[result.verdict];
    const reviewed = where.commentUrl
        ? `[the reviewed plan](${where.commentUrl}) of pull request #${where.pullRequest}`
        : `pull request #${where.pullRequest}`;
    const lines = [`### ${icon} Freshness: ${heading} — ${where.title}`, '', `${(0,safe_text/* escapeInline */.VV)(result.description)}.`];
    lines.push('', `Compared the plan of the merged result with ${reviewed}.`);
    if (result.verdict === 'stale' && !result.byCountOnly) {
        if (result.added.length > 0) {
            lines.push('', `**New since review** (${result.added.length}):`, '');
            for (const key of result.added.slice(0, LISTED))
                lines.push(`- ${(0,safe_text/* code */.aY)(key)}`);
            if (result.added.length > LISTED)
                lines.push(`- … and ${result.added.length - LISTED} more`);
        }
        if (result.removed > 0) {
            lines.push('', `**Reviewed but no longer planned:** ${result.removed} (the comment keeps hashes, not names).`);
        }
    }
    if (result.verdict !== 'fresh')
        lines.push('', nextStep(result));
    return lines.join('\n');
}
function nextStep(result) {
    return result.verdict === 'stale'
        ? 'Update the pull request (merge or rebase onto its base) so it plans again, have the new plan reviewed, then queue it again.'
        : 'Plan the pull request (with a comment: the comment records the reviewed plan) and have it reviewed, then queue it again.';
}
/** The step's one failure line. */
function freshnessFailure(result, pullRequest, target) {
    return `${result.description} for ${target} of pull request #${pullRequest}; ${nextStep(result).replace(/\.$/, '')}`;
}
/** "HTTP 403: Resource not accessible by integration", or undefined for something that is not an HTTP error. */
function httpFailure(err) {
    const e = err;
    if (e?.name === 'AbortError' && e.cause?.name === 'DeadlineError') {
        return e.cause.message;
    }
    if (!e || e.name !== 'HttpError' || typeof e.status !== 'number')
        return undefined;
    // Octokit appends " - <documentation url>" to GitHub's message.
    const message = typeof e.message === 'string' ? e.message.split('\n')[0].replace(/ - https:\/\/\S+$/, '') : '';
    if (e.status === 500 && e.response === undefined)
        return message || 'no answer from GitHub';
    return `HTTP ${e.status}: ${message}`;
}

// EXTERNAL MODULE: ./src/report/run-info.ts
var run_info = __webpack_require__(9420);
// EXTERNAL MODULE: ./src/terraform/runner.ts
var runner = __webpack_require__(7276);
;// CONCATENATED MODULE: ./src/commands/freshness.ts










async function runFreshnessCheck(inputs, report, target, plan) {
    const ctx = (0,github_context/* readRunContext */.$)(process.env, (0,github_context/* readEventPayload */.N)(process.env));
    const context = statusContext(inputs.rootLabel, inputs.workspace);
    if (!inputs.githubToken) {
        throw new errors/* UserError */.yo('input github-token is empty: the freshness check reads the reviewed plan from the pull request comment; give it a token with pull-requests: read (statuses: write to set the commit status)');
    }
    report.info(`freshness: comparing with the reviewed plan of pull request #${target.pullRequest} (${target.source})`);
    const signal = (0,client/* deadlineSignal */.R)(pr_comment/* COMMENT_BUDGET_MS */.hN, cancellation/* cancelSignal */.Bj);
    const gh = (0,client/* createGitHubClient */.LX)(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal });
    const repo = { owner: ctx.owner, repo: ctx.repo };
    let comment;
    try {
        comment = await (0,sticky_comment/* findStickyComment */.oC)(gh, {
            ...repo,
            issueNumber: target.pullRequest,
            workingDirectory: inputs.rootLabel,
            workspace: inputs.workspace
        });
    }
    catch (error) {
        const why = apiFailure(error);
        throw new errors/* UserError */.yo(`freshness-check: could not read the comments of pull request #${target.pullRequest} (${why}); the token needs pull-requests: read`);
    }
    const reviewed = comment ? (0,sticky_comment/* parseStateLine */.bW)((0,sticky_comment/* parseStickyBody */.PI)(comment.body).stateLine) : undefined;
    const result = comparePlan(reviewed, plan.changeKeys);
    report.info(`freshness: ${result.verdict}: ${result.description}`);
    report.setOutput('freshness', result.verdict);
    await report.summary(freshnessMarkdown(result, {
        pullRequest: target.pullRequest,
        title: plan.title,
        ...(comment ? { commentUrl: comment.url } : {})
    }) +
        '\n\n' +
        plan.summaryMarkdown);
    await setStatus(gh, report, repo, target, context, result);
    if (result.verdict !== 'fresh') {
        throw new errors/* UserError */.yo(freshnessFailure(result, target.pullRequest, `${inputs.rootLabel} (${inputs.workspace})`));
    }
}
/**
 * The merged result could not be planned: a failure status saying so, so the queue does not wait for a status that
 * never comes. The step fails with the plan's own error (the caller rethrows it); a cancel sets nothing.
 */
async function reportUnplannable(inputs, report, target, error) {
    if (error instanceof cancellation/* CancelledWhileError */.hu || error instanceof runner/* CancelledError */.cc)
        return;
    if (!inputs.githubToken)
        return;
    const ctx = (0,github_context/* readRunContext */.$)(process.env, (0,github_context/* readEventPayload */.N)(process.env));
    const signal = (0,client/* deadlineSignal */.R)(pr_comment/* COMMENT_BUDGET_MS */.hN, cancellation/* cancelSignal */.Bj);
    const gh = (0,client/* createGitHubClient */.LX)(inputs.githubToken, { log: { warning: m => report.warning(m) }, signal });
    const why = report.redact(String(error?.message ?? error).split('\n')[0]);
    const result = {
        verdict: 'unreviewed',
        added: [],
        removed: 0,
        byCountOnly: false,
        currentCount: 0,
        description: `could not plan the merged result: ${why}`
    };
    report.setOutput('freshness', 'unplanned');
    await setStatus(gh, report, { owner: ctx.owner, repo: ctx.repo }, target, statusContext(inputs.rootLabel, inputs.workspace), result);
}
/** The commit status; a token that may not set it (or an API failure) is a warning: the step's result says it too. */
async function setStatus(gh, report, repo, target, context, result) {
    let sha = target.sha;
    try {
        if (!sha) {
            sha = (await gh.rest.pulls.get({ ...repo, pull_number: target.pullRequest })).data.head.sha;
        }
        const url = (0,run_info/* runUrl */.Vp)(process.env);
        await gh.rest.repos.createCommitStatus({
            ...repo,
            sha,
            state: result.verdict === 'fresh' ? 'success' : 'failure',
            context,
            // Addresses can hold for_each keys: redacted like everything else that leaves the step.
            description: statusDescription({ ...result, description: report.redact(result.description) }),
            ...(url ? { target_url: url } : {})
        });
        report.setOutput('freshness-status-sha', sha);
        report.info(`freshness: commit status "${context}" set on ${sha}`);
    }
    catch (error) {
        const why = apiFailure(error);
        const on = sha ? ` on ${sha.slice(0, 12)}` : '';
        report.warning(`could not set the commit status "${context}"${on} (${why}); grant "permissions: statuses: write" to the job; the verdict is in the job summary and the step's result`);
    }
}
/** An HTTP failure as one phrase; a cancel fails the step, anything else is a bug and stays loud. */
function apiFailure(error) {
    const e = error;
    if (e?.name === 'AbortError' && e.cause instanceof cancellation/* CancelReason */.Po) {
        throw new cancellation/* CancelledWhileError */.hu(e.cause.signal, 'checking the plan against the reviewed one');
    }
    const why = httpFailure(error);
    if (why === undefined)
        throw error;
    return why;
}


/***/ })

};
