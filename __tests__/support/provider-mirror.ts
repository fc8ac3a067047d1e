// A local Terraform provider network mirror (https, as terraform requires) serving hashicorp/azurerm 4.79.0:
// the offline azurerm shim of ../shared/offline-azurerm plus an incompressible padding file, so that
// `terraform init` really downloads, unpacks and verifies a package of realistic size (the real azurerm zip is
// ~100 MB; tests pass a smaller padding to spare the shared machine, the benchmark uses the full size).
//
//   const mirror = await startProviderMirror({ paddingBytes: 100 * 2 ** 20 })
//   env: mirror.env (TF_CLI_CONFIG_FILE with network_mirror, SSL_CERT_FILE trusting its self-signed cert)
//   mirror.lockFile()      a .terraform.lock.hcl pinning exactly this package (h1: and zh:)
//   mirror.downloads()     how many times the zip was fetched
//
// Protocol (https://developer.hashicorp.com/terraform/internals/provider-network-mirror-protocol):
//   GET /registry.terraform.io/hashicorp/azurerm/index.json     {"versions":{"4.79.0":{}}}
//   GET /registry.terraform.io/hashicorp/azurerm/4.79.0.json    {"archives":{"<os>_<arch>":{"url","hashes":["zh:…"]}}}
//   GET /registry.terraform.io/hashicorp/azurerm/<zip>          the package
import { execFileSync } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeZip, type ZipEntry } from './zip-writer.js'

// Beside the repository, as .ci/run finds it (OFFLINE_AZURERM_SETUP points at its setup script when elsewhere).
export const OFFLINE_AZURERM = process.env.OFFLINE_AZURERM_SETUP
  ? dirname(process.env.OFFLINE_AZURERM_SETUP)
  : join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'offline-azurerm')
const VERSION = '4.79.0'
const PROVIDER = 'registry.terraform.io/hashicorp/azurerm'
const BINARY = `terraform-provider-azurerm_v${VERSION}`

export interface ProviderMirror {
  url: string
  /** terraform's platform name, e.g. linux_amd64 */
  platform: string
  zipBytes: number
  env: { TF_CLI_CONFIG_FILE: string; SSL_CERT_FILE: string }
  lockFile(extraHashes?: string[]): string
  /** GETs of the package zip so far */
  downloads(): number
  requests: string[]
  close(): Promise<void>
}

/** Why the mirror cannot be built here, or undefined. */
export function providerMirrorUnavailableReason(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
  } catch {
    return 'openssl is not on PATH (the provider mirror needs a self-signed TLS certificate)'
  }
  try {
    execFileSync(join(OFFLINE_AZURERM, 'setup'), ['--quiet'], { stdio: 'ignore' })
  } catch {
    return `${OFFLINE_AZURERM}/setup failed or is missing (the mirror serves its azurerm shim)`
  }
  return undefined
}

function platformName(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform
  const arch = ({ x64: 'amd64', arm64: 'arm64', ia32: '386' } as Record<string, string>)[process.arch] ?? process.arch
  return `${os}_${arch}`
}

/** Deterministic, incompressible bytes (AES-CTR of zeros): the same package, and lock file, in every run. */
function padding(bytes: number): Buffer {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0))
  return Buffer.concat([cipher.update(Buffer.alloc(bytes)), cipher.final()])
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** Terraform's h1: hash of the unpacked package (dirhash Hash1), from the entries themselves. */
function h1(entries: ZipEntry[]): string {
  const lines = [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(e => `${sha256(e.data)}  ${e.name}\n`)
    .join('')
  return `h1:${createHash('sha256').update(lines).digest('base64')}`
}

export async function startProviderMirror(opts: { paddingBytes: number }): Promise<ProviderMirror> {
  const dir = mkdtempSync(join(tmpdir(), 'provider-mirror-'))
  const platform = platformName()
  const setupOut = execFileSync(join(OFFLINE_AZURERM, 'setup'), ['--quiet'], { encoding: 'utf8' })
  const config = /TF_CLI_CONFIG_FILE='?([^'\n]+)'?/.exec(setupOut)?.[1]
  if (!config) throw new Error(`provider-mirror: no TF_CLI_CONFIG_FILE in the output of setup: ${setupOut}`)
  const shim = readFileSync(join(config, '..', PROVIDER, VERSION, platform, BINARY))

  const entries: ZipEntry[] = [
    { name: BINARY, data: shim, mode: 0o755 },
    { name: 'padding.bin', data: padding(opts.paddingBytes), mode: 0o644 }
  ]
  const zip = writeZip(entries)
  const zipName = `terraform-provider-azurerm_${VERSION}_${platform}.zip`
  const zh = `zh:${sha256(zip)}`
  const packageH1 = h1(entries)

  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1'
    ],
    { stdio: 'ignore' }
  )

  const requests: string[] = []
  let downloads = 0
  const base = `/${PROVIDER}/`
  const server = createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname
      requests.push(path)
      const json = (body: unknown): void => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.method !== 'GET') return void res.writeHead(405).end()
      if (path === `${base}index.json`) return json({ versions: { [VERSION]: {} } })
      if (path === `${base}${VERSION}.json`) return json({ archives: { [platform]: { url: zipName, hashes: [zh] } } })
      if (path === `${base}${zipName}`) {
        downloads++
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) })
        return void res.end(zip)
      }
      res.writeHead(404).end()
    }
  )
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`

  const cliConfig = join(dir, 'mirror.tfrc')
  writeFileSync(
    cliConfig,
    `provider_installation {\n  network_mirror {\n    url     = "${url}"\n    include = ["${PROVIDER}"]\n  }\n}\n`
  )

  return {
    url,
    platform,
    zipBytes: zip.length,
    env: { TF_CLI_CONFIG_FILE: cliConfig, SSL_CERT_FILE: cert },
    lockFile: (extraHashes = []) =>
      [
        '# This file is maintained automatically by "terraform init".',
        '# Manual edits may be lost in future updates.',
        '',
        `provider "${PROVIDER}" {`,
        `  version     = "${VERSION}"`,
        `  constraints = "${VERSION}"`,
        '  hashes = [',
        ...[packageH1, zh, ...extraHashes].map(h => `    "${h}",`),
        '  ]',
        '}',
        ''
      ].join('\n'),
    downloads: () => downloads,
    requests,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
