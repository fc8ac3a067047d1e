// The post step: save the plugin cache under the key that missed, but only when every provider the lock file
// pins is in it and matches its h1: hash (init finished). Never fails the job.
import { existsSync, readFileSync } from 'node:fs'
import { parseLockFile } from './lock-file.js'
import type { CacheService } from './cache-service.js'
import { firstLine, type CacheLog } from './restore.js'
import type { ProviderCacheState } from './state.js'
import { checkEntries } from './verify-cache.js'

export type SaveResult = 'saved' | 'not-saved' | 'skipped'

export async function saveProviderCache(
  state: ProviderCacheState | undefined,
  platform: string,
  service: CacheService,
  log: CacheLog
): Promise<SaveResult> {
  if (!state) {
    log.info('provider cache: nothing to save (off, or the main step stopped before init)')
    return 'skipped'
  }
  if (state.matchedKey === state.key) {
    log.info(`provider cache: ${state.key} was restored; nothing to save`)
    return 'skipped'
  }
  if (!existsSync(state.lockFile)) {
    log.info(`provider cache: not saved, ${state.lockFile} is gone`)
    return 'skipped'
  }
  const providers = parseLockFile(readFileSync(state.lockFile, 'utf8'))
  if (providers.length === 0) {
    log.info('provider cache: not saved, the lock file pins no providers')
    return 'skipped'
  }
  const bad = (await checkEntries(state.dir, providers, platform)).find(c => c.status !== 'ok')
  if (bad) {
    const why =
      bad.status === 'mismatch'
        ? `does not match the lock file (${bad.actual})`
        : bad.status === 'missing'
          ? 'is not in the plugin cache (init did not finish)'
          : `has no h1: hash for ${platform} in the lock file`
    log.info(`provider cache: not saved, ${bad.provider.source} ${bad.provider.version} ${why}`)
    return 'skipped'
  }
  if (!service.available()) {
    log.info('provider cache: not saved, this runner has no cache service')
    return 'skipped'
  }
  try {
    const id = await service.save(state.dir, state.key)
    if (id >= 0) {
      log.info(`provider cache: saved ${state.key}`)
      return 'saved'
    }
    // @actions/cache has said why, in the same words for both causes (it reports any failed reservation so).
    log.info(
      `provider cache: ${state.key} not saved by this job: another job reserved the key first (parallel legs: fine), or the cache service failed (see above)`
    )
    return 'not-saved'
  } catch (error) {
    log.warning(`provider cache: save failed (${firstLine(error)})`)
    return 'not-saved'
  }
}
