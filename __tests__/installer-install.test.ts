// installTerraform end to end, in-process: the real local releases server, the real tool-cache in temp dirs,
// the real terraform binary, real OpenPGP signatures. No mocks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'

// tool-cache reads RUNNER_TOOL_CACHE / RUNNER_TEMP from the environment: set them before it is imported
const scratch = mkdtempSync(join(tmpdir(), 'installer-install-'))
process.env.RUNNER_TEMP = mkdtempSync(join(scratch, 'temp-'))
process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
const { installTerraform } = await import('../src/installer/index.js')
const { UserError } = await import('../src/errors.js')

type Install = typeof installTerraform
type Request = Parameters<Install>[0]

const fastRetry = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 }
let server: ReleasesServer
let root: string
let lines: string[]
const log = { info: (m: string) => lines.push(m), debug: (m: string) => lines.push(`debug: ${m}`) }

function request(overrides: Partial<Request> = {}): Request {
  return {
    versionSpec: '1.11.4',
    rootDir: root,
    workspaceDir: root,
    downloadUrl: server.url,
    signingKeys: server.publicKeyArmored,
    ...overrides
  }
}

const install = (overrides: Partial<Request> = {}): ReturnType<Install> =>
  installTerraform(request(overrides), log, { retry: fastRetry })

/** A fresh, empty tool cache for each test, so every refusal can be checked against an empty cache. */
function freshToolCache(): string {
  const dir = mkdtempSync(join(scratch, 'cache-'))
  process.env.RUNNER_TOOL_CACHE = dir
  return dir
}

function cachedTerraform(): string[] {
  const dir = join(process.env.RUNNER_TOOL_CACHE!, 'terraform')
  return existsSync(dir) ? readdirSync(dir) : []
}

/** Runs the installer, expects a UserError, and checks that nothing was cached and the temp dir is clean. */
async function expectRefusal(overrides: Partial<Request>, pattern: RegExp): Promise<string> {
  const err = await install(overrides).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(UserError)
  const message = (err as Error).message
  expect(message).toMatch(pattern)
  expect(message).not.toContain('\n')
  expect(cachedTerraform()).toEqual([])
  expect(readdirSync(process.env.RUNNER_TEMP!).filter(n => n.startsWith('terraform-install-'))).toEqual([])
  return message
}

beforeAll(async () => {
  server = await startReleasesServer()
  root = mkdtempSync(join(scratch, 'root-'))
})

afterAll(async () => {
  await server?.close()
  rmSync(scratch, { recursive: true, force: true })
})

beforeEach(() => {
  freshToolCache()
  server.setFaults({})
  server.resetRequests()
  lines = []
})

describe('installTerraform against the local releases server', () => {
  it('installs a verified terraform that runs and reports 1.11.4', async () => {
    const result = await install()
    expect(result.version).toBe('1.11.4')
    expect(result.fromCache).toBe(false)
    expect(result.path).toBe(join(process.env.RUNNER_TOOL_CACHE!, 'terraform', '1.11.4', process.arch))
    expect(result.binary).toBe(join(result.path, 'terraform'))
    const out = execFileSync(result.binary, ['version'], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' }
    })
    expect(out).toMatch(/^Terraform v1\.11\.4$/m)
    // the key-specific signature for the trusted key is preferred; the generic one is not needed
    const p = server.paths('1.11.4')
    expect(server.requestCount(p.keySignature)).toBe(1)
    expect(server.requestCount(p.signature)).toBe(0)
    expect(server.requestCount(p.zip)).toBe(1)
    expect(lines.join('\n')).toContain(`verified (key `)
  })

  it('serves a second install of an exact version from the cache without any request', async () => {
    const first = await install()
    const before = server.countMatching(() => true)
    const second = await install()
    expect(second).toEqual({ ...first, fromCache: true })
    expect(server.countMatching(() => true)).toBe(before)
    expect(server.requestCount(server.indexPath)).toBe(1)
  })

  it('resolves a constraint against the index, then uses the cache without downloading the zip again', async () => {
    const first = await install({ versionSpec: '~> 1.10.0' })
    expect(first.version).toBe('1.10.5')
    expect(first.path).toContain(join('terraform', '1.10.5'))
    const second = await install({ versionSpec: '~> 1.10.0' })
    expect(second.fromCache).toBe(true)
    expect(second.version).toBe('1.10.5')
    expect(server.requestCount(server.indexPath)).toBe(2) // a constraint needs the index to know what is newest
    expect(server.requestCount(server.paths('1.10.5').zip)).toBe(1)
  })

  it('installs latest (never a pre-release) and an exactly requested pre-release', async () => {
    expect((await install({ versionSpec: 'latest' })).version).toBe('1.11.4')
    expect((await install({ versionSpec: '1.12.0-beta1' })).version).toBe('1.12.0-beta1')
    expect(cachedTerraform().sort()).toEqual(['1.11.4', '1.12.0-beta1'])
  })

  it('reads required_version from the root when terraform-version is empty', async () => {
    const dir = mkdtempSync(join(scratch, 'root-'))
    writeFileSync(join(dir, 'versions.tf'), 'terraform {\n  required_version = ">= 1.9, < 1.11"\n}\n')
    const result = await install({ versionSpec: '', rootDir: dir, workspaceDir: dir })
    expect(result.version).toBe('1.10.5')
    expect(lines.join('\n')).toContain('required_version ">= 1.9, < 1.11" (versions.tf)')
  })

  it('defaults to HashiCorp’s embedded key, which did not sign the test releases', async () => {
    const message = await expectRefusal({ signingKeys: '' }, /signature is not from a trusted key/)
    expect(message).toContain('34365D9472D7468F')
  })

  it('accepts several armored keys and uses whichever signed', async () => {
    const keys = `${server.otherPublicKeyArmored}\n${server.publicKeyArmored}`
    expect((await install({ signingKeys: keys })).version).toBe('1.11.4')
  })

  it('falls back to the generic .sig when only that exists', async () => {
    const generic = await startReleasesServer({ signatureFiles: 'generic', versions: ['1.11.4'] })
    try {
      const result = await installTerraform(
        request({ downloadUrl: `${generic.url}/`, signingKeys: generic.publicKeyArmored }),
        log,
        { retry: fastRetry }
      )
      expect(result.version).toBe('1.11.4')
      expect(generic.requestCount(generic.paths('1.11.4').signature)).toBe(1)
    } finally {
      await generic.close()
    }
  })

  it('refuses a tampered zip', async () => {
    server.setFaults({ tamperedZip: true })
    await expectRefusal(
      {},
      /^terraform_1\.11\.4_\w+_\w+\.zip: SHA-256 mismatch \(expected [0-9a-f]{12}…, got [0-9a-f]{12}…\); refusing to install$/
    )
  })

  it('refuses a tampered checksum file (even when it matches a tampered zip)', async () => {
    server.setFaults({ tamperedZip: true, tamperedShasums: true })
    const message = await expectRefusal(
      {},
      /^terraform_1\.11\.4_SHA256SUMS: signature by trusted key .* does not verify/
    )
    expect(message).toMatch(/refusing to install$/)
    expect(server.requestCount(server.paths('1.11.4').zip)).toBe(0) // refused before downloading the zip
  })

  it('refuses a signature by an untrusted key', async () => {
    server.setFaults({ untrustedSignature: true })
    await expectRefusal(
      {},
      /^terraform_1\.11\.4_SHA256SUMS: signature is not from a trusted key \(key ids: [0-9A-F]{16}; trusted: [0-9A-F]{16}\); refusing to install$/
    )
  })

  it('refuses when there is no signature', async () => {
    server.setFaults({ noSignature: true })
    await expectRefusal(
      {},
      /^terraform_1\.11\.4_SHA256SUMS: no signature found \(tried .*\.sig\); refusing to install$/
    )
  })

  it('refuses an index that passes off another version’s signed files (downgrade)', async () => {
    server.setFaults({ downgradeIndex: true })
    await expectRefusal(
      {},
      /^http:\/\/127\.0\.0\.1:\d+\/terraform\/index\.json names terraform_1\.9\.8_SHA256SUMS for terraform 1\.11\.4 \(expected terraform_1\.11\.4_SHA256SUMS\); refusing to install$/
    )
  })

  it('refuses an unknown version', async () => {
    await expectRefusal(
      { versionSpec: '1.99.0' },
      /^terraform-version "1\.99\.0" is not a release listed at http:\/\/127\.0\.0\.1:\d+\/terraform\/index\.json: newest is 1\.11\.4$/
    )
  })

  it('refuses an unsatisfiable constraint', async () => {
    await expectRefusal(
      { versionSpec: '~> 9.0' },
      /^terraform-version "~> 9\.0" matches no release at http:\/\/127\.0\.0\.1:\d+\/terraform\/index\.json: newest is 1\.11\.4$/
    )
  })

  it('refuses a malformed constraint before any request', async () => {
    await expectRefusal({ versionSpec: '>> 1.0' }, /^terraform-version ">> 1\.0" is not a valid version constraint/)
    expect(server.countMatching(() => true)).toBe(0)
  })

  it('retries 5xx answers and then succeeds', async () => {
    const p = server.paths('1.11.4')
    server.setFaults({ failures: { [server.indexPath]: 2, [p.zip]: 1, [p.shasums]: 1 } })
    const result = await install()
    expect(result.version).toBe('1.11.4')
    expect(server.requestCount(server.indexPath)).toBe(3)
    expect(server.requestCount(p.zip)).toBe(2)
    expect(server.requestCount(p.shasums)).toBe(2)
    expect(lines.filter(l => l.includes('HTTP 503; retrying'))).toHaveLength(4)
  })

  it('gives up on persistent 5xx with one clear line', async () => {
    const p = server.paths('1.11.4')
    server.setFaults({ failures: { [p.zip]: Infinity } })
    const message = await expectRefusal(
      {},
      /^download of http:\/\/127\.0\.0\.1:\d+\/terraform\/1\.11\.4\/terraform_1\.11\.4_\w+\.zip failed after 4 attempts: HTTP 503/
    )
    expect(message).toMatch(/HTTP 503; the server keeps failing, re-run the job later$/)
    expect(server.requestCount(p.zip)).toBe(4)
  })

  it('gives one clear line when nothing listens at download-url', async () => {
    await expectRefusal(
      { downloadUrl: 'http://127.0.0.1:1' },
      /^download of http:\/\/127\.0\.0\.1:1\/terraform\/index\.json failed after 4 attempts: connect ECONNREFUSED 127\.0\.0\.1:1; check terraform-download-url and the runner's network or proxy settings$/
    )
  })

  it('does not retry a 404 and names the URL', async () => {
    await expectRefusal(
      { downloadUrl: `${server.url}/mirror` },
      /^download of http:\/\/127\.0\.0\.1:\d+\/mirror\/terraform\/index\.json failed: HTTP 404/
    )
    expect(server.requestCount('/mirror/terraform/index.json')).toBe(1)
  })

  it('refuses an unreadable signing key', async () => {
    await expectRefusal(
      { signingKeys: 'not a key' },
      /^input terraform-signing-key: has no complete armored public key/
    )
  })
})
