// required_version / .terraform-version detection against real files in temp dirs, parsed by the real HCL parser.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../src/errors.js'
import {
  dirsUpToWorkspace,
  extractRequiredVersions,
  findRequiredVersion,
  parseTerraformVersionFile,
  readRequiredVersionFromRoot
} from '../src/installer/required-version.js'

const scratch = mkdtempSync(join(tmpdir(), 'installer-required-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A temp dir with the given files (paths may contain subdirectories). */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'root-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

const notes: string[] = []
const log = { info: (m: string) => notes.push(m) }

describe('readRequiredVersionFromRoot', () => {
  it('reads required_version from a terraform block among other blocks', async () => {
    const dir = fixture({
      'versions.tf': `terraform {
  required_version = "~> 1.10"
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}
`,
      'main.tf': 'resource "null_resource" "x" {}\nlocals { a = "required_version = \\"9.9.9\\"" }\n'
    })
    expect(await readRequiredVersionFromRoot(dir)).toEqual({
      spec: '~> 1.10',
      label: 'required_version "~> 1.10" (versions.tf)'
    })
  })

  it('joins required_version from several files and blocks (all must hold)', async () => {
    const dir = fixture({
      'a.tf': 'terraform {\n  required_version = ">= 1.9"\n}\nterraform {\n  backend "local" {}\n}\n',
      'b.tf': 'terraform {\n  required_version = "< 2.0"\n}\n',
      'c.tf.json': JSON.stringify({ terraform: { required_version: '!= 1.10.0' } })
    })
    expect((await readRequiredVersionFromRoot(dir))?.spec).toBe('>= 1.9, < 2.0, != 1.10.0')
  })

  it('lets override files replace the others, as Terraform does', async () => {
    const dir = fixture({
      'versions.tf': 'terraform {\n  required_version = ">= 1.0"\n}\n',
      'versions_override.tf': 'terraform {\n  required_version = "= 1.9.8"\n}\n'
    })
    expect(await readRequiredVersionFromRoot(dir)).toEqual({
      spec: '= 1.9.8',
      label: 'required_version "= 1.9.8" (versions_override.tf)'
    })
  })

  it('ignores other directories, non-.tf files and non-literal values', async () => {
    const dir = fixture({
      'modules/x/versions.tf': 'terraform {\n  required_version = "1.0.0"\n}\n',
      'notes.txt': 'required_version = "1.0.0"',
      'main.tf': 'terraform {\n  required_version = var.v\n}\n'
    })
    expect(await readRequiredVersionFromRoot(dir)).toBeUndefined()
  })

  it('skips a file that does not parse, with a note, and still reads the others', async () => {
    notes.length = 0
    const dir = fixture({
      'broken.tf': 'terraform {\n  required_version = \n',
      'versions.tf': 'terraform {\n  required_version = "1.11.4"\n}\n'
    })
    expect((await readRequiredVersionFromRoot(dir, log))?.spec).toBe('1.11.4')
    expect(notes.join('\n')).toMatch(/^broken\.tf: cannot be parsed/)
  })

  it('returns undefined for a missing directory', async () => {
    expect(await readRequiredVersionFromRoot(join(scratch, 'does-not-exist'))).toBeUndefined()
  })
})

describe('findRequiredVersion', () => {
  it('prefers required_version over .terraform-version', async () => {
    const dir = fixture({
      'main.tf': 'terraform {\n  required_version = ">= 1.9"\n}\n',
      '.terraform-version': '1.10.5\n'
    })
    expect((await findRequiredVersion(dir, dir))?.spec).toBe('>= 1.9')
  })

  it('reads .terraform-version in the root, then walks up to the workspace', async () => {
    const ws = fixture({
      '.terraform-version': '# pinned for the repo\n1.9.8\n',
      'stacks/app/main.tf': 'terraform {\n  backend "local" {}\n}\n',
      'stacks/pinned/.terraform-version': 'latest\n'
    })
    const app = await findRequiredVersion(join(ws, 'stacks', 'app'), ws)
    expect(app).toEqual({ spec: '1.9.8', label: `.terraform-version "1.9.8" (${join(ws, '.terraform-version')})` })
    expect((await findRequiredVersion(join(ws, 'stacks', 'pinned'), ws))?.spec).toBe('latest')
  })

  it('does not walk above the workspace, nor up from a root outside it', async () => {
    const outer = fixture({ '.terraform-version': '1.9.8\n', 'ws/stack/main.tf': '' })
    const ws = join(outer, 'ws')
    expect(await findRequiredVersion(join(ws, 'stack'), ws)).toBeUndefined()
    const elsewhere = fixture({})
    expect(await findRequiredVersion(join(outer, 'ws', 'stack'), elsewhere)).toBeUndefined()
  })

  it('rejects tfenv keywords it cannot honour with one line', async () => {
    const dir = fixture({ '.terraform-version': 'latest:^1.5\n' })
    const err = await findRequiredVersion(dir, dir).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as Error).message).toMatch(/\.terraform-version says "latest:\^1\.5": .* ~> 1\.10$/)
  })

  it('finds nothing in an empty root', async () => {
    const dir = fixture({})
    expect(await findRequiredVersion(dir, dir)).toBeUndefined()
  })
})

describe('pure helpers', () => {
  it('extractRequiredVersions handles hcl2json and .tf.json shapes', () => {
    expect(extractRequiredVersions({ terraform: [{ required_version: ' >= 1 ' }, { backend: {} }] })).toEqual(['>= 1'])
    expect(extractRequiredVersions({ terraform: { required_version: '1.2.3' } })).toEqual(['1.2.3'])
    expect(extractRequiredVersions({ terraform: [{ required_version: '${var.v}' }] })).toEqual([])
    expect(extractRequiredVersions(null)).toEqual([])
  })

  it('parseTerraformVersionFile takes the first real line', () => {
    expect(parseTerraformVersionFile('\n# comment\n  1.11.4  # trailing\nignored\n')).toBe('1.11.4')
    expect(parseTerraformVersionFile('\r\n\r\n')).toBeUndefined()
  })

  it('dirsUpToWorkspace lists root..workspace', () => {
    expect(dirsUpToWorkspace('/ws/a/b', '/ws')).toEqual(['/ws/a/b', '/ws/a', '/ws'])
    expect(dirsUpToWorkspace('/ws', '/ws')).toEqual(['/ws'])
    expect(dirsUpToWorkspace('/other/a', '/ws')).toEqual(['/other/a'])
  })
})
