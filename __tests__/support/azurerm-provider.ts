// Where the azurerm provider comes from in tests: the CLI config in TF_CLI_CONFIG_FILE (.ci/run points it at the
// offline azurerm 4.79.0 mirror of ../shared/offline-azurerm) or the Terraform registry. With neither, suites that
// need it are skipped with this reason, never passed silently.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const REGISTRY_PROBE_TIMEOUT_MS = 3000

/** Why a suite needing terraform and azurerm cannot run, or undefined when it can. */
export async function azurermUnavailableReason(): Promise<string | undefined> {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' })
  } catch {
    return 'the terraform binary is not on PATH'
  }
  const config = process.env.TF_CLI_CONFIG_FILE
  if (config && existsSync(config) && /provider_installation|dev_overrides/.test(readFileSync(config, 'utf8'))) {
    return undefined
  }
  try {
    await fetch('https://registry.terraform.io/.well-known/terraform.json', {
      signal: AbortSignal.timeout(REGISTRY_PROBE_TIMEOUT_MS)
    })
    return undefined
  } catch (error) {
    const { message, cause } = error as Error & { cause?: { code?: string } }
    return (
      `no azurerm provider: TF_CLI_CONFIG_FILE (${config ?? 'unset'}) configures no provider mirror and ` +
      `registry.terraform.io is unreachable (${cause?.code ?? message}); ` +
      'run eval "$(../shared/offline-azurerm/setup)" first, as .ci/run does'
    )
  }
}

/** Skips the file's suite with a visible reason (jest drops console output of a file whose tests all skip). */
export function reportSkip(file: string, reason: string | undefined): void {
  if (reason) process.stderr.write(`\nSKIPPED ${file}: ${reason}\n\n`)
}
