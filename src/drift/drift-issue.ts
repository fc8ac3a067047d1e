// The REST side of the drift issue: list our open issues (every page), then do the writes drift-policy.ts plans.
// A create is never retried blindly (a 5xx may have created the issue): the next list decides, as for the sticky
// comment. After a create the run waits `settleMs` and lists again, so of two racing runs one closes its duplicate.
import type { GitHubClient } from '../github/client.js'
import { abortableSleep as sleep } from '../github/abortable-sleep.js'
import {
  driftIssueTitle,
  driftMarker,
  duplicateComment,
  isDriftIssueOf,
  planIssueWrites,
  resolvedComment,
  type DriftTarget,
  type IssueStep,
  type OpenDriftIssue
} from './drift-policy.js'

export interface DriftIssueRequest extends DriftTarget {
  owner: string
  repo: string
  label: string
  hasDrift: boolean
  /** The whole issue body (marker line first); only read when there is drift. */
  body: string
  runUrl?: string
  /** Wait after a create before the second list; default 2000 ms. */
  settleMs?: number
  signal?: AbortSignal
  now?: () => Date
}

export interface DriftIssueResult {
  /** The issue that shows the drift, or the issue(s) closed. */
  issue?: { number: number; url: string }
  created: boolean
  updated: boolean
  closed: number[]
  /** Every step taken, in order (for the log and tests). */
  steps: IssueStep[]
}

const MAX_PAGES = 10 // 1,000 open issues with the label
const CREATE_ATTEMPTS = 3
const LABEL_COLOR = 'd93f0b'
const LABEL_DESCRIPTION = 'Changed outside of Terraform (opened and closed by terraform-pr-gate)'

export async function syncDriftIssue(client: GitHubClient, req: DriftIssueRequest): Promise<DriftIssueResult> {
  const repo = { owner: req.owner, repo: req.repo }
  const marker = driftMarker(req)
  const result: DriftIssueResult = { created: false, updated: false, closed: [], steps: [] }
  const now = req.now ?? (() => new Date())

  const list = async (): Promise<OpenDriftIssue[]> => {
    const found: OpenDriftIssue[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await client.rest.issues.listForRepo({
        ...repo,
        state: 'open',
        labels: req.label,
        sort: 'created',
        direction: 'asc',
        per_page: 100,
        page
      })
      for (const issue of res.data) {
        // The issues list includes pull requests.
        if (issue.pull_request || !isDriftIssueOf(issue.body, marker)) continue
        found.push({ number: issue.number, url: issue.html_url, body: issue.body ?? '' })
      }
      if (!/\brel="next"/.test(res.headers.link ?? '')) break
    }
    return found
  }

  const run = async (steps: IssueStep[], ours: OpenDriftIssue[]): Promise<void> => {
    for (const step of steps) {
      result.steps.push(step)
      const known = 'number' in step ? ours.find(i => i.number === step.number) : undefined
      switch (step.kind) {
        case 'keep':
          result.issue = known && { number: known.number, url: known.url }
          break
        case 'update': {
          const { data } = await client.rest.issues.update({ ...repo, issue_number: step.number, body: req.body })
          result.issue = { number: data.number, url: data.html_url }
          result.updated = true
          break
        }
        case 'close-resolved':
        case 'close-duplicate': {
          const text = step.kind === 'close-resolved' ? resolvedComment(req.runUrl, now()) : duplicateComment(step.of)
          await client.rest.issues.createComment({ ...repo, issue_number: step.number, body: text })
          const state_reason = step.kind === 'close-resolved' ? 'completed' : 'not_planned'
          const { data } = await client.rest.issues.update({
            ...repo,
            issue_number: step.number,
            state: 'closed',
            state_reason
          })
          result.closed.push(step.number)
          if (step.kind === 'close-resolved') result.issue ??= { number: data.number, url: data.html_url }
          break
        }
        case 'create':
          break
      }
    }
  }

  let ours = await list()
  let steps = planIssueWrites(ours, req.hasDrift, req.body)
  if (steps[0]?.kind !== 'create') {
    await run(steps, ours)
    return result
  }

  await ensureLabel(client, req.owner, req.repo, req.label)
  let createdNumber: number | undefined
  for (let attempt = 1; createdNumber === undefined; attempt++) {
    try {
      const { data } = await client.rest.issues.create({
        ...repo,
        title: driftIssueTitle(req),
        body: req.body,
        labels: [req.label],
        request: { retries: 0 }
      })
      createdNumber = data.number
      result.issue = { number: data.number, url: data.html_url }
      result.created = true
      result.steps.push({ kind: 'create' })
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if ((typeof status === 'number' && status < 500) || attempt >= CREATE_ATTEMPTS) throw error
      await sleep(1000 * attempt, req.signal)
      // It may have been created after all: then it is in the list.
      ours = await list()
      const mine = ours.find(i => i.body === req.body)
      if (mine) {
        createdNumber = mine.number
        result.issue = { number: mine.number, url: mine.url }
        result.created = true
        result.steps.push({ kind: 'create' })
      }
    }
  }

  await sleep(req.settleMs ?? 2000, req.signal)
  ours = await list()
  steps = planIssueWrites(ours, true, req.body, createdNumber)
  await run(steps, ours)
  if (result.closed.includes(createdNumber)) result.created = false
  return result
}

/** The label exists afterwards; a 422 "already_exists" from a concurrent create is success. */
async function ensureLabel(client: GitHubClient, owner: string, repo: string, name: string): Promise<void> {
  try {
    await client.rest.issues.getLabel({ owner, repo, name })
    return
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error
  }
  try {
    await client.rest.issues.createLabel({ owner, repo, name, color: LABEL_COLOR, description: LABEL_DESCRIPTION })
  } catch (error) {
    if ((error as { status?: unknown }).status !== 422) throw error
  }
}
