// HTTP for the installer: one small interface (so tests and other callers can swap it), a retry wrapper with
// short, injectable backoff and a total time budget, and the conversion of failures into one-line UserErrors.
//
// Why not tc.downloadTool: its built-in retry sleeps 10-20 s between 3 fixed attempts and cannot be tuned without
// test-only globals. Why not HttpClient.get of @actions/http-client: it cannot be aborted (a cancelled job or a
// hung server would keep the process alive). Requests go through node:http with the proxy agent
// @actions/http-client builds from the runner's settings (https_proxy, no_proxy), an idle timeout and an
// AbortSignal; tool-cache stays for what it is good at: find, extractZip, cacheDir.
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { HttpClient as ActionsHttpClient } from '@actions/http-client'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { isDiskFault, UserError } from '../errors.js'

export interface RequestOptions {
  /** aborts the request (a cancelled job, or the total time budget) */
  signal?: AbortSignal
}

export interface HttpClient {
  /** GET the whole body; throws HttpStatusError for any status but 200 */
  getBuffer(url: string, options?: RequestOptions): Promise<Buffer>
  /** GET into `dest` (created or truncated); throws HttpStatusError for any status but 200 */
  downloadFile(url: string, dest: string, options?: RequestOptions): Promise<void>
}

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly url: string
  ) {
    super(`HTTP ${status} for ${withoutUserinfo(url)}`)
    this.name = 'HttpStatusError'
  }
}

/** The server closed the connection before the body was complete (a download cut in half). */
export class TruncatedBodyError extends Error {
  constructor(
    readonly received: number,
    readonly expected: number
  ) {
    super(`the connection closed after ${received} of ${expected} bytes`)
    this.name = 'TruncatedBodyError'
  }
}

export interface RetryOptions {
  /** total attempts, including the first */
  attempts: number
  /** delay before the 2nd attempt; doubles each time up to maxDelayMs */
  baseDelayMs: number
  maxDelayMs: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** one URL, all attempts and pauses included, gives up after this long; default DEFAULT_TOTAL_TIMEOUT_MS */
  totalTimeoutMs?: number
}

/** 4 attempts with 1 s, 2 s, 4 s pauses: rides out a brief CDN hiccup, gives up within ~7 s of waiting. */
export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 8000 }
/** An attempt that receives no byte for this long is abandoned (and retried). */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000
/** Every file (the ~30 MB zip included) has this long, all attempts and pauses included. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 5 * 60_000

/** A URL as it may be shown: user and password replaced by *** (main also registers them as secrets). */
export function withoutUserinfo(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@')
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** 5xx, 408, 429 and network errors are worth another try; 404 and friends, a full disk, a cancel are not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.status >= 500 || err.status === 408 || err.status === 429
  if (isDiskFault(err)) return false
  return !(err instanceof UserError) && !(err instanceof Cancelled)
}

/** The request was aborted by the caller's signal; `reason` is the signal's reason (e.g. 'SIGTERM'). */
class Cancelled extends Error {
  constructor(readonly reason: unknown) {
    super('aborted')
  }
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  onRetry?: (err: unknown, nextAttempt: number, delayMs: number) => void,
  signal?: AbortSignal
): Promise<T> {
  const sleep = options.sleep ?? abortableSleep
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (signal?.aborted) throw new Cancelled(signal.reason)
      if (n >= options.attempts || !isTransient(err)) throw err
      const delay = Math.min(options.baseDelayMs * 2 ** (n - 1), options.maxDelayMs)
      onRetry?.(err, n + 1, delay)
      try {
        await sleep(delay, signal)
      } catch {
        throw new Cancelled(signal?.reason)
      }
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof HttpStatusError) return `HTTP ${err.status}`
  // not `instanceof Error`: errors from node internals may come from another realm (jest's vm, for one)
  const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err)
  return withoutUserinfo(message.split('\n')[0] || 'unknown error')
}

/** Which input a failed download points at, and what it must be laid out like. */
export interface DownloadSource {
  input: string
  layout: string
}

const TERRAFORM_SOURCE: DownloadSource = {
  input: 'terraform-download-url',
  layout: 'a mirror of releases.hashicorp.com'
}

function advice(err: unknown, source: DownloadSource): string {
  if (err instanceof HttpStatusError) {
    if (err.status >= 500) return 'the server keeps failing, re-run the job later'
    if (err.status === 401 || err.status === 403) {
      return `check the credentials of ${source.input} (user:password@host) and that the mirror grants access`
    }
    return `check ${source.input} (${source.layout}) and terraform-version`
  }
  if (err instanceof TruncatedBodyError)
    return 'the server or a proxy keeps cutting the download short, re-run the job later'
  return `check ${source.input} and the runner's network or proxy settings`
}

/** Fetches with retry, a total time budget and cancellation, and turns the last failure into a one-line UserError. */
export class Downloader {
  constructor(
    private readonly http: HttpClient,
    private readonly retry: RetryOptions = DEFAULT_RETRY,
    private readonly log?: { debug?(m: string): void; info(m: string): void },
    private readonly cancel?: AbortSignal,
    private readonly source: DownloadSource = TERRAFORM_SOURCE
  ) {}

  async buffer(url: string): Promise<Buffer> {
    return this.run(url, signal => this.http.getBuffer(url, { signal }))
  }

  /** Like buffer(), but a 404 resolves to undefined (for optional files such as signatures). */
  async optionalBuffer(url: string): Promise<Buffer | undefined> {
    try {
      return await this.run(url, signal => this.http.getBuffer(url, { signal }), true)
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 404) return undefined
      throw err
    }
  }

  /** Disk faults (ENOSPC, EROFS, EACCES) writing `dest` are thrown as they are: the caller names the directory. */
  async file(url: string, dest: string): Promise<void> {
    await this.run(url, async signal => {
      try {
        await this.http.downloadFile(url, dest, { signal })
      } catch (err) {
        await rm(dest, { force: true })
        throw err
      }
    })
  }

  private async run<T>(url: string, attempt: (signal: AbortSignal) => Promise<T>, passNotFound = false): Promise<T> {
    const shown = withoutUserinfo(url)
    const totalMs = this.retry.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS
    const deadline = AbortSignal.timeout(totalMs)
    const signal = this.cancel ? AbortSignal.any([this.cancel, deadline]) : deadline
    let tries = 0
    try {
      return await withRetry(
        () => {
          tries++
          return attempt(signal)
        },
        this.retry,
        (err, next, delay) =>
          this.log?.info(
            `GET ${shown}: ${describe(err)}; retrying in ${delay} ms (attempt ${next}/${this.retry.attempts})`
          ),
        signal
      )
    } catch (err) {
      if (this.cancel?.aborted) {
        throw new UserError(
          `cancelled: ${String(this.cancel.reason)} received while downloading ${shown}; stopped, nothing was installed`
        )
      }
      const after = tries > 1 ? ` after ${tries} attempts` : ''
      if (deadline.aborted) {
        throw new UserError(
          `download of ${shown} timed out${after}: no complete answer within ${duration(totalMs)}; ${advice(err, this.source)}`
        )
      }
      if (passNotFound && err instanceof HttpStatusError && err.status === 404) throw err
      if (isDiskFault(err)) throw err
      throw new UserError(`download of ${shown} failed${after}: ${describe(err)}; ${advice(err, this.source)}`)
    }
  }
}

interface Response {
  message: http.IncomingMessage
  /** counts the body and fails with TruncatedBodyError when it ends short of content-length */
  body: Transform
}

/** The real client: proxy-aware (the runner's https_proxy/no_proxy), idle timeout, abortable, Basic auth from userinfo. */
export function createHttpClient(userAgent = 'terraform-pr-gate', idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS): HttpClient {
  const get = (url: string, signal: AbortSignal | undefined, redirects = 5): Promise<Response> =>
    new Promise((resolve, reject) => {
      const target = new URL(url)
      const headers: Record<string, string> = { 'user-agent': userAgent }
      if (target.username || target.password) {
        const user = decodeURIComponent(target.username)
        const password = decodeURIComponent(target.password)
        headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
        target.username = ''
        target.password = ''
      }
      const secure = target.protocol === 'https:'
      // a proxy when the runner configures one for this host; else a fresh agent without keep-alive
      const agent = getProxyUrl(target)
        ? new ActionsHttpClient(userAgent).getAgent(target.href)
        : new (secure ? https : http).Agent({ keepAlive: false })
      const req = (secure ? https : http).request(target, { method: 'GET', headers, agent, signal }, message => {
        // a body that is only drained (redirect, error status) can still be cut off: never an unhandled error
        message.on('error', () => undefined)
        const status = message.statusCode ?? 0
        const location = message.headers.location
        if ([301, 302, 303, 307, 308].includes(status) && location && redirects > 0) {
          message.resume()
          const next = new URL(location, target)
          // credentials go to the origin they were given for, never to another host
          if (next.origin === target.origin && headers.authorization) {
            next.username = new URL(url).username
            next.password = new URL(url).password
          }
          get(next.href, signal, redirects - 1).then(resolve, reject)
          return
        }
        if (status !== 200) {
          message.resume()
          reject(new HttpStatusError(status, url))
          return
        }
        const expected = Number(message.headers['content-length'] ?? NaN)
        let received = 0
        const body = new Transform({
          transform(chunk: Buffer, _enc, done) {
            received += chunk.length
            done(null, chunk)
          },
          flush(done) {
            done(Number.isFinite(expected) && received < expected ? new TruncatedBodyError(received, expected) : null)
          }
        })
        // node reports a body cut short as 'aborted' / ECONNRESET: say what it means instead
        message.on('error', err => {
          const cut = Number.isFinite(expected) && received < expected
          body.destroy(cut && !signal?.aborted ? new TruncatedBodyError(received, expected) : err)
        })
        message.pipe(body)
        resolve({ message, body })
      })
      req.setTimeout(idleTimeoutMs, () => {
        req.destroy(new Error(`no data for ${duration(idleTimeoutMs)}`))
      })
      req.on('error', reject)
      req.end()
    })

  return {
    async getBuffer(url, options = {}) {
      const { body } = await get(url, options.signal)
      const chunks: Buffer[] = []
      for await (const chunk of body) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    async downloadFile(url, dest, options = {}) {
      const { body } = await get(url, options.signal)
      await pipeline(body, createWriteStream(dest))
    }
  }
}
