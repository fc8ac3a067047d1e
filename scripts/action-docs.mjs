// Writes the inputs/outputs tables of README.md from action.yml (the single source of truth).
// `node scripts/action-docs.mjs --check` exits 1 when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const BEGIN = '<!-- BEGIN_ACTION_DOCS -->'
const END = '<!-- END_ACTION_DOCS -->'

const cell = text =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

export function actionTables(actionYml) {
  const action = YAML.parse(actionYml)
  const lines = ['### Inputs', '', '| name | description | default |', '|---|---|---|']
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const def = input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``
    lines.push(`| \`${name}\` | ${cell(input.description)} | ${def} |`)
  }
  lines.push('', '### Outputs', '', '| name | description |', '|---|---|')
  for (const [name, output] of Object.entries(action.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(output.description)} |`)
  }
  return lines.join('\n')
}

export function updateReadme(readme, tables) {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`)
  return `${readme.slice(0, start + BEGIN.length)}\n${tables}\n${readme.slice(end)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const next = updateReadme(readme, actionTables(readFileSync(join(root, 'action.yml'), 'utf8')))
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md inputs/outputs tables are out of date with action.yml: run node scripts/action-docs.mjs')
      process.exit(1)
    }
  } else {
    writeFileSync(readmePath, next)
  }
}
