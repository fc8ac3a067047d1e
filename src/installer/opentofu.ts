// OpenTofu as the installer sees it, laid out like its GitHub releases (and the TofuDL mirror format):
//   version list   https://get.opentofu.org/tofu/api.json    {"versions": [{"id": "1.10.5", "files": [...]}, ...]}
//                  (a mirror: <tofu-download-url>/api.json, as GitHub releases have no index of their own)
//   files          <tofu-download-url>/v<version>/tofu_<version>_<os>_<arch>.zip
//                  <tofu-download-url>/v<version>/tofu_<version>_SHA256SUMS
//                  <tofu-download-url>/v<version>/tofu_<version>_SHA256SUMS.gpgsig   (binary detached OpenPGP signature)
// The signing key: OpenTofu publishes it at https://get.opentofu.org/opentofu.asc; its armored form is not shipped
// with this action yet, so the user passes their copy in tofu-signing-key and it is accepted only when its primary
// key fingerprint is OpenTofu's. Never a key server, never an unverified install.
import type * as openpgp from 'openpgp'
import { UserError } from '../errors.js'
import type { Distribution } from './distribution.js'
import { checkCanonicalNames, type Release, type ReleaseBuild, type ReleaseIndex } from './release-index.js'
import { readTrustedKeys } from './verify-signature.js'

export const OPENTOFU_RELEASE_KEY_FINGERPRINT = 'E3E6E43D84CB852EADB0051D0C0AF313E5FD9F80'
export const OPENTOFU_RELEASE_KEY_URL = 'https://get.opentofu.org/opentofu.asc'
export const DEFAULT_TOFU_DOWNLOAD_URL = 'https://github.com/opentofu/opentofu/releases/download'
export const DEFAULT_TOFU_INDEX_URL = 'https://get.opentofu.org/tofu/api.json'

/**
 * FOR THIS PROJECT'S TESTS ONLY: the one primary-key fingerprint accepted in place of OpenTofu's, so the built
 * action can be run against a local release server whose key the test generated. Refused (one error line) when
 * GITHUB_ACTIONS=true, i.e. on every GitHub Actions runner.
 */
export const TEST_ONLY_FINGERPRINT_ENV = 'TF_PR_GATE_TEST_ONLY_TOFU_KEY_FINGERPRINT'

/** `E3E6 E43D 84CB 852E ADB0  051D 0C0A F313 E5FD 9F80`, as gpg prints it. */
export function formatFingerprint(hex: string): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? []
  return `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}`.trim()
}

export const TOFU_SIGNING_KEY_ACCEPTED = `paste OpenTofu's ASCII-armored public key (${OPENTOFU_RELEASE_KEY_URL}, primary key fingerprint ${formatFingerprint(OPENTOFU_RELEASE_KEY_FINGERPRINT)}); no other key is accepted`

/**
 * Pure: every key given must be one of `accepted` (primary-key fingerprints). Not "at least one": a trusted key
 * pasted next to another would make that other key trusted too.
 */
export function checkKeyFingerprints(
  fingerprints: string[],
  accepted: string[],
  label = 'input tofu-signing-key'
): void {
  const allowed = new Set(accepted.map(f => f.toUpperCase()))
  const shown = accepted.map(formatFingerprint).join(' or ')
  for (const fingerprint of fingerprints) {
    if (!allowed.has(fingerprint.toUpperCase())) {
      throw new UserError(
        `${label}: key ${formatFingerprint(fingerprint)} is not OpenTofu's release signing key; only primary key fingerprint ${shown} is accepted (${OPENTOFU_RELEASE_KEY_URL})`
      )
    }
  }
}

type Env = Record<string, string | undefined>

/** The fingerprints accepted for OpenTofu's key: OpenTofu's own, or (off GitHub Actions) a test's. */
export function acceptedTofuFingerprints(env: Env): string[] {
  const override = env[TEST_ONLY_FINGERPRINT_ENV]?.trim()
  if (!override) return [OPENTOFU_RELEASE_KEY_FINGERPRINT]
  if (env.GITHUB_ACTIONS === 'true') {
    throw new UserError(
      `environment: ${TEST_ONLY_FINGERPRINT_ENV} is set; it exists only for this action's own tests and is refused on GitHub Actions: unset it (OpenTofu's key ${formatFingerprint(OPENTOFU_RELEASE_KEY_FINGERPRINT)} is the only key accepted)`
    )
  }
  if (!/^[0-9A-Fa-f]{40}$/.test(override)) {
    throw new UserError(
      `environment: ${TEST_ONLY_FINGERPRINT_ENV} (test only) is not a 40-hex-digit OpenPGP v4 fingerprint; unset it`
    )
  }
  return [override.toUpperCase()]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
// Names come from the server: plain names only, so nothing can climb out of `v<version>/`.
const SAFE_NAME = /^[A-Za-z0-9._+-]+$/
const safe = (v: unknown): string | undefined =>
  typeof v === 'string' && SAFE_NAME.test(v) && v !== '.' && v !== '..' ? v : undefined
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const shasumsOf = (version: string): string => `tofu_${version}_SHA256SUMS`
const signatureOf = (version: string): string => `${shasumsOf(version)}.gpgsig`

/**
 * Pure: api.json into the installer's index. The names of SHA256SUMS and its signature follow from the version;
 * the builds are the `tofu_<version>_<os>_<arch>.zip` files listed (other archives, .tar.gz, packages, are ignored).
 */
export function parseOpenTofuIndex(json: unknown, url: string): ReleaseIndex {
  if (!isRecord(json) || !Array.isArray(json.versions)) {
    throw new UserError(
      `${url} is not an OpenTofu release index (expected {"versions": [{"id": "1.10.5", "files": [...]}]} as at ${DEFAULT_TOFU_INDEX_URL})`
    )
  }
  const versions = new Map<string, Release>()
  for (const entry of json.versions) {
    if (!isRecord(entry)) continue
    const version = safe(entry.id)?.replace(/^v/, '')
    if (!version) continue
    const files = (Array.isArray(entry.files) ? entry.files : []).map(safe).filter((f): f is string => f !== undefined)
    const zip = new RegExp(`^tofu_${escape(version)}_([a-z0-9]+)_([a-z0-9]+)\\.zip$`)
    const builds: ReleaseBuild[] = []
    for (const filename of files) {
      const m = zip.exec(filename)
      if (m) builds.push({ os: m[1], arch: m[2], filename })
    }
    versions.set(version, {
      version,
      shasums: shasumsOf(version),
      shasumsSignature: signatureOf(version),
      shasumsSignatures: [signatureOf(version)],
      builds
    })
  }
  return { versions }
}

export function parseOpenTofuIndexText(text: string, url: string): ReleaseIndex {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new UserError(
      `${url} is not valid JSON; check tofu-download-url (a mirror serves OpenTofu's api.json at its base URL)`
    )
  }
  return parseOpenTofuIndex(json, url)
}

/** GitHub releases have no index: with the default location it is OpenTofu's own; a mirror serves it at its base. */
export function openTofuIndexUrl(downloadUrl: string): string {
  return downloadUrl === DEFAULT_TOFU_DOWNLOAD_URL ? DEFAULT_TOFU_INDEX_URL : `${downloadUrl}/api.json`
}

export function openTofuFileUrl(downloadUrl: string, version: string, file: string): string {
  return `${downloadUrl}/v${version}/${file}`
}

/** OpenTofu's distribution; `acceptedFingerprints` defaults to OpenTofu's release key alone. */
export function openTofuDistribution(
  acceptedFingerprints: string[] = [OPENTOFU_RELEASE_KEY_FINGERPRINT]
): Distribution {
  return {
    tool: 'tofu',
    downloadUrlInput: 'tofu-download-url',
    layout: `OpenTofu's GitHub releases (${DEFAULT_TOFU_DOWNLOAD_URL})`,
    versionFile: '.opentofu-version',
    readsTofuFiles: true,
    indexUrl: openTofuIndexUrl,
    parseIndex: parseOpenTofuIndexText,
    fileUrl: openTofuFileUrl,
    checkNames: (release, build, url) => checkCanonicalNames(release, build, url, 'tofu'),
    signatureCandidates: release => [signatureOf(release.version)],
    isSignatureFile: (name, shasumsName) => name === `${shasumsName}.gpgsig`,
    trustedKeys: async (armored: string): Promise<openpgp.Key[]> => {
      if (armored.trim() === '') {
        throw new UserError(
          `input tofu-signing-key: empty; with tool: tofu it is required, as OpenTofu's release key does not ship with this action yet: ${TOFU_SIGNING_KEY_ACCEPTED}`
        )
      }
      const keys = await readTrustedKeys(armored, 'input tofu-signing-key', TOFU_SIGNING_KEY_ACCEPTED)
      checkKeyFingerprints(
        keys.map(k => k.getFingerprint()),
        acceptedFingerprints
      )
      return keys
    },
    hasBuiltInKey: false,
    releaseCacheVersion: version => `tofu-${version}`,
    warning: acceptedFingerprints.every(f => f.toUpperCase() === OPENTOFU_RELEASE_KEY_FINGERPRINT)
      ? undefined
      : `tofu-signing-key: accepting key fingerprint ${acceptedFingerprints.map(formatFingerprint).join(', ')} in place of OpenTofu's (a test-only setting, ${TEST_ONLY_FINGERPRINT_ENV})`
  }
}
