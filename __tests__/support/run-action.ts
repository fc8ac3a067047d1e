// Runs the BUILT action (dist/index.js) as a child process, with the environment the runner gives it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository: the nearest folder up with this project's package.json (also from bench/'s transpiled copy). */
function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'terraform-pr-gate') return dir
  }
  throw new Error(`run-action: no terraform-pr-gate package.json above ${from}`)
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)))
export const actionEntry = join(repoRoot, 'dist', 'index.js')

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunnerDirs {
  workspace: string
  temp: string
  toolCache: string
  outputFile: string
  summaryFile: string
}

/** A fresh runner layout: workspace, RUNNER_TEMP, tool cache, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
export function makeRunnerDirs(base = mkdtempSync(join(tmpdir(), 'tfgate-run-'))): RunnerDirs {
  const dirs = {
    workspace: join(base, 'workspace'),
    temp: join(base, 'temp'),
    toolCache: join(base, 'tool-cache'),
    outputFile: join(base, 'github-output'),
    summaryFile: join(base, 'step-summary')
  }
  for (const d of [dirs.workspace, dirs.temp, dirs.toolCache]) mkdirSync(d, { recursive: true })
  return dirs
}

export function actionEnv(dirs: RunnerDirs, inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  writeFileSync(dirs.outputFile, '')
  writeFileSync(dirs.summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: process.env.TF_CLI_CONFIG_FILE,
    CHECKPOINT_DISABLE: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dirs.workspace,
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
    GITHUB_OUTPUT: dirs.outputFile,
    GITHUB_STEP_SUMMARY: dirs.summaryFile,
    GITHUB_REPOSITORY: 'octo-org/infra',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    ...extra
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

/** GITHUB_OUTPUT uses `name<<delimiter` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    outputs[m[1]] = value.join('\n')
  }
  return outputs
}

/**
 * The Node that runs the built action: ACTION_NODE when set (`.ci/run` sets it to the Node major that action.yml's
 * `runs.using` names, as a runner would use), else the Node running jest. action-runtime.test.ts says which.
 */
export const actionNode: string = process.env.ACTION_NODE || process.execPath

export function startAction(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(actionNode, [actionEntry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
}

export function finishAction(child: ChildProcess, dirs: RunnerDirs): Promise<ActionRun> {
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout!.on('data', (c: Buffer) => out.push(c))
  child.stderr!.on('data', (c: Buffer) => err.push(c))
  return new Promise(resolve => {
    child.on('close', (code, signal) => {
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        outputs: parseOutputs(readFileSync(dirs.outputFile, 'utf8')),
        summary: readFileSync(dirs.summaryFile, 'utf8')
      })
    })
  })
}

export async function runAction(
  dirs: RunnerDirs,
  inputs: Record<string, string>,
  extra: NodeJS.ProcessEnv = {}
): Promise<ActionRun> {
  return finishAction(startAction(actionEnv(dirs, inputs, extra)), dirs)
}

/** The workflow-command lines (::error file=...::message) the action printed. */
export function workflowCommands(stdout: string, command: string): string[] {
  return stdout.split('\n').filter(l => l.startsWith(`::${command} `) || l.startsWith(`::${command}::`))
}

/** The log as a user sees it: the runner consumes `::add-mask::` commands instead of printing them. */
export function withoutMaskCommands(log: string): string {
  return log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}
