// The git edge of discover: which files a change touched.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UserError } from '../errors.js'

/** Runs git with the given arguments in `cwd` and returns stdout. */
export type Git = (args: string[], cwd: string) => Promise<string>

const execFileAsync = promisify(execFile)

export const runGit: Git = async (args, cwd) => {
  const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' })
  return stdout
}

export interface ListChangedFilesOptions {
  workspaceDir: string
  /** The commit to compare with: the pull request base, or the commit before a push. */
  baseRef: string
  /** Default: HEAD. */
  headRef?: string
}

/**
 * Files changed on head since it forked from base (`git diff --name-only base...head`), relative to workspaceDir
 * (`--relative`, so a workspace below the repository top works too). Renames are listed as a deletion plus an
 * addition, so a moved root counts at both places.
 */
export async function listChangedFiles(options: ListChangedFilesOptions, git: Git = runGit): Promise<string[]> {
  const headRef = options.headRef || 'HEAD'
  for (const [name, ref] of [
    ['base-ref', options.baseRef],
    ['head ref', headRef]
  ]) {
    // A ref starting with "-" would be read as an option by git.
    if (ref === '' || ref.startsWith('-') || [...ref].some(c => c.trim() === '' || c < ' ' || c === '\x7f')) {
      throw new UserError(
        `input ${name}: ${JSON.stringify(ref)} is not a git ref; use a commit SHA, branch or tag (or set changed-files)`
      )
    }
  }
  let stdout: string
  try {
    stdout = await git(
      ['diff', '--name-only', '-z', '--no-renames', '--relative', `${options.baseRef}...${headRef}`, '--'],
      options.workspaceDir
    )
  } catch (error) {
    const detail = String((error as { stderr?: unknown }).stderr || (error as Error).message)
      .trim()
      .split('\n')[0]
    throw new UserError(
      `discover: git diff ${options.baseRef}...${headRef} failed (${detail}); check out the full history (actions/checkout with fetch-depth: 0) or pass changed-files`
    )
  }
  return stdout.split('\0').filter(file => file !== '')
}
