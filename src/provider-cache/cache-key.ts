// The cache key: providers depend on the platform and on exactly what the lock file pins, nothing else.
import { createHash } from 'node:crypto'

export const KEY_PREFIX = 'terraform-providers'

export interface CacheKey {
  key: string
  /** Tried in order when the key misses: an older entry of the same platform still saves most downloads. */
  restoreKeys: string[]
}

/** `os`/`arch` in terraform's names (linux, amd64), as in the plugin cache layout. */
export function providerCacheKey(os: string, arch: string, lockFileText: string): CacheKey {
  const prefix = `${KEY_PREFIX}-${os}-${arch}-`
  // Line endings do not change what is pinned (a Windows checkout with autocrlf must hit the same entry).
  const digest = createHash('sha256').update(lockFileText.replace(/\r\n/g, '\n')).digest('hex')
  return { key: `${prefix}${digest}`, restoreKeys: [prefix] }
}
