// The project's own consistency: dist/ is current, action.yml and the inputs layer agree, README tables are current.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import YAML from 'yaml'
import { INPUT_NAMES } from '../src/inputs.js'
import { repoRoot } from './support/run-action.js'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

describe('dist/', () => {
  it('is what npm run build makes from the current sources (rebuild and commit it otherwise)', () => {
    const out = mkdtempSync(join(tmpdir(), 'tfgate-dist-'))
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), out], { stdio: 'inherit' })
    const committed = join(repoRoot, 'dist')
    const built = files(out)
      .map(f => relative(out, f))
      .sort()
    expect(
      files(committed)
        .map(f => relative(committed, f))
        .sort()
    ).toEqual(built)
    const stale = built.filter(f => !readFileSync(join(out, f)).equals(readFileSync(join(committed, f))))
    expect(stale).toEqual([])
  }, 600_000)
})

describe('action.yml', () => {
  const action = YAML.parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'))

  it('declares exactly the inputs the action reads, each with a description stating its default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    for (const [name, input] of Object.entries(action.inputs as Record<string, { description: string }>)) {
      expect([name, /Default/i.test(input.description)]).toEqual([name, true])
    }
  })

  it('runs on node24 from dist/index.js (post step: dist/post/index.js), with branding', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post/index.js',
      'post-if': 'success() || failure()'
    })
    expect(action.branding.icon).toBeTruthy()
    expect(action.branding.color).toBeTruthy()
  })

  it('describes every output the sources set', () => {
    const sources = files(join(repoRoot, 'src'))
      .filter(f => f.endsWith('.ts'))
      .map(f => readFileSync(f, 'utf8'))
      .join('\n')
    const set = [...sources.matchAll(/setOutput\('([a-z-]+)'/g)].map(m => m[1])
    for (const name of new Set(set)) expect([name, name in action.outputs]).toEqual([name, true])
  })

  it('README inputs/outputs tables (and the example comment) are generated, not edited by hand', () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'action-docs.mjs'), '--check'], { stdio: 'pipe' })
  })
})
