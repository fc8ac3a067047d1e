// Running outside GitHub Actions (`node dist/index.js` on a laptop): fill in the few directories a runner always
// gives a job, so a bare run works from a checkout. On a runner (GITHUB_ACTIONS=true) nothing is filled in: a
// missing variable there is a broken runner and stays an error.
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { isLocal } from './report/local-console.js'

type Env = Record<string, string | undefined>

/**
 * Sets GITHUB_WORKSPACE (the current directory), RUNNER_TEMP (a new temp dir), GITHUB_REPOSITORY (local/<folder>)
 * and RUNNER_TOOL_CACHE when unset; returns what it set, for the log.
 */
export function applyLocalDefaults(env: Env, cwd: string = process.cwd()): string[] {
  if (!isLocal(env)) return []
  const filled: string[] = []
  if (!env.GITHUB_WORKSPACE) {
    env.GITHUB_WORKSPACE = resolve(cwd)
    filled.push(`GITHUB_WORKSPACE=${env.GITHUB_WORKSPACE} (the current directory)`)
  }
  if (!env.RUNNER_TEMP) {
    env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'terraform-pr-gate-'))
    filled.push(`RUNNER_TEMP=${env.RUNNER_TEMP}`)
  }
  if (!env.GITHUB_REPOSITORY) {
    // plan metadata and the comment name a repository; outside Actions there is none to name
    const name = basename(env.GITHUB_WORKSPACE).replace(/[^A-Za-z0-9._-]/g, '-') || 'repository'
    env.GITHUB_REPOSITORY = `local/${name}`
    filled.push(`GITHUB_REPOSITORY=${env.GITHUB_REPOSITORY}`)
  }
  if (!env.RUNNER_TOOL_CACHE) {
    // one place across runs, so a downloaded terraform is reused
    env.RUNNER_TOOL_CACHE = join(tmpdir(), 'terraform-pr-gate-tool-cache')
    mkdirSync(env.RUNNER_TOOL_CACHE, { recursive: true })
    filled.push(`RUNNER_TOOL_CACHE=${env.RUNNER_TOOL_CACHE}`)
  }
  return filled
}
