// Small facts about the run used in titles, metadata and links.
import { execFileSync } from 'node:child_process'
import type { Inputs } from '../inputs.js'
import { escapeInline } from '../render/safe-text.js'

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`
}

/**
 * `infra/prod` (workspace `staging`), as shown in titles: safe Markdown whatever the names hold (a directory
 * named `` x` @org/team `y `` must not close the code span and mention a team), so escaped into <code>.
 */
export function rootTitle(inputs: Pick<Inputs, 'rootLabel' | 'workspace'>): string {
  const ws = inputs.workspace === 'default' ? '' : ` (workspace <code>${escapeInline(inputs.workspace)}</code>)`
  return `<code>${escapeInline(inputs.rootLabel)}</code>${ws}`
}

/**
 * The commit whose files terraform ran on: HEAD of the checkout (a manual run may check out another ref
 * than GITHUB_SHA), else GITHUB_SHA.
 */
export function checkedOutCommit(workspaceDir: string, env: NodeJS.ProcessEnv): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspaceDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim()
    if (/^[0-9a-f]{40}$/.test(head)) return head
  } catch {
    // not a git checkout
  }
  return env.GITHUB_SHA ?? ''
}
