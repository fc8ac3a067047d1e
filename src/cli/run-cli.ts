// The CLI without process globals, so it is testable; errors a user can fix are one line on stderr, exit 1.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { UserError } from '../errors.js'
import { normalizePlan, PlanShapeError, type PlanJson } from '../plan/plan-json.js'
import { Redactor } from '../render/redact.js'
import { DEFAULT_MAX_CHARS, renderPlanMarkdown } from '../render/render-plan.js'
import { parseProviderSchemas } from '../terraform/provider-schemas.js'
import type { ProviderSchemas } from '../plan/provider-schema.js'
import { parseRenderArgs, USAGE } from './args.js'

export interface CliIo {
  stdout(s: string): void
  stderr(s: string): void
  env: NodeJS.ProcessEnv
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseRenderArgs(argv)
    if (args === 'help') {
      io.stdout(USAGE)
      return 0
    }
    const started = now()
    const planText = readText(args.planJson, '--plan-json')
    const maxChars = args.maxChars ?? DEFAULT_MAX_CHARS
    // The renderer never looks past 2 × maxChars characters of a text plan that long (it cannot fit), and
    // 8 × maxChars bytes always decode to more characters than that: a 5 MB text plan is not read whole.
    const textPlan = args.textPlan === undefined ? undefined : readText(args.textPlan, '--text-plan', 8 * maxChars + 8)
    const schemas =
      args.schemas === undefined ? undefined : parseSchemas(readText(args.schemas, '--schemas'), args.schemas)
    const read = now()
    const plan = parsePlan(planText, args.planJson)
    const parsed = now()
    // Secrets to mask, one per line, e.g. from a file the workflow writes; never echoed.
    const secrets = (io.env.TF_PLAN_RENDER_SECRETS ?? '').split('\n').filter(Boolean)
    const redactor = Redactor.fromPlan(plan, secrets)
    const { markdown } = renderPlanMarkdown(plan, {
      maxChars,
      title: args.title,
      textPlan,
      redactor,
      schemas
    })
    io.stdout(markdown)
    if (io.env.TF_PLAN_RENDER_TIMING === '1') {
      const ms = (a: number, b: number): string => `${Math.round(b - a)} ms`
      const done = now()
      io.stderr(
        `tf-plan-render: timing: read ${ms(started, read)}, parse ${ms(read, parsed)}, render ${ms(parsed, done)}\n`
      )
    }
    return 0
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr(`tf-plan-render: ${e.message}\n`)
      return 1
    }
    // A plan shape nobody foresaw must still end in one line, not a stack trace.
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300)
    io.stderr(`tf-plan-render: cannot render this plan (${message}); please report it with the plan's shape\n`)
    return 1
  }
}

// Synchronous reads: one read of a 9 MB plan instead of a round trip through the thread pool per 512 KB chunk,
// each a wait for a busy runner's CPU; the CLI has nothing else to do meanwhile.
function readText(file: string, flag: string, maxBytes = Infinity): string {
  try {
    if (!Number.isFinite(maxBytes)) return readFileSync(file, 'utf8')
    const fd = openSync(file, 'r')
    try {
      const size = fstatSync(fd).size
      if (size <= maxBytes) return readFileSync(fd, 'utf8')
      const buffer = Buffer.alloc(maxBytes)
      const bytesRead = readSync(fd, buffer, 0, maxBytes, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      closeSync(fd)
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new UserError(`${flag}: cannot read "${file}" (${code}); pass a readable file`)
  }
}

/** Milliseconds, without the `performance` global (loading perf_hooks costs a CLI run more than it measures). */
function now(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

function parsePlan(text: string, file: string): PlanJson {
  let plan: unknown
  try {
    plan = JSON.parse(text)
  } catch {
    throw new UserError(`--plan-json: "${file}" is not JSON; pass the output of \`terraform show -json <planfile>\``)
  }
  try {
    return normalizePlan(plan)
  } catch (e) {
    if (!(e instanceof PlanShapeError)) throw e
    throw new UserError(`--plan-json: "${file}" ${e.message}; pass the output of \`terraform show -json <planfile>\``)
  }
}

function parseSchemas(text: string, file: string): ProviderSchemas {
  const result = parseProviderSchemas(text)
  if (result.schemas === undefined) {
    throw new UserError(
      `--schemas: "${file}": ${result.warning}; pass the output of \`terraform providers schema -json\``
    )
  }
  return result.schemas
}
