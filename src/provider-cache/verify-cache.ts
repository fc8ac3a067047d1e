// Checks plugin cache entries against the lock file's h1: hashes: what is restored and what is saved must be
// exactly what the lock file pins (a half-written or tampered directory is never used or saved).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { hashDirH1 } from './dir-hash.js'
import type { LockedProvider } from './lock-file.js'

export type EntryCheck =
  | { provider: LockedProvider; dir: string; status: 'ok' }
  | { provider: LockedProvider; dir: string; status: 'missing' | 'no-h1' }
  | { provider: LockedProvider; dir: string; status: 'mismatch'; actual: string }

/** `<cache>/<source>/<version>/<os>_<arch>`, terraform's plugin cache layout. */
export function entryDir(cacheDir: string, provider: LockedProvider, platform: string): string {
  return join(cacheDir, ...provider.source.split('/'), provider.version, platform)
}

export async function checkEntries(
  cacheDir: string,
  providers: LockedProvider[],
  platform: string
): Promise<EntryCheck[]> {
  const checks: EntryCheck[] = []
  for (const provider of providers) {
    const dir = entryDir(cacheDir, provider, platform)
    if (!existsSync(dir)) {
      checks.push({ provider, dir, status: 'missing' })
      continue
    }
    const h1 = provider.hashes.filter(h => h.startsWith('h1:'))
    if (h1.length === 0) {
      checks.push({ provider, dir, status: 'no-h1' })
      continue
    }
    const actual = await hashDirH1(dir)
    checks.push(h1.includes(actual) ? { provider, dir, status: 'ok' } : { provider, dir, status: 'mismatch', actual })
  }
  return checks
}
