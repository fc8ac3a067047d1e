// Real plans from the real terraform binary: a fixture root under fixtures/plan-roots/<name> has an optional
// before/ (applied first) and an after/ (planned against that state). Results are cached per test process,
// so the expensive 10,000-resource plan is generated once per process.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { PlanJson } from '../../src/plan/plan-json.js'

const run = promisify(execFile)
export const planRootsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plan-roots')

export interface GeneratedPlan {
  json: PlanJson
  /** the exact `terraform show -json` output */
  jsonText: string
  /** `terraform show -no-color <planfile>` */
  text: string
  /** the temp working directory (kept until the process exits) */
  dir: string
  /** wall time of `terraform show -json` in ms */
  showJsonMs: number
}

const cache = new Map<string, Promise<GeneratedPlan>>()

export function generatePlan(root: string, vars: Record<string, string | number> = {}): Promise<GeneratedPlan> {
  const key = `${root} ${JSON.stringify(vars)}`
  let plan = cache.get(key)
  if (!plan) {
    plan = build(root, vars)
    cache.set(key, plan)
  }
  return plan
}

async function build(root: string, vars: Record<string, string | number>): Promise<GeneratedPlan> {
  const src = join(planRootsDir, root)
  const dir = mkdtempSync(join(tmpdir(), `tf-plan-${root}-`))
  const work = join(dir, 'root')
  // An empty CLI config: the machine's TF_CLI_CONFIG_FILE may point to a missing file (a warning on every run).
  const cliConfig = join(dir, 'empty.tfrc')
  writeFileSync(cliConfig, '')
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig }
  const varArgs = Object.entries(vars).map(([k, v]) => `-var=${k}=${v}`)
  const tf = async (args: string[]): Promise<string> => {
    const { stdout } = await run('terraform', args, { cwd: work, env, maxBuffer: 1 << 30 })
    return stdout
  }
  const useConfig = (phase: string): void => {
    for (const f of existsSync(work) ? readdirSync(work) : []) if (f.endsWith('.tf')) rmSync(join(work, f))
    cpSync(join(src, phase), work, { recursive: true })
  }

  if (existsSync(join(src, 'before'))) {
    useConfig('before')
    await tf(['init', '-input=false', '-no-color'])
    await tf(['apply', '-auto-approve', '-input=false', '-no-color', ...varArgs])
  }
  useConfig('after')
  await tf(['init', '-input=false', '-no-color'])
  await tf(['plan', '-input=false', '-no-color', '-out=tfplan', ...varArgs])
  const started = performance.now()
  const jsonText = await tf(['show', '-json', 'tfplan'])
  const showJsonMs = performance.now() - started
  const text = await tf(['show', '-no-color', 'tfplan'])
  return { json: JSON.parse(jsonText) as PlanJson, jsonText, text, dir, showJsonMs }
}

/** Write a generated plan's JSON and text to files (for the CLI). */
export function writePlanFiles(plan: GeneratedPlan): { jsonFile: string; textFile: string } {
  const jsonFile = join(plan.dir, 'plan.json')
  const textFile = join(plan.dir, 'plan.txt')
  writeFileSync(jsonFile, plan.jsonText)
  writeFileSync(textFile, plan.text)
  return { jsonFile, textFile }
}
