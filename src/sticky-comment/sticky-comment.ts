// One pull-request comment per (working directory, workspace), updated in place on every run, also when several
// runs for the same target write at the same time.
//
// Body layout (lines 1 to 3 are invisible in the rendered comment):
//   <!-- terraform-pr-gate: {"dir":"infra/prod","ws":"default"} -->
//   <!-- terraform-pr-gate-order: v1 t=<event time> run=<run id> attempt=<attempt> -->   (see plan-order.ts)
//   <!-- terraform-pr-gate-state: v1 n=12 h=<base64 of 4-byte sha256 prefixes, sorted> -->
//   <rendered markdown>
//
// Finding the comment: every page of the issue's comments is listed (per_page=100) and a comment is ours only
// when its FIRST line equals the marker exactly. JSON in the marker has `<`, `>`, `&` and `-` escaped as \uXXXX,
// so no directory name can end the HTML comment early or make two targets share a marker. The author is not
// checked: GET /user is not available to installation tokens, and a human would have to paste the raw marker as
// the first line of their own comment to be mistaken for ours.
//
// Concurrency. GitHub has no conditional write on issue comments (no ETag/If-Match on PATCH, no create-if-absent),
// so two runs can both create, and a run can overwrite what another just wrote. The protocol:
// - The canonical comment is our OLDEST comment (lowest id). Only the canonical one is ever edited; runs never
//   delete it. Any other comment with our marker is a duplicate from a concurrent create: it is never edited, so
//   what a run read from it stays true, and deleting it loses nothing once the canonical one shows a plan at least
//   as new.
// - Every plan carries its order key. A run that finds a newer plan does not write (superseded); a run never
//   replaces a newer plan with an older one.
// - After every write the run waits SETTLE_MS and lists again ("converge"): a newer run that finds its plan
//   overwritten by an older one writes it again; a newer run deletes the duplicates; an older run deletes only
//   the duplicate it created. It repeats until a list shows no work, at most MAX_ROUNDS times.
// Whatever the interleaving, at most one of our comments remains (every creator lists after its create, and of
// any two creators the later one sees both). It shows the newest plan unless an older run's edit takes more than
// SETTLE_MS - FRESH_MS from being sent to being applied by GitHub (it is sent at most FRESH_MS after the list it
// is based on, and the newer run lists again SETTLE_MS after its own write): then the older plan stays until the
// next run. A workflow `concurrency` group per pull request and
// root closes that window (README, "Plan comments").
//
// Idempotency: a create that fails with a 5xx or a network error may still have created the comment, so it is
// not retried blindly: the converge list decides. An edit that gets a 404 (deleted meanwhile) lists again.
//
// "Since the last plan": the state line carries the change keys of the plan the comment shows, as 32-bit hash
// prefixes (at most MAX_TRACKED_CHANGES of them, about 10.7 K characters; above that only the count is stored),
// so the next plan can say "+N, -M" or "no change". Bodies never exceed maxChars (GitHub's limit is 65,536
// characters; JS string length is used, which counts UTF-16 units and so is never below GitHub's count).
import { createHash } from 'node:crypto'
import type { GitHubClient } from '../github/client.js'
import { abortableSleep as sleep } from '../github/abortable-sleep.js'
import { MARKER_END, normalizeWorkingDirectory, splitFirstLine, targetMarker } from '../github/hidden-marker.js'
import { compareOrder, formatOrderLine, ORDER_PREFIX, parseOrderLine, UNORDERED, type PlanOrder } from './plan-order.js'

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
  /** This run's plan order (plan-order.ts); a comment showing a newer plan is never overwritten. */
  order?: PlanOrder
  /** Pause before listing again after an ambiguous create failure; default 1000 ms. */
  relistDelayMs?: number
  /** Wait after a write before listing again to converge; default SETTLE_MS. Tests of the protocol lower it. */
  settleMs?: number
  /** Ends the waits early (the client's signal: cancel or deadline); the next request then fails at once. */
  signal?: AbortSignal
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
  /** Duplicates (comments with the same marker) this run deleted. */
  deletedIds: number[]
  /** A newer plan is in the comment (or arrived while writing): this run's plan is not shown. */
  superseded?: PlanOrder
}

export interface FoundComment {
  id: number
  url: string
  body: string
  /** The order key of the plan it shows; UNORDERED when it has none. */
  order: PlanOrder
}

export const MARKER_PREFIX = '<!-- terraform-pr-gate: '
export const STATE_PREFIX = '<!-- terraform-pr-gate-state: '
const COMMENT_END = MARKER_END
export const GITHUB_COMMENT_LIMIT = 65536
export const MAX_TRACKED_CHANGES = 2000
const MAX_PAGES = 100 // 10,000 comments; GitHub stops at 2,500 comments per issue
const CREATE_ATTEMPTS = 3
/** Wait after a write before the converge list (see the header). */
export const SETTLE_MS = 2000
/** An edit is sent at most this long after the list it is based on; older views are listed again first. */
export const FRESH_MS = 500
const MAX_ROUNDS = 5
const TRUNCATION_NOTICE = "\n\n_…truncated to fit GitHub's comment size limit._\n"

export { normalizeWorkingDirectory }

/** The first line of our comment for one target. */
export function stickyMarker(target: Pick<StickyTarget, 'workingDirectory' | 'workspace'>): string {
  return targetMarker(MARKER_PREFIX, target)
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
  orderLine?: string
  stateLine?: string
  markdown: string
}

export function parseStickyBody(body: string): ParsedBody {
  const [markerLine, afterMarker] = splitFirstLine(body)
  const parsed: ParsedBody = { markerLine, markdown: afterMarker }
  for (;;) {
    const [line, after] = splitFirstLine(parsed.markdown)
    if (!parsed.orderLine && line.startsWith(ORDER_PREFIX)) parsed.orderLine = line
    else if (!parsed.stateLine && line.startsWith(STATE_PREFIX)) parsed.stateLine = line
    else return parsed
    parsed.markdown = after
  }
}

/** The order key in a body, UNORDERED when there is none. */
export function bodyOrder(body: string): PlanOrder {
  const line = parseStickyBody(body).orderLine
  return (line && parseOrderLine(line)) || UNORDERED
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

/** Our comments for the marker, oldest first (the first is the canonical one). */
async function listOurs(
  client: GitHubClient,
  target: StickyTarget,
  marker: string,
  counter: Counter
): Promise<FoundComment[]> {
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
      if (splitFirstLine(body)[0] === marker) found.push({ id: c.id, url: c.html_url, body, order: bodyOrder(body) })
    }
    if (!/\brel="next"/.test(res.headers.link ?? '')) break
  }
  return found.sort((a, b) => a.id - b.id)
}

/** The comment showing the newest plan (the oldest such comment on a tie). */
function newestOf(comments: FoundComment[]): FoundComment | undefined {
  let best: FoundComment | undefined
  for (const c of comments) if (!best || compareOrder(c.order, best.order) > 0) best = c
  return best
}

/** Our comment for `target` (the canonical one), or undefined; lists every page of the issue's comments. */
export async function findStickyComment(client: GitHubClient, target: StickyTarget): Promise<FoundComment | undefined> {
  return (await listOurs(client, target, stickyMarker(target), { calls: 0 }))[0]
}

interface Composed {
  body: string
  sinceLastPlan?: string
}

interface WriteOptions {
  createIfMissing: boolean
  relistDelayMs: number
  settleMs: number
  /** undefined: not competing on plans (a status update keeps the order of the plan it read). */
  order?: PlanOrder
  signal?: AbortSignal
}

/** Creates or updates the comment for a plan (or keeps the plan state for kind 'apply'). See the file header. */
export async function upsertStickyComment(
  client: GitHubClient,
  req: UpsertRequest & { createIfMissing: false }
): Promise<UpsertResult | undefined>
export async function upsertStickyComment(client: GitHubClient, req: UpsertRequest): Promise<UpsertResult>
export async function upsertStickyComment(client: GitHubClient, req: UpsertRequest): Promise<UpsertResult | undefined> {
  const maxChars = req.maxChars ?? GITHUB_COMMENT_LIMIT
  const opts = options(req, req.kind === 'apply' ? undefined : req.order)
  return writeSticky(client, req, opts, (existing, orderLine) => {
    const previous = existing ? parseStickyBody(existing.body) : undefined
    if (req.kind === 'apply') {
      return compose(req, maxChars, orderLine, previous?.stateLine, budget => req.render(budget, undefined))
    }
    const current = planState(req.changeKeys)
    const sinceLastPlan = previous ? describeSinceLastPlan(parseStateLine(previous.stateLine), current) : undefined
    // The hashes may take at most a quarter of the body; otherwise only the count is kept.
    let stateLine = formatStateLine(current)
    if (stateLine.length > maxChars / 4) stateLine = formatStateLine({ count: current.count })
    const composed = compose(req, maxChars, orderLine, stateLine, budget => req.render(budget, sinceLastPlan))
    return { ...composed, sinceLastPlan }
  })
}

/**
 * Rewrites the visible part of the comment while keeping its marker and plan state, e.g. to put an apply status
 * on top of the plan: `updateStickyComment(client, target, (md, budget) => withStatusSection(md ?? '', s, budget))`.
 * `update` gets the current markdown (undefined when there is no comment yet) and the character budget.
 * With `order`, the status belongs to that run's plan (a failed plan): it is not written over a newer plan.
 * Returns undefined when there is no comment and `createIfMissing` is false (the default).
 */
export async function updateStickyComment(
  client: GitHubClient,
  target: StickyTarget & {
    maxChars?: number
    createIfMissing?: boolean
    relistDelayMs?: number
    settleMs?: number
    order?: PlanOrder
    signal?: AbortSignal
  },
  update: (previousMarkdown: string | undefined, budget: number) => string
): Promise<UpsertResult | undefined> {
  const maxChars = target.maxChars ?? GITHUB_COMMENT_LIMIT
  const opts = options({ ...target, createIfMissing: target.createIfMissing ?? false }, target.order)
  return writeSticky(client, target, opts, (existing, orderLine) => {
    const previous = existing ? parseStickyBody(existing.body) : undefined
    return compose(target, maxChars, orderLine, previous?.stateLine, budget => update(previous?.markdown, budget))
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

function options(
  req: { createIfMissing?: boolean; relistDelayMs?: number; settleMs?: number; signal?: AbortSignal },
  order: PlanOrder | undefined
): WriteOptions {
  return {
    createIfMissing: req.createIfMissing ?? true,
    relistDelayMs: req.relistDelayMs ?? 1000,
    settleMs: req.settleMs ?? SETTLE_MS,
    ...(order ? { order } : {}),
    ...(req.signal ? { signal: req.signal } : {})
  }
}

function compose(
  target: StickyTarget,
  maxChars: number,
  orderLine: string | undefined,
  stateLine: string | undefined,
  render: (budget: number) => string
): Composed {
  const head = `${stickyMarker(target)}\n${orderLine ? `${orderLine}\n` : ''}${stateLine ? `${stateLine}\n` : ''}`
  const budget = maxChars - head.length
  if (budget < 0) throw new Error(`maxChars ${maxChars} is too small for the comment marker (${head.length})`)
  return { body: head + fitToBudget(render(budget), budget) }
}

async function writeSticky(
  client: GitHubClient,
  target: StickyTarget,
  opts: WriteOptions,
  build: (existing: FoundComment | undefined, orderLine: string | undefined) => Composed
): Promise<UpsertResult | undefined> {
  const counter: Counter = { calls: 0 }
  const marker = stickyMarker(target)
  const issue = { owner: target.owner, repo: target.repo }
  const list = async (): Promise<{ comments: FoundComment[]; at: number }> => ({
    comments: await listOurs(client, target, marker, counter),
    at: Date.now()
  })
  let view = await list()
  const base = newestOf(view.comments)
  const deletedIds: number[] = []
  const done = (c: FoundComment | undefined, extra: Partial<UpsertResult> = {}): UpsertResult | undefined =>
    c && {
      id: c.id,
      url: c.url,
      created: c.id === createdId,
      written,
      sinceLastPlan: said.sinceLastPlan,
      apiCalls: counter.calls,
      deletedIds,
      ...extra
    }
  let createdId: number | undefined
  let written = false
  // Set once the body is built; a run superseded before building reports none.
  const said: { sinceLastPlan?: string } = {}
  if (opts.order && base && compareOrder(base.order, opts.order) > 0) {
    return done(view.comments[0], { superseded: base.order })
  }
  // The order this run writes: its own, or for a status update the order of the plan it annotates.
  const order = opts.order ?? base?.order ?? UNORDERED
  const orderLine = opts.order || (base && base.order !== UNORDERED) ? formatOrderLine(order) : undefined
  // Built once from what the comment said before this run, so a converge list that finds our own comment does
  // not turn "+3 since the last plan" into "no change".
  const composed = build(base, orderLine)
  const body = composed.body
  said.sinceLastPlan = composed.sinceLastPlan
  let createFailures = 0

  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (Date.now() - view.at > FRESH_MS) view = await list()
    // A create that failed with a 5xx may have gone through: a comment with our exact body is ours.
    if (createFailures > 0 && createdId === undefined) createdId = view.comments.find(c => c.body === body)?.id
    const canonical = view.comments[0]
    const newest = newestOf(view.comments)
    if (newest && compareOrder(newest.order, order) > 0) {
      // Superseded: leave the newer plan alone; take back only a duplicate of our own.
      const mine = view.comments.find(c => c.id === createdId && c !== canonical && c.body === body)
      if (mine) await remove(mine.id)
      return done(canonical, { superseded: newest.order })
    }
    let wrote = false
    if (!canonical) {
      if (!opts.createIfMissing && !written) return undefined
      try {
        const res = await client.rest.issues.createComment({
          ...issue,
          issue_number: target.issueNumber,
          body,
          // Not retried by the client: a failed create may have succeeded; the converge list decides.
          request: { retries: 0 }
        })
        counter.calls++
        createdId = res.data.id
      } catch (err) {
        counter.calls++
        const code = status(err)
        if ((code !== undefined && code < 500) || ++createFailures > CREATE_ATTEMPTS) throw err
        await sleep(opts.relistDelayMs * createFailures, opts.signal)
      }
      written = true
      wrote = true
    } else if (canonical.body !== body && !(written && compareOrder(canonical.order, order) === 0)) {
      // An equal order with another body after our write is a run with the same key: either plan may stay.
      try {
        await client.rest.issues.updateComment({ ...issue, comment_id: canonical.id, body })
        counter.calls++
        written = true
        wrote = true
      } catch (err) {
        counter.calls++
        if (status(err) !== 404) throw err
        view = await list() // deleted since we listed it (by a person): the next oldest, or a create
        continue
      }
    }
    // Duplicates are never edited, and the canonical comment now shows a plan at least as new as theirs.
    for (const c of view.comments.slice(1)) if (!deletedIds.includes(c.id)) await remove(c.id)
    if (!wrote) return done(canonical ?? view.comments[0])
    await sleep(opts.settleMs, opts.signal)
    view = await list()
  }
  return done(view.comments[0])

  async function remove(id: number): Promise<void> {
    try {
      await client.rest.issues.deleteComment({ ...issue, comment_id: id })
      deletedIds.push(id)
    } catch (err) {
      if (status(err) !== 404) throw err
    } finally {
      counter.calls++
    }
  }
}

function status(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status
  // Octokit reports network failures as status 500 too; both are ambiguous for a create.
  return typeof s === 'number' ? s : undefined
}
