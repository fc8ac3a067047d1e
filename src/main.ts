// run(): validated inputs first, then install terraform, then the command. The single catch is here.
import * as core from '@actions/core'
import { UserError } from './errors.js'
import { exitSoonAfterRun } from './cancellation.js'
import { readInputs } from './inputs.js'
import { stageBundledStack, stagedStackDir } from './stack/bundled-stack.js'
import { installTerraform } from './installer/index.js'
import { ActionsReporter } from './report/reporter.js'
import { TerraformRunner } from './terraform/runner.js'
import { runValidate } from './commands/validate.js'
import { runPlan } from './commands/plan.js'
import { runApply } from './commands/apply.js'
import { runDiscover } from './commands/discover-action.js'
import { prepareProviderCache, releaseCacheFor } from './provider-cache/index.js'

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
      { info: m => report.info(m), debug: m => core.debug(m), warning: m => report.warning(m) },
      { releaseCache: releaseCacheFor(inputs) }
    )
    core.addPath(terraform.path)
    report.setOutput('terraform-version', terraform.version)
    report.setOutput('terraform-path', terraform.binary)

    await prepareProviderCache(inputs, report)

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
    exitSoonAfterRun()
  }
}
