// Time from SIGTERM to exit while the action waits on a GitHub API call that never answers (the stand-in accepts
// every request and stays silent), through the built action, against a bare node process that exits on SIGTERM.
// The bound is 5 s (issue 9); the figure shows how much of it is used.
import { spawn } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { importSupport, median, repoRoot, runnerDirs, table } from './support.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const BOUND_MS = 5000
const { startReleasesServer } = await importSupport('releases-server')
const { startGitHubApiServer, TEST_TOKENS } = await importSupport('github-api-server')
const { writeGitHubEvent } = await importSupport('github-event')
const { actionEnv, actionEntry } = await importSupport('run-action')

const releases = await startReleasesServer({ versions: ['1.11.4'] })

/** Starts `args` under node, waits for `ready()`, sends SIGTERM, returns ms until the process is gone. */
function sigtermToExit(args, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let sentAt
    child.stdout.on('data', c => (out += c))
    child.stderr.on('data', () => undefined)
    const poll = setInterval(() => {
      if (sentAt === undefined && ready(out)) {
        sentAt = process.hrtime.bigint()
        child.kill('SIGTERM')
      }
    }, 10)
    child.on('close', code => {
      clearInterval(poll)
      if (sentAt === undefined) return reject(new Error(`exited (${code}) before it was ready:\n${out.slice(-3000)}`))
      resolve({ ms: Number((process.hrtime.bigint() - sentAt) / 1000000n), code, out })
    })
  })
}

const action = []
const bare = []
const cancelledLine = /::error::cancelled: SIGTERM received while writing the pull request comment/
for (let i = 0; i < RUNS; i++) {
  const api = await startGitHubApiServer()
  const event = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
  api.state.addPullRequestFromEvent(event.payload)
  api.injectFault({}, 'hang', Infinity)
  const dirs = runnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'root'), { recursive: true })
  const env = actionEnv(
    dirs,
    {
      command: 'plan',
      'working-directory': 'root',
      'terraform-version': '1.11.4',
      'terraform-download-url': releases.url,
      'terraform-signing-key': releases.publicKeyArmored,
      'github-token': TEST_TOKENS.write
    },
    event.env
  )
  const run = await sigtermToExit([actionEntry], env, () => api.hung.length > 0)
  if (run.code !== 1 || !cancelledLine.test(run.out))
    throw new Error(`no cancelled line (exit ${run.code}):\n${run.out}`)
  action.push(run.ms)
  const floor = await sigtermToExit(
    ['-e', 'process.on("SIGTERM", () => process.exit(1)); console.log("ready"); setInterval(() => {}, 1000)'],
    process.env,
    out => out.includes('ready')
  )
  bare.push(floor.ms)
  await api.close()
  await event.cleanup()
}
await releases.close()

console.log(`SIGTERM to exit during a hung GitHub API call (plan, sticky comment), ${RUNS} runs, bound ${BOUND_MS} ms`)
console.log(
  table([
    ['process', 'median ms', 'max ms', 'within bound'],
    ['action, API call hung', median(action), Math.max(...action), action.every(ms => ms < BOUND_MS) ? 'yes' : 'NO'],
    ['bare node (baseline)', median(bare), Math.max(...bare), '']
  ])
)
if (!action.every(ms => ms < BOUND_MS)) process.exitCode = 1
