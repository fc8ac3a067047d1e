// One "world" for end-to-end tests of plan and apply: a releases server, a GitHub API server, a runner layout
// with a Terraform root in its workspace, and a pull request event.
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './releases-server.js'
import { startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './github-api-server.js'
import { writeGitHubEvent, type EventKind, type WrittenEvent } from './github-event.js'
import { makeRunnerDirs, repoRoot, runAction, type ActionRun, type RunnerDirs } from './run-action.js'

export interface World {
  releases: ReleasesServer
  api: GitHubApiServer
  dirs: RunnerDirs
  event: WrittenEvent
  /** The PR number of the event. */
  pr: number
  owner: string
  repo: string
  run(inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<ActionRun>
  /** Comments on the PR whose first line is one of ours. */
  ourComments(): Array<{ id: number; body: string }>
  close(): Promise<void>
}

export async function startWorld(opts: { fixture: string; rootPath: string; event?: EventKind }): Promise<World> {
  const releases = await startReleasesServer({ versions: ['1.11.4'] })
  const api = await startGitHubApiServer()
  const dirs = makeRunnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', opts.fixture), join(dirs.workspace, opts.rootPath), {
    recursive: true
  })
  const event = await writeGitHubEvent(opts.event ?? 'pull_request.opened', { apiUrl: api.url })
  const pull = event.payload.pull_request as { number: number } | undefined
  api.state.addPullRequestFromEvent(event.payload)
  const [owner, repo] = event.env.GITHUB_REPOSITORY.split('/')
  return {
    releases,
    api,
    dirs,
    event,
    pr: pull?.number ?? 0,
    owner,
    repo,
    run: (inputs, env = {}) =>
      runAction(
        dirs,
        {
          'terraform-download-url': releases.url,
          'terraform-signing-key': releases.publicKeyArmored,
          'terraform-version': '1.11.4',
          'github-token': TEST_TOKENS.write,
          'working-directory': opts.rootPath,
          ...inputs
        },
        { ...event.env, ...env }
      ),
    ourComments: () =>
      api.state
        .listComments(owner, repo, pull?.number ?? 0)
        .filter(c => c.body.startsWith('<!-- terraform-pr-gate: '))
        .map(c => ({ id: c.id, body: c.body })),
    close: async () => {
      await releases.close()
      await api.close()
      await event.cleanup()
    }
  }
}
