// The OpenTofu inputs (tool, tofu-download-url, tofu-signing-key) as readInputs validates them, on real
// directories, and terraform-version: system finding a `tofu` on PATH (the machine's terraform, linked as tofu:
// OpenTofu itself is not installed here).
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as openpgp from 'openpgp'
import { INPUT_NAMES, readInputs, urlSecrets } from '../src/inputs.js'
import { systemTerraform } from '../src/installer/system-terraform.js'
import { findOnPath } from './support/releases-server.js'

const scratch = mkdtempSync(join(tmpdir(), 'opentofu-inputs-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const workspace = join(scratch, 'ws')
mkdirSync(join(workspace, 'tofu-only'), { recursive: true })
writeFileSync(join(workspace, 'tofu-only', 'main.tofu'), 'resource "terraform_data" "x" {}\n')
const temp = join(scratch, 'temp')
mkdirSync(temp)

const key = (
  await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 't' }], format: 'object' })
).publicKey.armor()

const env = (inputs: Record<string, string>) => {
  const e: Record<string, string> = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp }
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v
  return e
}
const read = (inputs: Record<string, string>) =>
  readInputs(env({ 'working-directory': 'tofu-only', ...inputs }), () => '/nowhere', { checkDisk: true })

describe('tool and the tofu-* inputs', () => {
  it('are declared, default to terraform and OpenTofu’s GitHub releases', () => {
    expect(INPUT_NAMES).toEqual(expect.arrayContaining(['tool', 'tofu-download-url', 'tofu-signing-key']))
    const plain = readInputs(env({}), () => '/nowhere')
    expect([plain.tool, plain.tofuDownloadUrl, plain.tofuSigningKey]).toEqual([
      'terraform',
      'https://github.com/opentofu/opentofu/releases/download',
      ''
    ])
    const tofu = read({ tool: 'tofu', 'tofu-signing-key': key, 'tofu-download-url': 'https://mirror.example/tofu/' })
    expect([tofu.tool, tofu.tofuDownloadUrl, tofu.tofuSigningKey]).toEqual([
      'tofu',
      'https://mirror.example/tofu',
      key.trim()
    ])
  })

  it('refuse a bad value with one line naming the input and what is accepted', () => {
    const cases: Array<[Record<string, string>, string | RegExp]> = [
      [{ tool: 'opentofu' }, 'input tool: "opentofu" is not accepted; use one of: terraform, tofu'],
      [
        { tool: 'tofu' },
        /^input tofu-signing-key: empty; with tool: tofu it is required, .* E3E6 E43D 84CB 852E ADB0 {2}051D 0C0A F313 E5FD 9F80\); no other key is accepted$/
      ],
      [
        { tool: 'tofu', 'tofu-signing-key': 'E3E6E43D84CB852EADB0051D0C0AF313E5FD9F80' },
        /^input tofu-signing-key: not an armored OpenPGP public key \("E3E6E43D.*"\); paste OpenTofu's ASCII-armored public key/
      ],
      [
        { tool: 'tofu', 'tofu-signing-key': '-----BEGIN PGP PRIVATE KEY BLOCK-----\nxyz' },
        /^input tofu-signing-key: contains a private key, which must never be shared; paste OpenTofu's/
      ],
      [
        { tool: 'tofu', 'tofu-signing-key': key, 'terraform-signing-key': key },
        'input terraform-signing-key: set, but tool is tofu, which uses tofu-signing-key; move the key there or set tool'
      ],
      [
        { 'tofu-signing-key': key, 'working-directory': '.' },
        'input tofu-signing-key: set, but tool is terraform, which uses terraform-signing-key; move the key there or set tool'
      ],
      [
        { tool: 'tofu', 'tofu-signing-key': key, 'tofu-download-url': 'ftp://m.example' },
        `input tofu-download-url: "ftp://m.example" uses ftp:; use an http(s) URL laid out like OpenTofu's GitHub releases, https://github.com/opentofu/opentofu/releases/download`
      ],
      [
        { tool: 'tofu', 'tofu-signing-key': key, 'terraform-version': '~> banana' },
        /^input terraform-version: "~> banana" is not a valid version constraint .*, or system \(the tofu on PATH\)$/
      ]
    ]
    for (const [inputs, expected] of cases) {
      let message = ''
      try {
        read(inputs)
      } catch (err) {
        message = (err as Error).message
      }
      expect([inputs, message]).toEqual([
        inputs,
        typeof expected === 'string' ? expected : expect.stringMatching(expected)
      ])
    }
  })

  it('need no key for terraform-version system or for discover, which download nothing', () => {
    expect(read({ tool: 'tofu', 'terraform-version': 'system' }).tool).toBe('tofu')
    expect(read({ tool: 'tofu', command: 'discover' }).tool).toBe('tofu')
  })

  it('a root of .tofu files only is a root for tool tofu, not for terraform', () => {
    expect(read({ tool: 'tofu', 'tofu-signing-key': key }).workingDirectory).toBe(join(workspace, 'tofu-only'))
    expect(() => read({})).toThrow(
      'input working-directory: "tofu-only" has no .tf or .tf.json files; use a directory of the repository that holds a Terraform root (its .tf files)'
    )
  })

  it('credentials in tofu-download-url are masked like those in terraform-download-url', () => {
    expect(urlSecrets(env({ 'tofu-download-url': 'https://bot:p%40ss@mirror.example/tofu' }))).toEqual(
      expect.arrayContaining(['bot:p%40ss', 'p%40ss', 'p@ss'])
    )
  })
})

describe('terraform-version system with tool tofu', () => {
  it('uses the tofu on PATH, checked by `tofu version -json`; without one, one line', async () => {
    const bin = join(scratch, 'bin')
    mkdirSync(bin)
    symlinkSync(findOnPath('terraform'), join(bin, 'tofu'))
    const lines: string[] = []
    const found = await systemTerraform(
      { info: m => lines.push(m) },
      { PATH: bin, CHECKPOINT_DISABLE: '1' },
      undefined,
      'tofu'
    )
    expect(found.binary).toBe(join(bin, 'tofu'))
    expect(found.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(lines).toEqual([
      `terraform-version system: using tofu ${found.version} at ${join(bin, 'tofu')} (from PATH, not downloaded)`
    ])
    await expect(systemTerraform({ info: () => undefined }, { PATH: scratch }, undefined, 'tofu')).rejects.toThrow(
      'input terraform-version: "system" uses the tofu on PATH, and there is none; install tofu on PATH or set terraform-version to a version to download'
    )
  })
})
