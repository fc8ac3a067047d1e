// One pull-request comment per (working directory, workspace), updated in place on every run.
//
// Body layout (lines 1 and 2 are invisible in the rendered comment):
//   <!-- terraform-pr-gate: {"dir":"infra/prod","ws":"default"} -->
//   <!-- terraform-pr-gate-state: v1 n=12 h=<base64 of 4-byte sha256 prefixes, sorted> -->
//   <rendered markdown>
//
// Finding the comment: every page of the issue's comments is listed (per_page=100) and a comment is ours only
// when its FIRST line equals the marker exactly. JSON in the marker has `<`, `>`, `&` and `-` escaped as \uXXXX,
// so no directory name can end the HTML comment early or make two targets share a marker. The author is not
// checked: GET /user is not available to installation tokens, and a human would have to paste the raw marker as
// the first line of their own comment to be mistaken for ours (we would then edit that comment; we never delete).
// When several comments carry our marker (e.g. left by an older, buggy version), the oldest is used.
//
// Idempotency: a create that fails with a 5xx or a network error may still have created the comment on GitHub,
// so it is not retried blindly: the comments are listed again and the create only repeats when ours is still
// missing. An update that gets a 404 (the comment was deleted meanwhile) creates a new comment.
// Two runs for the same target at the same moment can still both create (GitHub has no conditional create):
// the reusable workflows use a `concurrency` group per PR; a later run updates the oldest and reports the others
// in `duplicateIds`.
//
// "Since the last plan": line 2 carries the change keys of the plan the comment shows, as 32-bit hash prefixes
// (at most MAX_TRACKED_CHANGES of them, about 10.7 K characters; above that only the count is stored), so the
// next plan can say "+N, -M" or "no change". Bodies never exceed maxChars (GitHub's limit is 65,536 characters;
// JS string length is used, which counts UTF-16 units and so is never below GitHub's count).
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import type { GitHubClient } from '../github/client.js'

export interface StickyTarget {
  owner: string
  repo: string
  issueNumber: number
  workingDirectory: string
  workspace: string
}

export interface UpsertRequest extends StickyTarget {
  /** One stable key per resource change of the plan (e.g. "update aws_s3_bucket.logs"); order is irrelevant. */
  changeKeys: string[]
  /** Renders the visible markdown in at most `budget` characters; `sinceLastPlan` is undefined on the first plan. */
  render: (budget: number, sinceLastPlan: string | undefined) => string
  /** Maximum body length including marker and state; default 65,536 (GitHub's limit). */
  maxChars?: number
  /**
   * 'plan' (default) stores `changeKeys` as the new state. 'apply' keeps the stored plan state untouched
   * (render gets `sinceLastPlan` undefined), for status updates after an apply.
   */
  kind?: 'plan' | 'apply'
  /** false: update an existing comment but never create one (comment: changes-only with no changes). */
  createIfMissing?: boolean
  /** Pause before listing again after an ambiguous create failure; default 1000 ms. */
  relistDelayMs?: number
}

export interface UpsertResult {
  id: number
  url: string
  /** A new comment was created by this call. */
  created: boolean
  /** False when the existing body was already identical and nothing was written. */
  written: boolean
  sinceLastPlan?: string
  /** REST calls made by this function (pages listed + writes); retries inside the client are not counted. */
  apiCalls: number
  /** Other comments that carry the same marker (left untouched). */
  duplicateIds: number[]
}

export interface FoundComment {
  id: number
  url: string
  body: string
}

export const MARKER_PREFIX = '<!-- terraform-pr-gate: '
export const STATE_PREFIX = '<!-- terraform-pr-gate-state: '
const COMMENT_END = ' -->'
export const GITHUB_COMMENT_LIMIT = 65536
export const MAX_TRACKED_CHANGES = 2000
const MAX_PAGES = 100 // 10,000 comments; GitHub stops at 2,500 comments per issue
const CREATE_ATTEMPTS = 3
const TRUNCATION_NOTICE = "\n\n_…truncated to fit GitHub's comment size limit._\n"

/** Path as written in the marker: forward slashes, no "./" prefix or trailing slash; the root is ".". */
export function normalizeWorkingDirectory(dir: string): string {
  const normalized = posix.normalize(dir.replace(/\\/g, '/') || '.').replace(/\/+$/, '')
  return normalized === '' ? '/' : normalized
}

/** The first line of our comment for one target. */
export function stickyMarker(target: Pick<StickyTarget, 'workingDirectory' | 'workspace'>): string {
  const json = JSON.stringify({
    dir: normalizeWorkingDirectory(target.workingDirectory),
    ws: target.workspace || 'default'
  })
  return MARKER_PREFIX + escapeForHtmlComment(json) + COMMENT_END
}

// Inside JSON these characters only occur in strings, where \uXXXX is an equivalent spelling.
function escapeForHtmlComment(json: string): string {
  return json.replace(/[<>&-]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// --- plan state ------------------------------------------------------------------------------------------------

export interface PlanState {
  /** Number of distinct change keys. */
  count: number
  /** 8-hex-digit sha256 prefixes; undefined when read from a comment that stored only the count. */
  hashes?: Set<string>
}

/** The state of the current plan (all hashes are kept in memory; the state line stores at most the cap). */
export function planState(changeKeys: string[]): PlanState {
  const hashes = new Set(changeKeys.map(k => createHash('sha256').update(k).digest('hex').slice(0, 8)))
  return { count: new Set(changeKeys).size, hashes }
}

/** Line 2 of the body; above MAX_TRACKED_CHANGES hashes only the count is stored. */
export function formatStateLine(state: PlanState): string {
  const tracked = state.hashes && state.hashes.size <= MAX_TRACKED_CHANGES
  const h = tracked ? ` h=${Buffer.from([...state.hashes!].sort().join(''), 'hex').toString('base64')}` : ''
  return `${STATE_PREFIX}v1 n=${state.count}${h}${COMMENT_END}`
}

export function parseStateLine(line: string | undefined): PlanState | undefined {
  const m = line ? /^<!-- terraform-pr-gate-state: v1 n=(\d+)(?: h=([A-Za-z0-9+/=]*))? -->$/.exec(line) : null
  if (!m) return undefined
  if (m[2] === undefined) return { count: Number(m[1]) }
  const hex = Buffer.from(m[2], 'base64').toString('hex')
  const hashes = new Set<string>()
  for (let i = 0; i + 8 <= hex.length; i += 8) hashes.add(hex.slice(i, i + 8))
  return { count: Number(m[1]), hashes }
}

/** "No change since the last plan", "Since the last plan: +2, -1 resource changes", or a count-only variant. */
export function describeSinceLastPlan(previous: PlanState | undefined, current: PlanState): string | undefined {
  if (!previous) return undefined
  if (previous.hashes && current.hashes) {
    let added = 0
    let removed = 0
    for (const h of current.hashes) if (!previous.hashes.has(h)) added++
    for (const h of previous.hashes) if (!current.hashes.has(h)) removed++
    if (added === 0 && removed === 0) return 'No change since the last plan'
    return `Since the last plan: +${fmt(added)}, -${fmt(removed)} resource changes`
  }
  const counts =
    previous.count === current.count
      ? `${fmt(current.count)} resource changes, as before`
      : `${fmt(previous.count)} → ${fmt(current.count)} resource changes`
  return `Since the last plan: ${counts} (too many to compare one by one)`
}

function fmt(n: number): string {
  return n.toLocaleString('en-US')
}

// --- parsing our body ------------------------------------------------------------------------------------------

export interface ParsedBody {
  markerLine: string
  stateLine?: string
  markdown: string
}

export function parseStickyBody(body: string): ParsedBody {
  const [markerLine, afterMarker] = splitFirstLine(body)
  if (afterMarker.startsWith(STATE_PREFIX)) {
    const [stateLine, markdown] = splitFirstLine(afterMarker)
    return { markerLine, stateLine, markdown }
  }
  return { markerLine, markdown: afterMarker }
}

function splitFirstLine(text: string): [string, string] {
  const i = text.indexOf('\n')
  if (i < 0) return [text.replace(/\r$/, ''), '']
  return [text.slice(0, i).replace(/\r$/, ''), text.slice(i + 1)]
}

/** Cuts markdown to `budget` characters at a line end when possible, with a notice, never inside a surrogate pair. */
export function fitToBudget(markdown: string, budget: number): string {
  if (markdown.length <= budget) return markdown
  if (budget <= TRUNCATION_NOTICE.length) return safeSlice(markdown, Math.max(0, budget))
  let cut = safeSlice(markdown, budget - TRUNCATION_NOTICE.length)
  const lineEnd = cut.lastIndexOf('\n')
  if (lineEnd > cut.length * 0.8) cut = cut.slice(0, lineEnd)
  return cut + TRUNCATION_NOTICE
}

function safeSlice(text: string, length: number): string {
  const code = text.charCodeAt(length - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length)
}

// --- REST ------------------------------------------------------------------------------------------------------

interface Counter {
  calls: number
}

interface Listed {
  first?: FoundComment
  duplicateIds: number[]
}

async function listOurs(client: GitHubClient, target: StickyTarget, marker: string, counter: Counter): Promise<Listed> {
  const found: FoundComment[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await client.rest.issues.listComments({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
      page
    })
    counter.calls++
    for (const c of res.data) {
      const body = c.body ?? ''
      if (splitFirstLine(body)[0] === marker) found.push({ id: c.id, url: c.html_url, body })
    }
    if (!/\brel="next"/.test(res.headers.link ?? '')) break
  }
  found.sort((a, b) => a.id - b.id)
  return { first: found[0], duplicateIds: found.slice(1).map(c => c.id) }
}

/** Our comment for `target`, or undefined; lists every page of the issue's comments. */
export async function findStickyComment(client: GitHubClient, target: StickyTarget): Promise<FoundComment | undefined> {
  return (await listOurs(client, target, stickyMarker(target), { calls: 0 })).first
}

interface Composed {
  body: string
  sinceLastPlan?: string
}

interface WriteOptions {
  createIfMissing: boolean
  relistDelayMs: number
}

/** Creates or updates the comment for a plan (or keeps the plan state for kind 'apply'). See the file header. */
export async function upsertStickyComment(
  client: GitHubClient,
  req: UpsertRequest & { createIfMissing: false }
): Promise<UpsertResult | undefined>
export async function upsertStickyComment(client: GitHubClient, req: UpsertRequest): Promise<UpsertResult>
export async function upsertStickyComment(client: GitHubClient, req: UpsertRequest): Promise<UpsertResult | undefined> {
  const maxChars = req.maxChars ?? GITHUB_COMMENT_LIMIT
  return writeSticky(client, req, options(req), existing => {
    const previous = existing ? parseStickyBody(existing.body) : undefined
    if (req.kind === 'apply') {
      return compose(req, maxChars, previous?.stateLine, budget => req.render(budget, undefined))
    }
    const current = planState(req.changeKeys)
    const sinceLastPlan = previous ? describeSinceLastPlan(parseStateLine(previous.stateLine), current) : undefined
    // The hashes may take at most a quarter of the body; otherwise only the count is kept.
    let stateLine = formatStateLine(current)
    if (stateLine.length > maxChars / 4) stateLine = formatStateLine({ count: current.count })
    return { ...compose(req, maxChars, stateLine, budget => req.render(budget, sinceLastPlan)), sinceLastPlan }
  })
}

/**
 * Rewrites the visible part of the comment while keeping its marker and plan state, e.g. to put an apply status
 * on top of the plan: `updateStickyComment(client, target, (md, budget) => withStatusSection(md ?? '', s, budget))`.
 * `update` gets the current markdown (undefined when there is no comment yet) and the character budget.
 * Returns undefined when there is no comment and `createIfMissing` is false (the default).
 */
export async function updateStickyComment(
  client: GitHubClient,
  target: StickyTarget & { maxChars?: number; createIfMissing?: boolean; relistDelayMs?: number },
  update: (previousMarkdown: string | undefined, budget: number) => string
): Promise<UpsertResult | undefined> {
  const maxChars = target.maxChars ?? GITHUB_COMMENT_LIMIT
  const opts = options({ createIfMissing: target.createIfMissing ?? false, relistDelayMs: target.relistDelayMs })
  return writeSticky(client, target, opts, existing => {
    const previous = existing ? parseStickyBody(existing.body) : undefined
    return compose(target, maxChars, previous?.stateLine, budget => update(previous?.markdown, budget))
  })
}

const STATUS_START = '<!-- terraform-pr-gate-status -->'
const STATUS_END = '<!-- /terraform-pr-gate-status -->'

/** Puts `status` at the top of `markdown`, replacing an earlier status section; the result fits `budget`. */
export function withStatusSection(markdown: string, status: string, budget: number = GITHUB_COMMENT_LIMIT): string {
  let rest = markdown
  if (rest.startsWith(STATUS_START)) {
    const end = rest.indexOf(STATUS_END)
    if (end >= 0) rest = rest.slice(end + STATUS_END.length).replace(/^\r?\n/, '')
  }
  return fitToBudget(`${STATUS_START}\n${status}\n${STATUS_END}\n${rest}`, budget)
}

function options(req: { createIfMissing?: boolean; relistDelayMs?: number }): WriteOptions {
  return { createIfMissing: req.createIfMissing ?? true, relistDelayMs: req.relistDelayMs ?? 1000 }
}

function compose(
  target: StickyTarget,
  maxChars: number,
  stateLine: string | undefined,
  render: (budget: number) => string
): Composed {
  const head = `${stickyMarker(target)}\n${stateLine ? `${stateLine}\n` : ''}`
  const budget = maxChars - head.length
  if (budget < 0) throw new Error(`maxChars ${maxChars} is too small for the comment marker (${head.length})`)
  return { body: head + fitToBudget(render(budget), budget) }
}

async function writeSticky(
  client: GitHubClient,
  target: StickyTarget,
  opts: WriteOptions,
  build: (existing: FoundComment | undefined) => Composed
): Promise<UpsertResult | undefined> {
  const counter: Counter = { calls: 0 }
  const marker = stickyMarker(target)
  const listed = await listOurs(client, target, marker, counter)
  // Built once from what the comment said before this run, so a re-list that finds our own half-failed create
  // does not turn "+3 since the last plan" into "no change".
  const { body, sinceLastPlan } = build(listed.first)
  const result = (c: FoundComment, created: boolean, written: boolean): UpsertResult => ({
    id: c.id,
    url: c.url,
    created,
    written,
    sinceLastPlan,
    apiCalls: counter.calls,
    duplicateIds: listed.duplicateIds
  })
  const issue = { owner: target.owner, repo: target.repo }

  let current = listed.first
  let createdByUs = false
  for (let attempt = 0; attempt <= CREATE_ATTEMPTS; attempt++) {
    if (current) {
      if (current.body === body) return result(current, createdByUs, createdByUs)
      try {
        const res = await client.rest.issues.updateComment({ ...issue, comment_id: current.id, body })
        counter.calls++
        return result({ id: res.data.id, url: res.data.html_url, body }, createdByUs, true)
      } catch (err) {
        counter.calls++
        if (status(err) !== 404) throw err
        current = undefined // deleted since we listed it: create a new one
        continue
      }
    }
    if (!opts.createIfMissing) return undefined
    try {
      const res = await client.rest.issues.createComment({
        ...issue,
        issue_number: target.issueNumber,
        body,
        // Not retried by the client: a failed create may have succeeded, see the re-list below.
        request: { retries: 0 }
      })
      counter.calls++
      return result({ id: res.data.id, url: res.data.html_url, body }, true, true)
    } catch (err) {
      counter.calls++
      const code = status(err)
      if (code !== undefined && code < 500) throw err
      if (attempt === CREATE_ATTEMPTS) throw err
      await sleep(opts.relistDelayMs * (attempt + 1))
      const again = await listOurs(client, target, marker, counter)
      current = again.first
      createdByUs = current !== undefined
    }
  }
  throw new Error('unreachable: the sticky comment loop ended without a result')
}

function status(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status
  // Octokit reports network failures as status 500 too; both are ambiguous for a create.
  return typeof s === 'number' ? s : undefined
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
