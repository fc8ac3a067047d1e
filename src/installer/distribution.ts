// What differs between the tools the installer can install: where the version list and the files are, what the
// files are called, which signature belongs to SHA256SUMS, whose keys may sign it. Everything else (version
// resolution, SHA-256 and OpenPGP checks, the tool cache, the outage fallback) is the same code for every tool.
import type * as openpgp from 'openpgp'
import { HASHICORP_RELEASE_KEY } from './hashicorp-release-key.js'
import {
  checkCanonicalNames,
  fileUrl,
  indexUrl,
  parseReleaseIndexText,
  type Release,
  type ReleaseBuild,
  type ReleaseIndex
} from './release-index.js'
import { readTrustedKeys, signatureCandidates, SIGNING_KEY_ACCEPTED } from './verify-signature.js'

import type { Tool } from './tool.js'
export type { Tool } from './tool.js'

export interface Distribution {
  /** the binary's name (without .exe), the tool-cache name, and what messages call it */
  tool: Tool
  /** the input that sets the download URL, named in messages */
  downloadUrlInput: string
  /** what the download URL must be laid out like, for messages */
  layout: string
  /** the version-manager file looked for from the root up to the workspace (tfenv, tofuenv) */
  versionFile: string
  /** required_version is also read from .tofu / .tofu.json files, which shadow .tf files of the same name */
  readsTofuFiles: boolean
  indexUrl(downloadUrl: string): string
  /** pure: the version list, or a UserError naming the URL */
  parseIndex(text: string, url: string): ReleaseIndex
  fileUrl(downloadUrl: string, version: string, file: string): string
  /** pure: refuses an entry whose files are not this version's canonical names (a downgrade attempt) */
  checkNames(release: Release, build: ReleaseBuild, url: string): void
  /** pure: the signature files of SHA256SUMS to try, best first */
  signatureCandidates(release: Release, trustedShortIds: string[]): string[]
  /** pure: whether a file kept in the release cache is a signature of `shasumsName` */
  isSignatureFile(name: string, shasumsName: string): boolean
  /** the keys trusted to sign SHA256SUMS, from the signing-key input ('' = the default, where there is one) */
  trustedKeys(armored: string): Promise<openpgp.Key[]>
  /** trustedKeys('') is a built-in key (read only when a signature is checked), not a refusal */
  hasBuiltInKey: boolean
  /** the version as the release cache names it: tools never share an entry */
  releaseCacheVersion(version: string): string
  /** said as a warning before every install, e.g. that a test-only key policy is in force */
  warning?: string
}

export const DEFAULT_TERRAFORM_DOWNLOAD_URL = 'https://releases.hashicorp.com'

export const TERRAFORM: Distribution = {
  tool: 'terraform',
  downloadUrlInput: 'terraform-download-url',
  layout: 'a mirror of releases.hashicorp.com',
  versionFile: '.terraform-version',
  readsTofuFiles: false,
  indexUrl,
  parseIndex: parseReleaseIndexText,
  fileUrl,
  checkNames: checkCanonicalNames,
  signatureCandidates,
  isSignatureFile: (name, shasumsName) => name.startsWith(`${shasumsName}.`) && name.endsWith('.sig'),
  trustedKeys: armored =>
    readTrustedKeys(
      armored.trim() === '' ? HASHICORP_RELEASE_KEY : armored,
      'input terraform-signing-key',
      SIGNING_KEY_ACCEPTED
    ),
  hasBuiltInKey: true,
  releaseCacheVersion: version => version
}
