// One row of the roots summary, and the pure steps from what was found in the plans dir to the rows shown.
import type { PlanChanges } from './plan-changes.js'
import type { ExpectedRoot } from './expected-roots.js'

export type RootStatus = 'changes' | 'no-changes' | 'failed'

export interface RootEntry {
  /** The root label as the plan step recorded it (`infra/app`, `stack:chat-llm`), or the artifact folder's name. */
  root: string
  /** Empty when unknown (a folder without metadata). */
  workspace: string
  status: RootStatus
  /** Undefined for a failed root, or a plan dir that records no counts and has no plan JSON to count from. */
  changes?: PlanChanges
  /** Where the root's full plan is: its own sticky comment, else the run that planned it. */
  planUrl?: string
  planLink?: 'comment' | 'run'
  /** Why the root counts as failed, said in the table. */
  failure?: string
  /** When the plan was made (ISO time), to keep the newest of two plans of one root. */
  createdAt?: string
}

const RANK: Record<RootStatus, number> = { failed: 0, changes: 2, 'no-changes': 3 }

/** Failed first, then roots that destroy or replace, then other changes, then none; by root and workspace within. */
export function rank(entry: RootEntry): number {
  if (entry.status === 'changes' && entry.changes && entry.changes.destroy + entry.changes.replace > 0) return 1
  return RANK[entry.status]
}

// service-2 before service-10, as a reader counts
const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true })

export function sortEntries(entries: readonly RootEntry[]): RootEntry[] {
  return [...entries].sort((a, b) => rank(a) - rank(b) || natural(a.root, b.root) || natural(a.workspace, b.workspace))
}

export interface MergedEntries {
  entries: RootEntry[]
  /** Older plans of a root that a newer one replaced (a re-run uploads a second artifact). */
  replacedOlder: number
}

/**
 * The rows: the newest plan per (root, workspace), and every expected root that has no plan dir as failed, so a
 * matrix job that died before uploading is never silently dropped.
 */
export function mergeEntries(found: readonly RootEntry[], expected: readonly ExpectedRoot[] = []): MergedEntries {
  const byKey = new Map<string, RootEntry>()
  const unkeyed: RootEntry[] = []
  let replacedOlder = 0
  for (const entry of found) {
    if (entry.workspace === '') {
      unkeyed.push(entry)
      continue
    }
    const key = `${entry.root}\0${entry.workspace}`
    const other = byKey.get(key)
    if (other) replacedOlder++
    if (!other || (entry.createdAt ?? '') > (other.createdAt ?? '')) byKey.set(key, entry)
  }
  const entries = [...byKey.values(), ...unkeyed]
  for (const want of expected) {
    const planned = entries.some(
      e => e.root === want.root && (want.workspace === undefined || e.workspace === want.workspace)
    )
    if (!planned) {
      entries.push({
        root: want.root,
        workspace: want.workspace ?? 'default',
        status: 'failed',
        failure: 'no plan artifact (the plan job failed or was cancelled before uploading it)'
      })
    }
  }
  return { entries: sortEntries(entries), replacedOlder }
}

export interface RootCounts {
  roots: number
  withChanges: number
  failed: number
}

export function countRoots(entries: readonly RootEntry[]): RootCounts {
  return {
    roots: entries.length,
    withChanges: entries.filter(e => e.status === 'changes').length,
    failed: entries.filter(e => e.status === 'failed').length
  }
}
