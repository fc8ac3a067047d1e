// Where the azurerm provider comes from in tests: the CLI config in TF_CLI_CONFIG_FILE (.ci/run points it at the
// offline azurerm 4.79.0 mirror of ../shared/offline-azurerm) or the Terraform registry. With neither, suites that
// need it are skipped with this reason, never passed silently.
import { existsSync, readFileSync } from 'node:fs'

export async function azurermUnavailableReason(): Promise<string | undefined> {
  const config = process.env.TF_CLI_CONFIG_FILE
  if (config && existsSync(config) && /provider_installation|dev_overrides/.test(readFileSync(config, 'utf8'))) {
    return undefined
  }
  try {
    await fetch('https://registry.terraform.io/.well-known/terraform.json', { signal: AbortSignal.timeout(3000) })
    return undefined
  } catch (error) {
    return (
      `no azurerm provider: TF_CLI_CONFIG_FILE (${config ?? 'unset'}) does not configure a provider mirror and ` +
      `registry.terraform.io is unreachable (${(error as Error).message}); run eval "$(../shared/offline-azurerm/setup)" first, as .ci/run does`
    )
  }
}
