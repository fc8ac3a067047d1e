// run(): validated inputs first, then install terraform, then the command. The single catch is here.
// Start-up: only what every run needs is imported statically; each command is imported when it runs (a chunk
// of dist/), so a validate never reads octokit and nothing reads openpgp or hcl2json before they are used.
import * as core from '@actions/core'
import { UserError } from './errors.js'
import { cancel as cancelJob, exitSoonAfterRun } from './cancellation.js'
import { readInputs, urlSecrets, verifyInputs } from './inputs.js'
import { bundledStackSource, stageBundledStack, stagedStackDir } from './stack/bundled-stack.js'
import { installRelease, releaseSource } from './installer/index.js'
import { SYSTEM_VERSION, systemTerraform } from './installer/system-terraform.js'
import { ActionsReporter } from './report/reporter.js'
import { installLocalConsole } from './report/local-console.js'
import { applyLocalDefaults } from './local-environment.js'
import { TerraformRunner } from './terraform/runner.js'
import { prepareProviderCache, releaseCacheFor } from './provider-cache/index.js'

export async function run(): Promise<void> {
  installLocalConsole(process.env)
  const report = new ActionsReporter()
  let runner: TerraformRunner | undefined
  // A cancel before terraform runs (during the download) aborts it; once terraform runs, the runner forwards it.
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (runner) runner.cancel(signal)
    else if (!cancel.signal.aborted) {
      report.info(`${signal} received: stopping the terraform install`)
      cancel.abort(signal)
      cancelJob(signal) // and any pending API request
    }
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const filled = applyLocalDefaults(process.env)
    if (filled.length > 0) report.info(`not in GitHub Actions; defaults: ${filled.join(', ')}`)
    // Credentials in a URL input are masked before anything, even an error about that input, is printed.
    for (const value of urlSecrets(process.env)) report.addSecret(value)
    const inputs = readInputs(process.env, stagedStackDir(process.env), { checkDisk: true })
    if (inputs.githubToken) report.addSecret(inputs.githubToken)
    for (const value of inputs.mask) report.addSecret(value)

    if (inputs.command === 'discover') {
      const { runDiscover } = await import('./commands/discover-action.js')
      await runDiscover(inputs, report)
      return
    }
    if (inputs.command === 'summarize') {
      const { runSummarize } = await import('./commands/summarize.js')
      await runSummarize(inputs, report)
      return
    }
    const rootSources = inputs.stack
      ? [bundledStackSource(inputs.stack), ...(inputs.stackFiles ? [inputs.stackFiles] : [])]
      : [inputs.workingDirectory]
    await verifyInputs(inputs, rootSources)

    stageBundledStack(inputs)
    // the tool input (terraform, tofu) chooses the distribution, its download URL and signing key
    const source = releaseSource(inputs)
    const terraform =
      inputs.terraformVersion === SYSTEM_VERSION
        ? await systemTerraform({ info: m => report.info(m) }, process.env, cancel.signal, inputs.tool)
        : await installRelease(
            source.distribution,
            {
              versionSpec: inputs.terraformVersion,
              rootDir: inputs.workingDirectory,
              workspaceDir: inputs.workspaceDir,
              downloadUrl: source.downloadUrl,
              signingKeys: source.signingKeys
            },
            {
              info: m => report.info(m),
              debug: m => core.debug(report.redact(m)),
              warning: m => report.warning(m)
            },
            { signal: cancel.signal, tempDir: inputs.tempDir, releaseCache: releaseCacheFor(inputs) }
          )
    core.addPath(terraform.path)
    report.setOutput('terraform-version', terraform.version)
    report.setOutput('terraform-path', terraform.binary)

    await prepareProviderCache(inputs, report)

    runner = new TerraformRunner(terraform.binary, inputs.workingDirectory, process.env, report, t => report.redact(t))
    // a cancel that came while nothing could be aborted (terraform was cached): no terraform command runs
    if (cancel.signal.aborted) runner.cancel(cancel.signal.reason as NodeJS.Signals)

    switch (inputs.command) {
      case 'validate': {
        const { runValidate } = await import('./commands/validate.js')
        await runValidate(inputs, runner, report)
        break
      }
      case 'plan': {
        const { runPlan } = await import('./commands/plan.js')
        await runPlan(inputs, runner, report, terraform.version)
        break
      }
      case 'apply': {
        const { runApply } = await import('./commands/apply.js')
        await runApply(inputs, runner, report, terraform.version)
        break
      }
      case 'drift': {
        const { runDrift } = await import('./commands/drift.js')
        await runDrift(inputs, runner, report)
        break
      }
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
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    exitSoonAfterRun()
  }
}
