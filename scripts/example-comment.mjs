// Writes docs/example-comment.md: a real plan comment, rendered by `tf-plan-render render` bundled from the current
// source. Two sources:
//   --stack (default): the bundled stack modules/chat-llm-stack with env/dev.tfvars through the offline azurerm
//     provider (eval "$(../shared/offline-azurerm/setup --quiet)" first): applied, then planned with a new image
//     tag, App Service SKU, model version and capacity: the update plan a reviewer of the stack sees.
//   --fixture <name>: a fixture root of __tests__/fixtures/plan-roots (before/ applied, after/ planned).
// Deterministic: the same input gives byte-identical output (random IDs terraform_data makes are numbered).
// Usage: node scripts/example-comment.mjs [--stack | --fixture all-changes] [output file]
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  options: { stack: { type: 'boolean' }, fixture: { type: 'string' } },
  allowPositionals: true
})
const output = positionals[0] ?? join(root, 'docs', 'example-comment.md')
const work = mkdtempSync(join(tmpdir(), 'example-comment-'))

/** The change a reviewer of the stack sees after dev was applied (values in env/dev.tfvars: 0.1.0, S1, 10). */
const STACK_UPDATE = `app_image_name = "chat-api:0.2.0"
app_sku_name   = "P1v3"
model_deployments = {
  chat = {
    model_name    = "gpt-4o"
    model_version = "2024-08-06"
    sku_name      = "DataZoneStandard"
    capacity      = 20
  }
}
`

function fail(message) {
  process.stderr.write(`example-comment: ${message}\n`)
  process.exit(1)
}

try {
  const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }
  let rootDir = join(work, 'root')
  const tf = args =>
    execFileSync('terraform', args, {
      cwd: rootDir,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  let source
  let title
  if (values.fixture) {
    const fixture = join(root, '__tests__/fixtures/plan-roots', values.fixture)
    if (!existsSync(join(fixture, 'after'))) fail(`--fixture: no fixture root ${relative(root, fixture)}/after`)
    // An empty CLI config: the machine's TF_CLI_CONFIG_FILE may point to a missing file.
    env.TF_CLI_CONFIG_FILE = join(work, 'empty.tfrc')
    writeFileSync(env.TF_CLI_CONFIG_FILE, '')
    const useConfig = phase => {
      if (existsSync(rootDir)) for (const f of readdirSync(rootDir)) if (f.endsWith('.tf')) rmSync(join(rootDir, f))
      cpSync(join(fixture, phase), rootDir, { recursive: true })
    }
    if (existsSync(join(fixture, 'before'))) {
      useConfig('before')
      tf(['init', '-input=false', '-no-color'])
      tf(['apply', '-auto-approve', '-input=false', '-no-color'])
    }
    useConfig('after')
    tf(['init', '-input=false', '-no-color'])
    tf(['plan', '-input=false', '-no-color', '-out=tfplan'])
    source = `${relative(root, fixture)} (before/ applied, after/ planned)`
    title = 'Terraform plan: <code>infra/prod</code>'
  } else {
    const config = process.env.TF_CLI_CONFIG_FILE
    if (!config || !existsSync(config) || !/provider_installation|dev_overrides/.test(readFileSync(config, 'utf8')))
      fail(
        'the stack plan needs the azurerm provider offline: run eval "$(../shared/offline-azurerm/setup --quiet)" first'
      )
    // The stack's module sources are relative (../monitoring, ...): copy all bundled modules, plan the stack.
    cpSync(join(root, 'modules'), join(work, 'modules'), {
      recursive: true,
      filter: src => !/[\\/](\.terraform|tests)([\\/]|$)|\.tfstate/.test(src)
    })
    rootDir = join(work, 'modules', 'chat-llm-stack')
    writeFileSync(join(rootDir, 'backend_override.tf'), 'terraform {\n  backend "local" {}\n}\n')
    writeFileSync(join(rootDir, 'update.tfvars'), STACK_UPDATE)
    tf(['init', '-input=false', '-no-color'])
    tf(['apply', '-auto-approve', '-input=false', '-no-color', '-var-file=env/dev.tfvars'])
    tf(['plan', '-input=false', '-no-color', '-out=tfplan', '-var-file=env/dev.tfvars', '-var-file=update.tfvars'])
    source =
      'the bundled stack modules/chat-llm-stack with env/dev.tfvars through the offline azurerm provider ' +
      '(applied, then planned with a new image tag, App Service SKU, model version and capacity)'
    title = 'Terraform plan: <code>stack:chat-llm</code>'
  }
  const numbered = numberIds(tf(['show', '-json', 'tfplan']), tf(['show', '-no-color', 'tfplan']))
  writeFileSync(join(work, 'plan.json'), numbered.json)
  writeFileSync(join(work, 'plan.txt'), numbered.text)
  const version = tf(['version']).split('\n')[0]

  const cli = join(work, 'build', 'cli', 'index.js')
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), join(work, 'build')], { cwd: root, stdio: 'pipe' })
  } catch {
    // Another part of the tree may not compile right now; the CLI alone still bundles without type checking.
    const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
    execFileSync(process.execPath, [ncc, 'build', join(root, 'src/cli/index.ts'), '-o', dirname(cli), '--quiet', '-t'])
  }
  const markdown = execFileSync(
    process.execPath,
    [cli, 'render', '--plan-json', join(work, 'plan.json'), '--text-plan', join(work, 'plan.txt'), '--title', title],
    { encoding: 'utf8', env: { ...process.env, TF_PLAN_RENDER_SECRETS: '' } }
  )
  const header =
    `<!-- Generated by \`node scripts/example-comment.mjs${values.fixture ? ` --fixture ${values.fixture}` : ''}\`: ` +
    `a real ${version} plan of ${source}, rendered by ` +
    '`tf-plan-render render --plan-json plan.json --text-plan plan.txt --title ...`. Do not edit by hand. -->\n\n'
  writeFileSync(output, header + markdown)
  process.stderr.write(`wrote ${relative(process.cwd(), output)} (${markdown.length} characters)\n`)
} catch (e) {
  fail(`${e.message.split('\n')[0]}${e.stderr ? `\n${String(e.stderr).slice(-2000)}` : ''}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** Random UUIDs (terraform_data ids) numbered in order of first appearance, the same in the JSON and text plan. */
function numberIds(json, text) {
  const ids = new Map()
  const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g
  const number = id => {
    if (!ids.has(id)) ids.set(id, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`)
    return ids.get(id)
  }
  // Fixed all-zero IDs (the offline provider's subscription) stay as they are.
  const replace = s => s.replace(uuid, id => (/^[0-]+$/.test(id) ? id : number(id)))
  const numberedJson = replace(json).replace(/"timestamp":"[^"]*"/, '"timestamp":"2025-01-01T00:00:00Z"')
  return { json: numberedJson, text: replace(text) }
}
