export const id = 406;
export const ids = [406];
export const modules = {

/***/ 6406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDiscover: () => (/* binding */ runDiscover)
});

// UNUSED EXPORTS: baseRefFor

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/discover/changed-files.ts
// The git edge of discover: which files a change touched.



const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const runGit = async (args, cwd) => {
    const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
};
/**
 * Files changed on head since it forked from base (`git diff --name-only base...head`), relative to workspaceDir
 * (`--relative`, so a workspace below the repository top works too). Renames are listed as a deletion plus an
 * addition, so a moved root counts at both places.
 */
async function listChangedFiles(options, git = runGit) {
    const headRef = options.headRef || 'HEAD';
    for (const [name, ref] of [
        ['base-ref', options.baseRef],
        ['head ref', headRef]
    ]) {
        // A ref starting with "-" would be read as an option by git.
        if (ref === '' || ref.startsWith('-') || [...ref].some(c => c.trim() === '' || c < ' ' || c === '\x7f')) {
            throw new errors/* UserError */.yo(`input ${name}: ${JSON.stringify(ref)} is not a git ref; use a commit SHA, branch or tag (or set changed-files)`);
        }
    }
    let stdout;
    try {
        stdout = await git(['diff', '--name-only', '-z', '--no-renames', '--relative', `${options.baseRef}...${headRef}`, '--'], options.workspaceDir);
    }
    catch (error) {
        const detail = String(error.stderr || error.message)
            .trim()
            .split('\n')[0];
        throw new errors/* UserError */.yo(`discover: git diff ${options.baseRef}...${headRef} failed (${detail}); check out the full history (actions/checkout with fetch-depth: 0) or pass changed-files`);
    }
    return stdout.split('\0').filter(file => file !== '');
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/discover/root-rule.ts
// Which Terraform directories are roots (planned on their own) and which are modules (planned through the roots that
// call them). Pure: the directory facts come from terraform-directories.ts.
//
// The rule, in full (the README's "Which directories are roots" says the same with examples):
// 1. A Terraform directory is a directory with at least one `*.tf` or `*.tf.json` file. Hidden directories,
//    `node_modules` and `.terraform` are not searched. Override files (`override.tf`, `*_override.tf` and their
//    `.tf.json` forms) are merged into other configuration by Terraform, so they are not read.
// 2. A directory matching an `ignore-globs` glob, or below one that does, is never a root.
// 3. Otherwise a directory matching a `root-globs` glob is a root.
// 4. Otherwise a directory is a root when it has configuration of its own (a block other than `terraform {}`:
//    resource, data, module, provider, variable, output, locals, …) and either declares a `backend` or `cloud`
//    block, or is not called as a local module (`source = "./…"` or `"../…"`) by another Terraform directory.
//    So a directory holding only override files, or only a `terraform { backend … }` block, is not a root, and a
//    called directory without a backend is a module even when it still declares a provider (a legacy module).
/** `stacks/*` matches one level, `**` any number of levels; matched against workspace-relative directories. */
function globToRegExp(glob) {
    const normalized = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
    let pattern = '';
    for (let i = 0; i < normalized.length; i++) {
        const char = normalized[i];
        if (char === '*' && normalized[i + 1] === '*') {
            const slash = normalized[i + 2] === '/';
            pattern += slash ? '(?:.*/)?' : '.*';
            i += slash ? 2 : 1;
        }
        else if (char === '*')
            pattern += '[^/]*';
        else if (char === '?')
            pattern += '[^/]';
        else
            pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${pattern}$`);
}
/** The directory and every directory above it, up to `.`. */
function selfAndAncestors(dir) {
    const result = [dir];
    for (let d = dir; d !== '.' && d.includes('/');) {
        d = d.slice(0, d.lastIndexOf('/'));
        result.push(d);
    }
    if (dir !== '.')
        result.push('.');
    return result;
}
/** A predicate telling roots from modules for one set of directories (rules 2 to 4). */
function rootRule(directories, globs = {}) {
    const calledAsModule = new Set([...directories.entries()].flatMap(([dir, d]) => d.localModules.filter(m => m !== dir)));
    const roots = (globs.rootGlobs ?? []).map(globToRegExp);
    const ignored = (globs.ignoreGlobs ?? []).map(globToRegExp);
    return (dir, info) => {
        if (selfAndAncestors(dir).some(d => ignored.some(g => g.test(d))))
            return false;
        if (roots.some(g => g.test(dir)))
            return true;
        return info.hasContent && (info.hasBackend || !calledAsModule.has(dir));
    };
}

;// CONCATENATED MODULE: ./src/discover/affected-roots.ts
// The pure core of discover: Terraform directories (keyed by workspace-relative path) and changed paths in, the
// affected roots out.
// - A changed file belongs to the nearest Terraform directory above it (so `root/templates/x.yaml` belongs to
//   `root`, and a nested root owns its own files).
// - A root is affected when a file it owns changed, or a file owned by a local module it calls changed, following
//   `source = "./…"` and `source = "../…"` transitively. Registry, git and other remote sources are not followed.
// - A Terraform directory that no longer exists (its .tf files were deleted) cannot be planned from this commit: it
//   is reported in `deletedDirectories`, never in the matrix, and the files under it affect nothing else.


const isTerraformFile = (name) => name.endsWith('.tf') || name.endsWith('.tf.json');
function affectedRoots(directories, changedFiles, globs = {}) {
    const isRoot = rootRule(directories, globs);
    const deleted = new Set(changedFiles
        .filter(file => isTerraformFile(external_node_path_.posix.basename(file)))
        .map(file => external_node_path_.posix.dirname(file))
        .filter(dir => !directories.has(dir)));
    const owners = new Set(directories.keys());
    const changedDirectories = new Set();
    const deletedDirectories = new Set();
    for (const file of changedFiles) {
        const owner = nearestOwner(file, owners, deleted);
        if (owner?.deleted)
            deletedDirectories.add(owner.dir);
        else if (owner)
            changedDirectories.add(owner.dir);
    }
    const roots = [...directories]
        .filter(([dir, info]) => isRoot(dir, info))
        .map(([dir]) => dir)
        .filter(root => [...moduleClosure(root, directories)].some(dir => changedDirectories.has(dir)))
        .sort();
    return {
        roots,
        matrix: { include: roots.map(root => ({ 'working-directory': root })) },
        deletedDirectories: [...deletedDirectories].sort()
    };
}
/** The nearest Terraform directory at or above the file's directory; deleted ones count, so their files stay put. */
function nearestOwner(file, existing, deleted) {
    let dir = external_node_path_.posix.dirname(file);
    for (;;) {
        if (deleted.has(dir))
            return { dir, deleted: true };
        if (existing.has(dir))
            return { dir, deleted: false };
        if (dir === '.')
            return undefined;
        dir = external_node_path_.posix.dirname(dir);
    }
}
/** The root itself and every local module it reaches. */
function moduleClosure(root, directories) {
    const seen = new Set();
    const pending = [root];
    while (pending.length > 0) {
        const dir = pending.pop();
        if (seen.has(dir))
            continue;
        seen.add(dir);
        pending.push(...(directories.get(dir)?.localModules ?? []));
    }
    return seen;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/hcl/parse-hcl.ts
var parse_hcl = __webpack_require__(9086);
;// CONCATENATED MODULE: ./src/discover/terraform-directories.ts
// Reading the workspace for discover: every Terraform directory and the blocks the root rule needs, from the .tf
// and .tf.json files (no terraform, no network).




const SKIPPED_DIRECTORIES = new Set(['node_modules', '.terraform', '.git']);
const isSkipped = (name) => SKIPPED_DIRECTORIES.has(name) || name.startsWith('.');
/** Terraform merges these into the other files of a configuration; they say nothing about what a directory is. */
const isOverrideFile = (name) => /(^|_)override\.tf(\.json)?$/.test(name);
/** Every Terraform directory of the workspace, keyed by its workspace-relative path (`.` for the workspace). */
async function readTerraformDirectories(workspaceDir) {
    const directories = new Map();
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(workspaceDir, dir), { withFileTypes: true });
        const files = entries.filter(e => e.isFile() && isTerraformFile(e.name)).map(e => e.name);
        if (files.length > 0)
            directories.set(dir, await readTerraformDirectory(workspaceDir, dir, files));
        for (const entry of entries) {
            if (entry.isDirectory() && !isSkipped(entry.name))
                await walk(dir === '.' ? entry.name : `${dir}/${entry.name}`);
        }
    };
    await walk('.');
    return directories;
}
async function readTerraformDirectory(workspaceDir, dir, files) {
    const info = { hasBackend: false, hasProvider: false, hasContent: false, localModules: [] };
    for (const file of files.filter(f => !isOverrideFile(f)).sort()) {
        const text = await (0,promises_.readFile)((0,external_node_path_.join)(workspaceDir, dir, file), 'utf8');
        const blocks = await readBlocks(`${dir}/${file}`, text);
        info.hasBackend ||= blocks.hasBackend;
        info.hasProvider ||= blocks.hasProvider;
        info.hasContent ||= blocks.hasContent;
        for (const source of blocks.moduleSources) {
            if (!/^\.\.?(\/|$)/.test(source))
                continue;
            const target = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, source)).replace(/\/+$/, '') || '.';
            if (target !== '..' && !target.startsWith('../') && !info.localModules.includes(target)) {
                info.localModules.push(target);
            }
        }
    }
    return info;
}
/**
 * The blocks discovery cares about, from HCL via @cdktf/hcl2json or from Terraform's JSON syntax. A file that does
 * not parse (a pull request can break one) falls back to a line scan, so its root is still found and planned, and
 * the plan reports the syntax error.
 */
async function readBlocks(fileName, text) {
    let body;
    try {
        body = fileName.endsWith('.json') ? JSON.parse(text) : await (0,parse_hcl/* parseHcl */.z)(fileName, text);
    }
    catch {
        return scanBlocks(text);
    }
    const terraformBlocks = list(body.terraform);
    const moduleCalls = Object.values(asObject(body.module)).flatMap(list);
    return {
        hasBackend: terraformBlocks.some(t => t.backend !== undefined || t.cloud !== undefined),
        hasProvider: Object.keys(asObject(body.provider)).length > 0,
        hasContent: Object.keys(body).some(key => key !== 'terraform' && key !== '//'),
        moduleSources: moduleCalls.map(m => m.source).filter((s) => typeof s === 'string')
    };
}
const CONTENT_BLOCK = /^\s*(resource|data|ephemeral|module|provider|variable|output|locals|check|import|moved|removed)\b[^=\n]*\{/m;
function scanBlocks(text) {
    return {
        hasBackend: /^\s*(backend\s+"[^"]*"|cloud)\s*\{/m.test(text),
        hasProvider: /^\s*provider\s+"[^"]*"\s*\{/m.test(text),
        hasContent: CONTENT_BLOCK.test(text),
        moduleSources: [...text.matchAll(/^\s*source\s*=\s*"([^"]*)"/gm)].map(m => m[1])
    };
}
function asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
/** hcl2json gives every block as a list; Terraform's JSON syntax allows a single object too. */
function list(value) {
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asObject);
}

;// CONCATENATED MODULE: ./src/discover/discover-roots.ts
// discover end to end for one workspace: read its Terraform directories, normalise the changed paths, apply the
// pure core.



async function discoverAffectedRoots(options) {
    const directories = await readTerraformDirectories(options.workspaceDir);
    const changed = options.changedFiles
        .map(file => normalizeChangedPath(options.workspaceDir, file))
        .filter((file) => file !== undefined);
    return affectedRoots(directories, changed, { rootGlobs: options.rootGlobs, ignoreGlobs: options.ignoreGlobs });
}
/** Workspace-relative, `/`-separated, no `./`; undefined for paths outside the workspace or in skipped folders. */
function normalizeChangedPath(workspaceDir, file) {
    const trimmed = file.trim();
    if (trimmed === '')
        return undefined;
    const relativePath = (0,external_node_path_.isAbsolute)(trimmed) ? (0,external_node_path_.relative)(workspaceDir, trimmed).split(external_node_path_.sep).join('/') : trimmed;
    const normalized = external_node_path_.posix.normalize(relativePath.replace(/\\/g, '/'));
    if (normalized === '.' || normalized.startsWith('../') || normalized === '..' || external_node_path_.posix.isAbsolute(normalized)) {
        return undefined;
    }
    const segments = normalized.split('/');
    if (segments.slice(0, -1).some(isSkipped))
        return undefined;
    return normalized;
}

;// CONCATENATED MODULE: ./src/commands/discover-action.ts



/** The base to diff against: the input, else the pull request's base commit, else the previous commit. */
function baseRefFor(inputs, payload) {
    if (inputs.baseRef)
        return inputs.baseRef;
    const event = (payload ?? {});
    const before = event.before && !/^0+$/.test(event.before) ? event.before : undefined;
    return event.pull_request?.base?.sha ?? before ?? 'HEAD~1';
}
async function runDiscover(inputs, report) {
    const changedFiles = inputs.changedFiles.length > 0
        ? inputs.changedFiles
        : await listChangedFiles({
            workspaceDir: inputs.workspaceDir,
            baseRef: baseRefFor(inputs, (0,context/* readEventPayload */.N)(process.env)),
            headRef: 'HEAD'
        });
    const { roots, matrix } = await discoverAffectedRoots({
        workspaceDir: inputs.workspaceDir,
        changedFiles,
        rootGlobs: inputs.rootGlobs,
        ignoreGlobs: inputs.ignoreGlobs
    });
    report.setOutput('matrix', JSON.stringify(matrix));
    report.info(roots.length === 0
        ? `discover: none of the ${changedFiles.length} changed files belongs to a Terraform root`
        : `discover: ${roots.length} affected root${roots.length === 1 ? '' : 's'}: ${roots.join(', ')}`);
    await report.summary([`## Terraform roots affected by ${changedFiles.length} changed files`, '', ...roots.map(r => `- \`${r}\``)].join('\n'));
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


/***/ })

};
