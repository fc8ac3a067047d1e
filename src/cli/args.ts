// Argument parsing for the `render` command; every mistake is one UserError line naming the flag and value.
import { UserError } from '../errors.js'

export interface RenderArgs {
  planJson: string
  textPlan?: string
  maxChars?: number
  title?: string
  schemas?: string
}

export const USAGE = `Usage: tf-plan-render render --plan-json <file> [--text-plan <file>] [--max-chars N] [--title T] [--schemas <file>]

Prints the Terraform plan summary as GitHub-flavoured Markdown on stdout.

  --plan-json <file>   output of \`terraform show -json <planfile>\` (required; JSON format 0.2 or 1.x,
                       as Terraform 1.0 and later write it)
  --text-plan <file>   output of \`terraform show -no-color <planfile>\`, shown collapsed when it fits
  --max-chars N        size budget in characters (default 60000; GitHub comments allow 65536)
  --title T            Markdown title (default "Terraform plan")
  --schemas <file>     output of \`terraform providers schema -json\` in the root: tells lists from sets
  --help               this help

Environment: TF_PLAN_RENDER_SECRETS, secrets to mask (one per line);
             TF_PLAN_RENDER_TIMING=1 prints read/parse/render times to stderr.
`

/** Below this, not even the headline and a few destroy addresses fit. */
export const MIN_MAX_CHARS = 1000

const VALUE_FLAGS = ['--plan-json', '--text-plan', '--max-chars', '--title', '--schemas'] as const

export function parseRenderArgs(argv: readonly string[]): RenderArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help'
  const [command, ...rest] = argv
  if (command === undefined) throw new UserError('missing command: use `render` (see --help)')
  if (command !== 'render')
    throw new UserError(`unknown command "${command}": the only command is \`render\` (see --help)`)
  const values = new Map<string, string>()
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    const eq = arg.indexOf('=')
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg
    if (!(VALUE_FLAGS as readonly string[]).includes(flag))
      throw new UserError(`unknown argument "${arg}": accepted are ${VALUE_FLAGS.join(', ')}, --help`)
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i]
    if (value === undefined) throw new UserError(`${flag}: missing value`)
    if (values.has(flag)) throw new UserError(`${flag}: given twice; pass it once`)
    values.set(flag, value)
  }
  const planJson = values.get('--plan-json')
  if (!planJson) throw new UserError('--plan-json: missing; pass the output file of `terraform show -json <planfile>`')
  const max = values.get('--max-chars')
  let maxChars: number | undefined
  if (max !== undefined) {
    if (!/^[0-9]+$/.test(max) || Number(max) <= 0 || !Number.isSafeInteger(Number(max)))
      throw new UserError(`--max-chars: "${max}" is not a positive integer`)
    maxChars = Number(max)
    if (maxChars < MIN_MAX_CHARS) throw new UserError(`--max-chars: ${max} is too small; use at least ${MIN_MAX_CHARS}`)
  }
  return {
    planJson,
    textPlan: values.get('--text-plan'),
    maxChars,
    title: values.get('--title'),
    schemas: values.get('--schemas')
  }
}
