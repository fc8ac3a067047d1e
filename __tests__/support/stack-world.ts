// A world for the bundled stack through the built action (`stack: chat-llm`): the user's env/dev.tfvars and a
// stack-files folder whose override swaps the bundled root's partial azurerm backend for a local state file.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startWorld, type World } from './action-world.js'
import { repoRoot } from './run-action.js'

export interface StackWorld {
  world: World
  /** The inputs that select the bundled stack with those files. */
  stackInputs: Record<string, string>
}

export async function startStackWorld(): Promise<StackWorld> {
  const world = await startWorld({ fixture: 'validate-ok', rootPath: 'unused' })
  const deploy = join(world.dirs.workspace, 'deploy')
  mkdirSync(join(deploy, 'stack-files'), { recursive: true })
  cpSync(join(repoRoot, 'modules', 'chat-llm-stack', 'env', 'dev.tfvars'), join(deploy, 'dev.tfvars'))
  const statePath = join(world.dirs.workspace, 'state', 'dev.tfstate')
  writeFileSync(
    join(deploy, 'stack-files', 'backend_override.tf'),
    `terraform {\n  backend "local" {\n    path = ${JSON.stringify(statePath)}\n  }\n}\n`
  )
  return {
    world,
    stackInputs: {
      stack: 'chat-llm',
      'working-directory': '',
      'var-file': 'deploy/dev.tfvars',
      'stack-files': 'deploy/stack-files'
    }
  }
}
