// Real webhook payloads from @octokit/webhooks-examples, written to a temp file for GITHUB_EVENT_PATH, plus the
// environment GitHub Actions sets for that event.
//
//   const ev = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
//   spawn(node, ['dist/index.js'], { env: { ...process.env, ...ev.env } })
//   await ev.cleanup()
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type EventKind =
  | 'pull_request.opened'
  | 'pull_request.synchronize'
  /** Derived, see forkPullRequest(). */
  | 'pull_request.fork'
  /** pull_request_target on a fork PR: same payload as pull_request.fork, different event name. */
  | 'pull_request_target.fork'
  | 'push'
  | 'workflow_dispatch'

interface WebhookDefinition {
  name: string
  examples: Record<string, unknown>[]
}

let definitions: WebhookDefinition[] | undefined

function examples(name: string): Record<string, unknown>[] {
  if (!definitions) {
    definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[]
  }
  const found = definitions.find(d => d.name === name)
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name} event`)
  return found.examples
}

/** The first real example of `name` (with `action`, if given), deep-copied so tests may change it. */
export function webhookExample(name: string, action?: string): Record<string, unknown> {
  const example = examples(name).find(e => action === undefined || e.action === action)
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${name}.${action} example`)
  return structuredClone(example)
}

interface RepoPayload {
  full_name: string
  name: string
  fork: boolean
  owner: { login: string }
  [key: string]: unknown
}

/**
 * A pull request from a fork. @octokit/webhooks-examples has no fork example, so this takes the real
 * pull_request.opened payload and moves its head to "octocat-fork/Hello-World" (head.repo.fork = true,
 * head.repo.full_name/owner/name and head.label changed); the base stays Codertocat/Hello-World.
 */
export function forkPullRequest(): Record<string, unknown> {
  const payload = webhookExample('pull_request', 'opened')
  const pr = payload.pull_request as { head: { repo: RepoPayload; label: string; ref: string; user: unknown } }
  const forkOwner = 'octocat-fork'
  pr.head.repo = {
    ...pr.head.repo,
    fork: true,
    name: 'Hello-World',
    full_name: `${forkOwner}/Hello-World`,
    owner: { ...pr.head.repo.owner, login: forkOwner },
    html_url: `https://github.com/${forkOwner}/Hello-World`,
    url: `https://api.github.com/repos/${forkOwner}/Hello-World`
  }
  pr.head.label = `${forkOwner}:${pr.head.ref}`
  return payload
}

export function eventPayload(kind: EventKind): { eventName: string; payload: Record<string, unknown> } {
  switch (kind) {
    case 'pull_request.opened':
      return { eventName: 'pull_request', payload: webhookExample('pull_request', 'opened') }
    case 'pull_request.synchronize':
      return { eventName: 'pull_request', payload: webhookExample('pull_request', 'synchronize') }
    case 'pull_request.fork':
      return { eventName: 'pull_request', payload: forkPullRequest() }
    case 'pull_request_target.fork':
      return { eventName: 'pull_request_target', payload: forkPullRequest() }
    case 'push':
      return { eventName: 'push', payload: pushExample() }
    case 'workflow_dispatch':
      return { eventName: 'workflow_dispatch', payload: webhookExample('workflow_dispatch') }
  }
}

// The first push examples are tag pushes or deletions; a branch push with a real head commit is what a
// workflow on `push` sees.
function pushExample(): Record<string, unknown> {
  const example = examples('push').find(
    e => String(e.ref).startsWith('refs/heads/') && !/^0+$/.test(String(e.after)) && e.deleted !== true
  )
  if (!example) throw new Error('@octokit/webhooks-examples has no branch push example')
  return structuredClone(example)
}

export interface GitHubEventEnv {
  GITHUB_EVENT_NAME: string
  GITHUB_EVENT_PATH: string
  GITHUB_REPOSITORY: string
  GITHUB_REPOSITORY_OWNER: string
  GITHUB_SHA: string
  GITHUB_REF: string
  GITHUB_RUN_ID: string
  GITHUB_RUN_ATTEMPT: string
  GITHUB_SERVER_URL: string
  GITHUB_API_URL: string
  GITHUB_GRAPHQL_URL: string
  GITHUB_ACTIONS: string
  GITHUB_WORKFLOW: string
  GITHUB_JOB: string
  GITHUB_ACTOR: string
  [key: string]: string
}

export interface WrittenEvent {
  eventName: string
  payload: Record<string, unknown>
  /** The temp directory holding event.json. */
  dir: string
  env: GitHubEventEnv
  /** Removes the temp directory. */
  cleanup(): Promise<void>
}

export interface WriteEventOptions {
  /** GITHUB_API_URL, usually the test server's url. */
  apiUrl?: string
  serverUrl?: string
  runId?: string
  /** Change the payload before it is written. */
  mutate?: (payload: Record<string, unknown>) => void
}

/** Writes the payload of `kind` to <mkdtemp>/event.json and returns the matching Actions environment. */
export async function writeGitHubEvent(kind: EventKind, opts: WriteEventOptions = {}): Promise<WrittenEvent> {
  const { eventName, payload } = eventPayload(kind)
  opts.mutate?.(payload)
  const dir = mkdtempSync(join(tmpdir(), 'tf-gate-event-'))
  const file = join(dir, 'event.json')
  writeFileSync(file, JSON.stringify(payload, null, 2))
  return {
    eventName,
    payload,
    dir,
    env: actionsEnv(eventName, payload, file, opts),
    cleanup: async () => rmSync(dir, { recursive: true, force: true })
  }
}

/** The variables GitHub Actions sets for `payload` (GITHUB_SHA and GITHUB_REF as the runner computes them). */
export function actionsEnv(
  eventName: string,
  payload: Record<string, unknown>,
  eventPath: string,
  opts: Pick<WriteEventOptions, 'apiUrl' | 'serverUrl' | 'runId'> = {}
): GitHubEventEnv {
  const repository = payload.repository as { full_name: string; owner: { login: string } }
  const pr = payload.pull_request as
    | { number: number; merge_commit_sha?: string | null; head: { sha: string }; base: { sha: string; ref: string } }
    | undefined
  let sha = String(payload.after ?? '')
  let ref = String(payload.ref ?? '')
  if (pr && eventName === 'pull_request_target') {
    // pull_request_target runs on the base branch.
    sha = pr.base.sha
    ref = `refs/heads/${pr.base.ref}`
  } else if (pr) {
    // pull_request runs on the merge commit (the head SHA stands in when the example has none).
    sha = pr.merge_commit_sha || pr.head.sha
    ref = `refs/pull/${pr.number}/merge`
  }
  if (!sha) sha = 'ffac537e6cbbf934b08745a378932722df287a53'
  const serverUrl = opts.serverUrl ?? 'https://github.com'
  const apiUrl = opts.apiUrl ?? 'https://api.github.com'
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository.full_name,
    GITHUB_REPOSITORY_OWNER: repository.owner.login,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_RUN_ID: opts.runId ?? '1658821493',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_WORKFLOW: 'terraform',
    GITHUB_JOB: 'plan',
    GITHUB_ACTOR: String((payload.sender as { login?: string } | undefined)?.login ?? 'octocat')
  }
}
