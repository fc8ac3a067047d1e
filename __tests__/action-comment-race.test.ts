// Concurrent plan runs for one pull request and root, through the built action: 2 and 3 runs started together,
// 20 times each, must leave exactly one comment of ours, showing the newest plan (by run and attempt, whatever
// order they finish in). The GitHub stand-in holds every run's first list until all runs have listed (so they
// all read the same state and race for real) and delays their first writes by random amounts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './support/github-api-server.js'
import { writeGitHubEvent, type WrittenEvent } from './support/github-event.js'
import {
  actionEnv,
  finishAction,
  makeRunnerDirs,
  repoRoot,
  startAction,
  type RunnerDirs
} from './support/run-action.js'

const ROOT = 'infra/app'
const RACES = 20

let releases: ReleasesServer
let api: GitHubApiServer
let event: WrittenEvent
let owner: string
let repo: string
let pr: number
let toolCache: string
const layouts: RunnerDirs[] = []

/** A run's identity: GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
interface RunId {
  id: number
  attempt: number
}

function layout(): RunnerDirs {
  const dirs = makeRunnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, ROOT), { recursive: true })
  return dirs
}

function inputs(run: RunId): Record<string, string> {
  return {
    command: 'plan',
    'working-directory': ROOT,
    'terraform-version': '1.11.4',
    'terraform-download-url': releases.url,
    'terraform-signing-key': releases.publicKeyArmored,
    'github-token': TEST_TOKENS.write,
    // Each run plans something else, so the comment shows whose plan it is.
    variables: `environment=${label(run)}`
  }
}

const label = (run: RunId): string => `run-${run.id}-attempt-${run.attempt}`

function start(dirs: RunnerDirs, run: RunId) {
  const env = actionEnv(dirs, inputs(run), {
    ...event.env,
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_ATTEMPT: String(run.attempt),
    // Terraform installed once (beforeAll), shared by all runs like a runner's tool cache.
    RUNNER_TOOL_CACHE: toolCache
  })
  return finishAction(startAction(env), dirs)
}

function ours() {
  return api.state.listComments(owner, repo, pr).filter(c => c.body.startsWith('<!-- terraform-pr-gate: '))
}

/** A deterministic shuffle (mulberry32), so a failing race can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

beforeAll(async () => {
  releases = await startReleasesServer({ versions: ['1.11.4'] })
  api = await startGitHubApiServer()
  event = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
  api.state.addPullRequestFromEvent(event.payload)
  ;[owner, repo] = event.env.GITHUB_REPOSITORY.split('/')
  pr = (event.payload.pull_request as { number: number }).number
  for (let i = 0; i < 3; i++) layouts.push(layout())
  toolCache = layouts[0].toolCache
  // Warm the tool cache (and check the setup): one plan on its own.
  const warm = await start(layouts[0], { id: 100, attempt: 1 })
  expect(warm.code).toBe(0)
  expect(ours()).toHaveLength(1)
}, 120_000)

afterAll(async () => {
  await releases?.close()
  await api?.close()
  await event?.cleanup()
})

describe.each([2, 3])('%i plan runs started together on one pull request', n => {
  it(`leave exactly one comment, showing the newest plan (${RACES} races)`, async () => {
    const rand = random(n * 7919)
    const failures: string[] = []
    const mark = api.requests.length
    let superseded = 0
    for (let race = 0; race < RACES; race++) {
      // Half the races start with our comment already there (edit vs edit), half without (create vs create).
      if (race % 2 === 1) for (const c of ours()) api.state.deleteComment(c.id)
      // Run ids grow with each race; within a race some runs are attempts of the same run (a re-run while the
      // first attempt is still going). Start order is shuffled, so "newest" is not "started last".
      const base = 1000 + n * 1000 + race * 10
      const runs: RunId[] = Array.from({ length: n }, (_, i) =>
        i === 1 && race % 3 === 0 ? { id: base, attempt: 2 } : { id: base + i, attempt: 1 }
      ).sort(() => rand() - 0.5)
      const newest = [...runs].sort((a, b) => b.id - a.id || b.attempt - a.attempt)[0]

      api.clearFaults()
      api.injectFault({ operationId: 'issues/list-comments' }, { barrier: n }, n)
      for (let i = 0; i < n; i++) {
        api.injectFault({ method: 'PATCH' }, { delayMs: Math.floor(rand() * 400) })
        api.injectFault({ method: 'POST' }, { delayMs: Math.floor(rand() * 400) })
      }
      const results = await Promise.all(runs.map((run, i) => start(layouts[i], run)))

      for (const [i, r] of results.entries()) {
        if (r.stdout.includes('shows a newer plan')) superseded++
        if (r.code !== 0) failures.push(`race ${race}: ${label(runs[i])} exited ${r.code}: ${r.stdout.slice(-2000)}`)
      }
      const left = ours()
      const shows = left.map(c => /environment\W+=?\W*"?(run-\d+-attempt-\d+)/.exec(c.body)?.[1] ?? '?')
      if (left.length !== 1 || !left[0].body.includes(`"${label(newest)}"`)) {
        failures.push(`race ${race}: ${left.length} comments showing ${shows.join(', ')}; newest is ${label(newest)}`)
      }
    }
    api.clearFaults()
    expect(failures).toEqual([])
    expect(api.errors).toEqual([])
    // The races were real: simultaneous creates left duplicates to delete, and older runs found newer plans.
    expect(api.since(mark).filter(r => r.method === 'DELETE' && r.status === 204).length).toBeGreaterThan(0)
    expect(superseded).toBeGreaterThan(0)
  }, 300_000)
})
