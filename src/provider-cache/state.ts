// What the main step hands to the post step (core.saveState -> STATE_provider-cache). Plain data, no secrets.
export const STATE_NAME = 'provider-cache'

export interface ProviderCacheState {
  /** the plugin cache directory (absolute) */
  dir: string
  key: string
  /** the lock file the entry is checked against before saving (absolute) */
  lockFile: string
  /** the key that was restored, '' for none */
  matchedKey: string
}

export function encodeState(state: ProviderCacheState): string {
  return JSON.stringify(state)
}

export function decodeState(text: string): ProviderCacheState | undefined {
  if (text.trim() === '') return undefined
  try {
    const value = JSON.parse(text) as Partial<ProviderCacheState>
    if (typeof value.dir !== 'string' || typeof value.key !== 'string' || typeof value.lockFile !== 'string') {
      return undefined
    }
    return { dir: value.dir, key: value.key, lockFile: value.lockFile, matchedKey: value.matchedKey ?? '' }
  } catch {
    return undefined
  }
}
