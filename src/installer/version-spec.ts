// Pure: parse `terraform-version` / `required_version` and pick a version from a list.
// Constraint semantics follow hashicorp/go-version, which Terraform itself uses to check `required_version`:
// missing segments are zero (`= 1.11` is 1.11.0), `~> 1.2.3` is `>= 1.2.3, < 1.3.0`, `~> 1.2` is
// `>= 1.2, < 2.0`, a constraint part without a pre-release never matches a pre-release, and a part
// with a pre-release only matches pre-releases of that same x.y.z.
import semver from 'semver'
import { UserError } from '../errors.js'

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>'

export interface ParsedVersion {
  /** major, minor, patch; missing segments are 0 */
  segments: [number, number, number]
  /** how many segments were written (1-3): `~>` depends on it */
  specified: number
  /** without the leading '-'; '' for a release */
  prerelease: string
}

export interface ConstraintPart {
  op: Operator
  version: ParsedVersion
}

export type VersionSpec =
  { kind: 'latest' } | { kind: 'exact'; version: string } | { kind: 'constraint'; parts: ConstraintPart[] }

const VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?$/
const PART_RE = /^(=|!=|>=|<=|>|<|~>)?\s*(\S+)$/

const ACCEPTED =
  'expected an exact version (1.11.4), a constraint (~> 1.10, >= 1.9, < 2.0; operators = != > >= < <= ~>) or latest'

export function parseVersion(text: string): ParsedVersion | undefined {
  const m = VERSION_RE.exec(text.trim())
  if (!m) return undefined
  const specified = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1
  return {
    segments: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
    specified,
    prerelease: m[4] ?? ''
  }
}

/** `label` names where the text came from, e.g. `terraform-version "x"`; it starts every error message. */
export function parseVersionSpec(text: string, label = `terraform-version "${text}"`): VersionSpec {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.toLowerCase() === 'latest') return { kind: 'latest' }
  // A bare full version is the common case; keep it an exact lookup so a cached install needs no index.
  const bare = parseVersion(trimmed)
  if (bare && bare.specified === 3) return { kind: 'exact', version: formatVersion(bare) }
  const parts: ConstraintPart[] = []
  for (const raw of trimmed.split(',')) {
    const piece = raw.trim()
    const m = PART_RE.exec(piece)
    const version = m ? parseVersion(m[2]) : undefined
    if (!m || !version) {
      const what = piece === '' ? 'an empty constraint part' : `"${piece}"`
      throw new UserError(`${label} is not a valid version constraint (${what}): ${ACCEPTED}`)
    }
    parts.push({ op: (m[1] ?? '=') as Operator, version })
  }
  return { kind: 'constraint', parts }
}

/** The one version a spec names, when it names exactly one (`1.11.4`, `= 1.11.4`); lets a cached copy skip the index. */
export function exactVersionOf(spec: VersionSpec): string | undefined {
  if (spec.kind === 'exact') return spec.version
  if (spec.kind === 'constraint' && spec.parts.length === 1) {
    const [part] = spec.parts
    if (part.op === '=' && part.version.specified === 3) return formatVersion(part.version)
  }
  return undefined
}

export function formatVersion(v: ParsedVersion): string {
  return v.segments.join('.') + (v.prerelease ? `-${v.prerelease}` : '')
}

function compare(a: ParsedVersion, b: ParsedVersion): number {
  return semver.compare(formatVersion(a), formatVersion(b))
}

function sameBase(a: ParsedVersion, b: ParsedVersion): boolean {
  return a.segments.every((s, i) => s === b.segments[i])
}

function satisfiesPart(v: ParsedVersion, c: ConstraintPart): boolean {
  const cv = c.version
  if (c.op === '~>') {
    // go-version: pessimistic constraints never mix releases and pre-releases
    if ((cv.prerelease === '') !== (v.prerelease === '')) return false
    if (compare(v, cv) < 0) return false
    // every written segment but the last must be equal; the last one may grow
    for (let i = 0; i < cv.specified - 1; i++) if (v.segments[i] !== cv.segments[i]) return false
    return true
  }
  if (v.prerelease !== '') {
    if (cv.prerelease === '' || !sameBase(v, cv)) return false
  }
  const d = compare(v, cv)
  switch (c.op) {
    case '=':
      return d === 0
    case '!=':
      return d !== 0
    case '>':
      return d > 0
    case '>=':
      return d >= 0
    case '<':
      return d < 0
    case '<=':
      return d <= 0
  }
}

export function satisfies(version: string, spec: VersionSpec): boolean {
  const v = parseVersion(version)
  if (!v || v.specified !== 3) return false
  switch (spec.kind) {
    case 'latest':
      return v.prerelease === ''
    case 'exact':
      return formatVersion(v) === spec.version
    case 'constraint':
      return spec.parts.every(p => satisfiesPart(v, p))
  }
}

/** Versions that parse, newest first. */
export function sortVersionsDescending(versions: Iterable<string>): string[] {
  return [...versions].filter(v => semver.valid(v) !== null).sort((a, b) => semver.rcompare(a, b))
}

/** The newest version in `versions` that satisfies `spec`, or undefined. */
export function resolveVersion(spec: VersionSpec, versions: Iterable<string>): string | undefined {
  return sortVersionsDescending(versions).find(v => satisfies(v, spec))
}

/** The newest release (not pre-release) in `versions`, for error messages. */
export function newestRelease(versions: Iterable<string>): string | undefined {
  return sortVersionsDescending(versions).find(v => semver.prerelease(v) === null)
}
