export const id = 592;
export const ids = [592];
export const modules = {

/***/ 3592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApply: () => (/* binding */ runApply)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/installer/verify-checksum.ts
var verify_checksum = __webpack_require__(1123);
// EXTERNAL MODULE: ./src/apply/plan-metadata.ts
var plan_metadata = __webpack_require__(7515);
// EXTERNAL MODULE: ./src/apply/destroy-guard.ts
var destroy_guard = __webpack_require__(6198);
;// CONCATENATED MODULE: ./src/apply/lock-probe.ts
// Pure parts of the post-cancel lock check.
const LOCK_PROBE_ADDRESS = 'terraform_data.terraform_pr_gate_lock_probe';
function lockProbeArgs() {
    return ['untaint', '-allow-missing', '-lock-timeout=0', '-no-color', LOCK_PROBE_ADDRESS];
}
/** The ID in terraform's "Lock Info:" block. */
function parseLockId(output) {
    const m = /Lock Info:[\s\S]*?\bID:\s+(\S+)/.exec(output);
    return m?.[1];
}
function lockState(probe) {
    if (probe === undefined)
        return { state: 'released' };
    if (probe === null)
        return { state: 'unknown' };
    return { state: 'held', id: probe };
}

;// CONCATENATED MODULE: ./src/apply/outputs.ts
const STEP_OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function asText(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** Every string leaf of a value, so sensitive outputs are redacted wherever they show up. */
function stringLeaves(value, into) {
    if (typeof value === 'string')
        into.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean')
        into.push(String(value));
    else if (Array.isArray(value))
        value.forEach(v => stringLeaves(v, into));
    else if (value && typeof value === 'object')
        Object.values(value).forEach(v => stringLeaves(v, into));
    return into;
}
function outputValues(outputs) {
    const rows = [];
    const secrets = [];
    for (const [name, o] of Object.entries(outputs)) {
        if (o.sensitive) {
            stringLeaves(o.value, secrets);
            rows.push({ name, value: '(sensitive)', sensitive: true });
        }
        else {
            rows.push({ name, value: asText(o.value), sensitive: false });
        }
    }
    return { visible: rows.filter(r => !r.sensitive && STEP_OUTPUT_NAME.test(r.name)), rows, secrets };
}

// EXTERNAL MODULE: ./src/terraform/init-root.ts
var init_root = __webpack_require__(2797);
// EXTERNAL MODULE: ./src/terraform/runner.ts
var runner = __webpack_require__(7276);
// EXTERNAL MODULE: ./src/report/run-info.ts
var run_info = __webpack_require__(9420);
// EXTERNAL MODULE: ./src/sticky-comment/pr-comment.ts + 1 modules
var pr_comment = __webpack_require__(8283);
// EXTERNAL MODULE: ./src/terraform/saved-plan.ts + 1 modules
var saved_plan = __webpack_require__(3665);
;// CONCATENATED MODULE: ./src/commands/apply.ts
// command: apply — apply exactly the reviewed plan file, or refuse with one line saying why.













function readMetadata(planPath) {
    const file = (0,external_node_path_.join)((0,external_node_path_.dirname)(planPath), plan_metadata/* METADATA_FILE */.VR);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        throw new errors/* UserError */.yo(`${plan_metadata/* METADATA_FILE */.VR} next to the plan is not valid JSON; upload the plan-dir of the plan step unchanged`);
    }
}
async function runApply(inputs, tf, report, terraformVersion) {
    const status = (s) => (0,pr_comment/* postApplyStatus */.r4)(inputs, report, s);
    const refuse = async (reason) => {
        report.setOutput('apply-status', 'refused');
        await status({ state: 'refused', reason, runUrl: (0,run_info/* runUrl */.Vp)(process.env) });
        throw new errors/* UserError */.yo(`apply refused: ${reason}`);
    };
    if (!(0,external_node_fs_.existsSync)(inputs.planPath)) {
        report.setOutput('apply-status', 'refused');
        throw new errors/* UserError */.yo(`input plan-path: ${inputs.planPath} does not exist; download the plan artifact first and pass the plan step's plan-path`);
    }
    const digest = await (0,verify_checksum/* sha256File */.Q3)(inputs.planPath);
    const metadata = readMetadata(inputs.planPath);
    const refusals = (0,plan_metadata/* metadataRefusals */.bL)(metadata, {
        commitSha: (0,run_info/* checkedOutCommit */.Xg)(inputs.workspaceDir, process.env),
        root: inputs.rootLabel,
        workspace: inputs.workspace,
        tool: inputs.tool,
        terraformVersion,
        planDigest: digest,
        expectedDigest: inputs.planDigest
    });
    if (refusals.length > 0)
        await refuse(refusals[0]);
    // Providers exactly as planned: the lock file recorded with the plan wins over the checkout's.
    const lockCopy = (0,external_node_path_.join)((0,external_node_path_.dirname)(inputs.planPath), plan_metadata/* LOCK_FILE */.FI);
    if ((0,external_node_fs_.existsSync)(lockCopy))
        (0,external_node_fs_.copyFileSync)(lockCopy, (0,external_node_path_.join)(inputs.workingDirectory, plan_metadata/* LOCK_FILE */.FI));
    await (0,init_root/* initRoot */.hj)(inputs, tf);
    // The guard reads the verified plan file itself, never a JSON file that came along with it.
    const shown = await tf.run(['show', '-json', '-no-color', inputs.planPath], { quiet: true });
    const plan = JSON.parse(shown.stdout);
    (0,saved_plan/* registerPlanSecrets */.g$)(plan, report);
    if (!inputs.allowDestroy) {
        const reason = (0,destroy_guard/* destroyRefusal */.ni)((0,destroy_guard/* guardedDestroys */.yM)(plan.resource_changes, inputs.guardedResourceTypes));
        if (reason)
            await refuse(reason);
    }
    try {
        await tf.run(['apply', '-input=false', '-no-color', ...(0,init_root/* lockTimeoutArgs */.c7)(inputs), inputs.planPath], {
            group: 'terraform apply'
        });
    }
    catch (error) {
        if (error instanceof runner/* CancelledError */.cc) {
            const lock = lockState(await probeLock(tf));
            report.setOutput('apply-status', 'cancelled');
            await status({ state: 'cancelled', runUrl: (0,run_info/* runUrl */.Vp)(process.env), lock, workingDirectory: inputs.rootLabel });
            throw error;
        }
        if (error instanceof runner/* TerraformError */.nC) {
            report.setOutput('apply-status', 'failed');
            const reason = staleReason(error) ?? error.message;
            await status({ state: 'failed', reason: report.redact(reason), runUrl: (0,run_info/* runUrl */.Vp)(process.env) });
            throw new errors/* UserError */.yo(reason);
        }
        throw error;
    }
    const outputsRun = await tf.run(['output', '-json', '-no-color'], { quiet: true });
    const outputs = JSON.parse(outputsRun.stdout || '{}');
    const outputsPath = (0,external_node_path_.join)((0,external_node_path_.dirname)(inputs.planPath), 'outputs.json');
    // temp name, then rename: a full disk leaves no half-written outputs.json behind
    const partial = `${outputsPath}.partial`;
    try {
        (0,external_node_fs_.writeFileSync)(partial, outputsRun.stdout);
        (0,external_node_fs_.renameSync)(partial, outputsPath);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(partial, { force: true });
        const dir = { label: 'the plan directory', path: (0,external_node_path_.dirname)(inputs.planPath) };
        throw (0,errors/* diskFaultError */.eT)(error, 'could not write outputs.json', [dir], dir) ?? error;
    }
    const shownOutputs = outputValues(outputs);
    for (const value of shownOutputs.secrets)
        report.addSensitiveValue(value);
    for (const o of shownOutputs.visible)
        report.setOutput(`output-${o.name}`, o.value);
    report.setOutput('outputs-json-path', outputsPath);
    report.setOutput('apply-status', 'applied');
    await status({ state: 'applied', runUrl: (0,run_info/* runUrl */.Vp)(process.env), outputs: shownOutputs.rows });
    report.info(`apply: the reviewed plan ${digest} was applied`);
}
// Terraform's own staleness check, surfaced plainly.
function staleReason(error) {
    const text = error.result.stderr + error.result.stdout;
    if (!/Saved plan is stale/i.test(text))
        return undefined;
    return `the saved plan is stale: ${(0,runner/* lastErrorLine */.HY)(text).replace(/^Saved plan is stale ?/, '')} Plan again and have the new plan reviewed.`;
}
/**
 * After a cancelled apply: is the state still locked? `terraform untaint -allow-missing` on an address that
 * cannot exist takes and releases the lock without changing state, and prints the lock ID when it is held.
 * Returns undefined when not locked, the lock ID when locked, null when it could not be determined.
 */
async function probeLock(tf) {
    try {
        const result = await tf.runEvenIfCancelled(lockProbeArgs(), { quiet: true, okExitCodes: [1] });
        if (result.exitCode === 0)
            return undefined;
        return parseLockId(result.stdout + result.stderr) ?? null;
    }
    catch {
        return null;
    }
}


/***/ })

};
