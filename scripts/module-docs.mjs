#!/usr/bin/env node
// Keeps the Inputs/Outputs tables of every modules/<name>/README.md in sync with its variables and outputs.
//   node scripts/module-docs.mjs                 rewrite the tables between the markers
//   node scripts/module-docs.mjs --check         exit 1 and list the modules whose README is out of date
//   node scripts/module-docs.mjs keyvault ...    only these modules
//   --modules-dir <dir>                          another modules tree (tests use a temp copy)
// A module without README.md is reported, never created (each module's owner writes the prose).
import { parse } from '@cdktf/hcl2json'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BEGIN_MARKER = '<!-- BEGIN_TF_DOCS -->'
export const END_MARKER = '<!-- END_TF_DOCS -->'

const defaultModulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'modules')

/** hcl2json returns expressions as "${...}"; strip that wrapper. */
function unwrapExpression(value) {
  if (typeof value === 'string' && value.startsWith('${') && value.endsWith('}')) return value.slice(2, -1)
  return value
}

/** One line, table-safe: collapse whitespace and escape pipes. */
function cell(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\{\s+/g, '{ ')
    .replace(/,\s*}/g, ' }')
    .replace(/\|/g, '\\|')
    .trim()
}

/** Descriptions are Markdown: keep placeholders like <name> visible instead of swallowed as HTML tags. */
function prose(text) {
  return cell(text).replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A multi-line type constraint on one line: object attributes separated by commas. */
export function formatType(text) {
  const lines = String(text)
    .split('\n')
    .map(line => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
  let result = ''
  for (const line of lines) {
    if (result === '') result = line
    else if (/[({[,]$/.test(result) || /^[)}\]]/.test(line)) result += ` ${line}`
    else result += `, ${line}`
  }
  return result.replace(/\(\s+/g, '(').replace(/\s+\)/g, ')')
}

function code(text) {
  const value = cell(text)
  return value.includes('`') ? `<code>${value}</code>` : `\`${value}\``
}

function formatDefault(block) {
  if (!Object.prototype.hasOwnProperty.call(block, 'default')) return 'required'
  const value = block.default
  if (typeof value === 'string') return code(value.startsWith('${') ? unwrapExpression(value) : JSON.stringify(value))
  return code(JSON.stringify(value, null, 1))
}

/** Variables and outputs of all *.tf files directly in the module folder (not tests or examples). */
export async function readModuleInterface(moduleDir) {
  const variables = new Map()
  const outputs = new Map()
  const files = readdirSync(moduleDir)
    .filter(file => file.endsWith('.tf'))
    .sort()
  for (const file of files) {
    const full = path.join(moduleDir, file)
    const json = await parse(full, readFileSync(full, 'utf8'))
    for (const [name, blocks] of Object.entries(json.variable ?? {})) variables.set(name, blocks[0])
    for (const [name, blocks] of Object.entries(json.output ?? {})) outputs.set(name, blocks[0])
  }
  return { variables, outputs }
}

/** The Markdown between the markers: required inputs first, then optional ones, each alphabetically. */
export function renderTables({ variables, outputs }) {
  const byName = ([a], [b]) => a.localeCompare(b)
  const inputs = [...variables.entries()].sort(byName)
  const required = inputs.filter(([, block]) => !Object.prototype.hasOwnProperty.call(block, 'default'))
  const optional = inputs.filter(([, block]) => Object.prototype.hasOwnProperty.call(block, 'default'))
  const lines = ['## Inputs', '']
  if (inputs.length === 0) {
    lines.push('No inputs.')
  } else {
    lines.push('| Name | Type | Default | Description |', '|------|------|---------|-------------|')
    for (const [name, block] of [...required, ...optional]) {
      const type = block.type === undefined ? 'any' : formatType(unwrapExpression(block.type))
      const sensitive = block.sensitive === true ? ' (sensitive)' : ''
      lines.push(
        `| \`${name}\` | ${code(type)} | ${formatDefault(block)} | ${prose(block.description ?? '')}${sensitive} |`
      )
    }
  }
  lines.push('', '## Outputs', '')
  const outs = [...outputs.entries()].sort(byName)
  if (outs.length === 0) {
    lines.push('No outputs.')
  } else {
    lines.push('| Name | Description | Sensitive |', '|------|-------------|-----------|')
    for (const [name, block] of outs) {
      lines.push(`| \`${name}\` | ${prose(block.description ?? '')} | ${block.sensitive === true ? 'yes' : 'no'} |`)
    }
  }
  return lines.join('\n')
}

/** README text with the generated section replaced (or appended when the markers are missing). */
export function injectTables(readme, tables) {
  const section = `${BEGIN_MARKER}\n${tables}\n${END_MARKER}`
  const begin = readme.indexOf(BEGIN_MARKER)
  const end = readme.indexOf(END_MARKER)
  if (begin === -1 || end === -1 || end < begin) return `${readme.replace(/\s*$/, '')}\n\n${section}\n`
  return readme.slice(0, begin) + section + readme.slice(end + END_MARKER.length)
}

export function listModules(modulesDir) {
  return readdirSync(modulesDir)
    .filter(entry => statSync(path.join(modulesDir, entry)).isDirectory())
    .filter(entry => readdirSync(path.join(modulesDir, entry)).some(file => file.endsWith('.tf')))
    .sort()
}

/** Returns [{ module, reason }] for every README that is (or, without check, was) out of date. */
export async function syncModuleDocs(modulesDir, { check, only = [] }) {
  const stale = []
  for (const module of listModules(modulesDir)) {
    if (only.length > 0 && !only.includes(module)) continue
    const moduleDir = path.join(modulesDir, module)
    const readmePath = path.join(moduleDir, 'README.md')
    if (!existsSync(readmePath)) {
      stale.push({ module, reason: 'README.md is missing' })
      continue
    }
    const current = readFileSync(readmePath, 'utf8')
    const tables = renderTables(await readModuleInterface(moduleDir))
    const wanted = injectTables(current, tables)
    if (wanted === current) continue
    let reason = 'Inputs/Outputs tables differ from the variables and outputs'
    if (!current.includes(BEGIN_MARKER) || !current.includes(END_MARKER)) reason = 'doc markers are missing'
    stale.push({ module, reason })
    if (!check) writeFileSync(readmePath, wanted)
  }
  return stale
}

async function main(argv) {
  const check = argv.includes('--check')
  const dirFlag = argv.indexOf('--modules-dir')
  const modulesDir = dirFlag === -1 ? defaultModulesDir : path.resolve(argv[dirFlag + 1])
  const only = argv.filter((arg, index) => !arg.startsWith('--') && (dirFlag === -1 || index !== dirFlag + 1))
  const stale = await syncModuleDocs(modulesDir, { check, only })
  if (check) {
    if (stale.length === 0) {
      console.log(`module-docs: all READMEs in ${modulesDir} are up to date`)
      return 0
    }
    console.error('module-docs: out-of-date README tables (run `node scripts/module-docs.mjs`):')
    for (const { module, reason } of stale) console.error(`  modules/${module}/README.md: ${reason}`)
    return 1
  }
  let missing = 0
  for (const { module, reason } of stale) {
    if (reason === 'README.md is missing') {
      missing += 1
      console.error(`module-docs: modules/${module}/README.md is missing (not created)`)
    } else console.log(`module-docs: updated modules/${module}/README.md`)
  }
  return missing === 0 ? 0 : 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
