// command: discover against real git repositories made in a temp directory: a base commit on main, a change on a
// branch, then `git diff main...branch` and the affected roots.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../src/errors.js'
import { affectedRoots } from '../src/discover/affected-roots.js'
import { listChangedFiles } from '../src/discover/changed-files.js'
import { discoverAffectedRoots } from '../src/discover/discover-roots.js'
import { globToRegExp, type RootGlobs } from '../src/discover/root-rule.js'
import { readBlocks, readTerraformDirectories } from '../src/discover/terraform-directories.js'
import { makeRunnerDirs, runAction } from './support/run-action.js'

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com'
}

let repo: string
const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' }).trim()
const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(repo, path)), { recursive: true })
  writeFileSync(join(repo, path), text)
}

// stacks/app and stacks/data call modules/net, which calls modules/tags; stacks/edge calls modules/legacy, a module
// that still declares its provider (so it is not a root of its own).
const BASE: Record<string, string> = {
  'stacks/app/main.tf': `terraform {\n  backend "azurerm" {}\n}\n\nmodule "net" {\n  source = "../../modules/net"\n}\n`,
  'stacks/app/templates/cloud-init.yaml': 'packages: []\n',
  'stacks/data/main.tf': `provider "azurerm" {\n  features {}\n}\n\nmodule "net" {\n  source = "../../modules/net/"\n}\n`,
  'stacks/edge/main.tf': `terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n\nmodule "cdn" {\n  source = "./../../modules/legacy"\n}\n`,
  'modules/net/main.tf': `module "tags" {\n  source = "../tags"\n}\n\nmodule "remote" {\n  source  = "Azure/avm-res-network-virtualnetwork/azurerm"\n  version = "0.7.1"\n}\n`,
  'modules/net/variables.tf': `variable "cidr" {\n  type = string\n}\n`,
  'modules/tags/main.tf': `variable "tags" {\n  type = map(string)\n}\n`,
  'modules/legacy/main.tf': `provider "azurerm" {\n  features {}\n}\n\nresource "azurerm_resource_group" "this" {\n  name     = "x"\n  location = "westeurope"\n}\n`,
  'sandbox/main.tf': `resource "terraform_data" "this" {\n  input = 1\n}\n`,
  'docs/README.md': '# docs\n'
}

/** A repository with BASE committed on main, checked out on the branch `change`, for each test of the block. */
function withRepository(): void {
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'discover-'))
    git('init', '--quiet', '--initial-branch=main')
    for (const [path, text] of Object.entries(BASE)) write(path, text)
    git('add', '-A')
    git('commit', '--quiet', '-m', 'base')
    git('checkout', '--quiet', '-b', 'change')
  })
  afterEach(() => rmSync(repo, { recursive: true, force: true }))
}

/** Commit the working tree on the branch, then discover from git exactly as the action does. */
async function discoverChange(globs: RootGlobs = {}) {
  git('add', '-A')
  git('commit', '--quiet', '--allow-empty', '-m', 'change')
  const changedFiles = await listChangedFiles({ workspaceDir: repo, baseRef: 'main', headRef: 'HEAD' })
  return { changedFiles, ...(await discoverAffectedRoots({ workspaceDir: repo, changedFiles, ...globs })) }
}

describe('discoverAffectedRoots with real git', () => {
  withRepository()

  it('finds the root whose own file changed, and the matrix for strategy.matrix', async () => {
    write('stacks/app/main.tf', `${BASE['stacks/app/main.tf']}\noutput "x" {\n  value = 1\n}\n`)
    const result = await discoverChange()
    expect(result.changedFiles).toEqual(['stacks/app/main.tf'])
    expect(result.roots).toEqual(['stacks/app'])
    expect(result.matrix).toEqual({ include: [{ 'working-directory': 'stacks/app' }] })
    expect(result.deletedDirectories).toEqual([])
  })

  it('counts non-Terraform files below a root as the root’s own (templates, tfvars, lock file)', async () => {
    write('stacks/app/templates/cloud-init.yaml', 'packages: [curl]\n')
    write('stacks/data/.terraform.lock.hcl', '# lock\n')
    expect((await discoverChange()).roots).toEqual(['stacks/app', 'stacks/data'])
  })

  it('a changed shared module affects every root that calls it', async () => {
    write('modules/net/variables.tf', `${BASE['modules/net/variables.tf']}\nvariable "dns" {\n  type = string\n}\n`)
    const result = await discoverChange()
    expect(result.roots).toEqual(['stacks/app', 'stacks/data'])
    expect(result.matrix.include.map(e => e['working-directory'])).toEqual(['stacks/app', 'stacks/data'])
  })

  it('follows local modules transitively', async () => {
    write('modules/tags/main.tf', `${BASE['modules/tags/main.tf']}\noutput "tags" {\n  value = var.tags\n}\n`)
    expect((await discoverChange()).roots).toEqual(['stacks/app', 'stacks/data'])
  })

  it('treats a called directory with a provider block as a module of its callers', async () => {
    write('modules/legacy/main.tf', BASE['modules/legacy/main.tf'].replace('"x"', '"y"'))
    expect((await discoverChange()).roots).toEqual(['stacks/edge'])
  })

  it('an unrelated change gives an empty matrix', async () => {
    write('docs/README.md', '# docs, edited\n')
    write('.github/workflows/x.yml', 'on: push\n')
    const result = await discoverChange()
    expect(result.changedFiles.sort()).toEqual(['.github/workflows/x.yml', 'docs/README.md'])
    expect(result).toMatchObject({ roots: [], matrix: { include: [] }, deletedDirectories: [] })
  })

  it('a deleted root is reported as deleted, never planned', async () => {
    git('rm', '--quiet', '-r', 'stacks/edge')
    const result = await discoverChange()
    expect(result.changedFiles).toEqual(['stacks/edge/main.tf'])
    expect(result).toMatchObject({ roots: [], matrix: { include: [] }, deletedDirectories: ['stacks/edge'] })
  })

  it('files of a deleted nested root do not fall back to the enclosing root', async () => {
    write('stacks/app/regional/main.tf', 'terraform {\n  backend "azurerm" {}\n}\n')
    write('stacks/app/regional/README.md', '# regional\n')
    git('add', '-A')
    git('commit', '--quiet', '-m', 'nested root')
    git('branch', '--quiet', '-f', 'main')
    git('rm', '--quiet', '-r', 'stacks/app/regional')
    const result = await discoverChange()
    expect(result.changedFiles.sort()).toEqual(['stacks/app/regional/README.md', 'stacks/app/regional/main.tf'])
    expect(result).toMatchObject({ roots: [], deletedDirectories: ['stacks/app/regional'] })
  })

  it('a moved root is planned at its new place and reported deleted at the old one', async () => {
    git('mv', 'stacks/data', 'stacks/database')
    const result = await discoverChange()
    expect(result.changedFiles.sort()).toEqual(['stacks/data/main.tf', 'stacks/database/main.tf'])
    expect(result).toMatchObject({ roots: ['stacks/database'], deletedDirectories: ['stacks/data'] })
  })

  it('a directory with resources that nothing calls is a root, without backend or provider block', async () => {
    write('sandbox/main.tf', BASE['sandbox/main.tf'].replace('1', '2'))
    expect((await discoverChange()).roots).toEqual(['sandbox'])
  })

  it('a directory of override files only, or of a backend block only, is not a root', async () => {
    // The bundled stack's stack-files folder: *_override.tf files merged into another root.
    write('deploy/stack-files/backend_override.tf', 'terraform {\n  backend "azurerm" {\n    key = "prod"\n  }\n}\n')
    write('deploy/stack-files/network_override.tf', 'module "net" {\n  source = "../../modules/net"\n}\n')
    write('deploy/backend/backend.tf', 'terraform {\n  required_version = ">= 1.9"\n  backend "local" {}\n}\n')
    expect((await discoverChange()).roots).toEqual([])
    // Root globs still name them on purpose.
    expect((await discoverChange({ rootGlobs: ['deploy/*'] })).roots).toEqual(['deploy/backend', 'deploy/stack-files'])
  })

  it("an override file changed in a root counts as the root's own change", async () => {
    write('stacks/data/backend_override.tf', 'terraform {\n  backend "local" {}\n}\n')
    expect((await discoverChange()).roots).toEqual(['stacks/data'])
  })

  it('ignore-globs: never roots, with everything below them; ignored modules still affect their callers', async () => {
    write('sandbox/main.tf', BASE['sandbox/main.tf'].replace('1', '2'))
    write('sandbox/nested/main.tf', BASE['sandbox/main.tf'])
    write('modules/tags/main.tf', `${BASE['modules/tags/main.tf']}# changed\n`)
    expect((await discoverChange()).roots).toEqual(['sandbox', 'sandbox/nested', 'stacks/app', 'stacks/data'])
    expect((await discoverChange({ ignoreGlobs: ['sandbox', 'modules/**'] })).roots).toEqual([
      'stacks/app',
      'stacks/data'
    ])
    expect((await discoverChange({ ignoreGlobs: ['stacks/*'], rootGlobs: ['stacks/app'] })).roots).toEqual([
      'sandbox',
      'sandbox/nested'
    ])
  })

  it('root-globs name directories that would be modules', async () => {
    write('modules/tags/main.tf', `${BASE['modules/tags/main.tf']}# changed\n`)
    expect((await discoverChange({ rootGlobs: ['modules/*'] })).roots).toEqual([
      'modules/net',
      'modules/tags',
      'stacks/app',
      'stacks/data'
    ])
    expect((await discoverChange({ rootGlobs: ['**/tag?'] })).roots).toContain('modules/tags')
  })

  it('still finds a root whose file no longer parses, so its plan can report the error', async () => {
    write('stacks/app/main.tf', `${BASE['stacks/app/main.tf']}\nresource "x" "broken" {\n`)
    expect((await discoverChange()).roots).toEqual(['stacks/app'])
  })

  it('reads the workspace root, .tf.json files, and survives a module cycle', async () => {
    write(
      'main.tf.json',
      JSON.stringify({ terraform: { backend: { local: {} } }, module: { a: { source: './cycle/a' } } })
    )
    write('cycle/a/main.tf', 'module "b" {\n  source = "../b"\n}\n')
    write('cycle/b/main.tf', 'module "a" {\n  source = "../a"\n}\n')
    const result = await discoverAffectedRoots({ workspaceDir: repo, changedFiles: ['cycle/b/main.tf'] })
    expect(result.roots).toEqual(['.'])
    expect(result.matrix).toEqual({ include: [{ 'working-directory': '.' }] })
  })

  it('accepts ./-prefixed, absolute and Windows-style paths and ignores paths outside the workspace', async () => {
    const changedFiles = [
      './stacks/app/main.tf',
      join(repo, 'stacks/data/main.tf'),
      'stacks\\edge\\main.tf',
      '../x/main.tf',
      '',
      '  '
    ]
    expect((await discoverAffectedRoots({ workspaceDir: repo, changedFiles })).roots).toEqual([
      'stacks/app',
      'stacks/data',
      'stacks/edge'
    ])
  })

  it('skips node_modules, .terraform and hidden directories', async () => {
    write('node_modules/pkg/main.tf', 'provider "azurerm" {}\n')
    write('stacks/app/.terraform/modules/net/main.tf', 'provider "azurerm" {}\n')
    const directories = await readTerraformDirectories(repo)
    expect([...directories.keys()].sort()).toEqual([
      'modules/legacy',
      'modules/net',
      'modules/tags',
      'sandbox',
      'stacks/app',
      'stacks/data',
      'stacks/edge'
    ])
    expect(directories.get('modules/net')?.localModules).toEqual(['modules/tags'])
    expect(directories.get('stacks/data')?.localModules).toEqual(['modules/net'])
  })
})

describe('listChangedFiles', () => {
  withRepository()

  it('lists paths with spaces and unicode exactly (no git quoting)', async () => {
    write('stacks/app/naïve file.tfvars', 'x = 1\n')
    expect((await discoverChange()).changedFiles).toEqual(['stacks/app/naïve file.tfvars'])
  })

  it('lists paths relative to a workspace below the repository top', async () => {
    write('stacks/app/main.tf', `${BASE['stacks/app/main.tf']}\n# edited\n`)
    write('docs/README.md', '# edited\n')
    git('add', '-A')
    git('commit', '--quiet', '-m', 'change')
    const workspaceDir = join(repo, 'stacks')
    const changedFiles = await listChangedFiles({ workspaceDir, baseRef: 'main' })
    expect(changedFiles).toEqual(['app/main.tf'])
    expect((await discoverAffectedRoots({ workspaceDir, changedFiles })).roots).toEqual(['app'])
  })

  it('refuses a ref that git would read as an option', async () => {
    await expect(listChangedFiles({ workspaceDir: repo, baseRef: '--output=/tmp/x' })).rejects.toThrow(UserError)
    await expect(listChangedFiles({ workspaceDir: repo, baseRef: 'main', headRef: 'a b' })).rejects.toThrow(
      /not a git ref/
    )
  })

  it('explains a missing base commit (a shallow checkout) as a user error', async () => {
    const error = await listChangedFiles({ workspaceDir: repo, baseRef: 'no-such-branch' }).catch(e => e)
    expect(error).toBeInstanceOf(UserError)
    expect(String(error.message)).toMatch(/fetch-depth: 0.*changed-files/)
  })

  it('runs git through the injected edge', async () => {
    const calls: string[][] = []
    const files = await listChangedFiles({ workspaceDir: '/ws', baseRef: 'abc' }, async (args, cwd) => {
      calls.push([cwd, ...args])
      return 'a.tf\0b/c.tf\0'
    })
    expect(files).toEqual(['a.tf', 'b/c.tf'])
    expect(calls).toEqual([['/ws', 'diff', '--name-only', '-z', '--no-renames', '--relative', 'abc...HEAD', '--']])
  })
})

describe("this repository's own modules", () => {
  const repository = join(dirname(fileURLToPath(import.meta.url)), '..')

  it('the bundled chat-llm stack is a root, affected by every local module it calls', async () => {
    const directories = await readTerraformDirectories(join(repository, 'modules'))
    const stack = directories.get('chat-llm-stack')
    expect(stack?.hasBackend || stack?.hasProvider).toBe(true)
    expect(stack?.localModules.length).toBeGreaterThan(0)
    // Modules still being written may be called before they exist; those are covered by the deleted-directory cases.
    for (const module of (stack?.localModules ?? []).filter(m => directories.has(m))) {
      const result = await discoverAffectedRoots({
        workspaceDir: repository,
        changedFiles: [`modules/${module}/main.tf`]
      })
      expect([module, result.roots]).toEqual([module, expect.arrayContaining(['modules/chat-llm-stack'])])
    }
  })
})

describe('the pure core', () => {
  it('affectedRoots works on a directory map without the filesystem', () => {
    const dir = (localModules: string[], hasBackend = false, hasProvider = false) => ({
      hasBackend,
      hasProvider,
      hasContent: true,
      localModules
    })
    const directories = new Map([
      ['live/prod', dir(['modules/app'], true)],
      ['live/dev', dir(['modules/app'], true)],
      ['modules/app', dir([])]
    ])
    expect(affectedRoots(directories, ['modules/app/main.tf']).roots).toEqual(['live/dev', 'live/prod'])
    expect(affectedRoots(directories, ['live/dev/dev.tfvars']).roots).toEqual(['live/dev'])
    expect(affectedRoots(directories, ['live/old/main.tf'])).toMatchObject({
      roots: [],
      deletedDirectories: ['live/old']
    })
  })

  it('globToRegExp matches one level with *, any depth with **', () => {
    expect(globToRegExp('stacks/*').test('stacks/app')).toBe(true)
    expect(globToRegExp('stacks/*').test('stacks/app/sub')).toBe(false)
    expect(globToRegExp('stacks/**').test('stacks/app/sub')).toBe(true)
    expect(globToRegExp('**/live').test('live')).toBe(true)
    expect(globToRegExp('**/live').test('a/b/live')).toBe(true)
    expect(globToRegExp('./env.prod/').test('env.prod')).toBe(true)
    expect(globToRegExp('env.prod').test('envXprod')).toBe(false)
  })

  it('readBlocks finds backend, cloud, provider and module sources in HCL and JSON', async () => {
    expect(await readBlocks('a.tf', 'terraform {\n  cloud {}\n}\nmodule "m" {\n  source = "./m"\n}\n')).toEqual({
      hasBackend: true,
      hasProvider: false,
      hasContent: true,
      moduleSources: ['./m']
    })
    expect(await readBlocks('b.tf', 'terraform {\n  backend "s3" {}\n}\n')).toMatchObject({ hasContent: false })
    expect(await readBlocks('b.tf.json', '{"terraform":{"backend":{"s3":{}}}}')).toMatchObject({
      hasBackend: true,
      hasContent: false
    })
    // Unparseable: the line scan still tells configuration from a bare terraform block.
    expect(await readBlocks('c.tf', 'resource "x" "y" {\n  a = \n')).toMatchObject({ hasContent: true })
    expect(await readBlocks('c.tf', 'terraform {\n  backend "s3" {\n')).toMatchObject({ hasContent: false })
    expect(await readBlocks('a.tf.json', '{"provider":{"azurerm":[{}]}}')).toMatchObject({ hasProvider: true })
    expect(await readBlocks('a.tf', 'provider "azurerm" {\n  features {}\n')).toMatchObject({ hasProvider: true })
  })
})

describe('root-globs and ignore-globs through the built action', () => {
  withRepository()

  it('reads both inputs, one glob per line, and refuses a glob that leaves the workspace', async () => {
    const dirs = makeRunnerDirs()
    rmSync(dirs.workspace, { recursive: true, force: true })
    cpSync(repo, dirs.workspace, { recursive: true })
    const discover = (inputs: Record<string, string>) =>
      runAction(dirs, { command: 'discover', 'changed-files': 'modules/tags/main.tf\nsandbox/main.tf', ...inputs })
    const plain = await discover({})
    expect(JSON.parse(plain.outputs.matrix)).toEqual({
      include: ['sandbox', 'stacks/app', 'stacks/data'].map(d => ({ 'working-directory': d }))
    })
    const globbed = await discover({ 'root-globs': 'modules/*\n# a comment', 'ignore-globs': 'sandbox\nstacks/data' })
    expect([globbed.code, JSON.parse(globbed.outputs.matrix)]).toEqual([
      0,
      { include: ['modules/net', 'modules/tags', 'stacks/app'].map(d => ({ 'working-directory': d })) }
    ])
    for (const [name, glob] of [
      ['root-globs', '../elsewhere/*'],
      ['ignore-globs', '/etc'],
      ['ignore-globs', 'stacks/../../x']
    ]) {
      const bad = await discover({ [name]: glob })
      expect([name, glob, bad.code]).toEqual([name, glob, 1])
      const errors = bad.stdout.split('\n').filter(l => l.startsWith('::error'))
      expect(errors).toEqual([expect.stringContaining(`input ${name}: ${JSON.stringify(glob)} leaves the workspace`)])
      expect(bad.stderr).not.toMatch(/\n\s+at /)
    }
    rmSync(dirname(dirs.workspace), { recursive: true, force: true })
  })
})

describe("the README's table of roots", () => {
  // The directories of the README table, with the contents its second column describes.
  const TABLE_FIXTURE: Record<string, string> = {
    'infra/prod/main.tf': `terraform {\n  backend "azurerm" {}\n}\n\nmodule "app" {\n  source = "../../modules/app"\n}\n\nmodule "legacy" {\n  source = "../../modules/legacy"\n}\n`,
    'sandbox/main.tf': 'resource "terraform_data" "x" {}\n',
    'modules/app/main.tf':
      'variable "name" {\n  type = string\n}\n\nresource "terraform_data" "app" {\n  input = var.name\n}\n',
    'modules/legacy/main.tf': 'provider "azurerm" {\n  features {}\n}\n',
    'deploy/stack-files/backend_override.tf': 'terraform {\n  backend "azurerm" {}\n}\n',
    'deploy/stack-files/network_override.tf': 'module "net" {\n  source = "../../modules/app"\n}\n',
    'deploy/backend/main.tf': 'terraform {\n  backend "local" {}\n}\n',
    'modules/app/examples/basic/main.tf': 'module "app" {\n  source = "../.."\n  name   = "x"\n}\n'
  }

  it('says root or not exactly as discover decides', async () => {
    const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('### Which directories are roots'))
    const rows = [...section.matchAll(/^\| `([^`]+)` \| .* \| (yes|no)\b.*\|$/gm)].map(m => [m[1], m[2]] as const)
    expect(rows.map(([dir]) => dir).sort()).toEqual(
      [...new Set(Object.keys(TABLE_FIXTURE).map(f => f.slice(0, f.lastIndexOf('/'))))].sort()
    )
    const workspace = mkdtempSync(join(tmpdir(), 'discover-readme-'))
    for (const [path, text] of Object.entries(TABLE_FIXTURE)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true })
      writeFileSync(join(workspace, path), text)
    }
    const result = await discoverAffectedRoots({ workspaceDir: workspace, changedFiles: Object.keys(TABLE_FIXTURE) })
    rmSync(workspace, { recursive: true, force: true })
    expect(result.roots).toEqual(
      rows
        .filter(([, root]) => root === 'yes')
        .map(([dir]) => dir)
        .sort()
    )
  })
})
