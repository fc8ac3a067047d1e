import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'
import {
  exactVersionOf,
  newestRelease,
  parseVersion,
  parseVersionSpec,
  resolveVersion,
  satisfies
} from '../src/installer/version-spec.js'

const VERSIONS = [
  '0.12.31',
  '1.0.0',
  '1.0.11',
  '1.1.0',
  '1.9.8',
  '1.10.0',
  '1.10.5',
  '1.11.0-rc1',
  '1.11.0',
  '1.11.4',
  '1.12.0-alpha20250319',
  '1.12.0-beta1',
  '1.12.0-rc1',
  '2.0.0-alpha1'
]

const resolve = (spec: string): string | undefined => resolveVersion(parseVersionSpec(spec), VERSIONS)

describe('parseVersionSpec', () => {
  it('treats empty and latest (any case) as latest', () => {
    expect(parseVersionSpec('')).toEqual({ kind: 'latest' })
    expect(parseVersionSpec('  LATEST ')).toEqual({ kind: 'latest' })
  })

  it('treats a full bare version, with or without v, as exact', () => {
    expect(parseVersionSpec('1.11.4')).toEqual({ kind: 'exact', version: '1.11.4' })
    expect(parseVersionSpec(' v1.11.4 ')).toEqual({ kind: 'exact', version: '1.11.4' })
    expect(parseVersionSpec('1.12.0-beta1')).toEqual({ kind: 'exact', version: '1.12.0-beta1' })
  })

  it('parses comma-separated constraints with every operator', () => {
    const spec = parseVersionSpec('>= 1.9, < 2.0,!=1.10.0, ~>1.9 ,<=1.11.4, >1.0, =1.11.4')
    expect(spec.kind).toBe('constraint')
    if (spec.kind !== 'constraint') return
    expect(spec.parts.map(p => p.op)).toEqual(['>=', '<', '!=', '~>', '<=', '>', '='])
    expect(spec.parts[1].version).toEqual({ segments: [2, 0, 0], specified: 2, prerelease: '' })
  })

  it.each(['>> 1.0', '~> ', '1.x', '>= 1.9,', 'one', '1.2.3.4', '=> 1.0', 'latest:^1.5'])(
    'rejects %j with one line naming the input and what is accepted',
    text => {
      let err: unknown
      try {
        parseVersionSpec(text)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(UserError)
      const message = (err as Error).message
      expect(message).toContain(`terraform-version "${text}"`)
      expect(message).toContain('~> 1.10')
      expect(message).not.toContain('\n')
    }
  )

  it('names the source given as label', () => {
    expect(() => parseVersionSpec('bogus', 'required_version "bogus" (main.tf)')).toThrow(
      /^required_version "bogus" \(main\.tf\) is not a valid version constraint/
    )
  })
})

describe('parseVersion', () => {
  it('pads missing segments and remembers how many were written', () => {
    expect(parseVersion('1')).toEqual({ segments: [1, 0, 0], specified: 1, prerelease: '' })
    expect(parseVersion('1.2')).toEqual({ segments: [1, 2, 0], specified: 2, prerelease: '' })
    expect(parseVersion('1.2.3-rc.1+build')).toEqual({ segments: [1, 2, 3], specified: 3, prerelease: 'rc.1' })
    expect(parseVersion('x')).toBeUndefined()
  })
})

describe('resolveVersion', () => {
  it('finds an exact version, and nothing for an unknown one', () => {
    expect(resolve('1.10.0')).toBe('1.10.0')
    expect(resolve('1.99.0')).toBeUndefined()
  })

  it('picks the newest release for latest, never a pre-release', () => {
    expect(resolve('latest')).toBe('1.11.4')
    expect(resolveVersion({ kind: 'latest' }, ['1.12.0-rc1'])).toBeUndefined()
  })

  it('implements ~> like Terraform (the last written segment may grow)', () => {
    expect(resolve('~> 1.10.0')).toBe('1.10.5')
    expect(resolve('~> 1.10')).toBe('1.11.4') // >= 1.10, < 2.0
    expect(resolve('~> 1.0.4')).toBe('1.0.11')
    expect(resolve('~> 1.11.5')).toBeUndefined()
    expect(resolve('~> 0.12')).toBe('0.12.31')
    expect(resolve('~> 1')).toBe('1.11.4') // >= 1.0.0 with no upper bound, as in go-version
  })

  it('combines parts with AND', () => {
    expect(resolve('>= 1.9, < 1.11')).toBe('1.10.5')
    expect(resolve('>= 1.9, < 2.0, != 1.11.4')).toBe('1.11.0')
    expect(resolve('> 1.10.0, <= 1.10.5')).toBe('1.10.5')
    expect(resolve('= 1.10')).toBe('1.10.0') // missing segments are zero
    expect(resolve('1.10')).toBe('1.10.0')
  })

  it('does not let ordinary constraints pick pre-releases', () => {
    expect(resolve('>= 1.12')).toBeUndefined()
    expect(resolve('>= 1.11')).toBe('1.11.4')
    expect(resolve('~> 2.0')).toBeUndefined()
  })

  it('installs pre-releases when asked for them', () => {
    expect(resolve('1.12.0-beta1')).toBe('1.12.0-beta1')
    expect(resolve('= 1.12.0-rc1')).toBe('1.12.0-rc1')
    // a pre-release constraint matches pre-releases of the same x.y.z, ordered per semver
    expect(resolve('>= 1.12.0-alpha20250319')).toBe('1.12.0-rc1')
    expect(resolve('~> 1.12.0-beta1')).toBe('1.12.0-rc1')
  })

  it('says unsatisfiable with undefined', () => {
    expect(resolve('~> 9.0')).toBeUndefined()
    expect(resolve('< 0.1')).toBeUndefined()
    expect(resolveVersion({ kind: 'latest' }, [])).toBeUndefined()
  })

  it('ignores entries that are not versions', () => {
    expect(resolveVersion({ kind: 'latest' }, ['garbage', '1.2.3', ''])).toBe('1.2.3')
  })
})

describe('satisfies / exactVersionOf / newestRelease', () => {
  it('never matches versions with fewer than three segments', () => {
    expect(satisfies('1.2', parseVersionSpec('>= 1.0'))).toBe(false)
  })

  it('knows when a spec names one version, so a cached copy needs no index', () => {
    expect(exactVersionOf(parseVersionSpec('1.11.4'))).toBe('1.11.4')
    expect(exactVersionOf(parseVersionSpec('= 1.11.4'))).toBe('1.11.4')
    expect(exactVersionOf(parseVersionSpec('= 1.11'))).toBeUndefined()
    expect(exactVersionOf(parseVersionSpec('~> 1.11.4'))).toBeUndefined()
    expect(exactVersionOf(parseVersionSpec('latest'))).toBeUndefined()
  })

  it('reports the newest release for messages', () => {
    expect(newestRelease(VERSIONS)).toBe('1.11.4')
    expect(newestRelease(['1.0.0-rc1'])).toBeUndefined()
  })
})
