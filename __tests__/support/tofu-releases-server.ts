// A local stand-in for OpenTofu's releases, for installer tests and end-to-end tests of the built action.
//
//   const server = await startTofuReleasesServer()
//   // tool: tofu   tofu-download-url: server.url   tofu-signing-key: server.publicKeyArmored
//   // the action accepts the generated key only off GitHub Actions, with TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT
//   server.setFaults({ tamperedZip: true })
//   await server.close()
//
// Layout (as OpenTofu's GitHub releases, https://github.com/opentofu/opentofu/releases/download, plus the version
// list OpenTofu publishes at https://get.opentofu.org/tofu/api.json, served here at the base URL as a mirror does):
//   /api.json                                  {"versions": [{"id": "1.10.5", "files": [...]}, ...]}, newest first
//   /v<v>/tofu_<v>_<os>_<arch>.zip             holds `tofu`: the REAL terraform binary found on PATH, renamed
//   /v<v>/tofu_<v>_SHA256SUMS
//   /v<v>/tofu_<v>_SHA256SUMS.gpgsig           detached binary OpenPGP signature of SHA256SUMS
// The tofu binary is a stand-in: OpenTofu is not installed on this machine and cannot be downloaded, and the tests
// only need a working CLI with the same commands and plan JSON, which terraform 1.11.4 is (`tofu version` prints
// "Terraform v1.11.4"). api.json also lists the files a real release has that the installer must not need
// (.tar.gz, cosign .sig/.pem, packages); they answer 404. The signing key is generated per server.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import * as openpgp from 'openpgp'
import { findOnPath } from './releases-server.js'
import { startReleaseFileServer, type Served } from './release-file-server.js'
import { writeZip } from './zip-writer.js'

export const TOFU_VERSIONS = ['1.11.0-rc1', '1.10.5', '1.10.0', '1.9.1', '1.6.0-alpha5']

export interface TofuReleasesFaults {
  /** serve a different (valid) zip, whose tofu is a shell script, in place of the real one */
  tamperedZip?: boolean
  /** serve a SHA256SUMS that lists the tampered zip's digest (changed after signing) */
  tamperedShasums?: boolean
  /** sign SHA256SUMS with another, freshly generated key */
  untrustedSignature?: boolean
  /** the .gpgsig answers 404 */
  noSignature?: boolean
  /** a .gpgsig whose bytes are not an OpenPGP signature */
  garbageSignature?: boolean
  /** URL path -> number of 503 answers before it succeeds; Infinity for always */
  failures?: Record<string, number>
}

export interface TofuReleasesServer {
  /** base URL for tofu-download-url (no trailing slash); api.json is at `${url}/api.json` */
  url: string
  publicKeyArmored: string
  /** primary key fingerprint, uppercase hex */
  fingerprint: string
  otherPublicKeyArmored: string
  otherFingerprint: string
  versions: string[]
  indexPath: string
  paths(version: string): { zip: string; shasums: string; signature: string }
  requestCount(path: string): number
  countMatching(test: (path: string) => boolean): number
  setFaults(faults: TofuReleasesFaults): void
  resetRequests(): void
  close(): Promise<void>
}

const NODE_OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }
const NODE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' }

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

async function sign(data: Buffer, key: openpgp.PrivateKey): Promise<Buffer> {
  const sig = await openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: key,
    detached: true,
    format: 'binary'
  })
  return Buffer.from(sig as Uint8Array)
}

const generate = (name: string, email: string) =>
  openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name, email }], format: 'object' })

export async function startTofuReleasesServer(
  options: { versions?: string[]; binaryPath?: string } = {}
): Promise<TofuReleasesServer> {
  const versions = options.versions ?? TOFU_VERSIONS
  const os = NODE_OS[process.platform] ?? process.platform
  const arch = NODE_ARCH[process.arch] ?? process.arch
  const binaryName = os === 'windows' ? 'tofu.exe' : 'tofu'
  const binary = readFileSync(options.binaryPath ?? findOnPath('terraform'))
  const key = await generate('Test OpenTofu Releases', 'tofu-releases@example.test')
  const other = await generate('Not Trusted', 'attacker@example.test')

  const zip = writeZip([
    { name: binaryName, data: binary, mode: 0o755 },
    { name: 'LICENSE', data: Buffer.from('test stand-in\n') }
  ])
  const evilZip = writeZip([
    { name: binaryName, data: Buffer.from('#!/bin/sh\necho "OpenTofu v1.10.5 (tampered)"\n'), mode: 0o755 }
  ])
  const zipName = (v: string): string => `tofu_${v}_${os}_${arch}.zip`
  const sumsName = (v: string): string => `tofu_${v}_SHA256SUMS`
  // what a real release lists besides the files the installer uses
  const extraFiles = (v: string): string[] => [
    `tofu_${v}_${os}_${arch}.tar.gz`,
    `tofu_${v}_${os}_${arch}.tar.gz.sig`,
    `tofu_${v}_${os}_${arch}.tar.gz.pem`,
    `tofu_${v}_SHA256SUMS.sig`,
    `tofu_${v}_SHA256SUMS.pem`,
    `tofu_${v}_amd64.deb`
  ]
  const sums = (v: string, digest: string): Buffer =>
    Buffer.from(`${sha256(Buffer.from(`tar ${v}`))}  tofu_${v}_${os}_${arch}.tar.gz\n${digest}  ${zipName(v)}\n`)

  interface Files {
    shasums: Buffer
    tamperedShasums: Buffer
    signature: Buffer
    untrustedSignature: Buffer
  }
  const files = new Map<string, Files>()
  for (const v of versions) {
    const shasums = sums(v, sha256(zip))
    files.set(v, {
      shasums,
      tamperedShasums: sums(v, sha256(evilZip)),
      signature: await sign(shasums, key.privateKey),
      untrustedSignature: await sign(shasums, other.privateKey)
    })
  }
  const index = JSON.stringify({
    versions: versions.map(v => ({
      id: v,
      files: [...extraFiles(v), zipName(v), sumsName(v), `${sumsName(v)}.gpgsig`].sort()
    }))
  })

  let faults: TofuReleasesFaults = {}

  const route = (path: string): Served => {
    if (path === '/api.json') return { status: 200, body: index }
    const m = /^\/v([^/]+)\/([^/]+)$/.exec(path)
    const vf = m ? files.get(m[1]) : undefined
    if (!m || !vf) return { status: 404 }
    const [, v, name] = m
    if (name === zipName(v)) return { status: 200, body: faults.tamperedZip ? evilZip : zip }
    if (name === sumsName(v)) return { status: 200, body: faults.tamperedShasums ? vf.tamperedShasums : vf.shasums }
    if (name === `${sumsName(v)}.gpgsig`) {
      if (faults.noSignature) return { status: 404 }
      if (faults.garbageSignature) return { status: 200, body: Buffer.from('not a signature') }
      return { status: 200, body: faults.untrustedSignature ? vf.untrustedSignature : vf.signature }
    }
    return { status: 404 }
  }

  const http = await startReleaseFileServer(route)

  return {
    url: http.url,
    publicKeyArmored: key.publicKey.armor(),
    fingerprint: key.publicKey.getFingerprint().toUpperCase(),
    otherPublicKeyArmored: other.publicKey.armor(),
    otherFingerprint: other.publicKey.getFingerprint().toUpperCase(),
    versions,
    indexPath: '/api.json',
    paths: v => ({
      zip: `/v${v}/${zipName(v)}`,
      shasums: `/v${v}/${sumsName(v)}`,
      signature: `/v${v}/${sumsName(v)}.gpgsig`
    }),
    requestCount: http.requestCount,
    countMatching: http.countMatching,
    setFaults(next) {
      faults = next
      http.failNext(next.failures ?? {})
    },
    resetRequests: http.resetRequests,
    close: http.close
  }
}
