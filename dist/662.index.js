export const id = 662;
export const ids = [662];
export const modules = {

/***/ 5662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSummarize: () => (/* binding */ runSummarize)
});

// UNUSED EXPORTS: SUMMARY_TARGET

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/sticky-comment/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8283);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/apply/plan-metadata.ts
var plan_metadata = __webpack_require__(7515);
// EXTERNAL MODULE: ./src/plan/plan-json.ts
var plan_json = __webpack_require__(791);
// EXTERNAL MODULE: ./src/plan/summary.ts + 1 modules
var summary = __webpack_require__(6970);
// EXTERNAL MODULE: ./src/roots-summary/plan-changes.ts
var plan_changes = __webpack_require__(9313);
;// CONCATENATED MODULE: ./src/roots-summary/read-plans-dir.ts
// The file-system edge of the roots summary: every plan dir under plans-dir (as actions/download-artifact lays
// them out, one folder per artifact) becomes one RootEntry. A folder without readable metadata is a failed root,
// named by the folder, never skipped.







const HOW = 'download the plan artifacts into it first (actions/download-artifact with pattern: terraform-plan-*)';
/** The plan dirs: `dir` itself when it is one (a single artifact downloaded by name), else its subfolders. */
function readPlansDir(dir, shown) {
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(dir).isDirectory();
    }
    catch {
        throw new errors/* UserError */.yo(`input plans-dir: ${shown} does not exist (${dir}); ${HOW}`);
    }
    if (!isDir)
        throw new errors/* UserError */.yo(`input plans-dir: ${shown} is not a directory (${dir}); ${HOW}`);
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, plan_metadata/* METADATA_FILE */.VR)))
        return [readPlanDir(dir, '.')];
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
        .filter(d => d.isDirectory())
        .map(d => d.name)
        .sort()
        .map(name => readPlanDir((0,external_node_path_.join)(dir, name), name));
}
function failed(folder, failure) {
    return { root: folder, workspace: '', status: 'failed', failure };
}
function readPlanDir(dir, folder) {
    const file = (0,external_node_path_.join)(dir, plan_metadata/* METADATA_FILE */.VR);
    if (!(0,external_node_fs_.existsSync)(file))
        return failed(folder, `no ${plan_metadata/* METADATA_FILE */.VR} in the artifact (the plan did not finish)`);
    let meta;
    try {
        meta = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return failed(folder, `${plan_metadata/* METADATA_FILE */.VR} is not valid JSON`);
    }
    if (typeof meta?.root !== 'string' || typeof meta.workspace !== 'string' || typeof meta.hasChanges !== 'boolean') {
        return failed(folder, `${plan_metadata/* METADATA_FILE */.VR} has no root, workspace or hasChanges`);
    }
    const changes = (0,plan_changes/* parsePlanChanges */.SY)(meta.changes) ?? countFromPlanJson(dir);
    const commentUrl = typeof meta.commentUrl === 'string' ? meta.commentUrl : undefined;
    const runUrl = typeof meta.runUrl === 'string' ? meta.runUrl : undefined;
    return {
        root: meta.root,
        workspace: meta.workspace,
        status: meta.hasChanges ? 'changes' : 'no-changes',
        ...(changes ? { changes } : {}),
        ...(commentUrl
            ? { planUrl: commentUrl, planLink: 'comment' }
            : runUrl
                ? { planUrl: runUrl, planLink: 'run' }
                : {}),
        ...(typeof meta.createdAt === 'string' ? { createdAt: meta.createdAt } : {})
    };
}
/**
 * A plan dir from before the metadata recorded changes: count from its plan JSON with the same model. Only
 * addresses and counts are taken from it; the values in the JSON are never read into the summary.
 */
function countFromPlanJson(dir) {
    const file = (0,external_node_path_.join)(dir, plan_metadata/* PLAN_JSON_FILE */.uU);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        const plan = (0,plan_json/* normalizePlan */.V1)(JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')));
        return (0,plan_changes/* planChangesOf */.cg)(plan, (0,summary/* summarizePlan */.PN)(plan), a => a);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/roots-summary/root-entry.ts
const RANK = { failed: 0, changes: 2, 'no-changes': 3 };
/** Failed first, then roots that destroy or replace, then other changes, then none; by root and workspace within. */
function rank(entry) {
    if (entry.status === 'changes' && entry.changes && entry.changes.destroy + entry.changes.replace > 0)
        return 1;
    return RANK[entry.status];
}
// service-2 before service-10, as a reader counts
const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true });
function sortEntries(entries) {
    return [...entries].sort((a, b) => rank(a) - rank(b) || natural(a.root, b.root) || natural(a.workspace, b.workspace));
}
/**
 * The rows: the newest plan per (root, workspace), and every expected root that has no plan dir as failed, so a
 * matrix job that died before uploading is never silently dropped.
 */
function mergeEntries(found, expected = []) {
    const byKey = new Map();
    const unkeyed = [];
    let replacedOlder = 0;
    for (const entry of found) {
        if (entry.workspace === '') {
            unkeyed.push(entry);
            continue;
        }
        const key = `${entry.root}\0${entry.workspace}`;
        const other = byKey.get(key);
        if (other)
            replacedOlder++;
        if (!other || (entry.createdAt ?? '') > (other.createdAt ?? ''))
            byKey.set(key, entry);
    }
    const entries = [...byKey.values(), ...unkeyed];
    for (const want of expected) {
        const planned = entries.some(e => e.root === want.root && (want.workspace === undefined || e.workspace === want.workspace));
        if (!planned) {
            entries.push({
                root: want.root,
                workspace: want.workspace ?? 'default',
                status: 'failed',
                failure: 'no plan artifact (the plan job failed or was cancelled before uploading it)'
            });
        }
    }
    return { entries: sortEntries(entries), replacedOlder };
}
function countRoots(entries) {
    return {
        roots: entries.length,
        withChanges: entries.filter(e => e.status === 'changes').length,
        failed: entries.filter(e => e.status === 'failed').length
    };
}

// EXTERNAL MODULE: ./src/render/fit-to-size.ts
var fit_to_size = __webpack_require__(1760);
// EXTERNAL MODULE: ./src/render/safe-text.ts
var safe_text = __webpack_require__(4475);
;// CONCATENATED MODULE: ./src/roots-summary/roots-table.ts
// The summary of many roots as Markdown: a table of roots, destroy and replace call-outs, links to each root's
// plan, fit to a character budget. Pure. When it does not fit, detail goes in this order, and the reader is told
// what was cut: addresses per root, then the rows of roots without changes, then call-outs of later roots, then
// table rows of later roots. Rows are ranked (failed, destroy/replace, changes, none), so what is cut last matters most.



const DEFAULT_TITLE = 'Terraform plans';
// Addresses listed per root at each level of the call-outs; the last level also fills the room left.
const ADDRESSES_PER_ROOT = [Infinity, 25, 10, 5, 5];
const FILL = ADDRESSES_PER_ROOT.length - 1;
const TABLE_HEAD = [
    '| Root | Workspace | Add | Change | Destroy | Replace | Status | Plan |',
    '|---|---|--:|--:|--:|--:|---|---|'
];
const fmt = (n) => n.toLocaleString('en-US');
const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
/** A link target we write as is: http(s), none of the characters that could end or bend a Markdown link. */
function safeUrl(url) {
    return url && /^https?:\/\/[^\s<>()[\]"'`\\]+$/.test(url) ? url : undefined;
}
function planLink(entry) {
    const url = safeUrl(entry.planUrl);
    if (!url)
        return '–';
    return `[${entry.planLink === 'comment' ? 'comment' : 'run'}](${url})`;
}
function statusCell(entry) {
    if (entry.status === 'failed')
        return `❌ failed${entry.failure ? `: ${(0,safe_text/* escapeInline */.VV)(entry.failure)}` : ''}`;
    if (entry.status === 'no-changes')
        return 'no changes';
    const c = entry.changes;
    return c && c.destroy + c.replace > 0 ? '⚠️ changes' : 'changes';
}
function row(entry) {
    const c = entry.changes;
    const n = (v) => (entry.status === 'failed' ? '–' : v === undefined ? '?' : fmt(v));
    const cells = [
        (0,safe_text/* code */.aY)(entry.root, 120),
        entry.workspace === '' ? '–' : (0,safe_text/* code */.aY)(entry.workspace, 90),
        n(c?.add),
        n(c?.change),
        n(c?.destroy),
        n(c?.replace),
        statusCell(entry),
        planLink(entry)
    ];
    return `| ${cells.join(' | ')} |`;
}
function header(entries, title) {
    const counts = countRoots(entries);
    const parts = [plural(counts.roots, 'root'), `${fmt(counts.withChanges)} with changes`];
    if (counts.failed > 0)
        parts.push(`**${fmt(counts.failed)} failed**`);
    return `## ${(0,safe_text/* escapeInline */.VV)(title)}: ${parts.join(' · ')}`;
}
function rowsSection(entries, level, room) {
    if (entries.length === 0)
        return '';
    const shown = level >= 1 ? entries.filter(e => e.status !== 'no-changes') : [...entries];
    const folded = entries.length - shown.length;
    const lines = [...TABLE_HEAD];
    let size = lines.join('\n').length;
    const tail = (left) => {
        const notes = [];
        if (left > 0)
            notes.push(`…and ${plural(left, 'more root')} not listed here (see the counts above).`);
        if (folded > 0)
            notes.push(`${plural(folded, 'root')} without changes ${folded === 1 ? 'is' : 'are'} counted, not listed.`);
        return notes.length > 0 ? ['', ...notes] : [];
    };
    // Room kept for the closing notes, so a filled table still says what it left out.
    const reserve = level >= 2 ? tail(shown.length).join('\n').length + 1 : 0;
    let listed = 0;
    for (const entry of shown) {
        const line = row(entry);
        if (size + 1 + line.length + reserve > room) {
            if (level < 2)
                return undefined;
            break;
        }
        lines.push(line);
        size += 1 + line.length;
        listed++;
    }
    if (listed === 0 && shown.length > 0)
        lines.length = 0;
    const text = [...lines, ...tail(shown.length - listed)].join('\n').replace(/^\n/, '');
    return text.length <= room ? text : undefined;
}
function callout(entry, perRoot) {
    const c = entry.changes;
    if (!c || c.destroy + c.replace === 0)
        return undefined;
    const what = [
        c.destroy > 0 ? `${fmt(c.destroy)} to destroy` : '',
        c.replace > 0 ? `${fmt(c.replace)} to replace` : ''
    ]
        .filter(Boolean)
        .join(', ');
    const ws = entry.workspace === 'default' ? '' : ` (workspace ${(0,safe_text/* code */.aY)(entry.workspace, 90)})`;
    const lines = [`**${(0,safe_text/* code */.aY)(entry.root, 120)}**${ws}: ${what}`];
    const listed = [
        ...c.destroyAddresses.map(a => `- destroy ${(0,safe_text/* code */.aY)(a, 300)}`),
        ...c.replaceAddresses.map(a => `- replace ${(0,safe_text/* code */.aY)(a, 300)}`)
    ];
    lines.push(...listed.slice(0, perRoot));
    const more = c.destroy + c.replace - Math.min(perRoot, listed.length);
    if (more > 0)
        lines.push(`- …and ${fmt(more)} more (${planLink(entry) === '–' ? "the root's plan" : planLink(entry)})`);
    return lines.join('\n');
}
function calloutsSection(entries, level, room) {
    const blocks = entries.map(e => callout(e, ADDRESSES_PER_ROOT[level])).filter(b => b !== undefined);
    if (blocks.length === 0)
        return '';
    const head = '### ⚠️ Destroy and replace';
    const parts = [head];
    let size = head.length;
    for (let i = 0; i < blocks.length; i++) {
        const left = blocks.length - i;
        const reserve = level === FILL && left > 1 ? 80 : 0;
        if (size + 2 + blocks[i].length + reserve > room) {
            if (level < FILL)
                return undefined;
            if (i === 0)
                return NO_ROOM_FOR_CALLOUTS.length <= room ? NO_ROOM_FOR_CALLOUTS : '';
            parts.push(`…and ${plural(left, 'more root')} that destroy or replace resources: see the table.`);
            break;
        }
        parts.push(blocks[i]);
        size += 2 + blocks[i].length;
    }
    const text = parts.join('\n\n');
    return text.length <= room ? text : undefined;
}
const NO_ROOM_FOR_CALLOUTS = '_Destroy and replace call-outs left out for room: the Destroy and Replace columns have the counts._';
const perRoot = (level) => ({
    section: 'callouts',
    level,
    note: `at most ${ADDRESSES_PER_ROOT[level]} destroy/replace addresses per root`
});
const STEPS = [
    perRoot(1),
    perRoot(2),
    perRoot(3),
    { section: 'table', level: 1, note: 'roots without changes are counted, not listed' },
    { section: 'callouts', level: FILL, note: 'destroy/replace call-outs only as far as room was left' },
    { section: 'table', level: 2, note: 'only the first roots of the table' }
];
/** `entries` as mergeEntries returns them (ranked). */
function renderRootsSummary(entries, options) {
    const title = options.title ?? DEFAULT_TITLE;
    const sections = [
        { id: 'header', render: () => header(entries, title) },
        { id: 'table', render: (level, room) => rowsSection(entries, level, room), fillLevels: [2] },
        { id: 'callouts', render: (level, room) => calloutsSection(entries, level, room), fillLevels: [FILL] }
    ];
    const footer = (shortened) => shortened.length === 0
        ? ''
        : `_Cut to fit the ${fmt(options.maxChars)}-character limit: ${shortened.join('; ')}. Each root's own plan has everything._`;
    const fitted = (0,fit_to_size/* fitToSize */.u)(sections, STEPS, options.maxChars, footer);
    return { markdown: (0,fit_to_size/* joinParts */.n)(fitted.parts), shortened: fitted.shortened };
}

// EXTERNAL MODULE: ./src/commands/plan.ts + 2 modules
var plan = __webpack_require__(3979);
;// CONCATENATED MODULE: ./src/commands/summarize.ts






/**
 * The summary comment's target: `*` is no valid workspace name (nor a root label the plan step writes), so its
 * marker `{"dir":"*","ws":"*"}` can never be a root's own comment, and every summarize run finds the same one.
 */
const SUMMARY_TARGET = { rootLabel: '*', workspace: '*' };
async function runSummarize(inputs, report) {
    const shown = JSON.stringify(inputs.plansDirValue);
    const found = readPlansDir(inputs.plansDir, shown);
    if (found.length === 0 && inputs.expectedRoots.length === 0) {
        throw new errors/* UserError */.yo(`input plans-dir: ${shown} (${inputs.plansDir}) holds no plan directories; download the plan artifacts into it first (actions/download-artifact with pattern: terraform-plan-*), one folder per artifact`);
    }
    const { entries, replacedOlder } = mergeEntries(found, inputs.expectedRoots);
    const counts = countRoots(entries);
    report.setOutput('roots', String(counts.roots));
    report.setOutput('roots-with-changes', String(counts.withChanges));
    report.setOutput('roots-failed', String(counts.failed));
    if (replacedOlder > 0)
        report.info(`summarize: ${replacedOlder} older plan(s) of the same root replaced by newer ones`);
    const failedRoots = entries.filter(e => e.status === 'failed');
    if (failedRoots.length > 0) {
        const names = failedRoots.slice(0, 10).map(e => e.root);
        const more = failedRoots.length > names.length ? ` and ${failedRoots.length - names.length} more` : '';
        report.warning(`summarize: ${failedRoots.length} root(s) without a plan: ${names.join(', ')}${more}`);
    }
    await report.summary((0,plan/* renderWithinBytes */.RC)(maxChars => renderRootsSummary(entries, { maxChars }).markdown, plan/* SUMMARY_MAX_BYTES */.eR));
    const comment = await (0,pr_comment/* postPlanComment */.Hf)({ ...inputs, ...SUMMARY_TARGET }, report, {
        hasChanges: counts.withChanges > 0 || counts.failed > 0,
        changeKeys: [],
        render: budget => renderRootsSummary(entries, { maxChars: budget }).markdown
    });
    if (comment) {
        report.setOutput('comment-id', String(comment.id));
        report.setOutput('comment-url', comment.url);
    }
    report.info(`summarize: ${counts.roots} roots, ${counts.withChanges} with changes, ${counts.failed} failed`);
}


/***/ })

};
