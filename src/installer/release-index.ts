// The release index at `<download-url>/terraform/index.json`, laid out like releases.hashicorp.com.
//
// Every file is fetched from `<download-url>/terraform/<version>/<file>`; the absolute `url` fields in the index
// are ignored. With the default download-url they point at the same place; with a mirror they may point back at
// releases.hashicorp.com (or anywhere), and a mirror is usually configured precisely to avoid that. Trust comes
// from the signature check, not from where a file was fetched.
import { UserError } from '../errors.js'

export interface ReleaseBuild {
  os: string
  arch: string
  filename: string
}

export interface Release {
  version: string
  shasums: string
  /** the generic detached signature (`..._SHA256SUMS.sig`), if the index names one */
  shasumsSignature?: string
  /** every signature file the index names, key-specific ones (`..._SHA256SUMS.72D7468F.sig`) included */
  shasumsSignatures: string[]
  builds: ReleaseBuild[]
}

export interface ReleaseIndex {
  versions: Map<string, Release>
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
// File names come from the server: keep them plain names so they cannot climb out of `terraform/<version>/`.
const SAFE_NAME = /^[A-Za-z0-9._+-]+$/
const safe = (v: unknown): string | undefined => {
  const s = str(v)
  return s !== undefined && SAFE_NAME.test(s) && s !== '.' && s !== '..' ? s : undefined
}

/** Pure: validates the JSON and keeps what the installer needs; malformed entries are skipped. */
export function parseReleaseIndex(json: unknown, url: string): ReleaseIndex {
  if (!isRecord(json) || !isRecord(json.versions)) {
    throw new UserError(
      `${url} is not a Terraform release index (expected {"versions": {...}} as on releases.hashicorp.com)`
    )
  }
  const versions = new Map<string, Release>()
  for (const [key, entry] of Object.entries(json.versions)) {
    if (!isRecord(entry)) continue
    const version = safe(entry.version) ?? safe(key)
    const shasums = safe(entry.shasums)
    if (!version || !shasums) continue
    const builds: ReleaseBuild[] = []
    for (const b of Array.isArray(entry.builds) ? entry.builds : []) {
      if (!isRecord(b)) continue
      const os = str(b.os)
      const arch = str(b.arch)
      const filename = safe(b.filename)
      if (os && arch && filename) builds.push({ os, arch, filename })
    }
    const signatures = (Array.isArray(entry.shasums_signatures) ? entry.shasums_signatures : [])
      .map(safe)
      .filter((s): s is string => s !== undefined)
    const generic = safe(entry.shasums_signature)
    if (generic && !signatures.includes(generic)) signatures.push(generic)
    versions.set(version, { version, shasums, shasumsSignature: generic, shasumsSignatures: signatures, builds })
  }
  return { versions }
}

export function parseReleaseIndexText(text: string, url: string): ReleaseIndex {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UserError(
      `${url} is not valid JSON; check terraform-download-url (expected a mirror of releases.hashicorp.com)`
    )
  }
  return parseReleaseIndex(json, url)
}

export function findBuild(release: Release, os: string, arch: string): ReleaseBuild | undefined {
  return release.builds.find(b => b.os === os && b.arch === arch)
}

/**
 * Pure: insists the index uses HashiCorp's canonical names for this version. The checksum and signature prove a
 * file is *a* genuine release, not *this* one: a hostile mirror could otherwise list version 1.11.4 with 1.9.8's
 * genuinely signed files and downgrade the install. The file names inside the signed SHA256SUMS carry the version,
 * so pinning the names pins the version.
 */
export function checkCanonicalNames(release: Release, build: ReleaseBuild, url: string, tool = 'terraform'): void {
  const wanted = [
    [release.shasums, `${tool}_${release.version}_SHA256SUMS`],
    [build.filename, `${tool}_${release.version}_${build.os}_${build.arch}.zip`]
  ]
  for (const [got, expected] of wanted) {
    if (got !== expected) {
      throw new UserError(
        `${url} names ${got} for ${tool} ${release.version} (expected ${expected}); refusing to install`
      )
    }
  }
}

export function indexUrl(downloadUrl: string): string {
  return `${downloadUrl}/terraform/index.json`
}

export function fileUrl(downloadUrl: string, version: string, file: string): string {
  return `${downloadUrl}/terraform/${version}/${file}`
}

/** Trims trailing slashes and insists on http(s); `input` and `example` name the input and its default in messages. */
export function normalizeDownloadUrl(
  raw: string,
  input = 'terraform-download-url',
  example = 'a mirror of releases.hashicorp.com such as https://releases.hashicorp.com'
): string {
  const trimmed = raw.trim().replace(/\/+$/, '')
  let parsed: URL | undefined
  try {
    parsed = new URL(trimmed)
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new UserError(`${input} "${raw}" is not an http(s) URL: expected ${example}`)
  }
  return trimmed
}
