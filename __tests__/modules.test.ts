// Runs the real terraform binary over every bundled module (modules/*/) and example root (modules/*/examples/*/):
// fmt -check once, then per root in a temp copy of modules/: init -backend=false, validate -json with zero
// diagnostics, and terraform test. The provider comes from TF_CLI_CONFIG_FILE (the offline azurerm mirror that
// .ci/run sets up) or the registry; with neither the suite is skipped and says why.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { parse } from '@cdktf/hcl2json'
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const modulesDir = path.join(repoRoot, 'modules')
const TEST_TIMEOUT_MS = 300_000
const REQUIRED_MODULE_FILES = [
  'main.tf',
  'variables.tf',
  'outputs.tf',
  'versions.tf',
  'README.md',
  'tests/unit.tftest.hcl'
]

interface RunResult {
  code: number
  stdout: string
  stderr: string
}

interface ValidateDiagnostic {
  severity: string
  summary: string
  detail?: string
  range?: { filename: string; start: { line: number } }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise(resolve => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0
      resolve({ code, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory()
}

function hasTerraformFiles(dir: string): boolean {
  return readdirSync(dir).some(file => file.endsWith('.tf'))
}

/** Module folders and example roots, relative to modules/, e.g. 'keyvault' and 'keyvault/examples/default'. */
function discoverRoots(): { modules: string[]; examples: string[] } {
  if (!isDirectory(modulesDir)) return { modules: [], examples: [] }
  const modules = readdirSync(modulesDir)
    .filter(entry => isDirectory(path.join(modulesDir, entry)) && hasTerraformFiles(path.join(modulesDir, entry)))
    .sort()
  const examples = modules.flatMap(module => {
    const examplesDir = path.join(modulesDir, module, 'examples')
    if (!isDirectory(examplesDir)) return []
    return readdirSync(examplesDir)
      .filter(entry => isDirectory(path.join(examplesDir, entry)) && hasTerraformFiles(path.join(examplesDir, entry)))
      .sort()
      .map(entry => `${module}/examples/${entry}`)
  })
  return { modules, examples }
}

function hasTestFiles(dir: string): boolean {
  const inRoot = readdirSync(dir).some(file => file.endsWith('.tftest.hcl'))
  const testsDir = path.join(dir, 'tests')
  return inRoot || (isDirectory(testsDir) && readdirSync(testsDir).some(file => file.endsWith('.tftest.hcl')))
}

function formatDiagnostic(diagnostic: ValidateDiagnostic): string {
  const where = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : ''
  return `${diagnostic.severity}: ${diagnostic.summary}${where}${diagnostic.detail ? ` - ${diagnostic.detail}` : ''}`
}

function describeFailure(step: string, result: RunResult): string {
  return `${step} exited ${result.code}\n${result.stdout}\n${result.stderr}`.trim()
}

const { modules, examples } = discoverRoots()
const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/modules.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

let workDir = ''
let copiedModulesDir = ''
let terraformEnv: NodeJS.ProcessEnv = process.env

suite('bundled Terraform modules', () => {
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'modules-test-'))
    copiedModulesDir = path.join(workDir, 'modules')
    // A copy keeps .terraform/ and lock files out of the repo; siblings come along for ../private-endpoint.
    await cp(modulesDir, copiedModulesDir, {
      recursive: true,
      filter: source => {
        const base = path.basename(source)
        return base !== '.terraform' && base !== '.terraform.lock.hcl' && !base.startsWith('terraform.tfstate')
      }
    })
    // One provider download per run when the registry is used; the offline mirror links instead.
    const pluginCacheDir = process.env.TF_PLUGIN_CACHE_DIR ?? path.join(workDir, 'plugin-cache')
    await mkdir(pluginCacheDir, { recursive: true })
    terraformEnv = {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: pluginCacheDir
    }
  }, TEST_TIMEOUT_MS)

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  test('discovers at least one module', () => {
    expect(modules.length).toBeGreaterThan(0)
  })

  test(
    'terraform fmt -check -recursive modules/',
    async () => {
      const result = await run('terraform', ['fmt', '-check', '-recursive', '-list=true', 'modules/'], repoRoot)
      expect({ code: result.code, unformatted: result.stdout.split('\n').filter(Boolean) }).toEqual({
        code: 0,
        unformatted: []
      })
    },
    TEST_TIMEOUT_MS
  )

  describe.each(modules)('module %s', module => {
    test('has the conventional files', () => {
      const missing = REQUIRED_MODULE_FILES.filter(file => !existsSync(path.join(modulesDir, module, file)))
      expect(missing).toEqual([])
    })

    test('versions.tf: terraform >= 1.11, < 2.0, hashicorp/azurerm (and at most hashicorp/time) with upper bounds', async () => {
      const file = path.join(modulesDir, module, 'versions.tf')
      const json = (await parse(file, readFileSync(file, 'utf8'))) as {
        terraform?: { required_version?: string; required_providers?: Record<string, { version?: string }>[] }[]
      }
      const settings = json.terraform?.[0] ?? {}
      const providers = settings.required_providers?.[0] ?? {}
      expect(settings.required_version).toBe('>= 1.11, < 2.0')
      // hashicorp/time only for time_sleep (RBAC propagation waits); no other provider.
      expect(Object.keys(providers).filter(name => name !== 'time')).toEqual(['azurerm'])
      expect(providers.azurerm.version).toMatch(/^>= 4\.\d+, < 5\.0$/)
      if (providers.time) expect(providers.time.version).toMatch(/^>= 0\.\d+, < 1\.0$/)
    })

    defineTerraformSteps(module, { requireTests: true })
  })

  if (examples.length > 0) {
    describe.each(examples)('example %s', example => {
      defineTerraformSteps(example, { requireTests: false })
    })
  }
})

function defineTerraformSteps(root: string, { requireTests }: { requireTests: boolean }): void {
  const rootDir = (): string => path.join(copiedModulesDir, root)

  test(
    'terraform init -backend=false',
    async () => {
      const result = await run(
        'terraform',
        ['init', '-backend=false', '-input=false', '-no-color'],
        rootDir(),
        terraformEnv
      )
      if (result.code !== 0) throw new Error(describeFailure('terraform init', result))
    },
    TEST_TIMEOUT_MS
  )

  test(
    'terraform validate: zero errors and zero warnings',
    async () => {
      const result = await run('terraform', ['validate', '-json', '-no-color'], rootDir(), terraformEnv)
      let report: { valid: boolean; diagnostics: ValidateDiagnostic[] }
      try {
        report = JSON.parse(result.stdout)
      } catch {
        throw new Error(describeFailure('terraform validate -json (no JSON output)', result))
      }
      expect(report.diagnostics.map(formatDiagnostic)).toEqual([])
      expect(report.valid).toBe(true)
    },
    TEST_TIMEOUT_MS
  )

  test(
    'terraform test passes',
    async () => {
      if (!hasTestFiles(rootDir())) {
        if (requireTests) throw new Error(`${root} has no tests/*.tftest.hcl`)
        return
      }
      const result = await run('terraform', ['test', '-no-color'], rootDir(), terraformEnv)
      if (result.code !== 0) throw new Error(describeFailure('terraform test', result))
      // Deprecated attributes read in assertions are as much a problem as in the configuration.
      const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter(line => /Warning: Deprecated/.test(line))
      expect(warnings).toEqual([])
      const summary = /(\d+) passed, (\d+) failed/.exec(result.stdout)
      expect(summary).not.toBeNull()
      expect(Number(summary?.[1])).toBeGreaterThan(0)
      expect(Number(summary?.[2])).toBe(0)
    },
    TEST_TIMEOUT_MS
  )
}
