// What run triggered the action: repository, commit, run link and, for pull requests, whether the head comes
// from a fork (then GITHUB_TOKEN is read-only and comments cannot be written).
import { readFileSync } from 'node:fs'
import { UserError } from '../errors.js'

export interface PullRequestContext {
  number: number
  headSha: string
  /** The head repository differs from the base repository. */
  isFork: boolean
  /** "owner/name" of the head repository (undefined when GitHub deleted the fork). */
  headRepo: string | undefined
}

export interface RunContext {
  eventName: string
  owner: string
  repo: string
  /** The commit the run is about: the PR head for pull requests, GITHUB_SHA otherwise. */
  sha: string
  /** Link to this workflow run, e.g. https://github.com/o/r/actions/runs/1 (undefined without GITHUB_RUN_ID). */
  runUrl: string | undefined
  pullRequest?: PullRequestContext
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review'])

interface RepoLike {
  full_name?: string
  name?: string
  owner?: { login?: string }
}

interface PullRequestLike {
  number?: number
  head?: { sha?: string; repo?: RepoLike | null }
  base?: { repo?: RepoLike | null }
}

/** Builds the run context from the Actions environment and the parsed event payload. */
export function readRunContext(env: Record<string, string | undefined>, payload: unknown): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const event = (payload ?? {}) as { repository?: RepoLike; pull_request?: PullRequestLike }
  const fullName = env.GITHUB_REPOSITORY || event.repository?.full_name
  const [owner, repo] = (fullName ?? '').split('/')
  if (!owner || !repo) {
    throw new UserError('GITHUB_REPOSITORY is not set (expected "owner/name"); run this inside GitHub Actions')
  }
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` +
      (env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '')
    : undefined

  const pr = event.pull_request
  let pullRequest: PullRequestContext | undefined
  if (PULL_REQUEST_EVENTS.has(eventName) && pr && typeof pr.number === 'number') {
    const baseRepo = repoName(pr.base?.repo) ?? `${owner}/${repo}`
    const headRepo = repoName(pr.head?.repo)
    pullRequest = {
      number: pr.number,
      headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
      // A deleted fork has head.repo null: still not the base repository.
      isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      headRepo
    }
  }
  return {
    eventName,
    owner,
    repo,
    sha: pullRequest?.headSha || env.GITHUB_SHA || '',
    runUrl,
    ...(pullRequest ? { pullRequest } : {})
  }
}

/** Reads GITHUB_EVENT_PATH; unset gives an empty payload (a local run), unreadable is a UserError. */
export function readEventPayload(env: Record<string, string | undefined>): unknown {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new UserError(`GITHUB_EVENT_PATH ${file} is not readable JSON: ${(err as Error).message}`)
  }
}

function repoName(repo: RepoLike | null | undefined): string | undefined {
  if (!repo) return undefined
  if (repo.full_name) return repo.full_name
  if (repo.owner?.login && repo.name) return `${repo.owner.login}/${repo.name}`
  return undefined
}
