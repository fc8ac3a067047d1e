// The one REST client of the action: @actions/github's Octokit with retries (5xx, network errors) and
// GitHub's rate-limit etiquette (throttling: writes spaced out, secondary limits waited out).
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
  /** Retries of a failed request (5xx, network) by the retry plugin; default 3. */
  retries?: number
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

/** Creates the REST client. Primary rate limit: retried once after the reset; secondary: up to 3 times. */
export function createGitHubClient(token: string, opts: GitHubClientOptions = {}): GitHubClient {
  const log = opts.log ?? { warning: () => undefined }
  const secondaryRetries = opts.secondaryRateLimitRetries ?? 3
  const baseUrl = (opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const describe = (o: { method: string; url: string }): string => `${o.method} ${o.url}`
  return getOctokit(
    token,
    {
      baseUrl,
      log: {
        debug: (m: string) => log.debug?.(m),
        info: (m: string) => log.debug?.(m),
        warn: (m: string) => log.warning(m),
        error: (m: string) => log.warning(m)
      },
      retry: { retries: opts.retries ?? 3, retryAfterBaseValue: opts.retryBaseMs ?? 1000 },
      throttle: {
        id: opts.throttleId ?? 'terraform-pr-gate',
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, count: number) => {
          log.warning(`GitHub API rate limit reached on ${describe(options)}; retry ${count + 1} in ${retryAfter} s`)
          return count < 1
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _o: unknown,
          count: number
        ) => {
          const again = count < secondaryRetries
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
}
