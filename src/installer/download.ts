// HTTP for the installer: one small interface (so tests and other callers can swap it), a retry wrapper with
// short, injectable backoff, and the conversion of failures into one-line UserErrors.
//
// Why not tc.downloadTool: its built-in retry sleeps 10-20 s between 3 fixed attempts and cannot be tuned without
// test-only globals. We use the same proxy-aware client it uses (@actions/http-client) with our own backoff, and
// keep tool-cache for what it is good at: find, extractZip, cacheDir.
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { HttpClient as ActionsHttpClient } from '@actions/http-client'
import { UserError } from '../errors.js'

export interface HttpClient {
  /** GET the whole body; throws HttpStatusError for any status but 200 */
  getBuffer(url: string): Promise<Buffer>
  /** GET into `dest` (created or truncated); throws HttpStatusError for any status but 200 */
  downloadFile(url: string, dest: string): Promise<void>
}

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string
  ) {
    super(`HTTP ${status} for ${url}`)
    this.name = 'HttpStatusError'
  }
}

export interface RetryOptions {
  /** total attempts, including the first */
  attempts: number
  /** delay before the 2nd attempt; doubles each time up to maxDelayMs */
  baseDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number) => Promise<void>
}

/** 4 attempts with 1 s, 2 s, 4 s pauses: rides out a brief CDN hiccup, gives up within ~7 s of waiting. */
export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 }

const sleepMs = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** 5xx, 408, 429 and network errors are worth another try; 404 and friends are not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.status >= 500 || err.status === 408 || err.status === 429
  return !(err instanceof UserError)
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  onRetry?: (err: unknown, nextAttempt: number, delayMs: number) => void
): Promise<T> {
  const sleep = options.sleep ?? sleepMs
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (n >= options.attempts || !isTransient(err)) throw err
      const delay = Math.min(options.baseDelayMs * 2 ** (n - 1), options.maxDelayMs)
      onRetry?.(err, n + 1, delay)
      await sleep(delay)
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof HttpStatusError) return `HTTP ${err.status}`
  // not `instanceof Error`: errors from node internals may come from another realm (jest's vm, for one)
  const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err)
  return message.split('\n')[0] || 'unknown error'
}

function advice(err: unknown): string {
  if (err instanceof HttpStatusError) {
    if (err.status >= 500) return 'the server keeps failing, re-run the job later'
    return 'check terraform-download-url (a mirror of releases.hashicorp.com) and terraform-version'
  }
  return "check terraform-download-url and the runner's network or proxy settings"
}

/** Fetches with retry and turns the last failure into a one-line UserError. */
export class Downloader {
  constructor(
    private readonly http: HttpClient,
    private readonly retry: RetryOptions = DEFAULT_RETRY,
    private readonly log?: { debug?(m: string): void; info(m: string): void }
  ) {}

  async buffer(url: string): Promise<Buffer> {
    return this.run(url, () => this.http.getBuffer(url))
  }

  /** Like buffer(), but a 404 resolves to undefined (for optional files such as signatures). */
  async optionalBuffer(url: string): Promise<Buffer | undefined> {
    try {
      return await this.run(url, () => this.http.getBuffer(url), true)
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 404) return undefined
      throw err
    }
  }

  async file(url: string, dest: string): Promise<void> {
    await this.run(url, async () => {
      try {
        await this.http.downloadFile(url, dest)
      } catch (err) {
        await rm(dest, { force: true })
        throw err
      }
    })
  }

  private async run<T>(url: string, attempt: () => Promise<T>, passNotFound = false): Promise<T> {
    let tries = 0
    try {
      return await withRetry(
        () => {
          tries++
          return attempt()
        },
        this.retry,
        (err, next, delay) =>
          this.log?.info(
            `GET ${url}: ${describe(err)}; retrying in ${delay} ms (attempt ${next}/${this.retry.attempts})`
          )
      )
    } catch (err) {
      if (passNotFound && err instanceof HttpStatusError && err.status === 404) throw err
      const after = tries > 1 ? ` after ${tries} attempts` : ''
      throw new UserError(`download of ${url} failed${after}: ${describe(err)}; ${advice(err)}`)
    }
  }
}

/** The real client: @actions/http-client honours the runner's proxy settings (https_proxy, no_proxy). */
export function createHttpClient(userAgent = 'terraform-pr-gate'): HttpClient {
  const client = new ActionsHttpClient(userAgent, [], { allowRetries: false, socketTimeout: 60_000 })
  return {
    async getBuffer(url) {
      const res = await client.get(url)
      if (res.message.statusCode !== 200) {
        res.message.resume()
        throw new HttpStatusError(res.message.statusCode ?? 0, url)
      }
      const chunks: Buffer[] = []
      for await (const chunk of res.message) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    async downloadFile(url, dest) {
      const res = await client.get(url)
      if (res.message.statusCode !== 200) {
        res.message.resume()
        throw new HttpStatusError(res.message.statusCode ?? 0, url)
      }
      await pipeline(res.message, createWriteStream(dest))
    }
  }
}
