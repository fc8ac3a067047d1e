// The file-system edge of the roots summary: every plan dir under plans-dir (as actions/download-artifact lays
// them out, one folder per artifact) becomes one RootEntry. A folder without readable metadata is a failed root,
// named by the folder, never skipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors.js'
import { METADATA_FILE, PLAN_JSON_FILE } from '../apply/plan-metadata.js'
import { normalizePlan } from '../plan/plan-json.js'
import { summarizePlan } from '../plan/summary.js'
import { parsePlanChanges, planChangesOf, type PlanChanges } from './plan-changes.js'
import type { RootEntry } from './root-entry.js'

const HOW = 'download the plan artifacts into it first (actions/download-artifact with pattern: terraform-plan-*)'

/** The plan dirs: `dir` itself when it is one (a single artifact downloaded by name), else its subfolders. */
export function readPlansDir(dir: string, shown: string): RootEntry[] {
  let isDir: boolean
  try {
    isDir = statSync(dir).isDirectory()
  } catch {
    throw new UserError(`input plans-dir: ${shown} does not exist (${dir}); ${HOW}`)
  }
  if (!isDir) throw new UserError(`input plans-dir: ${shown} is not a directory (${dir}); ${HOW}`)
  if (existsSync(join(dir, METADATA_FILE))) return [readPlanDir(dir, '.')]
  return readdirSync(dir, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => d.name)
    .sort()
    .map(name => readPlanDir(join(dir, name), name))
}

function failed(folder: string, failure: string): RootEntry {
  return { root: folder, workspace: '', status: 'failed', failure }
}

function readPlanDir(dir: string, folder: string): RootEntry {
  const file = join(dir, METADATA_FILE)
  if (!existsSync(file)) return failed(folder, `no ${METADATA_FILE} in the artifact (the plan did not finish)`)
  let meta: Record<string, unknown>
  try {
    meta = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    return failed(folder, `${METADATA_FILE} is not valid JSON`)
  }
  if (typeof meta?.root !== 'string' || typeof meta.workspace !== 'string' || typeof meta.hasChanges !== 'boolean') {
    return failed(folder, `${METADATA_FILE} has no root, workspace or hasChanges`)
  }
  const changes = parsePlanChanges(meta.changes) ?? countFromPlanJson(dir)
  const commentUrl = typeof meta.commentUrl === 'string' ? meta.commentUrl : undefined
  const runUrl = typeof meta.runUrl === 'string' ? meta.runUrl : undefined
  return {
    root: meta.root,
    workspace: meta.workspace,
    status: meta.hasChanges ? 'changes' : 'no-changes',
    ...(changes ? { changes } : {}),
    ...(commentUrl
      ? { planUrl: commentUrl, planLink: 'comment' as const }
      : runUrl
        ? { planUrl: runUrl, planLink: 'run' as const }
        : {}),
    ...(typeof meta.createdAt === 'string' ? { createdAt: meta.createdAt } : {})
  }
}

/**
 * A plan dir from before the metadata recorded changes: count from its plan JSON with the same model. Only
 * addresses and counts are taken from it; the values in the JSON are never read into the summary.
 */
function countFromPlanJson(dir: string): PlanChanges | undefined {
  const file = join(dir, PLAN_JSON_FILE)
  if (!existsSync(file)) return undefined
  try {
    const plan = normalizePlan(JSON.parse(readFileSync(file, 'utf8')))
    return planChangesOf(plan, summarizePlan(plan), a => a)
  } catch {
    return undefined
  }
}
