// Rendering speed and memory against the real thing: builds a 10,000-resource plan with terraform (the `large`
// fixture root: 50 destroys, 50 replaces, 50 updates, the rest creates), times `terraform show -json` and the
// bundled `tf-plan-render render` on it, and prints both side by side with the targets (≤ 5 %, < 250 MB). Runs are
// interleaved (show, then the CLI at each budget), so a busy machine slows both sides alike.
// Usage: node bench/render-bench.mjs [--n 10000] [--churn 50] [--runs 3]
import { execFileSync, spawn } from 'node:child_process'
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    churn: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' }
  }
})
const n = Number(values.n)
const churn = Number(values.churn)
const runs = Number(values.runs)
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

const work = mkdtempSync(join(tmpdir(), 'render-bench-'))
try {
  const cliConfig = join(work, 'empty.tfrc')
  writeFileSync(cliConfig, '')
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig }
  const rootDir = join(work, 'root')
  const vars = [`-var=n=${n}`, `-var=churn=${churn}`]
  const tf = args => execFileSync('terraform', args, { cwd: rootDir, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const useConfig = phase => {
    if (existsSync(rootDir)) for (const f of readdirSync(rootDir)) if (f.endsWith('.tf')) rmSync(join(rootDir, f))
    cpSync(join(root, '__tests__/fixtures/plan-roots/large', phase), rootDir, { recursive: true })
  }

  log(`generating a ${n.toLocaleString('en-US')}-resource plan with terraform in ${work} ...`)
  useConfig('before')
  tf(['init', '-input=false', '-no-color'])
  tf(['apply', '-auto-approve', '-input=false', '-no-color', ...vars])
  useConfig('after')
  tf(['plan', '-input=false', '-no-color', '-out=tfplan', ...vars])

  const planJson = join(rootDir, 'plan.json')
  const planText = join(rootDir, 'plan.txt')
  const showJson = () => measure('terraform', ['show', '-json', 'tfplan'], { cwd: rootDir, env, stdoutFile: planJson })
  await showJson()
  await measure('terraform', ['show', '-no-color', 'tfplan'], { cwd: rootDir, env, stdoutFile: planText })

  log('building the CLI from the current source ...')
  const build = join(work, 'build')
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), build], { cwd: root, stdio: 'pipe' })
  } catch {
    // Another part of the tree may not compile right now; the CLI alone, without type checking, still measures.
    log('scripts/build.mjs failed (type errors elsewhere?); bundling only src/cli/index.ts with ncc --transpile-only')
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        join(root, 'src/cli/index.ts'),
        '-o',
        join(build, 'cli'),
        '--quiet',
        '-t'
      ],
      { cwd: root, stdio: 'pipe' }
    )
  }
  const cli = join(build, 'cli', 'index.js')

  const budgets = [60000, 1000000]
  const shows = []
  const samples = new Map(budgets.map(b => [b, []]))
  for (let i = 0; i < runs; i++) {
    shows.push(await showJson())
    for (const maxChars of budgets)
      samples.get(maxChars).push(
        await measure(
          process.execPath,
          [cli, 'render', '--plan-json', planJson, '--text-plan', planText, '--max-chars', String(maxChars)],
          {
            cwd: work,
            env: { ...process.env, TF_PLAN_RENDER_TIMING: '1' },
            stdoutFile: join(work, `out-${maxChars}.md`)
          }
        )
      )
  }
  const medianOf = list => [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor(list.length / 2)]
  const show = { ...medianOf(shows), rssMb: Math.max(...shows.map(s => s.rssMb ?? 0)) || undefined }
  const results = budgets.map(maxChars => {
    const list = samples.get(maxChars)
    const median = medianOf(list)
    return {
      maxChars,
      seconds: median.seconds,
      timing: median.timing,
      rssMb: Math.max(...list.map(s => s.rssMb ?? 0)) || undefined
    }
  })

  const mb = f => (statSync(f).size / 1e6).toFixed(1)
  console.log('')
  console.log(
    `${n.toLocaleString('en-US')}-resource plan: plan.json ${mb(planJson)} MB, text plan ${mb(planText)} MB; median of ${runs} runs`
  )
  console.log('')
  console.log('| step | wall | peak RSS | vs show -json | target |')
  console.log('|---|---:|---:|---:|---|')
  console.log(`| terraform show -json | ${show.seconds.toFixed(2)} s | ${fmtMb(show.rssMb)} | 100 % | baseline |`)
  for (const r of results) {
    const ratio = (r.seconds / show.seconds) * 100
    const ok = ratio <= 5 && (r.rssMb === undefined || r.rssMb < 250)
    console.log(
      `| tf-plan-render render --max-chars ${r.maxChars} | ${r.seconds.toFixed(2)} s | ${fmtMb(r.rssMb)} | ${ratio.toFixed(1)} % | ≤ 5 %, < 250 MB: ${ok ? 'met' : 'NOT met'} |`
    )
  }
  console.log('')
  console.log('Inside the CLI process (TF_PLAN_RENDER_TIMING=1), same runs:')
  console.log('')
  console.log('| budget | read files | JSON.parse | render | parse + render vs show -json | render vs show -json |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const r of results) {
    if (!r.timing) continue
    const [read, parse, render] = r.timing
    const pct = ms => `${((ms / 1000 / show.seconds) * 100).toFixed(1)} %`
    console.log(`| ${r.maxChars} | ${read} ms | ${parse} ms | ${render} ms | ${pct(parse + render)} | ${pct(render)} |`)
  }
  console.log('')
  console.log(
    '(the first table is the whole CLI process: node start-up, reading and parsing plan.json, rendering, writing stdout)'
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}

function log(s) {
  process.stderr.write(`${s}\n`)
}

function fmtMb(v) {
  return v === undefined ? 'n/a' : `${v.toFixed(0)} MB`
}

/** Wall time and peak RSS of a child process (via /usr/bin/time when present), stdout to a file. */
function measure(cmd, args, { cwd, env, stdoutFile }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(stdoutFile, 'w')
    const statsFile = join(work, 'time.txt')
    const [file, argv] = TIME ? [TIME, ['-f', '%M', '-o', statsFile, cmd, ...args]] : [cmd, args]
    const started = process.hrtime.bigint()
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', fd, 'pipe'] })
    let stderr = ''
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('exit', code => {
      closeSync(fd)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`))
      const timing = /timing: read (\d+) ms, parse (\d+) ms, render (\d+) ms/.exec(stderr)
      let rssMb
      if (TIME) rssMb = Number(readFileSync(statsFile, 'utf8').trim().split('\n').pop()) / 1024
      resolve({ seconds, rssMb, timing: timing ? timing.slice(1).map(Number) : undefined })
    })
  })
}
