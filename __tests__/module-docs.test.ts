// The Inputs/Outputs tables in modules/*/README.md must match the variables and outputs
// (scripts/module-docs.mjs, run for real as a child process).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const script = path.join(repoRoot, 'scripts', 'module-docs.mjs')

interface RunResult {
  code: number
  output: string
}

function runDocs(args: string[]): Promise<RunResult> {
  return new Promise(resolve => {
    execFile(process.execPath, [script, ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}` })
    })
  })
}

describe('module README tables', () => {
  test('every module README in the repo is up to date (node scripts/module-docs.mjs --check)', async () => {
    const result = await runDocs(['--check'])
    expect(result).toEqual({ code: 0, output: expect.stringContaining('up to date') })
  })

  describe('in a temp copy', () => {
    let workDir = ''
    let modulesDir = ''
    const module = 'private-endpoint'

    beforeAll(async () => {
      workDir = await mkdtemp(path.join(os.tmpdir(), 'module-docs-test-'))
      modulesDir = path.join(workDir, 'modules')
      await cp(path.join(repoRoot, 'modules', module), path.join(modulesDir, module), { recursive: true })
    })

    afterAll(async () => {
      if (workDir) await rm(workDir, { recursive: true, force: true })
    })

    test('an added variable makes the README stale, and regenerating fixes it', async () => {
      expect((await runDocs(['--check', '--modules-dir', modulesDir])).code).toBe(0)

      appendFileSync(
        path.join(modulesDir, module, 'variables.tf'),
        '\nvariable "added_for_test" {\n  type        = bool\n  default     = true\n  description = "Added by the test."\n}\n'
      )
      const stale = await runDocs(['--check', '--modules-dir', modulesDir])
      expect(stale.code).toBe(1)
      expect(stale.output).toContain(`modules/${module}/README.md`)

      expect((await runDocs(['--modules-dir', modulesDir])).code).toBe(0)
      const readme = readFileSync(path.join(modulesDir, module, 'README.md'), 'utf8')
      expect(readme).toContain('| `added_for_test` | `bool` | `true` | Added by the test. |')
      expect((await runDocs(['--check', '--modules-dir', modulesDir])).code).toBe(0)
    })

    test('a README without the markers is reported', async () => {
      const readmePath = path.join(modulesDir, module, 'README.md')
      const readme = readFileSync(readmePath, 'utf8')
      writeFileSync(readmePath, readme.replace('<!-- BEGIN_TF_DOCS -->', ''))
      const result = await runDocs(['--check', '--modules-dir', modulesDir])
      expect(result.code).toBe(1)
      expect(result.output).toContain('doc markers are missing')
    })
  })
})
