// The pure and near-pure pieces: checksums, signatures, the release index, platform names, retry, the zip writer.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as openpgp from 'openpgp'
import { UserError } from '../src/errors.js'
import { Downloader, HttpStatusError, withRetry, type HttpClient } from '../src/installer/download.js'
import { HASHICORP_RELEASE_KEY, HASHICORP_RELEASE_KEY_FINGERPRINT } from '../src/installer/hashicorp-release-key.js'
import { terraformPlatform } from '../src/installer/platform.js'
import {
  checkCanonicalNames,
  findBuild,
  normalizeDownloadUrl,
  parseReleaseIndex,
  parseReleaseIndexText
} from '../src/installer/release-index.js'
import { expectedDigest, parseShasums, sha256File, verifyDigest } from '../src/installer/verify-checksum.js'
import {
  checkDetachedSignature,
  readTrustedKeys,
  shortKeyId,
  signatureCandidates,
  verifyShasumsSignature
} from '../src/installer/verify-signature.js'
import { crc32, crc32Portable, writeZip } from './support/zip-writer.js'

const A = 'a'.repeat(64)
const B = 'B'.repeat(64)
const SUMS = `${A}  terraform_1.11.4_linux_amd64.zip\n${B} *terraform_1.11.4_darwin_arm64.zip\r\nnot a line\n`

function oneLine(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).not.toContain('\n')
    return (err as Error).message
  }
  throw new Error('expected a UserError')
}

describe('checksums', () => {
  it('parses sha256sum output (text and binary mode, CRLF)', () => {
    expect(parseShasums(SUMS)).toEqual(
      new Map([
        ['terraform_1.11.4_linux_amd64.zip', A],
        ['terraform_1.11.4_darwin_arm64.zip', B.toLowerCase()]
      ])
    )
  })

  it('accepts the listed digest in any case and refuses another one', () => {
    expect(() => verifyDigest(SUMS, 'SUMS', 'terraform_1.11.4_linux_amd64.zip', A.toUpperCase())).not.toThrow()
    expect(oneLine(() => verifyDigest(SUMS, 'SUMS', 'terraform_1.11.4_linux_amd64.zip', 'c'.repeat(64)))).toBe(
      'terraform_1.11.4_linux_amd64.zip: SHA-256 mismatch (expected aaaaaaaaaaaa…, got cccccccccccc…); refusing to install'
    )
  })

  it('refuses a file the sums do not list', () => {
    expect(oneLine(() => expectedDigest(SUMS, 'terraform_1.11.4_SHA256SUMS', 'terraform_1.11.4_windows_386.zip'))).toBe(
      'terraform_1.11.4_SHA256SUMS has no checksum for terraform_1.11.4_windows_386.zip; refusing to install'
    )
  })

  it('hashes a file like sha256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'installer-verify-'))
    try {
      const file = join(dir, 'f')
      writeFileSync(file, 'hello\n')
      expect(await sha256File(file)).toBe(createHash('sha256').update('hello\n').digest('hex'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the embedded HashiCorp key', () => {
  it('parses, and is the key with the published fingerprint', async () => {
    expect(HASHICORP_RELEASE_KEY.trim()).toMatch(
      /^-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]+-----END PGP PUBLIC KEY BLOCK-----$/
    )
    const keys = await readTrustedKeys(HASHICORP_RELEASE_KEY)
    expect(keys).toHaveLength(1)
    expect(keys[0].getFingerprint().toUpperCase()).toBe('C874011F0AB405110D02105534365D9472D7468F')
    expect(HASHICORP_RELEASE_KEY_FINGERPRINT).toBe('C874011F0AB405110D02105534365D9472D7468F')
    expect(shortKeyId(keys[0])).toBe('72D7468F')
    // it can still sign: its signing subkey is valid today
    expect(await keys[0].getSigningKey()).toBeDefined()
  })
})

async function keyPair(name: string): Promise<{ privateKey: openpgp.PrivateKey; publicKey: openpgp.PublicKey }> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    format: 'object'
  })
  return { privateKey, publicKey }
}

async function sign(data: Uint8Array, key: openpgp.PrivateKey, armored = false): Promise<Uint8Array> {
  const message = await openpgp.createMessage({ binary: data })
  if (armored) {
    return Buffer.from(await openpgp.sign({ message, signingKeys: key, detached: true, format: 'armored' }))
  }
  return openpgp.sign({ message, signingKeys: key, detached: true, format: 'binary' })
}

describe('signatures', () => {
  it('reads several armored keys and refuses junk or private keys', async () => {
    const a = await keyPair('a')
    const b = await keyPair('b')
    const keys = await readTrustedKeys(`first:\n${a.publicKey.armor()}\nsecond:\n${b.publicKey.armor()}`)
    expect(keys.map(k => k.getFingerprint())).toEqual([a.publicKey.getFingerprint(), b.publicKey.getFingerprint()])
    await expect(readTrustedKeys('junk')).rejects.toThrow(
      /^input terraform-signing-key: has no complete armored public key/
    )
    await expect(readTrustedKeys(a.privateKey.armor())).rejects.toThrow(/contains a private key/)
    const broken = a.publicKey.armor().replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!')
    await expect(readTrustedKeys(broken)).rejects.toThrow(
      /^input terraform-signing-key: public key block 1 of 1 is not a valid OpenPGP key/
    )
  })

  it('accepts good binary and armored signatures, refuses altered data and untrusted signers', async () => {
    const trusted = await keyPair('trusted')
    const stranger = await keyPair('stranger')
    const data = Buffer.from(SUMS)
    for (const armored of [false, true]) {
      const good = await checkDetachedSignature(data, await sign(data, trusted.privateKey, armored), [
        trusted.publicKey
      ])
      expect(good).toEqual({ ok: true, keyId: expect.stringMatching(/^[0-9A-F]{16}$/) })
    }
    const altered = await checkDetachedSignature(Buffer.from(SUMS + ' '), await sign(data, trusted.privateKey), [
      trusted.publicKey
    ])
    expect(altered).toMatchObject({ ok: false, reason: 'invalid' })
    const untrusted = await checkDetachedSignature(data, await sign(data, stranger.privateKey), [trusted.publicKey])
    expect(untrusted).toMatchObject({ ok: false, reason: 'untrusted' })
    const garbage = await checkDetachedSignature(data, Buffer.from('nope'), [trusted.publicKey])
    expect(garbage).toMatchObject({ ok: false, reason: 'unreadable' })
  })

  it('tries candidates in order and reports the most serious failure', async () => {
    const trusted = await keyPair('trusted')
    const stranger = await keyPair('stranger')
    const data = Buffer.from(SUMS)
    const files: Record<string, Uint8Array> = {
      'stranger.sig': await sign(data, stranger.privateKey),
      'bad.sig': await sign(Buffer.from('other'), trusted.privateKey),
      'good.sig': await sign(data, trusted.privateKey)
    }
    const tried: string[] = []
    const run = (candidates: string[]): ReturnType<typeof verifyShasumsSignature> =>
      verifyShasumsSignature({
        shasumsName: 'SUMS',
        shasums: data,
        candidates,
        keys: [trusted.publicKey],
        fetchSignature: async name => {
          tried.push(name)
          return files[name]
        }
      })
    expect((await run(['missing.sig', 'stranger.sig', 'good.sig', 'bad.sig'])).signatureFile).toBe('good.sig')
    expect(tried).toEqual(['missing.sig', 'stranger.sig', 'good.sig'])
    await expect(run(['stranger.sig', 'bad.sig'])).rejects.toThrow(
      /^SUMS: signature by trusted key [0-9A-F]{16} does not verify/
    )
    await expect(run(['stranger.sig'])).rejects.toThrow(
      /^SUMS: signature is not from a trusted key \(key ids: [0-9A-F]{16}; trusted: [0-9A-F]{16}\); refusing to install$/
    )
    await expect(run(['missing.sig'])).rejects.toThrow(
      'SUMS: no signature found (tried missing.sig); refusing to install'
    )
  })

  it('prefers key-specific signature files for trusted keys, then the generic one', () => {
    const release = {
      version: '1.11.4',
      shasums: 'S',
      shasumsSignature: 'S.sig',
      shasumsSignatures: ['S.AAAA1111.sig', 'S.72D7468F.sig', 'S.sig'],
      builds: []
    }
    expect(signatureCandidates(release, ['72d7468f'])).toEqual(['S.72D7468F.sig', 'S.sig', 'S.AAAA1111.sig'])
    expect(signatureCandidates(release, [])).toEqual(['S.sig', 'S.AAAA1111.sig', 'S.72D7468F.sig'])
    expect(signatureCandidates({ ...release, shasumsSignature: undefined, shasumsSignatures: [] }, [])).toEqual([
      'S.sig'
    ])
    // signatures of some other file are never candidates
    expect(
      signatureCandidates({ ...release, shasumsSignature: 'T.sig', shasumsSignatures: ['T.72D7468F.sig'] }, [
        '72D7468F'
      ])
    ).toEqual(['S.sig'])
  })
})

describe('release index', () => {
  const index = {
    name: 'terraform',
    versions: {
      '1.11.4': {
        name: 'terraform',
        version: '1.11.4',
        shasums: 'terraform_1.11.4_SHA256SUMS',
        shasums_signature: 'terraform_1.11.4_SHA256SUMS.sig',
        shasums_signatures: ['terraform_1.11.4_SHA256SUMS.72D7468F.sig', 'terraform_1.11.4_SHA256SUMS.sig'],
        builds: [
          {
            name: 'terraform',
            version: '1.11.4',
            os: 'linux',
            arch: 'amd64',
            filename: 'terraform_1.11.4_linux_amd64.zip',
            url: 'https://releases.hashicorp.com/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip'
          },
          { os: 'linux', arch: 'arm64', filename: '../../evil.zip' }
        ]
      },
      '1.0.0': { version: '1.0.0' },
      '../x': { version: '../x', shasums: 'x' }
    }
  }

  it('keeps valid releases and safe file names only', () => {
    const parsed = parseReleaseIndex(index, 'u')
    expect([...parsed.versions.keys()]).toEqual(['1.11.4'])
    const release = parsed.versions.get('1.11.4')!
    expect(release.shasumsSignatures).toEqual([
      'terraform_1.11.4_SHA256SUMS.72D7468F.sig',
      'terraform_1.11.4_SHA256SUMS.sig'
    ])
    expect(findBuild(release, 'linux', 'amd64')?.filename).toBe('terraform_1.11.4_linux_amd64.zip')
    expect(findBuild(release, 'linux', 'arm64')).toBeUndefined()
  })

  it('insists on canonical file names, so signed files of another version cannot be passed off', () => {
    const release = parseReleaseIndex(index, 'u').versions.get('1.11.4')!
    const build = findBuild(release, 'linux', 'amd64')!
    expect(() => checkCanonicalNames(release, build, 'u')).not.toThrow()
    expect(oneLine(() => checkCanonicalNames({ ...release, shasums: 'terraform_1.9.8_SHA256SUMS' }, build, 'u'))).toBe(
      'u names terraform_1.9.8_SHA256SUMS for terraform 1.11.4 (expected terraform_1.11.4_SHA256SUMS); refusing to install'
    )
    expect(
      oneLine(() => checkCanonicalNames(release, { ...build, filename: 'terraform_1.9.8_linux_amd64.zip' }, 'u'))
    ).toMatch(
      /^u names terraform_1\.9\.8_linux_amd64\.zip for terraform 1\.11\.4 \(expected terraform_1\.11\.4_linux_amd64\.zip\)/
    )
  })

  it('refuses what is not an index, in one line', () => {
    expect(oneLine(() => parseReleaseIndexText('<html>', 'https://m/terraform/index.json'))).toMatch(
      /is not valid JSON/
    )
    expect(oneLine(() => parseReleaseIndex({ versions: [] }, 'https://m/terraform/index.json'))).toMatch(
      /^https:\/\/m\/terraform\/index\.json is not a Terraform release index/
    )
  })

  it('normalizes download-url', () => {
    expect(normalizeDownloadUrl(' https://releases.hashicorp.com/// ')).toBe('https://releases.hashicorp.com')
    expect(oneLine(() => normalizeDownloadUrl('ftp://x'))).toMatch(
      /^terraform-download-url "ftp:\/\/x" is not an http\(s\) URL/
    )
    expect(oneLine(() => normalizeDownloadUrl('releases.hashicorp.com'))).toMatch(/^terraform-download-url/)
  })
})

describe('platform', () => {
  it('maps Node names to HashiCorp build names', () => {
    expect(terraformPlatform('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64', binaryName: 'terraform' })
    expect(terraformPlatform('darwin', 'arm64')).toEqual({ os: 'darwin', arch: 'arm64', binaryName: 'terraform' })
    expect(terraformPlatform('win32', 'ia32')).toEqual({ os: 'windows', arch: '386', binaryName: 'terraform.exe' })
    expect(terraformPlatform('linux', 'arm').arch).toBe('arm')
    expect(oneLine(() => terraformPlatform('aix', 'ppc64'))).toMatch(
      /^this runner \(aix\/ppc64\) has no Terraform build/
    )
  })
})

describe('retry', () => {
  const noSleep = { attempts: 3, baseDelayMs: 100, maxDelayMs: 150 }

  it('retries transient failures with capped exponential backoff', async () => {
    const delays: number[] = []
    let calls = 0
    const result = await withRetry(
      async () => {
        calls++
        if (calls < 3) throw new HttpStatusError(502, 'u')
        return 'ok'
      },
      { ...noSleep, sleep: async ms => void delays.push(ms) }
    )
    expect(result).toBe('ok')
    expect(delays).toEqual([100, 150])
  })

  it('does not retry a 404 and turns failures into one line', async () => {
    let calls = 0
    const http: HttpClient = {
      getBuffer: async url => {
        calls++
        throw new HttpStatusError(url.endsWith('404') ? 404 : 500, url)
      },
      downloadFile: async () => undefined
    }
    const dl = new Downloader(http, { ...noSleep, sleep: async () => undefined })
    await expect(dl.buffer('http://x/404')).rejects.toThrow(
      /^download of http:\/\/x\/404 failed: HTTP 404; check terraform-download-url/
    )
    expect(calls).toBe(1)
    expect(await dl.optionalBuffer('http://x/404')).toBeUndefined()
    await expect(dl.buffer('http://x/500')).rejects.toThrow(
      /^download of http:\/\/x\/500 failed after 3 attempts: HTTP 500/
    )
  })
})

describe('zip writer (test support)', () => {
  it('computes CRC-32 like zlib', () => {
    expect(crc32Portable(Buffer.from('123456789'))).toBe(0xcbf43926)
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))
    expect(crc32Portable(data)).toBe(crc32(data))
  })

  it('writes a zip that unzip accepts, with the executable bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'installer-zip-'))
    try {
      writeFileSync(join(dir, 'a.zip'), writeZip([{ name: 'tool', data: Buffer.from('#!/bin/sh\necho hi\n') }]))
      execFileSync('unzip', ['-q', join(dir, 'a.zip'), '-d', join(dir, 'out')])
      expect(readFileSync(join(dir, 'out', 'tool'), 'utf8')).toBe('#!/bin/sh\necho hi\n')
      expect(statSync(join(dir, 'out', 'tool')).mode & 0o777).toBe(0o755)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
