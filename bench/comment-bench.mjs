// GitHub API calls per sticky-comment upsert, through the built action, with N other comments on the PR,
// against the target "2 x pages listed + 1" (GitHub lists at most 100 comments per page; every page is listed
// again after the write, the converge check against concurrent runs).
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { importSupport, repoRoot, runBuiltAction, runnerDirs, table } from './support.mjs'

const { startReleasesServer } = await importSupport('releases-server')
const { startGitHubApiServer, TEST_TOKENS } = await importSupport('github-api-server')
const { writeGitHubEvent } = await importSupport('github-event')

const releases = await startReleasesServer({ versions: ['1.11.4'] })
const rows = [['other comments', 'pages', 'target calls', 'first run', 'second run', 'ok']]
for (const others of [0, 99, 250, 1000]) {
  const api = await startGitHubApiServer()
  const event = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
  api.state.addPullRequestFromEvent(event.payload)
  const [owner, repo] = event.env.GITHUB_REPOSITORY.split('/')
  const pr = event.payload.pull_request.number
  api.addComments(owner, repo, pr, others)
  const dirs = runnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'root'), { recursive: true })
  const inputs = {
    command: 'plan',
    'working-directory': 'root',
    'terraform-version': '1.11.4',
    'terraform-download-url': releases.url,
    'terraform-signing-key': releases.publicKeyArmored,
    'github-token': TEST_TOKENS.write
  }
  const counts = []
  for (let i = 0; i < 2; i++) {
    const mark = api.requests.length
    const run = await runBuiltAction(dirs, inputs, event.env)
    if (run.code !== 0) throw new Error(run.stdout)
    counts.push(api.since(mark).length)
  }
  const pages = Math.max(1, Math.ceil((others + 1) / 100))
  const target = 2 * pages + 1
  rows.push([others, pages, target, counts[0], counts[1], counts.every(c => c <= target) ? 'yes' : 'NO'])
  await api.close()
  await event.cleanup()
}
await releases.close()
console.log('GitHub API calls per comment upsert (plan through the built action)')
console.log(table(rows))
