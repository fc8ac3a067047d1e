// run(): validated inputs first, then install terraform, then the command. The single catch is here.
import * as core from '@actions/core'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from './errors.js'
import { readInputs, type Inputs, type Stack } from './inputs.js'
import { installTerraform } from './installer/index.js'
import { ActionsReporter } from './report/reporter.js'
import { TerraformRunner } from './terraform/runner.js'
import { runValidate } from './commands/validate.js'
import { runPlan } from './commands/plan.js'
import { runApply } from './commands/apply.js'
import { runDiscover } from './commands/discover-action.js'

// dist/index.js -> the repository root of the action, where modules/ lives.
const actionRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

function stagedStackDir(env: NodeJS.ProcessEnv): (stack: Stack) => string {
  const temp = env.RUNNER_TEMP || join(env.GITHUB_WORKSPACE || '.', '..', '_temp')
  return stack => join(temp, 'terraform-pr-gate', `stack-${stack}`, 'modules', `${stack}-stack`)
}

// The bundled stack runs from a copy in RUNNER_TEMP, so terraform never writes into the action's files.
function stageBundledStack(inputs: Inputs): void {
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

// The user's own *.tf / *.tfvars files next to the bundled root's: extra resources, or *_override.tf files.
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

export async function run(): Promise<void> {
  const report = new ActionsReporter()
  let runner: TerraformRunner | undefined
  try {
    const inputs = readInputs(process.env, stagedStackDir(process.env))
    if (inputs.githubToken) report.addSecret(inputs.githubToken)
    for (const value of inputs.mask) report.addSecret(value)

    if (inputs.command === 'discover') {
      await runDiscover(inputs, report)
      return
    }

    stageBundledStack(inputs)
    const terraform = await installTerraform(
      {
        versionSpec: inputs.terraformVersion,
        rootDir: inputs.workingDirectory,
        workspaceDir: inputs.workspaceDir,
        downloadUrl: inputs.terraformDownloadUrl,
        signingKeys: inputs.terraformSigningKey
      },
      { info: m => report.info(m), debug: m => core.debug(m) }
    )
    core.addPath(terraform.path)
    report.setOutput('terraform-version', terraform.version)
    report.setOutput('terraform-path', terraform.binary)

    runner = new TerraformRunner(terraform.binary, inputs.workingDirectory, process.env, report, t => report.redact(t))
    runner.trapSignals()

    switch (inputs.command) {
      case 'validate':
        await runValidate(inputs, runner, report)
        break
      case 'plan':
        await runPlan(inputs, runner, report, terraform.version)
        break
      case 'apply':
        await runApply(inputs, runner, report, terraform.version)
        break
    }
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(report.redact(error.message))
    } else {
      const err = error instanceof Error ? error : new Error(String(error))
      core.debug(report.redact(err.stack ?? ''))
      core.setFailed(report.redact(`unexpected error: ${err.message}`))
    }
  } finally {
    runner?.releaseSignals()
  }
}
