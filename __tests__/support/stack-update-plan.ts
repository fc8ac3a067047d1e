// The bundled stack's second plan, produced with real terraform and the offline azurerm provider: modules/
// chat-llm-stack with env/dev.tfvars is applied (local backend via override.tf, as in stack-chat-llm.test.ts),
// then planned again with a new image tag, App Service SKU, model capacity and model version.
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { PlanJson } from '../../src/plan/plan-json.js'
import { repoRoot } from './run-action.js'

const run = promisify(execFile)

/** The variables of the update: everything else as in env/dev.tfvars. */
export const STACK_UPDATE_VARS = [
  '-var=app_image_name=chat-api:0.2.0',
  '-var=app_sku_name=P0v3',
  '-var=model_deployments={chat={model_name="gpt-4o",model_version="2024-08-06",sku_name="DataZoneStandard",capacity=20}}'
]

export interface StackUpdatePlan {
  json: PlanJson
  jsonText: string
  /** `terraform show -no-color` of the saved plan */
  text: string
  /** removes the temp copy */
  cleanup(): Promise<void>
}

export async function stackUpdatePlan(): Promise<StackUpdatePlan> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'stack-update-'))
  const cleanup = (): Promise<void> => rm(workDir, { recursive: true, force: true })
  try {
    const modules = path.join(workDir, 'modules')
    await cp(path.join(repoRoot, 'modules'), modules, {
      recursive: true,
      filter: source => {
        const base = path.basename(source)
        return base !== '.terraform' && base !== '.terraform.lock.hcl' && !base.startsWith('terraform.tfstate')
      }
    })
    const stack = path.join(modules, 'chat-llm-stack')
    await writeFile(path.join(stack, 'override.tf'), 'terraform {\n  backend "local" {}\n}\n')
    const pluginCache = process.env.TF_PLUGIN_CACHE_DIR ?? path.join(workDir, 'plugin-cache')
    await mkdir(pluginCache, { recursive: true })
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: pluginCache,
      ARM_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000000'
    }
    delete env.TF_WORKSPACE
    const tf = async (...args: string[]): Promise<string> =>
      (await run('terraform', [...args], { cwd: stack, env, maxBuffer: 256 << 20 })).stdout
    await tf('init', '-input=false', '-no-color')
    await tf('apply', '-input=false', '-auto-approve', '-no-color', '-var-file=env/dev.tfvars')
    await tf(
      'plan',
      '-input=false',
      '-no-color',
      '-var-file=env/dev.tfvars',
      ...STACK_UPDATE_VARS,
      '-out=update.tfplan'
    )
    const jsonText = await tf('show', '-json', 'update.tfplan')
    const text = await tf('show', '-no-color', 'update.tfplan')
    return { json: JSON.parse(jsonText) as PlanJson, jsonText, text, cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}
