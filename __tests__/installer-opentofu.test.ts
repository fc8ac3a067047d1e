// OpenTofu through the installer: the pure parts (api.json, the fingerprint policy, .tofu files) directly, and
// installRelease in-process against the local OpenTofu releases stand-in (real zips, real OpenPGP signatures, the
// real tool-cache in temp dirs). The `tofu` in the stand-in's zips is the machine's terraform binary renamed:
// OpenTofu is not installed here and cannot be downloaded, and these tests need only a working CLI.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as openpgp from 'openpgp'
import { startTofuReleasesServer, type TofuReleasesServer } from './support/tofu-releases-server.js'

// tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP from the environment: set them before it is imported
const scratch = mkdtempSync(join(tmpdir(), 'installer-opentofu-'))
process.env.RUNNER_TEMP = mkdtempSync(join(scratch, 'temp-'))
process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
const { installRelease, TERRAFORM } = await import('../src/installer/index.js')
const { UserError } = await import('../src/errors.js')
const tofu = await import('../src/installer/opentofu.js')
const { configurationFiles, findRequiredVersion } = await import('../src/installer/required-version.js')
const { releaseSource } = await import('../src/installer/release-source.js')

type Request = Parameters<typeof installRelease>[1]
type ReleaseCache = NonNullable<Parameters<typeof installRelease>[3]>['releaseCache']

const OPENTOFU_FPR = 'E3E6E43D84CB852EADB0051D0C0AF313E5FD9F80'
const fastRetry = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 }
let server: TofuReleasesServer
let root: string
let lines: string[]
const log = {
  info: (m: string) => lines.push(m),
  debug: (m: string) => lines.push(`debug: ${m}`),
  warning: (m: string) => lines.push(`warning: ${m}`)
}

const request = (overrides: Partial<Request> = {}): Request => ({
  versionSpec: '1.10.5',
  rootDir: root,
  workspaceDir: root,
  downloadUrl: server.url,
  signingKeys: server.publicKeyArmored,
  ...overrides
})

// the test's key is accepted by injecting its fingerprint: the distribution is an argument, no switch is needed
const install = (overrides: Partial<Request> = {}, releaseCache?: ReleaseCache) =>
  installRelease(tofu.openTofuDistribution([server.fingerprint]), request(overrides), log, {
    retry: fastRetry,
    releaseCache
  })

/** Warnings but the one every install with the injected test fingerprint starts with. */
const warnings = (): string[] => lines.filter(l => l.startsWith('warning: ') && !l.includes('(a test-only setting'))

function cached(tool = 'tofu'): string[] {
  const dir = join(process.env.RUNNER_TOOL_CACHE!, tool)
  return existsSync(dir) ? readdirSync(dir) : []
}

async function expectRefusal(run: Promise<unknown>, pattern: RegExp): Promise<string> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(UserError)
  const message = (err as Error).message
  expect(message).toMatch(pattern)
  expect(message).not.toContain('\n')
  expect(cached()).toEqual([])
  expect(readdirSync(process.env.RUNNER_TEMP!).filter(n => n.startsWith('tofu-install-'))).toEqual([])
  return message
}

beforeAll(async () => {
  server = await startTofuReleasesServer()
  root = mkdtempSync(join(scratch, 'root-'))
})

afterAll(async () => {
  await server?.close()
  rmSync(scratch, { recursive: true, force: true })
})

beforeEach(() => {
  process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
  server.setFaults({})
  server.resetRequests()
  lines = []
})

describe('the OpenTofu distribution, pure', () => {
  it('reads api.json: versions newest first as listed, only the tofu_<v>_<os>_<arch>.zip files are builds', () => {
    const index = tofu.parseOpenTofuIndex(
      {
        versions: [
          {
            id: '1.10.5',
            files: [
              'tofu_1.10.5_linux_amd64.zip',
              'tofu_1.10.5_linux_amd64.tar.gz',
              'tofu_1.10.5_darwin_arm64.zip',
              'tofu_1.10.5_SHA256SUMS',
              'tofu_1.10.5_SHA256SUMS.gpgsig',
              'tofu_1.9.0_linux_amd64.zip', // another version's file is never this version's build
              '../../evil.zip'
            ]
          },
          { id: 'v1.6.0-alpha5', files: [] },
          { id: '../x', files: [] },
          'junk',
          { files: ['tofu_1_linux_amd64.zip'] }
        ]
      },
      'https://mirror.example/api.json'
    )
    expect([...index.versions.keys()]).toEqual(['1.10.5', '1.6.0-alpha5'])
    const release = index.versions.get('1.10.5')!
    expect(release).toEqual({
      version: '1.10.5',
      shasums: 'tofu_1.10.5_SHA256SUMS',
      shasumsSignature: 'tofu_1.10.5_SHA256SUMS.gpgsig',
      shasumsSignatures: ['tofu_1.10.5_SHA256SUMS.gpgsig'],
      builds: [
        { os: 'linux', arch: 'amd64', filename: 'tofu_1.10.5_linux_amd64.zip' },
        { os: 'darwin', arch: 'arm64', filename: 'tofu_1.10.5_darwin_arm64.zip' }
      ]
    })
  })

  it('refuses what is not an OpenTofu index with one line naming the URL and the expected shape', () => {
    for (const bad of [{ versions: { '1.0.0': {} } }, [], null]) {
      expect(() => tofu.parseOpenTofuIndex(bad, 'https://m.example/api.json')).toThrow(
        /^https:\/\/m\.example\/api\.json is not an OpenTofu release index \(expected \{"versions": \[\{"id": /
      )
    }
    expect(() => tofu.parseOpenTofuIndexText('<html>', 'https://m.example/api.json')).toThrow(
      /is not valid JSON; check tofu-download-url/
    )
  })

  it("lays files out like OpenTofu's GitHub releases; the index is get.opentofu.org's unless a mirror is used", () => {
    expect(tofu.DEFAULT_TOFU_DOWNLOAD_URL).toBe('https://github.com/opentofu/opentofu/releases/download')
    expect(tofu.openTofuIndexUrl(tofu.DEFAULT_TOFU_DOWNLOAD_URL)).toBe('https://get.opentofu.org/tofu/api.json')
    expect(tofu.openTofuIndexUrl('https://mirror.example/tofu')).toBe('https://mirror.example/tofu/api.json')
    expect(tofu.openTofuFileUrl(tofu.DEFAULT_TOFU_DOWNLOAD_URL, '1.10.5', 'tofu_1.10.5_SHA256SUMS.gpgsig')).toBe(
      'https://github.com/opentofu/opentofu/releases/download/v1.10.5/tofu_1.10.5_SHA256SUMS.gpgsig'
    )
    const dist = tofu.openTofuDistribution()
    expect(dist.isSignatureFile('tofu_1.10.5_SHA256SUMS.gpgsig', 'tofu_1.10.5_SHA256SUMS')).toBe(true)
    // the cosign signature is not an OpenPGP one
    expect(dist.isSignatureFile('tofu_1.10.5_SHA256SUMS.sig', 'tofu_1.10.5_SHA256SUMS')).toBe(false)
    expect(dist.releaseCacheVersion('1.10.5')).toBe('tofu-1.10.5')
    expect(TERRAFORM.releaseCacheVersion('1.10.5')).toBe('1.10.5')
  })

  it('accepts only keys whose primary fingerprint is accepted: one line naming the key and what is accepted', () => {
    expect(tofu.formatFingerprint(OPENTOFU_FPR)).toBe('E3E6 E43D 84CB 852E ADB0  051D 0C0A F313 E5FD 9F80')
    expect(tofu.OPENTOFU_RELEASE_KEY_FINGERPRINT).toBe(OPENTOFU_FPR)
    expect(() => tofu.checkKeyFingerprints([OPENTOFU_FPR.toLowerCase()], [OPENTOFU_FPR])).not.toThrow()
    const other = 'C874011F0AB405110D02105534365D9472D7468F'
    expect(() => tofu.checkKeyFingerprints([other], [OPENTOFU_FPR])).toThrow(
      "input tofu-signing-key: key C874 011F 0AB4 0511 0D02  1055 3436 5D94 72D7 468F is not OpenTofu's release signing key; only primary key fingerprint E3E6 E43D 84CB 852E ADB0  051D 0C0A F313 E5FD 9F80 is accepted (https://get.opentofu.org/opentofu.asc)"
    )
    // the right key pasted next to another does not make the other one trusted
    expect(() => tofu.checkKeyFingerprints([OPENTOFU_FPR, other], [OPENTOFU_FPR])).toThrow(/key C874 011F/)
  })

  it('the accepted fingerprint is OpenTofu’s; a test-only override works only off GitHub Actions', () => {
    const env = tofu.TEST_ONLY_FINGERPRINT_ENV
    expect(tofu.acceptedTofuFingerprints({})).toEqual([OPENTOFU_FPR])
    expect(tofu.acceptedTofuFingerprints({ [env]: 'ab'.repeat(20) })).toEqual(['AB'.repeat(20)])
    expect(() => tofu.acceptedTofuFingerprints({ [env]: 'ab'.repeat(20), GITHUB_ACTIONS: 'true' })).toThrow(
      /^environment: TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT is set; it exists only for this action's own tests and is refused on GitHub Actions: unset it/
    )
    expect(() => tofu.acceptedTofuFingerprints({ [env]: 'E3E6' })).toThrow(/not a 40-hex-digit/)
    // and the tool input picks the distribution with it
    const inputs = {
      tool: 'tofu' as const,
      terraformDownloadUrl: 'https://releases.hashicorp.com',
      terraformSigningKey: '',
      tofuDownloadUrl: 'https://m.example',
      tofuSigningKey: 'KEY'
    }
    const source = releaseSource(inputs, {})
    expect([source.distribution.tool, source.downloadUrl, source.signingKeys]).toEqual([
      'tofu',
      'https://m.example',
      'KEY'
    ])
    expect(releaseSource({ ...inputs, tool: 'terraform' }, {}).distribution).toBe(TERRAFORM)
  })

  it('OpenTofu reads .tofu files, and x.tofu hides x.tf (x.tofu.json hides x.tf.json); Terraform reads neither', () => {
    const names = ['main.tf', 'main.tofu', 'vars.tf', 'a.tf.json', 'a.tofu.json', 'override.tofu', 'README.md']
    expect(configurationFiles(names, true)).toEqual(['a.tofu.json', 'main.tofu', 'override.tofu', 'vars.tf'])
    expect(configurationFiles(names, false)).toEqual(['a.tf.json', 'main.tf', 'vars.tf'])
  })

  it('required_version from main.tofu (not the hidden main.tf), else .opentofu-version up to the workspace', async () => {
    const workspace = mkdtempSync(join(scratch, 'ws-'))
    const dir = join(workspace, 'envs', 'dev')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'main.tf'), 'terraform {\n  required_version = "~> 1.11.0"\n}\n')
    writeFileSync(join(dir, 'main.tofu'), 'terraform {\n  required_version = "~> 1.9.0"\n}\n')
    const dist = tofu.openTofuDistribution()
    expect(await findRequiredVersion(dir, workspace, undefined, dist)).toEqual({
      spec: '~> 1.9.0',
      label: 'required_version "~> 1.9.0" (main.tofu)'
    })
    // Terraform sees only main.tf
    expect((await findRequiredVersion(dir, workspace))?.spec).toBe('~> 1.11.0')
    rmSync(join(dir, 'main.tf'))
    writeFileSync(join(dir, 'main.tofu'), 'resource "terraform_data" "x" {}\n')
    writeFileSync(join(workspace, '.opentofu-version'), '# pinned\n1.10.0\n')
    writeFileSync(join(workspace, '.terraform-version'), '1.11.4\n')
    expect(await findRequiredVersion(dir, workspace, undefined, dist)).toEqual({
      spec: '1.10.0',
      label: `.opentofu-version "1.10.0" (${join(workspace, '.opentofu-version')})`
    })
  })
})

describe('installRelease(OpenTofu) against the local OpenTofu releases stand-in', () => {
  it('installs a verified tofu 1.10.5 under the tool name tofu, and it runs', async () => {
    const result = await install()
    expect(result).toEqual({
      version: '1.10.5',
      path: join(process.env.RUNNER_TOOL_CACHE!, 'tofu', '1.10.5', process.arch),
      binary: join(process.env.RUNNER_TOOL_CACHE!, 'tofu', '1.10.5', process.arch, 'tofu'),
      fromCache: false
    })
    expect(cached('terraform')).toEqual([])
    // the stand-in binary is terraform renamed, so it prints Terraform's banner
    const out = execFileSync(result.binary, ['version'], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' }
    })
    expect(out).toMatch(/^Terraform v\d+\.\d+\.\d+/m)
    const p = server.paths('1.10.5')
    expect([
      server.requestCount('/api.json'),
      server.requestCount(p.shasums),
      server.requestCount(p.signature)
    ]).toEqual([1, 1, 1])
    expect(server.requestCount(p.zip)).toBe(1)
    // nothing but the index, the sums, the signature and the zip: no .tar.gz, no cosign files
    expect(server.countMatching(() => true)).toBe(4)
    const text = lines.join('\n')
    expect(text).toContain('tofu version wanted: terraform-version "1.10.5"')
    expect(text).toContain('tofu_1.10.5_SHA256SUMS: signature tofu_1.10.5_SHA256SUMS.gpgsig verified (key ')
    expect(text).toContain('tofu_1.10.5_linux_amd64.zip: SHA-256 verified')
    // the injected fingerprint is said out loud
    expect(lines.filter(l => l.includes('(a test-only setting'))).toEqual([
      `warning: tofu-signing-key: accepting key fingerprint ${tofu.formatFingerprint(server.fingerprint)} in place of OpenTofu's (a test-only setting, TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT)`
    ])
  })

  it('a second install of an exact version comes from the tool cache without any request', async () => {
    const first = await install()
    const before = server.countMatching(() => true)
    expect(await install()).toEqual({ ...first, fromCache: true })
    expect(server.countMatching(() => true)).toBe(before)
  })

  it('resolves latest (no pre-release), constraints, and a pre-release only when named', async () => {
    expect((await install({ versionSpec: 'latest' })).version).toBe('1.10.5')
    expect((await install({ versionSpec: '~> 1.9.0' })).version).toBe('1.9.1')
    expect((await install({ versionSpec: '>= 1.6, < 1.10.5' })).version).toBe('1.10.0')
    expect((await install({ versionSpec: '1.11.0-rc1' })).version).toBe('1.11.0-rc1')
    expect(cached().sort()).toEqual(['1.10.0', '1.10.5', '1.11.0-rc1', '1.9.1'])
    await expect(install({ versionSpec: '1.12.0' })).rejects.toThrow(
      /^terraform-version "1\.12\.0" is not a release listed at http:\/\/127\.0\.0\.1:\d+\/api\.json: newest is 1\.10\.5$/
    )
    expect(cached()).not.toContain('1.12.0')
  })

  it('with terraform-version empty, reads required_version from a .tofu file', async () => {
    const dir = mkdtempSync(join(scratch, 'root-'))
    writeFileSync(join(dir, 'versions.tofu'), 'terraform {\n  required_version = "< 1.10"\n}\n')
    const result = await install({ versionSpec: '', rootDir: dir, workspaceDir: dir })
    expect(result.version).toBe('1.9.1')
    expect(lines.join('\n')).toContain('required_version "< 1.10" (versions.tofu)')
  })

  it('OpenTofu’s own fingerprint (the default) refuses any other key before a single request', async () => {
    const message = await expectRefusal(
      installRelease(tofu.openTofuDistribution(), request(), log, { retry: fastRetry }),
      /^input tofu-signing-key: key [0-9A-F ]+ is not OpenTofu's release signing key; only primary key fingerprint E3E6 E43D 84CB 852E ADB0 {2}051D 0C0A F313 E5FD 9F80 is accepted/
    )
    expect(message).toContain(tofu.formatFingerprint(server.fingerprint))
    expect(server.countMatching(() => true)).toBe(0)
  })

  it('an empty tofu-signing-key is refused: nothing could be verified', async () => {
    await expectRefusal(
      install({ signingKeys: '' }),
      /^input tofu-signing-key: empty; with tool: tofu it is required, as OpenTofu's release key does not ship with this action yet: paste OpenTofu's ASCII-armored public key \(https:\/\/get\.opentofu\.org\/opentofu\.asc/
    )
    expect(server.countMatching(() => true)).toBe(0)
  })

  it.each([
    [
      'a tampered zip',
      { tamperedZip: true },
      /^tofu_1\.10\.5_linux_amd64\.zip: SHA-256 mismatch \(expected [0-9a-f]{12}…, got [0-9a-f]{12}…\); refusing to install$/
    ],
    [
      'a tampered SHA256SUMS',
      { tamperedShasums: true },
      /^tofu_1\.10\.5_SHA256SUMS: signature by trusted key [0-9A-F]+ does not verify/
    ],
    [
      'a signature by another key',
      { untrustedSignature: true },
      /^tofu_1\.10\.5_SHA256SUMS: signature is not from a trusted key/
    ],
    [
      'no signature',
      { noSignature: true },
      /^tofu_1\.10\.5_SHA256SUMS: no signature found \(tried tofu_1\.10\.5_SHA256SUMS\.gpgsig\); refusing to install$/
    ],
    [
      'a signature file that is not one',
      { garbageSignature: true },
      /^tofu_1\.10\.5_SHA256SUMS: signature file cannot be read/
    ]
  ])('refuses %s with one line, caching nothing', async (_what, faults, pattern) => {
    server.setFaults(faults)
    await expectRefusal(install(), pattern)
    // a bad signature costs no zip download
    if (!('tamperedZip' in faults)) expect(server.requestCount(server.paths('1.10.5').zip)).toBe(0)
  })

  it('index down: the newest verified cached version satisfying the constraint, with a warning', async () => {
    await install({ versionSpec: '1.9.1' })
    await install({ versionSpec: '1.10.0' })
    server.setFaults({ failures: { '/api.json': Infinity } })
    lines = []
    const hit = await install({ versionSpec: '~> 1.9' })
    expect(hit).toMatchObject({ version: '1.10.0', fromCache: true })
    expect(warnings()).toEqual([
      expect.stringMatching(
        /^warning: releases index unreachable \(download of http:\/\/127\.0\.0\.1:\d+\/api\.json failed after 2 attempts: HTTP 503; the server keeps failing, re-run the job later\); using tofu 1\.10\.0 from the tool cache, the newest cached version satisfying terraform-version "~> 1\.9"$/
      )
    ])
    // nothing cached satisfies: one line
    await expect(install({ versionSpec: '~> 1.6.0' })).rejects.toThrow(
      /no version in the tool cache satisfies terraform-version "~> 1\.6\.0", so there is nothing to fall back on$/
    )
  })

  it('keeps the verified files for the release cache under a tofu-only key, and verifies them again on restore', async () => {
    const store = new Map<string, string>()
    const releaseCache: ReleaseCache = {
      async restore(version) {
        return store.get(version)
      },
      async keep(version, files) {
        const dir = mkdtempSync(join(scratch, 'release-'))
        for (const f of files) writeFileSync(join(dir, f.name), f.data)
        store.set(version, dir)
      }
    }
    await install({}, releaseCache)
    const dir = store.get('tofu-1.10.5')!
    expect(readdirSync(dir).sort()).toEqual([
      'tofu_1.10.5_SHA256SUMS',
      'tofu_1.10.5_SHA256SUMS.gpgsig',
      'tofu_1.10.5_linux_amd64.zip'
    ])
    // a new runner: empty tool cache, the release cache restores the files, no request at all
    process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
    server.resetRequests()
    const restored = await install({}, releaseCache)
    expect(restored).toMatchObject({ version: '1.10.5', fromCache: false })
    expect(server.countMatching(() => true)).toBe(0)
    expect(lines.join('\n')).toContain('tofu 1.10.5 restored from the Actions cache: tofu_1.10.5_SHA256SUMS.gpgsig')
    // a tampered entry is refused and downloaded afresh
    const zip = join(dir, 'tofu_1.10.5_linux_amd64.zip')
    writeFileSync(zip, Buffer.concat([readFileSync(zip), Buffer.from('x')]))
    process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
    lines = []
    expect(await install({}, releaseCache)).toMatchObject({ version: '1.10.5', fromCache: false })
    expect(warnings()).toEqual([
      expect.stringMatching(
        /^warning: tofu 1\.10\.5 from the Actions cache refused: tofu_1\.10\.5_linux_amd64\.zip: SHA-256 mismatch/
      )
    ])
    expect(server.requestCount(server.paths('1.10.5').zip)).toBe(1)
  })

  it('a generated key is a real OpenPGP key whose fingerprint the test injected (the check is not a stub)', async () => {
    const key = await openpgp.readKey({ armoredKey: server.publicKeyArmored })
    expect(key.getFingerprint().toUpperCase()).toBe(server.fingerprint)
    expect(server.fingerprint).not.toBe(OPENTOFU_FPR)
  })
})
