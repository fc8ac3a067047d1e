// A local stand-in for releases.hashicorp.com, for installer tests and end-to-end tests of the built action.
//
//   const server = await startReleasesServer()
//   // download-url: server.url            terraform-signing-key: server.publicKeyArmored
//   server.setFaults({ tamperedZip: true }) // later requests see the fault
//   server.requestCount('/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip')
//   await server.close()
//
// Layout (as on releases.hashicorp.com):
//   /terraform/index.json
//   /terraform/<v>/terraform_<v>_<os>_<arch>.zip        the REAL terraform binary found on PATH, zipped in-process
//   /terraform/<v>/terraform_<v>_SHA256SUMS
//   /terraform/<v>/terraform_<v>_SHA256SUMS.sig         detached binary OpenPGP signature
//   /terraform/<v>/terraform_<v>_SHA256SUMS.<ID8>.sig   the same, named after the signing key (last 8 hex digits)
// Every version serves the same binary (so `terraform version` prints the machine's version, 1.11.4 here); the
// installer must still report the version it resolved. The signing key is generated per server (curve25519).
// The index's absolute `url` fields point at https://releases.hashicorp.com, which tests cannot reach: an
// installer that follows them instead of download-url fails.
import { createHash } from 'node:crypto'
import { accessSync, constants, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import * as openpgp from 'openpgp'
import { startReleaseFileServer, type Served } from './release-file-server.js'
import { writeZip } from './zip-writer.js'

export const DEFAULT_VERSIONS = ['1.9.8', '1.10.5', '1.11.4', '1.12.0-beta1']

export interface ReleasesFaults {
  /** serve a different (valid) zip, whose terraform is a shell script, in place of the real one */
  tamperedZip?: boolean
  /** serve a SHA256SUMS that lists the tampered zip's digest (altered after signing: the signature no longer matches) */
  tamperedShasums?: boolean
  /** sign SHA256SUMS with another, freshly generated key (served under the usual names) */
  untrustedSignature?: boolean
  /** every .sig file answers 404 (the index still names them) */
  noSignature?: boolean
  /** index.json lists every version with the oldest version's (genuinely signed) files: a downgrade attempt */
  downgradeIndex?: boolean
  /** URL path -> number of 503 answers before it succeeds; Infinity for always. Counted from setFaults(). */
  failures?: Record<string, number>
}

export interface ReleasesServerOptions {
  /** versions listed in index.json; default DEFAULT_VERSIONS */
  versions?: string[]
  /** terraform binary to zip; default: `terraform` found on PATH */
  binaryPath?: string
  /** builds per version; default: this machine's os/arch in HashiCorp's names (linux/amd64, ...) */
  builds?: Array<{ os: string; arch: string }>
  /** which signature files exist and are named in the index; default 'both' */
  signatureFiles?: 'both' | 'generic' | 'key-specific'
  faults?: ReleasesFaults
}

export interface ReleasesServer {
  /** base URL for the download-url input, e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string
  /** the armored public key that signs SHA256SUMS: pass it as terraform-signing-key */
  publicKeyArmored: string
  /** its fingerprint (uppercase hex) */
  fingerprint: string
  /** the 8-hex-digit id used in key-specific signature names */
  shortKeyId: string
  /** the untrusted key used by the untrustedSignature fault */
  otherPublicKeyArmored: string
  versions: string[]
  /** requests per URL path, failed ones included */
  requests: Map<string, number>
  requestCount(path: string): number
  /** total requests whose path matches */
  countMatching(test: (path: string) => boolean): number
  /** URL paths of a version's files */
  paths(version: string): { zip: string; shasums: string; signature: string; keySignature: string }
  indexPath: string
  /** replaces the active faults (and restarts failure counters) */
  setFaults(faults: ReleasesFaults): void
  resetRequests(): void
  close(): Promise<void>
}

const NODE_OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }
const NODE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' }

export function findOnPath(name: string): string {
  const exts = process.platform === 'win32' ? ['.exe', ''] : ['']
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext)
      try {
        accessSync(candidate, constants.X_OK)
        return candidate
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`releases-server: ${name} is not on PATH`)
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

async function detachedSignature(data: Buffer, privateKey: openpgp.PrivateKey): Promise<Buffer> {
  const sig = await openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: privateKey,
    detached: true,
    format: 'binary'
  })
  return Buffer.from(sig as Uint8Array)
}

interface VersionFiles {
  shasums: Buffer
  tamperedShasums: Buffer
  signature: Buffer
  tamperedOrUntrustedSignature: Buffer
}

export async function startReleasesServer(options: ReleasesServerOptions = {}): Promise<ReleasesServer> {
  const versions = options.versions ?? DEFAULT_VERSIONS
  const builds = options.builds ?? [
    { os: NODE_OS[process.platform] ?? process.platform, arch: NODE_ARCH[process.arch] ?? process.arch }
  ]
  const signatureFiles = options.signatureFiles ?? 'both'
  const binary = readFileSync(options.binaryPath ?? findOnPath('terraform'))

  const key = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Test Releases', email: 'releases@example.test' }],
    format: 'object'
  })
  const other = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Not Trusted', email: 'attacker@example.test' }],
    format: 'object'
  })
  const fingerprint = key.publicKey.getFingerprint().toUpperCase()
  const shortKeyId = fingerprint.slice(-8)

  const zipFor = (os: string, data: Buffer): Buffer =>
    writeZip([{ name: os === 'windows' ? 'terraform.exe' : 'terraform', data, mode: 0o755 }])
  const realZips = new Map(builds.map(b => [b.os, zipFor(b.os, binary)]))
  const evil = Buffer.from('#!/bin/sh\necho "Terraform v1.11.4 (tampered)"\n')
  const evilZips = new Map(builds.map(b => [b.os, zipFor(b.os, evil)]))

  const fileName = (v: string, b: { os: string; arch: string }): string => `terraform_${v}_${b.os}_${b.arch}.zip`
  const sumsName = (v: string): string => `terraform_${v}_SHA256SUMS`
  // hash each zip once: every version serves the same bytes
  const digests = (zips: Map<string, Buffer>): Map<string, string> =>
    new Map([...zips].map(([os, zip]) => [os, sha256(zip)]))
  const realDigests = digests(realZips)
  const evilDigests = digests(evilZips)
  const sums = (v: string, d: Map<string, string>): Buffer =>
    Buffer.from(builds.map(b => `${d.get(b.os)}  ${fileName(v, b)}\n`).join(''))

  const files = new Map<string, VersionFiles>()
  for (const v of versions) {
    const shasums = sums(v, realDigests)
    files.set(v, {
      shasums,
      tamperedShasums: sums(v, evilDigests),
      signature: await detachedSignature(shasums, key.privateKey),
      tamperedOrUntrustedSignature: await detachedSignature(shasums, other.privateKey)
    })
  }

  const sigNames = (v: string): string[] => {
    const generic = `${sumsName(v)}.sig`
    const specific = `${sumsName(v)}.${shortKeyId}.sig`
    return signatureFiles === 'both' ? [specific, generic] : signatureFiles === 'generic' ? [generic] : [specific]
  }
  // `named` is the version whose files an entry names: itself, except under the downgradeIndex fault
  const indexJson = (downgrade: boolean): string =>
    JSON.stringify({
      name: 'terraform',
      versions: Object.fromEntries(
        versions
          .map(listed => [listed, downgrade ? versions[0] : listed])
          .map(([listed, v]) => [
            listed,
            {
              name: 'terraform',
              version: listed,
              shasums: sumsName(v),
              ...(signatureFiles !== 'key-specific' ? { shasums_signature: `${sumsName(v)}.sig` } : {}),
              shasums_signatures: sigNames(v),
              builds: builds.map(b => ({
                name: 'terraform',
                version: listed,
                os: b.os,
                arch: b.arch,
                filename: fileName(v, b),
                url: `https://releases.hashicorp.com/terraform/${v}/${fileName(v, b)}`
              }))
            }
          ])
      )
    })

  let faults: ReleasesFaults = options.faults ?? {}

  const index = indexJson(false)
  const downgradedIndex = indexJson(true)

  const route = (path: string): Served => {
    if (path === '/terraform/index.json') {
      return { status: 200, body: faults.downgradeIndex ? downgradedIndex : index, type: 'application/json' }
    }
    const m = /^\/terraform\/([^/]+)\/([^/]+)$/.exec(path)
    if (!m || !files.has(m[1])) return { status: 404 }
    // files are found by the version in their name, so a downgraded index's names resolve too
    const name = m[2]
    const v = versions.find(x => name.startsWith(`terraform_${x}_`))
    const vf = v === undefined ? undefined : files.get(v)
    if (v === undefined || !vf) return { status: 404 }
    if (name === sumsName(v)) return { status: 200, body: faults.tamperedShasums ? vf.tamperedShasums : vf.shasums }
    if (sigNames(v).includes(name)) {
      if (faults.noSignature) return { status: 404 }
      return { status: 200, body: faults.untrustedSignature ? vf.tamperedOrUntrustedSignature : vf.signature }
    }
    const build = builds.find(b => fileName(v, b) === name)
    if (build) {
      const zip = (faults.tamperedZip ? evilZips : realZips).get(build.os)!
      return { status: 200, body: zip, type: 'application/zip' }
    }
    return { status: 404 }
  }

  const http = await startReleaseFileServer(route)
  http.failNext(faults.failures ?? {})

  return {
    url: http.url,
    publicKeyArmored: key.publicKey.armor(),
    fingerprint,
    shortKeyId,
    otherPublicKeyArmored: other.publicKey.armor(),
    versions,
    requests: http.requests,
    requestCount: http.requestCount,
    countMatching: http.countMatching,
    indexPath: '/terraform/index.json',
    paths: v => {
      const b = builds[0]
      return {
        zip: `/terraform/${v}/${fileName(v, b)}`,
        shasums: `/terraform/${v}/${sumsName(v)}`,
        signature: `/terraform/${v}/${sumsName(v)}.sig`,
        keySignature: `/terraform/${v}/${sumsName(v)}.${shortKeyId}.sig`
      }
    },
    setFaults(next) {
      faults = next
      http.failNext(next.failures ?? {})
    },
    resetRequests: http.resetRequests,
    close: http.close
  }
}
