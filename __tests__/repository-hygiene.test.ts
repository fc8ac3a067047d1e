// The repository as a fresh clone shows it: no paths of a development machine in committed files, an architecture
// doc that names every source folder and the CLI's real synopsis, and Node versions that agree everywhere.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { parse } from 'yaml'
import { USAGE } from '../src/cli/args.js'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const read = (path: string): string => readFileSync(join(repo, path), 'utf8')

/**
 * Absolute paths that only exist on some machine: home directories, the development container's /work, /root, /mnt,
 * /tmp and macOS's /var/folders, Windows user folders. Preceded by a character that cannot be part of a longer
 * path, so `src/work/` or a URL path does not count.
 */
const MACHINE_PATH =
  /(^|[\s"'`(=:,[])(\/work\/|\/root\/|\/home\/[a-z_][\w.-]*\/|\/Users\/[A-Za-z][\w.-]*\/|\/tmp\/|\/mnt\/|\/var\/folders\/|[A-Za-z]:\\Users\\)/

/** Legitimate absolute paths, each by file and line content, with the reason. */
const ALLOWED: Array<{ file: string; line: RegExp; reason: string }> = [
  { file: '.gitignore', line: /^\/tmp\/$/, reason: 'an ignore pattern, relative to the repository' },
  {
    file: '__tests__/core-logic.test.ts',
    line: /'\/work\/repo|'\/tmp\/runner|`\/tmp\/runner/,
    reason: 'made-up workspace paths fed to readInputs, never touched on disk'
  },
  {
    file: '__tests__/discover.test.ts',
    line: /'--output=\/tmp\/x'/,
    reason: 'an option-injection attempt git must never see'
  },
  {
    file: '__tests__/repository-hygiene.test.ts',
    line: /./,
    reason: 'this test: the patterns and the cases it checks'
  },
  {
    file: 'README.md',
    line: /\/tmp\/run\b/,
    reason: 'the local recipe makes and uses its own scratch folder, /tmp/run'
  }
]

const trackedFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(f => f !== '' && !f.startsWith('dist/') && f !== 'package-lock.json')

function machinePaths(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => MACHINE_PATH.test(line))
    .filter(({ line }) => !ALLOWED.some(a => a.file === file && a.line.test(line)))
    .map(({ line, number }) => `${file}:${number}: ${line.trim()}`)
}

describe('no machine paths', () => {
  it('in any committed file (the built dist/ included)', () => {
    const found: string[] = []
    for (const file of trackedFiles()) {
      let text: string
      try {
        text = read(file)
      } catch {
        continue // deleted in the working tree
      }
      if (text.includes('\0')) continue // binary
      found.push(...machinePaths(file, text))
    }
    for (const file of ['dist/index.js', 'dist/cli/index.js']) {
      found.push(...[...read(file).matchAll(/\/(work|root|home\/\w+)\/[\w.-]+/g)].map(m => `${file}: ${m[0]}`))
    }
    expect(found).toEqual([])
  })

  it('the pattern finds the paths it is meant to, and not relative or URL paths', () => {
    for (const line of [
      'eval "$(/work/shared/offline-azurerm/setup)"',
      'see /root/.terraformrc',
      'cd /home/alice/src',
      "path: '/Users/bob/x'",
      'C:\\Users\\carol\\infra',
      'TMP=/tmp/build',
      '(/mnt/data/x)'
    ]) {
      expect([line, machinePaths('x.md', line)]).toEqual([line, [`x.md:1: ${line}`]])
    }
    for (const line of ['src/work/x.ts', 'https://example.com/tmp/x', 'modules/root/main.tf', 'a/home/b/']) {
      expect([line, machinePaths('x.md', line)]).toEqual([line, []])
    }
    // An allowance covers its own file only.
    expect(machinePaths('docs/other.md', 'mkdir -p /tmp/run')).toHaveLength(1)
  })
})

describe('docs/architecture.md', () => {
  const doc = read('docs/architecture.md')

  it('names every folder of src/', () => {
    const folders = readdirSync(join(repo, 'src'), { withFileTypes: true })
      .filter(e => e.isDirectory())
      .map(e => e.name)
    expect(folders.length).toBeGreaterThan(5)
    expect(folders.filter(f => !new RegExp(`^\\s+${f}/`, 'm').test(doc))).toEqual([])
  })

  it("gives the render CLI's real synopsis", () => {
    const synopsis = USAGE.split('\n')[0].replace(/^Usage:\s*/, '')
    expect(doc).toContain(`\`${synopsis}\``)
  })
})

describe('Node versions', () => {
  const manifest = JSON.parse(read('package.json')) as { engines: { node: string } }
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>
  }

  it('engines admits no Node that a runtime dependency refuses (npm ci prints no EBADENGINE)', () => {
    const refused = Object.entries(lock.packages)
      .filter(
        ([path, pkg]) => path !== '' && !pkg.dev && pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node
      )
      .filter(([, pkg]) => !semver.subset(manifest.engines.node, (pkg.engines as { node: string }).node))
      .map(([path, pkg]) => `${path.replace(/^.*node_modules\//, '')} wants ${(pkg.engines as { node: string }).node}`)
    expect(refused).toEqual([])
    expect(lock.packages[''].engines).toEqual(manifest.engines)
  })

  it('the action runs on node24, inside that range', () => {
    const action = parse(read('action.yml')) as { runs: { using: string } }
    expect(action.runs.using).toBe('node24')
    expect(semver.satisfies('24.0.0', manifest.engines.node)).toBe(true)
    expect(read('docs/architecture.md')).toContain(`Node ${semver.minVersion(manifest.engines.node)?.major} or`)
  })
})
