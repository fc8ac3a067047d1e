// Reading the workspace for discover: every Terraform directory and the blocks the root rule needs, from the .tf
// and .tf.json files (no terraform, no network).
import { readdir, readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { parseHcl as parse } from '../hcl/parse-hcl.js'
import { isTerraformFile } from './affected-roots.js'
import type { TerraformDirectory } from './root-rule.js'

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.terraform', '.git'])
export const isSkipped = (name: string): boolean => SKIPPED_DIRECTORIES.has(name) || name.startsWith('.')
/** Terraform merges these into the other files of a configuration; they say nothing about what a directory is. */
export const isOverrideFile = (name: string): boolean => /(^|_)override\.tf(\.json)?$/.test(name)

/** Every Terraform directory of the workspace, keyed by its workspace-relative path (`.` for the workspace). */
export async function readTerraformDirectories(workspaceDir: string): Promise<Map<string, TerraformDirectory>> {
  const directories = new Map<string, TerraformDirectory>()
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(join(workspaceDir, dir), { withFileTypes: true })
    const files = entries.filter(e => e.isFile() && isTerraformFile(e.name)).map(e => e.name)
    if (files.length > 0) directories.set(dir, await readTerraformDirectory(workspaceDir, dir, files))
    for (const entry of entries) {
      if (entry.isDirectory() && !isSkipped(entry.name)) await walk(dir === '.' ? entry.name : `${dir}/${entry.name}`)
    }
  }
  await walk('.')
  return directories
}

async function readTerraformDirectory(workspaceDir: string, dir: string, files: string[]): Promise<TerraformDirectory> {
  const info: TerraformDirectory = { hasBackend: false, hasProvider: false, hasContent: false, localModules: [] }
  for (const file of files.filter(f => !isOverrideFile(f)).sort()) {
    const text = await readFile(join(workspaceDir, dir, file), 'utf8')
    const blocks = await readBlocks(`${dir}/${file}`, text)
    info.hasBackend ||= blocks.hasBackend
    info.hasProvider ||= blocks.hasProvider
    info.hasContent ||= blocks.hasContent
    for (const source of blocks.moduleSources) {
      if (!/^\.\.?(\/|$)/.test(source)) continue
      const target = posix.normalize(posix.join(dir, source)).replace(/\/+$/, '') || '.'
      if (target !== '..' && !target.startsWith('../') && !info.localModules.includes(target)) {
        info.localModules.push(target)
      }
    }
  }
  return info
}

export interface Blocks {
  hasBackend: boolean
  hasProvider: boolean
  hasContent: boolean
  moduleSources: string[]
}

/**
 * The blocks discovery cares about, from HCL via @cdktf/hcl2json or from Terraform's JSON syntax. A file that does
 * not parse (a pull request can break one) falls back to a line scan, so its root is still found and planned, and
 * the plan reports the syntax error.
 */
export async function readBlocks(fileName: string, text: string): Promise<Blocks> {
  let body: Record<string, unknown>
  try {
    body = fileName.endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>) : await parse(fileName, text)
  } catch {
    return scanBlocks(text)
  }
  const terraformBlocks = list(body.terraform)
  const moduleCalls = Object.values(asObject(body.module)).flatMap(list)
  return {
    hasBackend: terraformBlocks.some(t => t.backend !== undefined || t.cloud !== undefined),
    hasProvider: Object.keys(asObject(body.provider)).length > 0,
    hasContent: Object.keys(body).some(key => key !== 'terraform' && key !== '//'),
    moduleSources: moduleCalls.map(m => m.source).filter((s): s is string => typeof s === 'string')
  }
}

const CONTENT_BLOCK =
  /^\s*(resource|data|ephemeral|module|provider|variable|output|locals|check|import|moved|removed)\b[^=\n]*\{/m

function scanBlocks(text: string): Blocks {
  return {
    hasBackend: /^\s*(backend\s+"[^"]*"|cloud)\s*\{/m.test(text),
    hasProvider: /^\s*provider\s+"[^"]*"\s*\{/m.test(text),
    hasContent: CONTENT_BLOCK.test(text),
    moduleSources: [...text.matchAll(/^\s*source\s*=\s*"([^"]*)"/gm)].map(m => m[1])
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** hcl2json gives every block as a list; Terraform's JSON syntax allows a single object too. */
function list(value: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asObject)
}
