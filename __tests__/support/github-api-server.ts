// A stand-in for api.github.com: a real HTTP server on 127.0.0.1 that the action reaches through GITHUB_API_URL.
//
// - It answers only routes that exist in GitHub's published OpenAPI description (@octokit/openapi,
//   api.github.com.json). Anything else is a 404 and an entry in `errors`, so a test can assert the code under
//   test never calls an invented endpoint. Documented but unimplemented operations answer 501 (also in `errors`);
//   add them per test with `route(operationId, handler)`.
// - Request bodies are checked against the operation's request body schema (422 like GitHub), and by default the
//   server checks its own 2xx JSON responses against the documented response schema (mismatches go to `errors`).
// - Responses start from the examples in the description and are overridden with the in-memory state, so they have
//   every field GitHub documents (id, node_id, html_url, user, created_at, ...).
// - Implemented: issue comments (list with GitHub's pagination and Link header, create, get, update, delete),
//   issues and labels (list with filters, create, get, update/close; label get/create; see the block at the end),
//   GET /repos/{owner}/{repo} (with `permissions` per token), GET /repos/{owner}/{repo}/pulls/{pull_number},
//   GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls, GET /user (403 for installation tokens, as on GitHub),
//   commit statuses (create; list and combined status for a commit SHA, see COMMIT_STATUS_HANDLERS).
// - Auth is `Authorization: token X` or `Bearer X`; each token has an access level, and a read-only token gets
//   403 "Resource not accessible by integration" on every write.
// - Faults can be queued for the next N matching requests (`injectFault`), and every request is recorded
//   (`requests`) with its operationId and status.
//
// Usage:
//   const api = await startGitHubApiServer()
//   process.env.GITHUB_API_URL = api.url
//   api.addComments('Codertocat', 'Hello-World', 2, 250)
//   api.injectFault({ operationId: 'issues/create-comment' }, { status: 502, afterApply: true })
//   ... run the code under test with token TEST_TOKENS.write ...
//   expect(api.errors).toEqual([])
//   await api.close()
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadGitHubOpenApi, type OpenApiDescription, type OpenApiOperation } from './openapi-description.js'

/** Tokens known to the default server. */
export const TEST_TOKENS = {
  /** An installation token (like GITHUB_TOKEN) that can write issues and pull requests. */
  write: 'ghs_testWriteToken0000000000000000000000',
  /** An installation token with read-only access, like GITHUB_TOKEN on a pull request from a fork. */
  readOnly: 'ghs_testReadOnlyToken000000000000000000',
  /** A personal access token of a human user with write access. */
  user: 'ghp_testUserToken00000000000000000000000'
} as const

export type Access = 'read' | 'write' | 'admin'

export interface ApiToken {
  token: string
  /** Login of the identity behind the token; comments it creates are authored by it. */
  login: string
  kind: 'installation' | 'user'
  access: Access
}

export interface GitHubApiServerOptions {
  /** Known tokens; default: the three TEST_TOKENS (github-actions[bot] write and read-only, octocat write). */
  tokens?: ApiToken[]
  /** Repositories that exist, as "owner/name"; default: those of the webhook examples. */
  repos?: string[]
  /** Base of html_url fields; default https://github.com. */
  serverUrl?: string
  /** Check 2xx responses against the documented schema and report mismatches in `errors`; default true. */
  validateResponses?: boolean
  /** Where errors (undocumented routes, schema mismatches) are printed; default console.error. */
  log?: (line: string) => void
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. /repos/o/r/issues/1/comments. */
  path: string
  query: Record<string, string>
  /** The documented operation, e.g. issues/list-comments; undefined for undocumented routes. */
  operationId?: string
  status: number
  /** The parsed JSON request body, if any. */
  body?: unknown
  /** The name of the injected fault that produced this response, if any. */
  fault?: string
  token?: string
}

export interface FaultMatch {
  method?: string
  /** Matches the path without the query string. */
  path?: string | RegExp
  operationId?: string
  /** Matches the raw request body, e.g. to pick one of several concurrent clients by what it writes. */
  body?: RegExp
}

/**
 * What to answer instead of the normal response.
 * - a number: that status with a GitHub-like error body (500, 502, 503, 404, ...)
 * - 'secondary-rate-limit': 403 with `retry-after: 1` and GitHub's "You have exceeded a secondary rate limit"
 * - 'primary-rate-limit': 403 with `x-ratelimit-remaining: 0` and a reset one second ahead
 * - an object: full control; `afterApply: true` performs the request (state changes) and then answers with the
 *   fault, like a 502 from a proxy after GitHub has already created the comment.
 * - { before }: no fault in the answer; `before(state)` runs just before the request is handled, e.g. to delete
 *   a comment between the client listing it and updating it (a race with a human).
 * - 'hang': the request is read and never answered (a proxy or GitHub that accepted the connection and stalled);
 *   the connection stays open until the client gives up or the server closes.
 * - { delayMs }: handled normally, but only after `delayMs` (the state is read or changed when the delay ends).
 * - { barrier: n }: the first n matching requests are held until all n have arrived, then handled together, so n
 *   concurrent clients read the same state (e.g. all list the comments before any of them writes). Inject it with
 *   times = n. Held requests are released after `barrierTimeoutMs` (default 20 s) anyway, and that is an error.
 */
export type FaultSpec =
  | number
  | 'secondary-rate-limit'
  | 'primary-rate-limit'
  | 'hang'
  | { status: number; message?: string; headers?: Record<string, string>; afterApply?: boolean }
  | { before: (state: GitHubApiState) => void }
  | { delayMs: number }
  | { barrier: number; barrierTimeoutMs?: number }

interface QueuedFault {
  match: FaultMatch
  response: FaultResponse
  remaining: number
}

interface FaultResponse {
  name: string
  status: number
  body: unknown
  headers: Record<string, string>
  afterApply: boolean
  before?: (state: GitHubApiState) => void
  /** Never answer. */
  hang?: boolean
  /** Wait for this before handling the request normally (delay, barrier). */
  hold?: () => Promise<void>
}

export interface StoredUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}

export interface StoredComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: StoredUser
  createdAt: string
  updatedAt: string
}

/** A commit status (repos/create-commit-status). */
export interface StoredStatus {
  id: number
  owner: string
  repo: string
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context: string
  description: string | null
  targetUrl: string | null
  creator: StoredUser
  createdAt: string
}

export interface StoredRepo {
  id: number
  owner: string
  name: string
  private: boolean
  defaultBranch: string
}

export interface StoredPullRequest {
  owner: string
  repo: string
  number: number
  headSha: string
  headRef: string
  baseRef: string
  /** "owner/name" of the head repository; differs from the base for a fork. */
  headRepoFullName: string
  /** The merge commit (test merge commit while open, the real one once merged). */
  mergeCommitSha?: string
  state: 'open' | 'closed'
  draft: boolean
  title: string
}

/** The server's in-memory data. Tests may read and change it directly (it is the "GitHub side" of the world). */
export class GitHubApiState {
  readonly repos = new Map<string, StoredRepo>()
  readonly comments = new Map<number, StoredComment>()
  readonly pulls = new Map<string, StoredPullRequest>()
  private nextId = 1_000_000_001
  private clock = Date.parse('2026-01-01T00:00:00Z')

  addRepo(fullName: string, opts: Partial<Pick<StoredRepo, 'private' | 'defaultBranch'>> = {}): StoredRepo {
    const [owner, name] = fullName.split('/')
    const repo: StoredRepo = {
      id: this.id(),
      owner,
      name,
      private: opts.private ?? false,
      defaultBranch: opts.defaultBranch ?? 'main'
    }
    this.repos.set(fullName.toLowerCase(), repo)
    return repo
  }

  repo(owner: string, name: string): StoredRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase())
  }

  addPullRequest(
    owner: string,
    repo: string,
    number: number,
    opts: Partial<Omit<StoredPullRequest, 'owner' | 'repo' | 'number'>> = {}
  ): StoredPullRequest {
    const pull: StoredPullRequest = {
      owner,
      repo,
      number,
      headSha: opts.headSha ?? 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headRef: opts.headRef ?? 'changes',
      baseRef: opts.baseRef ?? 'main',
      headRepoFullName: opts.headRepoFullName ?? `${owner}/${repo}`,
      state: opts.state ?? 'open',
      draft: opts.draft ?? false,
      title: opts.title ?? 'Update the infrastructure',
      ...(opts.mergeCommitSha ? { mergeCommitSha: opts.mergeCommitSha } : {})
    }
    this.pulls.set(`${owner}/${repo}#${number}`.toLowerCase(), pull)
    return pull
  }

  /**
   * Registers the pull request of a pull_request / pull_request_target payload (e.g. from github-event.ts), and its
   * base repository if missing, so GET .../pulls/{n} and comment html_urls match the event.
   */
  addPullRequestFromEvent(payload: Record<string, unknown>): StoredPullRequest | undefined {
    const pr = payload.pull_request as
      | {
          number: number
          title?: string
          state?: 'open' | 'closed'
          draft?: boolean
          merge_commit_sha?: string | null
          head: { sha: string; ref: string; repo: { full_name: string } | null }
          base: { ref: string; repo: { full_name: string } }
        }
      | undefined
    if (!pr) return undefined
    const [owner, repo] = pr.base.repo.full_name.split('/')
    if (!this.repo(owner, repo)) this.addRepo(pr.base.repo.full_name)
    return this.addPullRequest(owner, repo, pr.number, {
      headSha: pr.head.sha,
      headRef: pr.head.ref,
      baseRef: pr.base.ref,
      headRepoFullName: pr.head.repo?.full_name ?? 'ghost/deleted-fork',
      state: pr.state ?? 'open',
      draft: pr.draft ?? false,
      title: pr.title ?? 'Update the infrastructure',
      ...(pr.merge_commit_sha ? { mergeCommitSha: pr.merge_commit_sha } : {})
    })
  }

  pull(owner: string, repo: string, number: number): StoredPullRequest | undefined {
    return this.pulls.get(`${owner}/${repo}#${number}`.toLowerCase())
  }

  /** Comments on one issue or pull request, oldest first (GitHub's order). */
  listComments(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return [...this.comments.values()]
      .filter(c => sameRepo(c, owner, repo) && c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id)
  }

  addComment(owner: string, repo: string, issueNumber: number, body: string, user: StoredUser): StoredComment {
    const now = this.tick()
    const comment: StoredComment = {
      id: this.id(),
      owner,
      repo,
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now
    }
    this.comments.set(comment.id, comment)
    return comment
  }

  updateComment(id: number, body: string): StoredComment | undefined {
    const comment = this.comments.get(id)
    if (comment) {
      comment.body = body
      comment.updatedAt = this.tick()
    }
    return comment
  }

  deleteComment(id: number): boolean {
    return this.comments.delete(id)
  }

  // --- commit statuses ---------------------------------------------------------------------------------------

  readonly statuses: StoredStatus[] = []

  addStatus(status: Omit<StoredStatus, 'id' | 'createdAt'>): StoredStatus {
    const stored: StoredStatus = { ...status, id: this.id(), createdAt: this.tick() }
    this.statuses.push(stored)
    return stored
  }

  /** Statuses of one commit, newest first (GitHub's order). */
  statusesFor(owner: string, repo: string, sha: string): StoredStatus[] {
    return this.statuses.filter(s => sameRepo(s, owner, repo) && s.sha === sha).reverse()
  }

  /** The newest status per context of one commit. */
  latestStatuses(owner: string, repo: string, sha: string): StoredStatus[] {
    const latest = new Map<string, StoredStatus>()
    for (const s of this.statusesFor(owner, repo, sha)) if (!latest.has(s.context)) latest.set(s.context, s)
    return [...latest.values()]
  }

  // -------------------------------------------------------------------------------------------------------------

  /** A fresh id; ids grow like GitHub's, so sorting by id is sorting by creation. */
  id(): number {
    return this.nextId++
  }

  /** A timestamp one second after the previous one, in GitHub's format (no milliseconds). */
  tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
}

export interface HandlerContext {
  operation: OpenApiOperation
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  token: ApiToken
  state: GitHubApiState
  /** The server's own base URL (http://127.0.0.1:PORT). */
  apiUrl: string
  serverUrl: string
  openapi: OpenApiDescription
  method: string
  path: string
}

export interface HandlerResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => HandlerResponse | Promise<HandlerResponse>

export interface GitHubApiServer {
  /** Base URL for GITHUB_API_URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string
  state: GitHubApiState
  /** Every request in arrival order. */
  requests: RecordedRequest[]
  /** Undocumented routes, unimplemented operations, responses that do not match the schema. */
  errors: string[]
  /** Answer the next `times` requests matching `match` with `fault` instead. */
  injectFault(match: FaultMatch, fault: FaultSpec, times?: number): void
  /** Faults still queued (a test can check they were all consumed). */
  pendingFaults(): number
  /** Requests held by a 'hang' fault (never answered), in arrival order. */
  hung: RecordedRequest[]
  /** Drops every queued fault (faults already holding a request are not affected). */
  clearFaults(): void
  /** Adds `n` comments by another user (octocat) to an issue; returns them. */
  addComments(
    owner: string,
    repo: string,
    issueNumber: number,
    n: number,
    bodyFn?: (i: number) => string
  ): StoredComment[]
  /** Implements (or overrides) a documented operation for this server instance. */
  route(operationId: string, handler: Handler): void
  /** Requests recorded since `mark` (an index taken from `requests.length`). */
  since(mark: number): RecordedRequest[]
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'

const DEFAULT_TOKENS: ApiToken[] = [
  { token: TEST_TOKENS.write, login: 'github-actions[bot]', kind: 'installation', access: 'write' },
  { token: TEST_TOKENS.readOnly, login: 'github-actions[bot]', kind: 'installation', access: 'read' },
  { token: TEST_TOKENS.user, login: 'octocat', kind: 'user', access: 'write' }
]

// The repositories used by @octokit/webhooks-examples, so event payloads and the server agree.
const DEFAULT_REPOS = ['Codertocat/Hello-World', 'octo-org/octo-repo', 'octocat/Hello-World']

const KNOWN_USERS: Record<string, StoredUser> = {
  'github-actions[bot]': { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
  octocat: { login: 'octocat', id: 583231, type: 'User' },
  Codertocat: { login: 'Codertocat', id: 21031067, type: 'User' }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startGitHubApiServer(opts: GitHubApiServerOptions = {}): Promise<GitHubApiServer> {
  const openapi = loadGitHubOpenApi()
  const state = new GitHubApiState()
  for (const repo of opts.repos ?? DEFAULT_REPOS) state.addRepo(repo)
  const tokens = new Map((opts.tokens ?? DEFAULT_TOKENS).map(t => [t.token, t]))
  const serverUrl = (opts.serverUrl ?? 'https://github.com').replace(/\/$/, '')
  const validateResponses = opts.validateResponses ?? true
  const log = opts.log ?? ((line: string) => console.error(line))
  const requests: RecordedRequest[] = []
  const errors: string[] = []
  const faults: QueuedFault[] = []
  const handlers = new Map<string, Handler>(
    Object.entries({ ...BUILTIN_HANDLERS, ...COMMIT_STATUS_HANDLERS, ...ISSUE_HANDLERS })
  )
  const remaining = new Map<string, number>()
  const hung: RecordedRequest[] = []
  let apiUrl = ''

  const reportError = (line: string): void => {
    errors.push(line)
    log(`[github-api-server] ${line}`)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(err => {
      reportError(`internal error: ${(err as Error).stack ?? String(err)}`)
      if (!res.headersSent) send(res, 500, { message: 'Server Error' }, {})
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', apiUrl)
    const path = url.pathname
    const record: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams), status: 0 }
    requests.push(record)
    const raw = await readBody(req)
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status
      send(res, status, body, { ...rateHeaders(record.token), ...headers })
    }

    const match = openapi.match(method, path)
    if (!match) {
      reportError(`undocumented route: ${method} ${path} (not in GitHub's OpenAPI description)`)
      respond(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      return
    }
    const { operation, params } = match
    record.operationId = operation.operationId

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!auth) {
      respond(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' })
      return
    }
    const token = tokens.get(auth[1])
    record.token = auth[1]
    if (!token) {
      respond(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' })
      return
    }

    let fault = takeFault(faults, method, path, operation.operationId, raw)
    if (fault?.hang) {
      record.fault = fault.name
      hung.push(record)
      return
    }
    if (fault?.hold) {
      record.fault = fault.name
      await fault.hold()
      fault = undefined
    }
    if (fault?.before) {
      record.fault = fault.name
      fault.before(state)
      fault = undefined
    }
    if (fault && !fault.afterApply) {
      record.fault = fault.name
      respond(fault.status, fault.body, fault.headers)
      return
    }

    let body: unknown
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
        record.body = body
      } catch {
        respond(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' })
        return
      }
    }
    if (operation.requestBodySchema) {
      if (body === undefined && operation.requestBodyRequired) {
        respond(422, {
          message: 'Invalid request.\n\nNo request body was supplied.',
          documentation_url: DOCS,
          status: '422'
        })
        return
      }
      const problems = body === undefined ? [] : openapi.validate(body, operation.requestBodySchema)
      if (problems.length > 0) {
        const detail = problems.map(p => `For '${p.path}', ${p.message}.`).join('\n')
        respond(422, { message: `Invalid request.\n\n${detail}`, documentation_url: DOCS, status: '422' })
        return
      }
    }

    const handler = handlers.get(operation.operationId)
    if (!handler) {
      reportError(`not implemented by the stand-in: ${method} ${path} (${operation.operationId}); add it with route()`)
      respond(501, { message: `The test server does not implement ${operation.operationId}`, status: '501' })
      return
    }

    let result: HandlerResponse
    try {
      if (method !== 'GET' && method !== 'HEAD' && token.access === 'read') {
        throw new ApiError(403, 'Resource not accessible by integration')
      }
      const ctx: HandlerContext = {
        operation,
        params,
        query: url.searchParams,
        body,
        token,
        state,
        apiUrl,
        serverUrl,
        openapi,
        method,
        path
      }
      result = await handler(ctx)
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      const docs = `${DOCS}/${operation.operationId}`
      respond(
        err.status,
        { message: err.message, documentation_url: docs, status: String(err.status), ...err.extra },
        err.headers
      )
      return
    }

    if (fault) {
      record.fault = fault.name
      respond(fault.status, fault.body, fault.headers)
      return
    }
    if (validateResponses && result.status < 300 && result.body !== undefined) {
      const schema = operation.responseSchemas[String(result.status)]
      const problems = schema ? openapi.validate(result.body, schema) : []
      for (const p of problems.slice(0, 5)) {
        reportError(`response of ${operation.operationId} does not match its schema: ${p.path}: ${p.message}`)
      }
    }
    respond(result.status, result.body, result.headers)
  }

  function rateHeaders(token: string | undefined): Record<string, string> {
    const key = token ?? ''
    const left = Math.max(0, (remaining.get(key) ?? 5000) - 1)
    remaining.set(key, left)
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(left),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': String(5000 - left),
      'x-ratelimit-resource': 'core'
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: apiUrl,
    state,
    requests,
    errors,
    injectFault(match, fault, times = 1) {
      faults.push({ match, response: faultResponse(fault, reportError), remaining: times })
    },
    hung,
    clearFaults: () => void faults.splice(0),
    pendingFaults: () => faults.reduce((n, f) => n + f.remaining, 0),
    addComments(owner, repo, issueNumber, n, bodyFn = i => `Comment ${i + 1} from a reviewer`) {
      const user = KNOWN_USERS.octocat
      return Array.from({ length: n }, (_, i) => state.addComment(owner, repo, issueNumber, bodyFn(i), user))
    },
    route(operationId, handler) {
      if (!openapi.operation(operationId)) throw new Error(`${operationId} is not in GitHub's OpenAPI description`)
      handlers.set(operationId, handler)
    },
    since: mark => requests.slice(mark),
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const payload = body === undefined || status === 204 ? '' : JSON.stringify(body)
  res.writeHead(status, {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': randomUUID().slice(0, 23).toUpperCase(),
    ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...headers
  })
  res.end(payload)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function takeFault(
  faults: QueuedFault[],
  method: string,
  path: string,
  operationId: string,
  raw: string
): FaultResponse | undefined {
  const fault = faults.find(f => f.remaining > 0 && faultMatches(f.match, method, path, operationId, raw))
  if (!fault) return undefined
  fault.remaining--
  if (fault.remaining === 0) faults.splice(faults.indexOf(fault), 1)
  return fault.response
}

function faultMatches(match: FaultMatch, method: string, path: string, operationId: string, raw: string): boolean {
  if (match.body && !match.body.test(raw)) return false
  if (match.method && match.method.toUpperCase() !== method) return false
  if (match.operationId && match.operationId !== operationId) return false
  if (typeof match.path === 'string' && match.path !== path) return false
  if (match.path instanceof RegExp && !match.path.test(path)) return false
  return true
}

function faultResponse(fault: FaultSpec, reportError: (line: string) => void): FaultResponse {
  const none = { status: 0, body: undefined, headers: {}, afterApply: false }
  if (fault === 'hang') return { ...none, name: 'hang', hang: true }
  if (typeof fault === 'object' && 'delayMs' in fault) {
    const ms = fault.delayMs
    return { ...none, name: `delay ${ms} ms`, hold: () => new Promise(resolve => setTimeout(resolve, ms)) }
  }
  if (typeof fault === 'object' && 'barrier' in fault) {
    const n = fault.barrier
    const waiting: Array<() => void> = []
    let timer: NodeJS.Timeout | undefined
    const releaseAll = (): void => {
      clearTimeout(timer)
      for (const release of waiting.splice(0)) release()
    }
    return {
      ...none,
      name: `barrier ${n}`,
      hold: () =>
        new Promise<void>(resolve => {
          waiting.push(resolve)
          if (waiting.length >= n) return releaseAll()
          timer ??= setTimeout(() => {
            reportError(`barrier of ${n} released after a timeout with ${waiting.length} requests`)
            releaseAll()
          }, fault.barrierTimeoutMs ?? 20_000)
        })
    }
  }
  if (fault === 'secondary-rate-limit') {
    return {
      name: fault,
      status: 403,
      headers: { 'retry-after': '1' },
      afterApply: false,
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach ' +
          'out to GitHub Support for help, please include the request ID 0000:0000:000000:000000:00000000.',
        documentation_url:
          'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: '403'
      }
    }
  }
  if (fault === 'primary-rate-limit') {
    return {
      name: fault,
      status: 403,
      afterApply: false,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1)
      },
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        status: '403'
      }
    }
  }
  if (typeof fault === 'object' && 'before' in fault) {
    return { name: 'before', status: 0, body: undefined, headers: {}, afterApply: false, before: fault.before }
  }
  const spec = typeof fault === 'number' ? { status: fault } : fault
  const messages: Record<number, string> = {
    404: 'Not Found',
    500: 'Server Error',
    502: 'Server Error',
    503: 'Service Unavailable'
  }
  return {
    name: `${spec.status}${'afterApply' in spec && spec.afterApply ? ' after apply' : ''}`,
    status: spec.status,
    afterApply: 'afterApply' in spec ? spec.afterApply === true : false,
    headers: 'headers' in spec && spec.headers ? spec.headers : {},
    body: {
      message: ('message' in spec && spec.message) || messages[spec.status] || 'Error',
      documentation_url: DOCS,
      status: String(spec.status)
    }
  }
}

function sameRepo(x: { owner: string; repo: string }, owner: string, repo: string): boolean {
  return x.owner.toLowerCase() === owner.toLowerCase() && x.repo.toLowerCase() === repo.toLowerCase()
}

function userFor(token: ApiToken): StoredUser {
  return KNOWN_USERS[token.login] ?? { login: token.login, id: 7_000_000 + token.login.length, type: 'User' }
}

// --- rendering stored objects in GitHub's shapes -------------------------------------------------------------

function simpleUser(user: StoredUser, apiUrl: string, serverUrl: string): Record<string, unknown> {
  const u = `${apiUrl}/users/${encodeURIComponent(user.login)}`
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url:
      user.type === 'Bot' ? `${serverUrl}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${serverUrl}/${user.login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

function commentJson(ctx: HandlerContext, c: StoredComment): Record<string, unknown> {
  const base = `${ctx.apiUrl}/repos/${c.owner}/${c.repo}`
  const kind = ctx.state.pull(c.owner, c.repo, c.issueNumber) ? 'pull' : 'issues'
  const reactions = `${base}/issues/comments/${c.id}/reactions`
  return {
    id: c.id,
    node_id: `IC_kwDO${Buffer.from(String(c.id)).toString('base64').replace(/=+$/, '')}`,
    url: `${base}/issues/comments/${c.id}`,
    html_url: `${ctx.serverUrl}/${c.owner}/${c.repo}/${kind}/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(c.user, ctx.apiUrl, ctx.serverUrl),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${base}/issues/${c.issueNumber}`,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'COLLABORATOR',
    performed_via_github_app: null,
    reactions: {
      url: reactions,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0
    }
  }
}

function requireRepo(ctx: HandlerContext): StoredRepo {
  const repo = ctx.state.repo(ctx.params.owner, ctx.params.repo)
  if (!repo) throw new ApiError(404, 'Not Found')
  return repo
}

function requireComment(ctx: HandlerContext): StoredComment {
  requireRepo(ctx)
  const comment = ctx.state.comments.get(Number(ctx.params.comment_id))
  if (!comment || !sameRepo(comment, ctx.params.owner, ctx.params.repo)) throw new ApiError(404, 'Not Found')
  return comment
}

function integerParam(ctx: HandlerContext, name: string): number {
  const value = Number(ctx.params[name])
  if (!Number.isInteger(value) || value < 1) throw new ApiError(404, 'Not Found')
  return value
}

// GitHub rejects comment bodies above 65,536 characters.
function checkCommentBody(body: string): void {
  if ([...body].length > 65536) {
    throw new ApiError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)'
        }
      ]
    })
  }
}

/**
 * GitHub's pagination: per_page default 30, max 100; Link with rel prev, next, last, first (in that order), omitted
 * when everything fits on one page. GitHub links some lists through /repositories/{id}/...; the stand-in links the
 * requested path with the same query (only `page` changed), which clients that follow Link treat the same.
 */
export function paginate<T>(
  items: T[],
  query: URLSearchParams,
  selfUrl: string
): { page: T[]; link: string | undefined } {
  const perPageRaw = Number.parseInt(query.get('per_page') ?? '', 10)
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30
  const pageRaw = Number.parseInt(query.get('page') ?? '', 10)
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  const urlFor = (n: number): string => {
    const q = new URLSearchParams(query)
    q.set('page', String(n))
    return `<${selfUrl}?${q.toString()}>`
  }
  const parts: string[] = []
  if (page > 1) parts.push(`${urlFor(Math.min(page - 1, last))}; rel="prev"`)
  if (page < last) parts.push(`${urlFor(page + 1)}; rel="next"`, `${urlFor(last)}; rel="last"`)
  if (page > 1) parts.push(`${urlFor(1)}; rel="first"`)
  return { page: slice, link: parts.length > 0 ? parts.join(', ') : undefined }
}

function pullJson(ctx: HandlerContext, pull: StoredPullRequest, template: unknown): Record<string, unknown> {
  const example = structuredClone(template) as Record<string, unknown>
  const head = example.head as Record<string, unknown>
  const base = example.base as Record<string, unknown>
  const [headOwner, headName] = pull.headRepoFullName.split('/')
  const repoJson = (owner: string, name: string, repoTemplate: unknown, fork: boolean): Record<string, unknown> => ({
    ...(repoTemplate as Record<string, unknown>),
    name,
    full_name: `${owner}/${name}`,
    fork,
    html_url: `${ctx.serverUrl}/${owner}/${name}`,
    url: `${ctx.apiUrl}/repos/${owner}/${name}`
  })
  const fork = pull.headRepoFullName.toLowerCase() !== `${pull.owner}/${pull.repo}`.toLowerCase()
  return {
    ...example,
    id: pull.number + 10_000_000,
    number: pull.number,
    title: pull.title,
    state: pull.state,
    draft: pull.draft,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    requested_reviewers: [],
    requested_teams: [],
    url: `${ctx.apiUrl}/repos/${pull.owner}/${pull.repo}/pulls/${pull.number}`,
    html_url: `${ctx.serverUrl}/${pull.owner}/${pull.repo}/pull/${pull.number}`,
    head: {
      ...head,
      sha: pull.headSha,
      ref: pull.headRef,
      label: `${headOwner}:${pull.headRef}`,
      repo: repoJson(headOwner, headName, head.repo, fork)
    },
    base: {
      ...base,
      ref: pull.baseRef,
      label: `${pull.owner}:${pull.baseRef}`,
      repo: repoJson(pull.owner, pull.repo, base.repo, false)
    }
  }
}

const BUILTIN_HANDLERS: Record<string, Handler> = {
  'issues/list-comments': ctx => {
    requireRepo(ctx)
    const issue = integerParam(ctx, 'issue_number')
    const since = ctx.query.get('since')
    let comments = ctx.state.listComments(ctx.params.owner, ctx.params.repo, issue)
    if (since) comments = comments.filter(c => c.updatedAt >= since)
    const { page, link } = paginate(comments, ctx.query, `${ctx.apiUrl}${ctx.path}`)
    const headers: Record<string, string> = link ? { link } : {}
    return { status: 200, body: page.map(c => commentJson(ctx, c)), headers }
  },
  'issues/create-comment': ctx => {
    requireRepo(ctx)
    const issue = integerParam(ctx, 'issue_number')
    const body = (ctx.body as { body: string }).body
    checkCommentBody(body)
    const comment = ctx.state.addComment(ctx.params.owner, ctx.params.repo, issue, body, userFor(ctx.token))
    const json = commentJson(ctx, comment)
    return { status: 201, body: json, headers: { location: String(json.url) } }
  },
  'issues/get-comment': ctx => ({ status: 200, body: commentJson(ctx, requireComment(ctx)) }),
  'issues/update-comment': ctx => {
    const comment = requireComment(ctx)
    const body = (ctx.body as { body: string }).body
    checkCommentBody(body)
    ctx.state.updateComment(comment.id, body)
    return { status: 200, body: commentJson(ctx, comment) }
  },
  'issues/delete-comment': ctx => {
    ctx.state.deleteComment(requireComment(ctx).id)
    return { status: 204 }
  },
  'repos/get': ctx => {
    const repo = requireRepo(ctx)
    // GitHub's example is a fork with an incomplete `source`; this repository is not a fork.
    const {
      source: _source,
      parent: _parent,
      ...example
    } = structuredClone(ctx.operation.responseExamples['200']) as Record<string, unknown>
    const owner = KNOWN_USERS[repo.owner] ?? { login: repo.owner, id: 9_000_000 + (repo.id % 1000), type: 'User' }
    const access = ctx.token.access
    return {
      status: 200,
      body: {
        ...example,
        id: repo.id,
        node_id: `R_kgDO${Buffer.from(String(repo.id)).toString('base64').replace(/=+$/, '')}`,
        name: repo.name,
        full_name: `${repo.owner}/${repo.name}`,
        owner: simpleUser(owner, ctx.apiUrl, ctx.serverUrl),
        private: repo.private,
        visibility: repo.private ? 'private' : 'public',
        html_url: `${ctx.serverUrl}/${repo.owner}/${repo.name}`,
        url: `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`,
        default_branch: repo.defaultBranch,
        language: 'HCL',
        fork: false,
        permissions: {
          admin: access === 'admin',
          maintain: access === 'admin',
          push: access !== 'read',
          triage: access !== 'read',
          pull: true
        }
      }
    }
  },
  'pulls/get': ctx => {
    requireRepo(ctx)
    const pull = ctx.state.pull(ctx.params.owner, ctx.params.repo, integerParam(ctx, 'pull_number'))
    if (!pull) throw new ApiError(404, 'Not Found')
    return { status: 200, body: pullJson(ctx, pull, ctx.operation.responseExamples['200']) }
  },
  // Open PRs whose head is the commit, and PRs merged with it as merge commit (what apply-after-merge looks up).
  'repos/list-pull-requests-associated-with-commit': ctx => {
    requireRepo(ctx)
    const sha = ctx.params.commit_sha
    const pulls = [...ctx.state.pulls.values()]
      .filter(p => sameRepo(p, ctx.params.owner, ctx.params.repo))
      .filter(p => p.headSha === sha || p.mergeCommitSha === sha)
      .sort((a, b) => a.number - b.number)
    const template = (ctx.operation.responseExamples['200'] as unknown[])[0]
    const { page, link } = paginate(pulls, ctx.query, `${ctx.apiUrl}${ctx.path}`)
    const headers: Record<string, string> = link ? { link } : {}
    return { status: 200, body: page.map(p => pullJson(ctx, p, template)), headers }
  },
  'users/get-authenticated': ctx => {
    if (ctx.token.kind === 'installation') throw new ApiError(403, 'Resource not accessible by integration')
    const example = structuredClone(ctx.operation.responseExamples['200']) as Record<string, unknown>
    return { status: 200, body: { ...example, ...simpleUser(userFor(ctx.token), ctx.apiUrl, ctx.serverUrl) } }
  }
}

// --- commit statuses -------------------------------------------------------------------------------------------
// POST /repos/{owner}/{repo}/statuses/{sha}, GET .../commits/{ref}/statuses (newest first, paginated) and
// GET .../commits/{ref}/status (the newest status per context, combined as GitHub does: failure when any is
// error or failure, pending when any is pending or there are none, else success). {ref} is matched as a commit
// SHA: the stand-in knows no branches or tags.

const MAX_STATUSES_PER_CONTEXT = 1000

const linkHeader = (link: string | undefined): Record<string, string> => (link ? { link } : {})

function statusJson(ctx: HandlerContext, s: StoredStatus): Record<string, unknown> {
  return {
    url: `${ctx.apiUrl}/repos/${s.owner}/${s.repo}/statuses/${s.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${s.creator.id}?v=4`,
    id: s.id,
    node_id: `SC_kwDO${Buffer.from(String(s.id)).toString('base64').replace(/=+$/, '')}`,
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    creator: simpleUser(s.creator, ctx.apiUrl, ctx.serverUrl)
  }
}

function combinedState(statuses: StoredStatus[]): string {
  if (statuses.some(s => s.state === 'error' || s.state === 'failure')) return 'failure'
  if (statuses.length === 0 || statuses.some(s => s.state === 'pending')) return 'pending'
  return 'success'
}

const COMMIT_STATUS_HANDLERS: Record<string, Handler> = {
  'repos/create-commit-status': ctx => {
    requireRepo(ctx)
    const sha = ctx.params.sha
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new ApiError(422, `No commit found for SHA: ${sha}`)
    const body = ctx.body as {
      state: StoredStatus['state']
      context?: string
      description?: string | null
      target_url?: string | null
    }
    const context = body.context ?? 'default'
    if (typeof body.description === 'string' && body.description.length > 140) {
      throw new ApiError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'Status',
            code: 'custom',
            field: 'description',
            message: 'description is too long (maximum is 140 characters)'
          }
        ]
      })
    }
    const sameContext = ctx.state.statusesFor(ctx.params.owner, ctx.params.repo, sha).filter(s => s.context === context)
    if (sameContext.length >= MAX_STATUSES_PER_CONTEXT) {
      throw new ApiError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'Status',
            code: 'custom',
            message: 'This SHA and context has reached the maximum number of statuses.'
          }
        ]
      })
    }
    const stored = ctx.state.addStatus({
      owner: ctx.params.owner,
      repo: ctx.params.repo,
      sha,
      state: body.state,
      context,
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      creator: userFor(ctx.token)
    })
    const json = statusJson(ctx, stored)
    return { status: 201, body: json, headers: { location: String(json.url) } }
  },
  'repos/list-commit-statuses-for-ref': ctx => {
    requireRepo(ctx)
    const statuses = ctx.state.statusesFor(ctx.params.owner, ctx.params.repo, ctx.params.ref)
    const { page, link } = paginate(statuses, ctx.query, `${ctx.apiUrl}${ctx.path}`)
    return { status: 200, body: page.map(s => statusJson(ctx, s)), headers: linkHeader(link) }
  },
  'repos/get-combined-status-for-ref': ctx => {
    const repo = requireRepo(ctx)
    const latest = ctx.state.latestStatuses(ctx.params.owner, ctx.params.repo, ctx.params.ref)
    const example = structuredClone(ctx.operation.responseExamples['200']) as Record<string, unknown>
    const { page, link } = paginate(latest, ctx.query, `${ctx.apiUrl}${ctx.path}`)
    const base = `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`
    return {
      status: 200,
      body: {
        ...example,
        state: combinedState(latest),
        sha: ctx.params.ref,
        total_count: latest.length,
        statuses: page.map(s => {
          const { id, node_id, state, description, target_url, context, created_at, updated_at, url, avatar_url } =
            statusJson(ctx, s)
          return { id, node_id, state, description, target_url, context, created_at, updated_at, url, avatar_url }
        }),
        repository: {
          ...(example.repository as Record<string, unknown>),
          id: repo.id,
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          private: repo.private,
          html_url: `${ctx.serverUrl}/${repo.owner}/${repo.name}`,
          url: base
        },
        commit_url: `${base}/commits/${ctx.params.ref}`,
        url: `${base}/commits/${ctx.params.ref}/status`
      },
      headers: linkHeader(link)
    }
  }
}

// --- issues and labels (drift issues) ----------------------------------------------------------------------------
// Issues of a repository (list with state/labels filters, sort, direction and Link pagination; create; get; update
// incl. state closed with state_reason) and its labels (get, create with 422 already_exists). Issue numbers share
// the pull requests' number space, as on GitHub. Comments on issues use the issue comment routes above.

export interface StoredLabel {
  id: number
  owner: string
  repo: string
  name: string
  color: string
  description: string | null
}

export interface StoredIssue {
  id: number
  owner: string
  repo: string
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null
  labels: string[]
  user: StoredUser
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

/** The issues and labels of one server; get it with `issueStore(api.state)`. */
export class IssueStore {
  readonly issues = new Map<string, StoredIssue>()
  readonly labels = new Map<string, StoredLabel>()

  constructor(private readonly state: GitHubApiState) {}

  list(owner: string, repo: string): StoredIssue[] {
    return [...this.issues.values()].filter(i => sameRepo(i, owner, repo)).sort((a, b) => a.number - b.number)
  }

  get(owner: string, repo: string, number: number): StoredIssue | undefined {
    return this.issues.get(`${owner}/${repo}#${number}`.toLowerCase())
  }

  label(owner: string, repo: string, name: string): StoredLabel | undefined {
    return this.labels.get(`${owner}/${repo}:${name}`.toLowerCase())
  }

  addLabel(
    owner: string,
    repo: string,
    name: string,
    color = 'ededed',
    description: string | null = null
  ): StoredLabel {
    const label: StoredLabel = { id: this.state.id(), owner, repo, name, color, description }
    this.labels.set(`${owner}/${repo}:${name}`.toLowerCase(), label)
    return label
  }

  addIssue(
    owner: string,
    repo: string,
    fields: Pick<StoredIssue, 'title' | 'body'> & Partial<Pick<StoredIssue, 'labels' | 'state'>>,
    user: StoredUser = KNOWN_USERS.octocat
  ): StoredIssue {
    const taken = [...this.state.pulls.values(), ...this.issues.values()]
      .filter(x => sameRepo(x, owner, repo))
      .map(x => x.number)
    const number = Math.max(0, ...taken) + 1
    const now = this.state.tick()
    // GitHub creates labels named on a new issue that do not exist yet (grey, no description).
    for (const name of fields.labels ?? []) if (!this.label(owner, repo, name)) this.addLabel(owner, repo, name)
    const issue: StoredIssue = {
      id: this.state.id(),
      owner,
      repo,
      number,
      title: fields.title,
      body: fields.body,
      state: fields.state ?? 'open',
      stateReason: null,
      labels: fields.labels ?? [],
      user,
      createdAt: now,
      updatedAt: now,
      closedAt: fields.state === 'closed' ? now : null
    }
    this.issues.set(`${owner}/${repo}#${number}`.toLowerCase(), issue)
    return issue
  }
}

const issueStores = new WeakMap<GitHubApiState, IssueStore>()

export function issueStore(state: GitHubApiState): IssueStore {
  let store = issueStores.get(state)
  if (!store) {
    store = new IssueStore(state)
    issueStores.set(state, store)
  }
  return store
}

function labelJson(ctx: HandlerContext, l: StoredLabel): Record<string, unknown> {
  return {
    id: l.id,
    node_id: `LA_kwDO${Buffer.from(String(l.id)).toString('base64').replace(/=+$/, '')}`,
    url: `${ctx.apiUrl}/repos/${l.owner}/${l.repo}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false
  }
}

function issueJson(ctx: HandlerContext, i: StoredIssue): Record<string, unknown> {
  const template = structuredClone(loadGitHubOpenApi().operation('issues/get')!.responseExamples['200']) as Record<
    string,
    unknown
  >
  // The example is a pull request's issue with an assignee and milestone; a plain issue has neither.
  const { pull_request: _pr, ...example } = template
  const base = `${ctx.apiUrl}/repos/${i.owner}/${i.repo}`
  const store = issueStore(ctx.state)
  return {
    ...example,
    id: i.id,
    node_id: `I_kwDO${Buffer.from(String(i.id)).toString('base64').replace(/=+$/, '')}`,
    url: `${base}/issues/${i.number}`,
    repository_url: base,
    labels_url: `${base}/issues/${i.number}/labels{/name}`,
    comments_url: `${base}/issues/${i.number}/comments`,
    events_url: `${base}/issues/${i.number}/events`,
    html_url: `${ctx.serverUrl}/${i.owner}/${i.repo}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: simpleUser(i.user, ctx.apiUrl, ctx.serverUrl),
    labels: i.labels.map(name => {
      const label = store.label(i.owner, i.repo, name)
      return label ? labelJson(ctx, label) : { name }
    }),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: ctx.state.listComments(i.owner, i.repo, i.number).length,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_by: null,
    author_association: i.user.type === 'Bot' ? 'NONE' : 'COLLABORATOR'
  }
}

// GitHub rejects issue bodies above 65,536 characters.
function checkIssueBody(body: string | undefined | null): void {
  if (body && [...body].length > 65536) {
    throw new ApiError(422, 'Validation Failed', {
      errors: [
        { resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }
      ]
    })
  }
}

function requireIssue(ctx: HandlerContext): StoredIssue {
  requireRepo(ctx)
  const issue = issueStore(ctx.state).get(ctx.params.owner, ctx.params.repo, integerParam(ctx, 'issue_number'))
  if (!issue) throw new ApiError(404, 'Not Found')
  return issue
}

const ISSUE_HANDLERS: Record<string, Handler> = {
  'issues/list-for-repo': ctx => {
    requireRepo(ctx)
    const state = ctx.query.get('state') ?? 'open'
    if (!['open', 'closed', 'all'].includes(state)) throw new ApiError(422, 'Validation Failed')
    const wanted = (ctx.query.get('labels') ?? '')
      .split(',')
      .map(l => l.trim().toLowerCase())
      .filter(Boolean)
    const sort = ctx.query.get('sort') ?? 'created'
    const direction = ctx.query.get('direction') ?? 'desc'
    let issues = issueStore(ctx.state)
      .list(ctx.params.owner, ctx.params.repo)
      .filter(i => state === 'all' || i.state === state)
      .filter(i => wanted.every(w => i.labels.some(l => l.toLowerCase() === w)))
    const key = (i: StoredIssue): string => (sort === 'updated' ? i.updatedAt : i.createdAt) + String(i.id).padStart(12)
    issues = issues.sort((a, b) => (key(a) < key(b) ? -1 : 1))
    if (direction !== 'asc') issues.reverse()
    const { page, link } = paginate(issues, ctx.query, `${ctx.apiUrl}${ctx.path}`)
    const headers: Record<string, string> = link ? { link } : {}
    return { status: 200, body: page.map(i => issueJson(ctx, i)), headers }
  },
  'issues/create': ctx => {
    requireRepo(ctx)
    const body = ctx.body as {
      title: string | number
      body?: string | null
      labels?: Array<string | { name?: string }>
    }
    checkIssueBody(body.body)
    const labels = (body.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
    const issue = issueStore(ctx.state).addIssue(
      ctx.params.owner,
      ctx.params.repo,
      { title: String(body.title), body: body.body ?? '', labels },
      userFor(ctx.token)
    )
    const json = issueJson(ctx, issue)
    return { status: 201, body: json, headers: { location: String(json.url) } }
  },
  'issues/get': ctx => ({ status: 200, body: issueJson(ctx, requireIssue(ctx)) }),
  'issues/update': ctx => {
    const issue = requireIssue(ctx)
    const body = ctx.body as {
      title?: string | number | null
      body?: string | null
      state?: 'open' | 'closed'
      state_reason?: StoredIssue['stateReason']
      labels?: Array<string | { name?: string }>
    }
    checkIssueBody(body.body)
    if (body.title !== undefined && body.title !== null) issue.title = String(body.title)
    if (body.body !== undefined) issue.body = body.body ?? ''
    if (body.labels) issue.labels = body.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)
    const now = ctx.state.tick()
    if (body.state && body.state !== issue.state) {
      issue.state = body.state
      issue.closedAt = body.state === 'closed' ? now : null
      issue.stateReason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
    }
    issue.updatedAt = now
    return { status: 200, body: issueJson(ctx, issue) }
  },
  'issues/get-label': ctx => {
    requireRepo(ctx)
    const label = issueStore(ctx.state).label(ctx.params.owner, ctx.params.repo, decodeURIComponent(ctx.params.name))
    if (!label) throw new ApiError(404, 'Not Found')
    return { status: 200, body: labelJson(ctx, label) }
  },
  'issues/create-label': ctx => {
    requireRepo(ctx)
    const body = ctx.body as { name: string; color?: string; description?: string }
    const store = issueStore(ctx.state)
    if (store.label(ctx.params.owner, ctx.params.repo, body.name)) {
      throw new ApiError(422, 'Validation Failed', {
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }]
      })
    }
    const label = store.addLabel(
      ctx.params.owner,
      ctx.params.repo,
      body.name,
      (body.color ?? 'ededed').replace(/^#/, ''),
      body.description ?? null
    )
    const json = labelJson(ctx, label)
    return { status: 201, body: json, headers: { location: String(json.url) } }
  }
}
