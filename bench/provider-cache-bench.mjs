// Provider cache: `terraform init` on a cold cache (the provider downloaded from a network mirror, unpacked,
// verified) vs a warm cache (the Actions cache entry restored from the stand-in, init links it), through the
// built action on fresh runners, with a ~100 MB azurerm package (the offline shim plus incompressible padding).
// Both figures run from "terraform installed" (::add-path::) to the end of init, so the warm one includes
// the download and extraction of the cache archive. Target: warm <= 20 % of cold.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importSupport, median, repoRoot, runBuiltAction, runnerDirs, table } from './support.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PADDING = Number(process.env.BENCH_PROVIDER_MB ?? 100) * 2 ** 20
const INSTALLED = '::add-path::'
const INITIALIZED = 'Terraform has been successfully initialized'

const { providerMirrorUnavailableReason, startProviderMirror } = await importSupport('provider-mirror')
const { startActionsCacheServer } = await importSupport('actions-cache-server')
const { startReleasesServer } = await importSupport('releases-server')
const { actionEnv, parseOutputs } = await importSupport('run-action')

const unavailable = providerMirrorUnavailableReason()
if (unavailable) {
  console.log(`provider cache bench skipped: ${unavailable}`)
  process.exit(0)
}

const mirror = await startProviderMirror({ paddingBytes: PADDING })
const releases = await startReleasesServer({ versions: ['1.11.4'] })
const lockText = mirror.lockFile()

function job() {
  const dirs = runnerDirs()
  const root = join(dirs.workspace, 'infra')
  mkdirSync(root, { recursive: true })
  writeFileSync(
    join(root, 'main.tf'),
    'terraform {\n  required_providers {\n    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "4.79.0"\n    }\n  }\n}\n'
  )
  writeFileSync(join(root, '.terraform.lock.hcl'), lockText)
  const stateFile = join(dirs.workspace, '..', 'github-state')
  writeFileSync(stateFile, '')
  return { dirs, stateFile }
}

const inputs = {
  command: 'validate',
  'working-directory': 'infra',
  'fmt-check': 'false',
  'terraform-version': '1.11.4',
  'terraform-download-url': releases.url,
  'terraform-signing-key': releases.publicKeyArmored
}

function runPost(j, extra) {
  const env = actionEnv(j.dirs, inputs, extra)
  for (const [name, value] of Object.entries(parseOutputs(readFileSync(j.stateFile, 'utf8')))) {
    env[`STATE_${name}`] = value
  }
  const started = Date.now()
  return new Promise(resolve => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'post', 'index.js')], { env })
    let stdout = ''
    child.stdout.on('data', c => (stdout += c))
    child.stderr.on('data', () => undefined)
    child.on('close', code => resolve({ code, ms: Date.now() - started, stdout }))
  })
}

const cold = []
const warm = []
const save = []
let downloadsOnWarm = 0
for (let i = 0; i < RUNS; i++) {
  const cache = await startActionsCacheServer() // empty: the first job of each round is cold
  const extra = j => ({ ...cache.env, ...mirror.env, GITHUB_STATE: j.stateFile })
  const first = job()
  const a = await runBuiltAction(first.dirs, inputs, extra(first), [INSTALLED, INITIALIZED])
  if (a.code !== 0 || !a.stdout.includes('provider cache: miss')) throw new Error(`cold run failed:\n${a.stdout}`)
  const post = await runPost(first, extra(first))
  if (!post.stdout.includes('provider cache: saved')) throw new Error(`save failed:\n${post.stdout}`)
  const downloads = mirror.downloads()
  const second = job()
  const b = await runBuiltAction(second.dirs, inputs, extra(second), [INSTALLED, INITIALIZED])
  if (b.code !== 0 || !b.stdout.includes('provider cache: hit')) throw new Error(`warm run failed:\n${b.stdout}`)
  downloadsOnWarm += mirror.downloads() - downloads
  cold.push(a.markMs[INITIALIZED] - a.markMs[INSTALLED])
  warm.push(b.markMs[INITIALIZED] - b.markMs[INSTALLED])
  save.push(post.ms)
  await cache.close()
}
await mirror.close()
await releases.close()

const ratio = median(warm) / median(cold)
console.log(
  `provider cache (built action, fresh runner per job, azurerm package ${(mirror.zipBytes / 2 ** 20).toFixed(0)} MB zip; median of ${RUNS})`
)
console.log(
  table([
    ['measure', 'ms', 'baseline', 'ms'],
    ['warm: restore + init', median(warm), 'cold: init downloading from the mirror', median(cold)],
    ['post step: verify + archive + upload', median(save), '', '']
  ])
)
console.log(
  `warm init is ${(ratio * 100).toFixed(1)} % of cold (target <= 20 %): ${ratio <= 0.2 ? 'met' : 'NOT met'}; ` +
    `package downloads in warm jobs: ${downloadsOnWarm}`
)
// Why the ratio is what it is here: the mirror and the cache stand-in are both on loopback, so a warm job moves
// the same 100 MB at the same speed and unpacks it as a cold one does. What the cache removes on a real runner
// is the network path (registry discovery, the release download over the internet), which is absent here.
console.log(
  'note: mirror and cache service are both local (loopback); the warm figure is the local work a cache hit still does'
)
