// Cold install (empty tool cache: index, zip, SHA256SUMS, signature, verify, extract) vs warm install (tool
// cache hit), through the built action, plus start-up time to the first log line against a bare node start.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { importSupport, median, nodeStartMs, repoRoot, runBuiltAction, runnerDirs, table } from './support.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
// Install time: from process start until terraform is on PATH (the ::add-path:: command), validate excluded.
const INSTALLED = '::add-path::'
const { startReleasesServer } = await importSupport('releases-server')
const server = await startReleasesServer({ versions: ['1.11.4'] })
const inputs = {
  command: 'validate',
  'working-directory': 'root',
  'fmt-check': 'false',
  'terraform-version': '1.11.4',
  'terraform-download-url': server.url,
  'terraform-signing-key': server.publicKeyArmored
}

const cold = []
const warm = []
const firstLine = []
const bare = []
for (let i = 0; i < RUNS; i++) {
  const dirs = runnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'root'), { recursive: true })
  const a = await runBuiltAction(dirs, inputs, {}, [INSTALLED])
  const b = await runBuiltAction(dirs, inputs, {}, [INSTALLED])
  if (a.code !== 0 || b.code !== 0) throw new Error(`bench run failed:\n${a.stdout}\n${b.stdout}`)
  cold.push(a.markMs[INSTALLED])
  warm.push(b.markMs[INSTALLED])
  firstLine.push(b.firstOutputMs)
  bare.push(await nodeStartMs())
}
await server.close()

console.log(`install (through the built action, validate on a 1-resource root; median of ${RUNS})`)
console.log(
  table([
    ['measure', 'ms', 'baseline', 'ms'],
    ['cold install (download + verify)', median(cold), 'warm install (tool cache)', median(warm)],
    ['start-up to first log line', median(firstLine), 'bare `node -e ""`', median(bare)]
  ])
)
console.log(`cache saves ${median(cold) - median(warm)} ms per job (download + verify + extract)`)
