// The one REST client of the action: @actions/github's Octokit with retries (5xx, network errors, timeouts),
// GitHub's rate-limit etiquette (throttling: writes spaced out, secondary limits waited out), a timeout on every
// request attempt and one AbortSignal (job cancelled, or the caller's time budget spent) that ends everything.
//
// Bounds: an attempt (connect, headers and the whole body) gets REQUEST_TIMEOUT_MS, then counts as a network
// error and is retried (RETRIES times, waits 1 s, 4 s); a rate-limit wait longer than the time left is not taken.
// When `signal` fires, the pending request is aborted and the call rejects at once with an AbortError (never
// retried); a retry wait still pending in the plugins fires later into an aborted signal and does nothing.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientLog {
  warning(message: string): void
  debug?(message: string): void
}

export interface GitHubClientOptions {
  /** REST base URL; default GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string
  log?: ClientLog
  /** Retries of a failed request (5xx, network, timeout) by the retry plugin; default RETRIES. */
  retries?: number
  /** Time for one attempt of a request, body included; default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number
  /** Aborts every request of this client: cancellation and the caller's overall deadline. */
  signal?: AbortSignal
  /** Base of the retry back-off in ms: waits are base * 1, 4, 9...; default 1000. Tests lower it. */
  retryBaseMs?: number
  /** Times a request is retried after a secondary rate limit (waiting `retry-after`); default 3. */
  secondaryRateLimitRetries?: number
  /**
   * Clients with the same id share the throttling queues (GitHub asks for one write per second per identity).
   * Default 'terraform-pr-gate'; tests that simulate separate runs give each run its own id.
   */
  throttleId?: string
}

export const REQUEST_TIMEOUT_MS = 10_000
export const RETRIES = 2

/** Creates the REST client. Primary rate limit: retried once after the reset; secondary: up to 3 times. */
export function createGitHubClient(token: string, opts: GitHubClientOptions = {}): GitHubClient {
  const log = opts.log ?? { warning: () => undefined }
  const secondaryRetries = opts.secondaryRateLimitRetries ?? 3
  const signal = opts.signal
  const timeoutMs = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const deadline = new Deadline(signal)
  const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const describe = (o: { method: string; url: string }): string => `${o.method} ${o.url}`
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      log: {
        debug: (m: string) => log.debug?.(m),
        info: (m: string) => log.debug?.(m),
        warn: (m: string) => log.warning(m),
        error: (m: string) => log.warning(m)
      },
      retry: { retries: opts.retries ?? RETRIES, retryAfterBaseValue: opts.retryBaseMs ?? 1000 },
      throttle: {
        id: opts.throttleId ?? 'terraform-pr-gate',
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          const again = count < 1 && deadline.allows(retryAfter)
          log.warning(
            `GitHub API rate limit reached on ${describe(options)}; ` +
              (again ? `retry ${count + 1} in ${retryAfter} s` : 'giving up')
          )
          return again
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number
        ) => {
          const again = count < secondaryRetries && deadline.allows(retryAfter)
          log.warning(
            `GitHub API secondary rate limit on ${describe(options)}; ` +
              (again ? `retry ${count + 1} of ${secondaryRetries} in ${retryAfter} s` : 'giving up')
          )
          return again
        }
      }
    },
    retry,
    throttling
  )
  // Registered last, so it wraps the plugins: it sees each call once, and its fetch runs for every attempt.
  octokit.hook.wrap('request', (request, options) => {
    const inner = options.request?.fetch ?? globalThis.fetch
    options.request = { ...options.request, fetch: timedFetch(inner, timeoutMs, signal) }
    return untilAborted(Promise.resolve(request(options)), signal)
  })
  return octokit
}

/** Rejects with an AbortError when the client's signal fires, whatever the plugins are still waiting for. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal))
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

type Fetch = typeof globalThis.fetch

/**
 * One attempt within `timeoutMs`, the whole body read inside it (a server that sends headers and then stalls is
 * a timeout too). A timeout is reported as an ordinary network error, which the retry plugin retries; the
 * client's own signal as an AbortError, which octokit and the retry plugin pass through untouched.
 */
function timedFetch(inner: Fetch, timeoutMs: number, signal: AbortSignal | undefined): Fetch {
  return async (url, init) => {
    if (signal?.aborted) throw abortError(signal)
    const attempt = new AbortController()
    const timer = setTimeout(() => attempt.abort(), timeoutMs)
    timer.unref()
    try {
      const res = await inner(url, {
        ...init,
        signal: signal ? AbortSignal.any([signal, attempt.signal]) : attempt.signal
      })
      const body = await res.arrayBuffer()
      const copy = new Response(NULL_BODY.has(res.status) ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: Array.from(res.headers.entries())
      })
      Object.defineProperty(copy, 'url', { value: res.url })
      return copy
    } catch (error) {
      if (signal?.aborted) throw abortError(signal)
      if (attempt.signal.aborted) throw new Error(`no answer from GitHub within ${timeoutMs / 1000} s`)
      throw error
    } finally {
      clearTimeout(timer)
    }
  }
}

const NULL_BODY = new Set([101, 204, 205, 304])

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason as unknown
  const error = new Error(reason instanceof Error ? reason.message : 'the request was aborted')
  error.name = 'AbortError'
  ;(error as Error & { cause?: unknown }).cause = reason
  return error
}

/** Whether a wait of `seconds` still ends before the signal's deadline (signals from deadlineSignal only). */
class Deadline {
  constructor(private readonly signal: AbortSignal | undefined) {}

  allows(seconds: number): boolean {
    const at = this.signal ? deadlines.get(this.signal) : undefined
    return at === undefined || Date.now() + seconds * 1000 < at
  }
}

const deadlines = new WeakMap<AbortSignal, number>()

/**
 * `cancel` (job cancellation) or `ms` elapsed, whichever comes first. The reason says which: a DeadlineError
 * when the time is up, cancel's own reason otherwise. Rate-limit waits beyond the deadline are not taken.
 */
export function deadlineSignal(ms: number, cancel?: AbortSignal): AbortSignal {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new DeadlineError(ms)), ms)
  timer.unref()
  const onCancel = (): void => {
    clearTimeout(timer)
    controller.abort(cancel!.reason)
  }
  if (cancel?.aborted) onCancel()
  else cancel?.addEventListener('abort', onCancel, { once: true })
  deadlines.set(controller.signal, Date.now() + ms)
  return controller.signal
}

export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`GitHub did not answer within ${ms / 1000} s`)
    this.name = 'DeadlineError'
  }
}
