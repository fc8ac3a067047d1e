// Start-up of the built action and the render CLI against a bare `node -e ""`, and what a warm validate adds on
// top of terraform's own time. Everything is interleaved in one loop (bare node, action, terraform alone, ...),
// so a busy machine slows each side alike; medians of BENCH_RUNS (default 9).
import { execFile } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { importSupport, median, nodeStartMs, repoRoot, runBuiltAction, runnerDirs, table } from './support.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 9)
const TARGET_MS = 60
const { startReleasesServer } = await importSupport('releases-server')
const { actionEnv } = await importSupport('run-action')
const server = await startReleasesServer({ versions: ['1.11.4'] })
const inputs = {
  command: 'validate',
  'working-directory': 'root',
  'fmt-check': 'false',
  'terraform-version': '1.11.4',
  'terraform-download-url': server.url,
  'terraform-signing-key': server.publicKeyArmored
}
// The common case: HashiCorp's own key (the default), terraform already in the tool cache: no signature to check.
const defaultKey = { ...inputs, 'terraform-signing-key': '' }

const dirs = runnerDirs()
const root = join(dirs.workspace, 'root')
cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), root, { recursive: true })
const first = await runBuiltAction(dirs, inputs) // the cold install that fills the tool cache
if (first.code !== 0) throw new Error(`bench: the first (cold) run failed:\n${first.stdout}`)
const terraform = join(dirs.toolCache, 'terraform', '1.11.4', process.arch, 'terraform')
const env = actionEnv(dirs, inputs)

const rows = { bare: [], action: [], actionKey: [], actionWall: [], terraform: [], cli: [] }
for (let i = 0; i < RUNS; i++) {
  rows.bare.push(await nodeStartMs())
  const run = await runBuiltAction(dirs, defaultKey)
  const keyed = await runBuiltAction(dirs, inputs)
  if (run.code !== 0 || keyed.code !== 0) throw new Error(`bench: a warm run failed:\n${run.stdout}\n${keyed.stdout}`)
  rows.action.push(run.firstOutputMs)
  rows.actionWall.push(run.wallMs)
  rows.actionKey.push(keyed.firstOutputMs)
  // terraform's own time for what the action's validate runs (same binary, root, environment)
  const started = process.hrtime.bigint()
  await exec(terraform, ['init', '-backend=false', '-input=false', '-no-color'], root, env)
  await exec(terraform, ['validate', '-json', '-no-color'], root, env)
  rows.terraform.push(Number((process.hrtime.bigint() - started) / 1000000n))
  const cliStarted = process.hrtime.bigint()
  await exec(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), '--help'], repoRoot, process.env)
  rows.cli.push(Number((process.hrtime.bigint() - cliStarted) / 1000000n))
}
await server.close()

const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]))
const verdict = ms => (ms <= TARGET_MS ? `≤ +${TARGET_MS} ms: met` : `≤ +${TARGET_MS} ms: NOT met`)
console.log(`start-up (built dist/, warm tool cache, validate on a 1-resource root; median of ${RUNS}, interleaved)`)
console.log(
  table([
    ['measure', 'ms', 'baseline', 'ms', 'difference', 'target'],
    [
      'action: start-up to first log line',
      m.action,
      'bare `node -e ""`',
      m.bare,
      `+${m.action - m.bare} ms`,
      verdict(m.action - m.bare)
    ],
    [
      'same, with terraform-signing-key set',
      m.actionKey,
      'bare `node -e ""`',
      m.bare,
      `+${m.actionKey - m.bare} ms`,
      'the key is read (openpgp loaded) before anything else, so a bad one fails first'
    ],
    [
      'render CLI: `node dist/cli/index.js --help`',
      m.cli,
      'bare `node -e ""`',
      m.bare,
      `+${m.cli - m.bare} ms`,
      verdict(m.cli - m.bare)
    ],
    [
      'warm validate, whole action',
      m.actionWall,
      'terraform init -backend=false + validate -json',
      m.terraform,
      `+${m.actionWall - m.terraform} ms`,
      'as little as possible'
    ]
  ])
)
const rest = m.actionWall - m.terraform - m.action
console.log(
  `warm validate adds ${m.actionWall - m.terraform} ms to terraform's own time: node itself ${m.bare} ms, our start-up ` +
    `${m.action - m.bare} ms, then ${rest} ms of spawning terraform twice, log groups, outputs and the job summary`
)

function exec(file, args, cwd, env) {
  return new Promise((resolve, reject) =>
    execFile(file, args, { cwd, env }, (error, stdout, stderr) =>
      // validate -json exits 1 on an invalid root; this fixture is valid, so any failure is the bench's
      error ? reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`)) : resolve(stdout)
    )
  )
}
