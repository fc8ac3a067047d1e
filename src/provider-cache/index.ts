// The provider cache as the action's entry points use it: prepare (main step, before init) and save (post step).
import { existsSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import * as core from '@actions/core'
import type { Inputs } from '../inputs.js'
import { terraformPlatform } from '../installer/platform.js'
import { ActionsCacheService, type CacheService } from './cache-service.js'
import { firstLine, restoreProviderCache, type CacheLog } from './restore.js'
import { saveProviderCache, type SaveResult } from './save.js'
import { STATE_NAME, decodeState, encodeState } from './state.js'
import { ActionsReleaseCache, RELEASE_STATE_NAME, decodeReleaseState } from './release-cache.js'

const LOCK_FILE = '.terraform.lock.hcl'

export interface PrepareLog extends CacheLog {
  setOutput(name: string, value: string): void
}

/** The lock file init will see: for apply, the copy recorded with the plan wins (apply copies it over). */
function lockFileFor(inputs: Inputs): string {
  if (inputs.command === 'apply' && inputs.planPath !== '') {
    const recorded = join(dirname(inputs.planPath), LOCK_FILE)
    if (existsSync(recorded)) return recorded
  }
  return join(inputs.workingDirectory, LOCK_FILE)
}

export async function prepareProviderCache(
  inputs: Inputs,
  log: PrepareLog,
  env: NodeJS.ProcessEnv = process.env,
  service: CacheService = new ActionsCacheService(env)
): Promise<void> {
  const platform = terraformPlatform()
  const lockFile = lockFileFor(inputs)
  const label = relative(inputs.workspaceDir, lockFile).split(sep).join('/')
  const outcome = await restoreProviderCache(
    {
      enabled: inputs.providerCache,
      lockFile,
      lockFileLabel: label.startsWith('..') ? lockFile : label,
      // A directory the user chose (TF_PLUGIN_CACHE_DIR) is cached as it is; otherwise one per job in RUNNER_TEMP.
      cacheDir: env.TF_PLUGIN_CACHE_DIR || join(inputs.tempDir, 'terraform-plugin-cache'),
      os: platform.os,
      arch: platform.arch
    },
    service,
    log
  )
  if (outcome.pluginCacheDir) env.TF_PLUGIN_CACHE_DIR = outcome.pluginCacheDir
  if (outcome.state) core.saveState(STATE_NAME, encodeState(outcome.state))
  log.setOutput('provider-cache-hit', String(outcome.hit))
}

/** The installer's release cache for this run, or undefined with the cache off. */
export function releaseCacheFor(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): ActionsReleaseCache | undefined {
  if (!inputs.providerCache) return undefined
  const platform = terraformPlatform()
  return new ActionsReleaseCache(new ActionsCacheService(env), inputs.tempDir, platform.os, platform.arch)
}

/** The post step. Whatever happens, the job's result is the main step's. */
export async function runPostStep(service: CacheService = new ActionsCacheService()): Promise<SaveResult> {
  const log: CacheLog = { info: m => core.info(m), warning: m => core.warning(m) }
  const release = decodeReleaseState(core.getState(RELEASE_STATE_NAME) || '{}')
  if (release && service.available()) {
    try {
      const id = await service.save(release.dir, release.key)
      log.info(
        id >= 0
          ? `terraform release cache: saved ${release.key}`
          : `terraform release cache: ${release.key} not saved by this job (see above)`
      )
    } catch (error) {
      log.warning(`terraform release cache: not saved (${firstLine(error)})`)
    }
  }
  try {
    const platform = terraformPlatform()
    return await saveProviderCache(
      decodeState(core.getState(STATE_NAME)),
      `${platform.os}_${platform.arch}`,
      service,
      log
    )
  } catch (error) {
    log.warning(`provider cache: not saved (${firstLine(error)})`)
    return 'not-saved'
  }
}
