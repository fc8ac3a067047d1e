// Cold install (empty tool cache: index, zip, SHA256SUMS, signature, verify, extract) vs warm install (tool
// cache hit), through the built action; and hashicorp/setup-terraform's second install on the same local
// releases stand-in (it keeps no tool cache: every run downloads again). Start-up: bench/startup-bench.mjs.
//
// setup-terraform cannot be pointed at a mirror: @hashicorp/js-releases, which it bundles, has the constant
// `const releasesUrl = 'https://releases.hashicorp.com'` (no input, no environment variable), and the zip URL is
// the index's absolute `url`. It does honour HTTPS_PROXY, so the bench gives it a local proxy that answers
// CONNECT releases.hashicorp.com:443 with a certificate made here (trusted through NODE_EXTRA_CA_CERTS) and
// forwards to the stand-in. Its built dist/index.js is taken from SETUP_TERRAFORM_DIST (a path to that file) or
// from SETUP_TERRAFORM_GIT_DIR (a git directory of github.com/hashicorp/setup-terraform, its HEAD), else that row
// says why it is missing.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importSupport, median, repoRoot, runBuiltAction, runnerDirs, startTlsFrontProxy, table } from './support.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const MIRROR = process.env.SETUP_TERRAFORM_GIT_DIR
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

const setupTerraform = findSetupTerraform()
const proxy = setupTerraform.entry ? await startTlsFrontProxy('releases.hashicorp.com', server.url) : undefined
const missing = setupTerraform.unavailable ?? proxy?.unavailable

const cold = []
const warm = []
const theirs = []
let theirZips = 0
for (let i = 0; i < RUNS; i++) {
  const dirs = runnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'root'), { recursive: true })
  const a = await runBuiltAction(dirs, inputs, {}, [INSTALLED])
  const b = await runBuiltAction(dirs, inputs, {}, [INSTALLED])
  if (a.code !== 0 || b.code !== 0) throw new Error(`bench run failed:\n${a.stdout}\n${b.stdout}`)
  cold.push(a.markMs[INSTALLED])
  warm.push(b.markMs[INSTALLED])
  if (!missing) {
    const zip = server.paths('1.11.4').zip
    const before = server.requestCount(zip)
    const toolCache = mkdtempSync(join(tmpdir(), 'setup-terraform-cache-'))
    await runSetupTerraform(toolCache) // its first install
    const second = await runSetupTerraform(toolCache)
    theirs.push(second)
    theirZips += server.requestCount(zip) - before
  }
}
await proxy?.close?.()
await server.close()

console.log(`install (through the built action, validate on a 1-resource root; median of ${RUNS})`)
const rows = [
  ['measure', 'ms', 'baseline', 'ms'],
  ['cold install (download + verify)', median(cold), 'warm install (tool cache)', median(warm)]
]
if (missing) rows.push(['warm install (tool cache)', median(warm), `setup-terraform: not measured (${missing})`, 'n/a'])
else
  rows.push([
    'warm install (tool cache; the custom key is still read)',
    median(warm),
    `setup-terraform ${setupTerraform.version} second install`,
    median(theirs)
  ])
console.log(table(rows))
console.log(`cache saves ${median(cold) - median(warm)} ms per job (download + verify + extract)`)
if (!missing) {
  console.log(
    `setup-terraform downloaded the zip ${theirZips} times in ${RUNS * 2} runs (no tool cache; nor does it check the zip's SHA-256 or signature); ` +
      `it cannot be pointed at a mirror (${setupTerraform.evidence}), so it reached the stand-in through HTTPS_PROXY and a local TLS front`
  )
}

/** setup-terraform's dist/index.js, written to a directory of its own (it is CommonJS). */
function findSetupTerraform() {
  let code
  let version = 'dist'
  try {
    if (process.env.SETUP_TERRAFORM_DIST) code = readFileSync(process.env.SETUP_TERRAFORM_DIST, 'utf8')
    else if (MIRROR && existsSync(MIRROR)) {
      code = execFileSync('git', ['--git-dir', MIRROR, 'show', 'HEAD:dist/index.js'], { maxBuffer: 64e6 }).toString()
      version = JSON.parse(execFileSync('git', ['--git-dir', MIRROR, 'show', 'HEAD:package.json']).toString()).version
    } else {
      return {
        unavailable: `set SETUP_TERRAFORM_DIST (its dist/index.js) or SETUP_TERRAFORM_GIT_DIR (a git directory of hashicorp/setup-terraform)${MIRROR ? `; ${MIRROR} does not exist` : ''}`
      }
    }
  } catch (error) {
    return { unavailable: `cannot read setup-terraform's dist/index.js (${error.message.split('\n')[0]})` }
  }
  const lines = code.split('\n')
  const at = lines.findIndex(l => l.includes("const releasesUrl = 'https://releases.hashicorp.com'"))
  const evidence =
    at >= 0
      ? `its dist/index.js line ${at + 1}: ${lines[at].trim()}`
      : 'its releases URL is not where 4.0.x has it; look for releasesUrl in its dist/index.js'
  const dir = mkdtempSync(join(tmpdir(), 'setup-terraform-'))
  mkdirSync(join(dir, 'dist'))
  writeFileSync(join(dir, 'dist', 'index.js'), code)
  return { entry: join(dir, 'dist', 'index.js'), version, evidence }
}

/** One setup-terraform run (terraform 1.11.4, no wrapper); ms until its ::add-path::, as for ours. */
function runSetupTerraform(toolCache) {
  const temp = mkdtempSync(join(tmpdir(), 'setup-terraform-temp-'))
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    INPUT_TERRAFORM_VERSION: '1.11.4',
    INPUT_TERRAFORM_WRAPPER: 'false',
    INPUT_CLI_CONFIG_CREDENTIALS_HOSTNAME: 'app.terraform.io',
    HTTPS_PROXY: proxy.url,
    https_proxy: proxy.url,
    NODE_EXTRA_CA_CERTS: proxy.caFile
  }
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [setupTerraform.entry], { env })
    let out = ''
    let installed
    child.stdout.on('data', d => {
      out += d
      if (installed === undefined && out.includes(INSTALLED))
        installed = Number((process.hrtime.bigint() - started) / 1000000n)
    })
    child.stderr.on('data', d => (out += d))
    child.on('close', code =>
      code === 0 && installed !== undefined
        ? resolve(installed)
        : reject(new Error(`setup-terraform failed (exit ${code}):\n${out}`))
    )
  })
}
