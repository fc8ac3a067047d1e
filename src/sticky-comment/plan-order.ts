// Which of two plans is newer, independent of which run finishes first. Pure: no I/O.
//
// The key is (event time, run id, run attempt), compared in that order:
// - event time: when the event that started the run happened (pull_request.updated_at, which GitHub sets on
//   every push to the pull request; head_commit.timestamp for a push). A re-run keeps its original payload, so a
//   re-run of an old run stays older than the run for a later push, also after a force-push to an older commit.
// - run id: GitHub numbers workflow runs in creation order; it breaks ties between runs of one event (two
//   workflows, or events in the same second).
// - run attempt: a re-run of the same run is newer than its earlier attempts.
// Equal keys (a matrix that plans one root twice in the same run) are both "newest"; either plan may stay.
export interface PlanOrder {
  /** Seconds since the epoch; 0 when unknown. */
  eventTime: number
  runId: number
  runAttempt: number
}

/** A comment written before keys existed: older than any plan with a key. */
export const UNORDERED: PlanOrder = { eventTime: 0, runId: 0, runAttempt: 0 }

export const ORDER_PREFIX = '<!-- terraform-pr-gate-order: '

interface EventLike {
  pull_request?: { updated_at?: unknown }
  head_commit?: { timestamp?: unknown } | null
}

/** The key of this run, from the Actions environment and the event payload. */
export function planOrderOf(env: Record<string, string | undefined>, payload: unknown): PlanOrder {
  const event = (payload ?? {}) as EventLike
  const time = seconds(event.pull_request?.updated_at) || seconds(event.head_commit?.timestamp)
  return { eventTime: time, runId: count(env.GITHUB_RUN_ID), runAttempt: count(env.GITHUB_RUN_ATTEMPT) }
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareOrder(a: PlanOrder, b: PlanOrder): number {
  return a.eventTime - b.eventTime || a.runId - b.runId || a.runAttempt - b.runAttempt
}

export function formatOrderLine(order: PlanOrder): string {
  return `${ORDER_PREFIX}v1 t=${order.eventTime} run=${order.runId} attempt=${order.runAttempt} -->`
}

export function parseOrderLine(line: string): PlanOrder | undefined {
  const m = /^<!-- terraform-pr-gate-order: v1 t=(\d+) run=(\d+) attempt=(\d+) -->$/.exec(line)
  return m ? { eventTime: Number(m[1]), runId: Number(m[2]), runAttempt: Number(m[3]) } : undefined
}

export function describeOrder(order: PlanOrder): string {
  return `run ${order.runId}, attempt ${order.runAttempt}`
}

function seconds(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0
}

function count(value: string | undefined): number {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : 0
}
