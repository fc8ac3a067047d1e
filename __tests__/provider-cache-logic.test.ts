// The provider cache's logic on real files (key, lock file, h1: check, restore/save decisions) with an in-memory
// cache service, and the cache service stand-in's refusals (what the real service refuses, it must refuse).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { providerCacheKey } from '../src/provider-cache/cache-key.js'
import type { CacheService } from '../src/provider-cache/cache-service.js'
import { hashDirH1 } from '../src/provider-cache/dir-hash.js'
import { parseLockFile } from '../src/provider-cache/lock-file.js'
import { restoreProviderCache } from '../src/provider-cache/restore.js'
import { saveProviderCache } from '../src/provider-cache/save.js'
import { startActionsCacheServer, type ActionsCacheServer } from './support/actions-cache-server.js'

const SOURCE = 'registry.terraform.io/hashicorp/azurerm'

function lockText(hashes: string[]): string {
  return `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "${SOURCE}" {
  version     = "4.79.0"
  constraints = "~> 4.0"
  hashes = [
${hashes.map(h => `    "${h}",`).join('\n')}
  ]
}

provider "registry.terraform.io/hashicorp/time" {
  version = "0.13.1"
  hashes = [
    "h1:ZT5ppCNIModqk3iOkVt5my8b8yBHmDpl663JtXAIRqM=",
  ]
}
`
}

/** An in-memory cache service: entries are copies of the directory, keyed like the real one. */
class MemoryCache implements CacheService {
  entries = new Map<string, string>()
  constructor(private readonly root: string) {}
  available(): boolean {
    return true
  }
  async restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
    const match = this.entries.has(key)
      ? key
      : [...this.entries.keys()].find(k => restoreKeys.some(p => k.startsWith(p)))
    if (!match) return undefined
    cpSync(this.entries.get(match)!, dir, { recursive: true })
    return match
  }
  async save(dir: string, key: string): Promise<number> {
    if (this.entries.has(key)) return -1
    const copy = join(this.root, `entry-${this.entries.size}`)
    cpSync(dir, copy, { recursive: true })
    this.entries.set(key, copy)
    return this.entries.size
  }
}

const logs: string[] = []
const log = { info: (m: string) => logs.push(`info ${m}`), warning: (m: string) => logs.push(`warning ${m}`) }
let base: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'provider-cache-logic-'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

/** A provider directory as terraform unpacks it into the plugin cache. */
function writeProvider(cacheDir: string, body = 'provider binary'): string {
  const dir = join(cacheDir, ...SOURCE.split('/'), '4.79.0', 'linux_amd64')
  mkdirSync(join(dir, 'docs'), { recursive: true })
  writeFileSync(join(dir, 'terraform-provider-azurerm_v4.79.0'), body)
  writeFileSync(join(dir, 'docs', 'README.md'), 'readme\n')
  return dir
}

describe('key and lock file', () => {
  it('keys on os, arch and the lock file; line endings do not matter; the prefix is the restore key', () => {
    const text = lockText(['h1:abc='])
    const { key, restoreKeys } = providerCacheKey('linux', 'amd64', text)
    expect(key).toMatch(/^terraform-providers-linux-amd64-[0-9a-f]{64}$/)
    expect(restoreKeys).toEqual(['terraform-providers-linux-amd64-'])
    expect(providerCacheKey('linux', 'amd64', text.replace(/\n/g, '\r\n')).key).toBe(key)
    expect(providerCacheKey('linux', 'amd64', lockText(['h1:abd='])).key).not.toBe(key)
    expect(providerCacheKey('darwin', 'arm64', text).key).toMatch(/^terraform-providers-darwin-arm64-/)
  })

  it('reads every provider with its version and hashes', () => {
    expect(parseLockFile(lockText(['h1:abc=', 'zh:00ff']))).toEqual([
      { source: SOURCE, version: '4.79.0', hashes: ['h1:abc=', 'zh:00ff'] },
      {
        source: 'registry.terraform.io/hashicorp/time',
        version: '0.13.1',
        hashes: ['h1:ZT5ppCNIModqk3iOkVt5my8b8yBHmDpl663JtXAIRqM=']
      }
    ])
    expect(parseLockFile('')).toEqual([])
  })

  it('h1: is the dirhash of the sorted files (independent of the order files were written)', async () => {
    const a = writeProvider(join(base, 'h1-a'))
    const b = join(base, 'h1-b', 'p')
    mkdirSync(join(b, 'docs'), { recursive: true })
    writeFileSync(join(b, 'docs', 'README.md'), 'readme\n')
    writeFileSync(join(b, 'terraform-provider-azurerm_v4.79.0'), 'provider binary')
    expect(await hashDirH1(a)).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/)
    expect(await hashDirH1(a)).toBe(await hashDirH1(b))
    writeFileSync(join(b, 'docs', 'README.md'), 'readme!\n')
    expect(await hashDirH1(a)).not.toBe(await hashDirH1(b))
  })
})

describe('restore and save decisions', () => {
  it('an exact key restored without every locked provider is no hit; one with them is', async () => {
    const good = writeProvider(join(base, 'good'))
    // only azurerm pinned
    const text = lockText([await hashDirH1(good)]).replace(
      /\nprovider "registry.terraform.io\/hashicorp\/time"[^}]*}\n/,
      ''
    )
    const lockFile = join(base, 'restore.lock.hcl')
    writeFileSync(lockFile, text)
    const { key } = providerCacheKey('linux', 'amd64', text)
    const request = (cacheDir: string) => ({
      enabled: true,
      lockFile,
      lockFileLabel: 'infra/.terraform.lock.hcl',
      cacheDir,
      os: 'linux',
      arch: 'amd64'
    })

    const empty = new MemoryCache(base)
    mkdirSync(join(base, 'empty-entry'))
    empty.entries.set(key, join(base, 'empty-entry'))
    logs.length = 0
    const partial = await restoreProviderCache(request(join(base, 'restore-empty')), empty, log)
    expect(partial.hit).toBe(false)
    expect(partial.state?.matchedKey).toBe(key)
    expect(logs).toEqual([
      `info provider cache: ${key} restored, but not every provider the lock file pins is in it; init downloads the rest`
    ])

    const full = new MemoryCache(base)
    full.entries.set(key, join(base, 'good'))
    logs.length = 0
    const hit = await restoreProviderCache(request(join(base, 'restore-full')), full, log)
    expect(hit).toEqual({
      pluginCacheDir: join(base, 'restore-full'),
      hit: true,
      state: { dir: join(base, 'restore-full'), key, lockFile, matchedKey: key }
    })
    expect(logs).toEqual([`info provider cache: hit (${key})`])
    // and the post step has nothing to do after an exact hit
    expect(await saveProviderCache(hit.state, 'linux_amd64', full, log)).toBe('skipped')

    logs.length = 0
    const off = await restoreProviderCache(
      { ...request(join(base, 'nolock')), lockFile: join(base, 'none.hcl') },
      full,
      log
    )
    expect(off).toEqual({ hit: false })
    expect(logs[0]).toMatch(/^info provider cache: off, infra\/.terraform.lock.hcl does not exist/)
  })

  it('saves only a complete, verified cache: not a missing provider, not a half-written one', async () => {
    const cacheDir = join(base, 'save')
    const dir = writeProvider(cacheDir)
    const lockFile = join(base, 'save.lock.hcl')
    const cache = new MemoryCache(base)
    const state = { dir: cacheDir, key: 'k1', lockFile, matchedKey: '' }

    // time 0.13.1 is pinned but not in the cache: init did not finish
    writeFileSync(lockFile, lockText([await hashDirH1(dir)]))
    logs.length = 0
    expect(await saveProviderCache(state, 'linux_amd64', cache, log)).toBe('skipped')
    expect(logs).toEqual([
      'info provider cache: not saved, registry.terraform.io/hashicorp/time 0.13.1 is not in the plugin cache (init did not finish)'
    ])

    // only azurerm pinned, but its directory is half written
    writeFileSync(
      lockFile,
      lockText([await hashDirH1(dir)]).replace(/\nprovider "registry.terraform.io\/hashicorp\/time"[^}]*}\n/, '')
    )
    rmSync(join(dir, 'docs'), { recursive: true })
    logs.length = 0
    expect(await saveProviderCache(state, 'linux_amd64', cache, log)).toBe('skipped')
    expect(logs[0]).toMatch(
      /^info provider cache: not saved, registry.terraform.io\/hashicorp\/azurerm 4.79.0 does not match the lock file/
    )
    expect(cache.entries.size).toBe(0)

    // complete: saved once; the same key again is not an error
    writeFileSync(
      lockFile,
      lockText([await hashDirH1(dir)]).replace(/\nprovider "registry.terraform.io\/hashicorp\/time"[^}]*}\n/, '')
    )
    expect(await saveProviderCache(state, 'linux_amd64', cache, log)).toBe('saved')
    logs.length = 0
    expect(await saveProviderCache(state, 'linux_amd64', cache, log)).toBe('not-saved')
    expect(logs.filter(l => l.startsWith('warning'))).toEqual([])
  })
})

describe('the cache service stand-in refuses what the service refuses', () => {
  let server: ActionsCacheServer
  beforeAll(async () => {
    server = await startActionsCacheServer()
  })
  afterAll(async () => server.close())

  const call = async (method: string, body: unknown, token = server.token) => {
    const res = await fetch(`${server.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    return { status: res.status, body: (await res.json()) as Record<string, string> }
  }

  it('a bad token, a second reservation, a finalize without upload or with another size, a wrong signature', async () => {
    expect((await call('CreateCacheEntry', { key: 'k', version: 'v' }, 'nope')).status).toBe(401)
    const first = await call('CreateCacheEntry', { key: 'k', version: 'v' })
    expect(first.status).toBe(200)
    expect(first.body.signed_upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\//)
    expect(await call('CreateCacheEntry', { key: 'k', version: 'v' })).toEqual({
      status: 409,
      body: { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' }
    })
    expect((await call('FinalizeCacheEntryUpload', { key: 'k', version: 'v', size_bytes: '3' })).status).toBe(412)
    expect((await call('FinalizeCacheEntryUpload', { key: 'other', version: 'v', size_bytes: '3' })).status).toBe(404)

    const forged = first.body.signed_upload_url.replace(/sig=[0-9a-f]+/, 'sig=00')
    const put = (url: string) =>
      fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'abc' }).then(r => r.status)
    expect(await put(forged)).toBe(403)
    expect(await put(first.body.signed_upload_url)).toBe(201)
    // not downloadable before it is finalized
    expect((await call('GetCacheEntryDownloadURL', { key: 'k', version: 'v' })).body.ok).toBe(false)
    expect((await call('FinalizeCacheEntryUpload', { key: 'k', version: 'v', size_bytes: '4' })).status).toBe(400)
    expect(await call('FinalizeCacheEntryUpload', { key: 'k', version: 'v', size_bytes: '3' })).toEqual({
      status: 200,
      body: { ok: true, entry_id: '1' }
    })
    expect(await put(first.body.signed_upload_url)).toBe(409)
    const found = await call('GetCacheEntryDownloadURL', { key: 'x', restore_keys: ['k'], version: 'v' })
    expect(found.body.matched_key).toBe('k')
    expect(await (await fetch(found.body.signed_download_url)).text()).toBe('abc')
    expect((await fetch(found.body.signed_download_url.replace(/sig=[0-9a-f]+/, 'sig=00'))).status).toBe(403)
    // another version (other paths or compression) is another entry
    expect((await call('GetCacheEntryDownloadURL', { key: 'k', version: 'w' })).body.ok).toBe(false)
  })
})
