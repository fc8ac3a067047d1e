export const id = 139;
export const ids = [139];
export const modules = {

/***/ 4139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidate: () => (/* binding */ runValidate)
});

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/annotations.ts
// Pure: terraform diagnostics and fmt diffs -> GitHub annotations on files relative to the repository,
// so they show on the pull request diff.

/** A path terraform printed (relative to the root) as a path relative to the workspace. */
function repoPath(workspaceDir, rootDir, file) {
    return (0,external_node_path_.relative)(workspaceDir, (0,external_node_path_.resolve)(rootDir, file)).split(external_node_path_.sep).join(external_node_path_.posix.sep);
}
function diagnosticAnnotations(diagnostics, workspaceDir, rootDir) {
    return diagnostics.map(d => {
        const annotation = {
            level: d.severity === 'error' ? 'error' : 'warning',
            title: `terraform validate: ${d.summary}`,
            message: d.detail ? `${d.summary}: ${d.detail}` : d.summary
        };
        if (d.range) {
            annotation.file = repoPath(workspaceDir, rootDir, d.range.filename);
            annotation.startLine = d.range.start.line;
            annotation.endLine = d.range.end.line;
            // GitHub ignores columns on multi-line annotations.
            if (d.range.start.line === d.range.end.line) {
                annotation.startColumn = d.range.start.column;
                annotation.endColumn = d.range.end.column;
            }
        }
        return annotation;
    });
}
/** One annotation per hunk of `terraform fmt -check -diff` output, at the first changed line. */
function fmtAnnotations(diff, workspaceDir, rootDir) {
    const annotations = [];
    let file;
    let oldLine = 0;
    let inHunk = false;
    let reported = false;
    for (const line of diff.split('\n')) {
        const header = /^--- old\/(.+)$/.exec(line);
        if (header) {
            file = repoPath(workspaceDir, rootDir, header[1]);
            inHunk = false;
            continue;
        }
        if (line.startsWith('+++ '))
            continue;
        const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
        if (hunk) {
            oldLine = Number(hunk[1]);
            inHunk = true;
            reported = false;
            continue;
        }
        if (!inHunk || file === undefined)
            continue;
        if ((line.startsWith('-') || line.startsWith('+')) && !reported) {
            annotations.push({
                level: 'warning',
                title: 'terraform fmt',
                message: 'This file is not in canonical format; run `terraform fmt` on it.',
                file,
                startLine: oldLine,
                endLine: oldLine
            });
            reported = true;
        }
        if (!line.startsWith('+'))
            oldLine++;
    }
    return annotations;
}

// EXTERNAL MODULE: ./src/report/run-info.ts
var run_info = __webpack_require__(9420);
;// CONCATENATED MODULE: ./src/commands/validate.ts



async function runValidate(inputs, tf, report) {
    await tf.run(['init', '-backend=false', '-input=false', '-no-color'], { group: 'terraform init -backend=false' });
    const validate = await tf.run(['validate', '-json', '-no-color'], {
        group: 'terraform validate',
        quiet: true,
        okExitCodes: [1]
    });
    let parsed;
    try {
        parsed = JSON.parse(validate.stdout);
    }
    catch {
        throw new src_errors/* UserError */.yo(`terraform validate did not print JSON (exit ${validate.exitCode}): ${validate.stderr.trim()}`);
    }
    const annotations = diagnosticAnnotations(parsed.diagnostics ?? [], inputs.workspaceDir, inputs.workingDirectory);
    let unformatted = [];
    if (inputs.fmtCheck) {
        const fmt = await tf.run(['fmt', '-check', '-diff', '-recursive', '-no-color'], {
            group: 'terraform fmt -check',
            quiet: true,
            okExitCodes: [3]
        });
        const fmtNotes = fmtAnnotations(fmt.stdout, inputs.workspaceDir, inputs.workingDirectory);
        unformatted = [...new Set(fmtNotes.map(a => a.file ?? ''))];
        annotations.push(...fmtNotes);
    }
    for (const annotation of annotations)
        report.annotate(annotation);
    const errors = parsed.error_count ?? 0;
    const warnings = parsed.warning_count ?? 0;
    report.setOutput('validate-errors', String(errors));
    report.setOutput('validate-warnings', String(warnings));
    report.setOutput('unformatted-files', JSON.stringify(unformatted));
    const lines = [
        `## Terraform validate: ${(0,run_info/* rootTitle */.$P)(inputs)}`,
        '',
        `| | count |`,
        `|---|---|`,
        `| errors | ${errors} |`,
        `| warnings | ${warnings} |`,
        `| files not formatted | ${unformatted.length} |`,
        ''
    ];
    for (const a of annotations.slice(0, 50)) {
        const where = a.file ? `${a.file}:${a.startLine ?? ''}` : '';
        lines.push(`- **${a.level}** \`${where}\` ${a.title.replace(/^terraform (validate|fmt): ?/, '')}`);
    }
    if (annotations.length > 50)
        lines.push(`- … and ${annotations.length - 50} more (see the annotations)`);
    await report.summary(lines.join('\n'));
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    // the one result line, as plan, apply and discover end with one
    report.info(`validate: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
        (inputs.fmtCheck ? `, ${plural(unformatted.length, 'file')} not formatted` : ''));
    if (errors > 0) {
        throw new src_errors/* UserError */.yo(`terraform validate found ${errors} error${errors === 1 ? '' : 's'} in ${inputs.rootLabel}; see the annotations`);
    }
    return { errors, warnings, unformatted };
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


/***/ })

};
