// terraform-version: system — use the terraform already on PATH (an offline machine, a self-hosted runner with its
// own install): no download, no tool-cache write. Verified by running it: `terraform version -json` names its version.
// With tool: tofu it is the `tofu` on PATH (whose `tofu version -json` keeps the key terraform_version).
import { execFile } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, dirname, resolve } from 'node:path'
import { UserError } from '../errors.js'
import type { InstallResult } from './index.js'

export const SYSTEM_VERSION = 'system'

type Env = Record<string, string | undefined>

/** The first executable `terraform` (or `tool`) in PATH, as a shell would find it; undefined when there is none. */
export function findOnPath(
  env: Env,
  platform: NodeJS.Platform = process.platform,
  tool = 'terraform'
): string | undefined {
  const names = platform === 'win32' ? [`${tool}.exe`, tool] : [tool]
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '') continue
    for (const name of names) {
      const candidate = resolve(dir, name)
      try {
        if (!statSync(candidate).isFile()) continue
        if (platform !== 'win32') accessSync(candidate, constants.X_OK)
        return candidate
      } catch {
        // not here, or not executable: keep looking, as the shell does
      }
    }
  }
  return undefined
}

function versionJson(binary: string, env: Env, signal?: AbortSignal): Promise<string> {
  return new Promise((done, fail) => {
    execFile(binary, ['version', '-json'], { env, signal, timeout: 60_000 }, (err, stdout) => {
      if (err) fail(err)
      else done(stdout)
    })
  })
}

/** Resolve and verify the terraform (or tofu) on PATH; a missing or broken one is one UserError line. */
export async function systemTerraform(
  log: { info(message: string): void },
  env: Env = process.env,
  signal?: AbortSignal,
  tool = 'terraform'
): Promise<InstallResult> {
  const binary = findOnPath(env, process.platform, tool)
  if (!binary) {
    throw new UserError(
      `input terraform-version: "system" uses the ${tool} on PATH, and there is none; install ${tool} on PATH or set terraform-version to a version to download`
    )
  }
  let version: unknown
  try {
    version = (JSON.parse(await versionJson(binary, env, signal)) as { terraform_version?: unknown }).terraform_version
  } catch (err) {
    const why = err instanceof SyntaxError ? 'did not print JSON' : (err as Error).message.split('\n')[0]
    throw new UserError(
      `input terraform-version: "system" found ${binary}, but \`${tool} version -json\` failed (${why}); put a working ${tool} (${minimum(tool)}) first on PATH`
    )
  }
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+/.test(version)) {
    throw new UserError(
      `input terraform-version: "system" found ${binary}, but \`${tool} version -json\` names no terraform_version; put a working ${tool} (${minimum(tool)}) first on PATH`
    )
  }
  log.info(`terraform-version system: using ${tool} ${version} at ${binary} (from PATH, not downloaded)`)
  return { version, path: dirname(binary), binary, fromCache: false }
}

const minimum = (tool: string): string => (tool === 'tofu' ? '1.6 or newer' : '0.13 or newer')
