// Job cancellation as one AbortSignal for the whole action: the runner's signal trap (terraform/runner.ts) calls
// cancel(); HTTP clients pass `cancelSignal` to every request, so a cancel during an API call or a download stops
// it at once instead of waiting for an answer that may never come.
import { UserError } from './errors.js'

const controller = new AbortController()

export const cancelSignal: AbortSignal = controller.signal

export class CancelReason extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`${signal} received`)
    this.name = 'CancelReason'
  }
}

/** Called once per signal by the runner's trap; later calls keep the first signal. */
export function cancel(signal: NodeJS.Signals): void {
  if (!controller.signal.aborted) controller.abort(new CancelReason(signal))
}

/** The signal that cancelled the job, if any. */
export function cancelledBy(): NodeJS.Signals | undefined {
  const reason = controller.signal.reason as unknown
  return controller.signal.aborted && reason instanceof CancelReason ? reason.signal : undefined
}

/** One line for a step stopped by a cancel while it waited for a server. */
export class CancelledWhileError extends UserError {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly activity: string
  ) {
    super(`cancelled: ${signal} received while ${activity}; stopped without waiting for an answer`)
    this.name = 'CancelledWhileError'
  }
}

/**
 * After run() returns nothing is left to do, but a retry or rate-limit timer inside an HTTP library may still be
 * pending after a cancel or a spent time budget; it must not hold the job. Exits with the code already set.
 */
export function exitSoonAfterRun(graceMs = 1000): void {
  setTimeout(() => process.exit(), graceMs).unref()
}
