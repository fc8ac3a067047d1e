// Before init: point terraform at a plugin cache directory and fill it from the Actions cache, keyed on the
// platform and the lock file. Never fails the job: a cache problem costs a download, not a run.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { providerCacheKey } from './cache-key.js'
import type { CacheService } from './cache-service.js'
import { parseLockFile } from './lock-file.js'
import type { ProviderCacheState } from './state.js'
import { entryDir } from './verify-cache.js'

export interface CacheLog {
  info(message: string): void
  warning(message: string): void
}

export interface RestoreRequest {
  enabled: boolean
  /** the lock file init will use (absolute) */
  lockFile: string
  /** how the lock file is named in the log */
  lockFileLabel: string
  /** the plugin cache directory (absolute) */
  cacheDir: string
  /** terraform's platform names, e.g. linux / amd64 */
  os: string
  arch: string
}

export interface RestoreOutcome {
  /** set TF_PLUGIN_CACHE_DIR to this for init; undefined = leave terraform's own settings alone */
  pluginCacheDir?: string
  /** true only when the exact key was restored */
  hit: boolean
  /** for the post step; undefined = nothing to save */
  state?: ProviderCacheState
}

export async function restoreProviderCache(
  req: RestoreRequest,
  service: CacheService,
  log: CacheLog
): Promise<RestoreOutcome> {
  if (!req.enabled) {
    log.info('provider cache: off (input provider-cache is false)')
    return { hit: false }
  }
  if (!existsSync(req.lockFile)) {
    // Without a lock file terraform does not use a plugin cache entry anyway (it cannot check it), and there
    // is nothing stable to key on.
    log.info(
      `provider cache: off, ${req.lockFileLabel} does not exist; commit the lock file terraform init writes to cache providers`
    )
    return { hit: false }
  }
  const lockText = readFileSync(req.lockFile, 'utf8')
  const { key, restoreKeys } = providerCacheKey(req.os, req.arch, lockText)
  await mkdir(req.cacheDir, { recursive: true })
  if (!service.available()) {
    log.info(
      'provider cache: off, this runner has no cache service (ACTIONS_RESULTS_URL or ACTIONS_RUNTIME_TOKEN not set)'
    )
    return { pluginCacheDir: req.cacheDir, hit: false }
  }

  let matched: string | undefined
  try {
    matched = await service.restore(req.cacheDir, key, restoreKeys)
  } catch (error) {
    log.warning(`provider cache: restore failed (${firstLine(error)}); terraform init downloads the providers`)
  }
  const state: ProviderCacheState = { dir: req.cacheDir, key, lockFile: req.lockFile, matchedKey: matched ?? '' }

  if (!matched) {
    // A failed extraction may have left part of an archive behind: start from an empty directory.
    await rm(req.cacheDir, { recursive: true, force: true })
    await mkdir(req.cacheDir, { recursive: true })
    log.info(`provider cache: miss (${key}); the post step saves it once init has filled it`)
    return { pluginCacheDir: req.cacheDir, hit: false, state }
  }

  // Hashing ~250 MB of unpacked providers again here would cost as much as the download it saves: terraform
  // itself checks every cache entry against the lock file's hashes and installs afresh (replacing the entry)
  // when one does not match (checked with 1.11). Here only presence decides whether this counts as a hit.
  const platform = `${req.os}_${req.arch}`
  const complete = parseLockFile(lockText).every(p => existsSync(entryDir(req.cacheDir, p, platform)))

  if (matched === key && complete) {
    log.info(`provider cache: hit (${key})`)
    return { pluginCacheDir: req.cacheDir, hit: true, state }
  }
  if (matched === key) {
    log.info(
      `provider cache: ${key} restored, but not every provider the lock file pins is in it; init downloads the rest`
    )
    return { pluginCacheDir: req.cacheDir, hit: false, state }
  }
  log.info(
    `provider cache: partial hit, restored ${matched} (${key} missed); init downloads what it lacks and the post step saves ${key}`
  )
  return { pluginCacheDir: req.cacheDir, hit: false, state }
}

export function firstLine(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)
  return message.split('\n')[0] || 'unknown error'
}
