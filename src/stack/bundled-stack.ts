// The bundled roots (stack: chat-llm) ship in the action's own modules/ folder and run from a copy in RUNNER_TEMP.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../errors.js'
import type { Inputs, Stack } from '../inputs.js'

// dist/index.js (the bundle this runs from) -> the action's root, where modules/ lives.
const actionRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The action's own copy of a bundled root (read-only; runs are made from the staged copy). */
export function bundledStackSource(stack: Stack): string {
  return join(actionRoot, 'modules', `${stack}-stack`)
}

export function stagedStackDir(env: NodeJS.ProcessEnv): (stack: Stack) => string {
  const temp = env.RUNNER_TEMP || join(env.GITHUB_WORKSPACE || '.', '..', '_temp')
  return stack => join(temp, 'terraform-pr-gate', `stack-${stack}`, 'modules', `${stack}-stack`)
}

// The bundled stack runs from a copy in RUNNER_TEMP, so terraform never writes into the action's files.
export function stageBundledStack(inputs: Inputs): void {
  if (!inputs.stack) return
  const source = join(actionRoot, 'modules')
  if (!existsSync(join(source, `${inputs.stack}-stack`))) {
    throw new UserError(
      `input stack: the bundled root modules/${inputs.stack}-stack is missing from this action's files`
    )
  }
  const modulesCopy = dirname(inputs.workingDirectory)
  rmSync(modulesCopy, { recursive: true, force: true })
  mkdirSync(modulesCopy, { recursive: true })
  cpSync(source, modulesCopy, {
    recursive: true,
    filter: src => !/[\\/](\.terraform|\.terraform\.lock\.hcl|terraform\.tfstate[^\\/]*)$/.test(src)
  })
  if (inputs.stackFiles) addStackFiles(inputs.stackFiles, inputs.workingDirectory)
}

// The user's own .tf / .tf.json files next to the bundled root's: extra resources, or *_override.tf files.
function addStackFiles(from: string, root: string): void {
  if (!existsSync(from) || !statSync(from).isDirectory()) {
    throw new UserError(`input stack-files: ${from} is not a directory; give a folder of .tf files in the repository`)
  }
  const files = readdirSync(from).filter(f => /\.(tf|tf\.json)$/.test(f))
  if (files.length === 0) {
    throw new UserError(`input stack-files: ${from} has no .tf files; give a folder of .tf files in the repository`)
  }
  for (const file of files) copyFileSync(join(from, file), join(root, file))
}
