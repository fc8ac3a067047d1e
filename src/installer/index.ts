// installTerraform: resolve the version -> (cached? done) -> fetch SHA256SUMS and verify its OpenPGP signature ->
// download the zip and verify its SHA-256 -> extract -> tool-cache. Nothing unverified ever reaches the cache:
// the zip is only extracted after both checks pass, and only into a private temp dir.
import { access, chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as tc from '@actions/tool-cache'
import { diskFaultError, unwritableDirError, UserError, type KnownDir } from '../errors.js'
import {
  DEFAULT_RETRY,
  Downloader,
  createHttpClient,
  withoutUserinfo,
  type HttpClient,
  type RetryOptions
} from './download.js'
import { HASHICORP_RELEASE_KEY } from './hashicorp-release-key.js'
import { terraformPlatform, type TerraformPlatform } from './platform.js'
import {
  checkCanonicalNames,
  fileUrl,
  findBuild,
  indexUrl,
  normalizeDownloadUrl,
  parseReleaseIndexText,
  type ReleaseBuild,
  type ReleaseIndex
} from './release-index.js'
import { findRequiredVersion } from './required-version.js'
import { expectedDigest, sha256File, verifyDigest } from './verify-checksum.js'
import { readTrustedKeys, shortKeyId, signatureCandidates, verifyShasumsSignature } from './verify-signature.js'
import { exactVersionOf, newestRelease, parseVersionSpec, resolveVersion, type VersionSpec } from './version-spec.js'

export interface InstallRequest {
  /** '' = auto: required_version, then .terraform-version, then latest */
  versionSpec: string
  rootDir: string
  workspaceDir: string
  /** e.g. https://releases.hashicorp.com (no /terraform suffix) */
  downloadUrl: string
  /** armored public key(s), possibly several; '' = HashiCorp's release key */
  signingKeys: string
}

export interface InstallResult {
  version: string
  /** directory containing the terraform binary (for core.addPath) */
  path: string
  /** full path of the terraform binary */
  binary: string
  fromCache: boolean
}

export interface InstallLog {
  info(m: string): void
  debug?(m: string): void
}

/** The parts of @actions/tool-cache the installer uses. */
export interface ToolCache {
  find(tool: string, version: string, arch?: string): string
  extractZip(file: string, dest?: string): Promise<string>
  cacheDir(sourceDir: string, tool: string, version: string, arch?: string): Promise<string>
}

/** Side effects, injectable; every field defaults to the real thing. */
export interface InstallDeps {
  http?: HttpClient
  toolCache?: ToolCache
  retry?: RetryOptions
  platform?: TerraformPlatform
  /** the tool-cache arch key; defaults to process.arch like tool-cache itself */
  cacheArch?: string
  /** where downloads are staged; defaults to RUNNER_TEMP, else the OS temp dir */
  tempDir?: string
  /** a cancelled job: stops the download within moments, nothing is installed */
  signal?: AbortSignal
}

const TOOL = 'terraform'
const silent: InstallLog = { info: () => undefined }

export async function installTerraform(
  req: InstallRequest,
  log: InstallLog = silent,
  deps: InstallDeps = {}
): Promise<InstallResult> {
  const toolCache = deps.toolCache ?? tc
  const platform = deps.platform ?? terraformPlatform()
  const cacheArch = deps.cacheArch ?? process.arch
  const downloadUrl = normalizeDownloadUrl(req.downloadUrl)
  const keys = await readTrustedKeys(req.signingKeys.trim() === '' ? HASHICORP_RELEASE_KEY : req.signingKeys)

  const { spec, label } = await chooseSpec(req, log)
  log.info(`terraform version wanted: ${label}`)

  const cachedResult = async (version: string): Promise<InstallResult | undefined> => {
    const dir = toolCache.find(TOOL, version, cacheArch)
    if (!dir) return undefined
    const binary = join(dir, platform.binaryName)
    if (!(await exists(binary))) return undefined
    log.info(`terraform ${version} found in the tool cache: ${dir}`)
    return { version, path: dir, binary, fromCache: true }
  }

  // An exact version that is already cached needs no network at all.
  const exact = exactVersionOf(spec)
  if (exact) {
    const hit = await cachedResult(exact)
    if (hit) return hit
  }

  const downloader = new Downloader(deps.http ?? createHttpClient(), deps.retry ?? DEFAULT_RETRY, log, deps.signal)
  const indexAt = indexUrl(downloadUrl)
  // what messages show: credentials in the URL are never printed
  const url = withoutUserinfo(indexAt)
  log.debug?.(`GET ${url}`)
  const index = parseReleaseIndexText((await downloader.buffer(indexAt)).toString('utf8'), url)
  const version = pickVersion(spec, label, index, url)
  if (version !== exact) {
    log.info(`resolved ${label} to ${version}`)
    const hit = await cachedResult(version)
    if (hit) return hit
  }

  const release = index.versions.get(version)!
  const build = findBuild(release, platform.os, platform.arch)
  if (!build) {
    throw new UserError(
      `terraform ${version} has no build for ${platform.os}_${platform.arch} at ${url}: pick another terraform-version`
    )
  }
  checkCanonicalNames(release, build, url)

  // 1. SHA256SUMS and its signature (small files first: a bad signature costs no zip download)
  const shasums = await downloader.buffer(fileUrl(downloadUrl, version, release.shasums))
  const signed = await verifyShasumsSignature({
    shasumsName: release.shasums,
    shasums,
    candidates: signatureCandidates(release, keys.map(shortKeyId)),
    fetchSignature: name => downloader.optionalBuffer(fileUrl(downloadUrl, version, name)),
    keys,
    log
  })
  log.info(`${release.shasums}: signature ${signed.signatureFile} verified (key ${signed.keyId})`)
  const shasumsText = shasums.toString('utf8')
  expectedDigest(shasumsText, release.shasums, build.filename)

  // 2. the zip, staged privately; extracted only once its digest matches
  const tempRoot = deps.tempDir ?? (process.env.RUNNER_TEMP || tmpdir())
  // A full or read-only disk is the runner's problem, not the network's: named, never retried.
  const runnerTemp = process.env.RUNNER_TEMP ? resolve(process.env.RUNNER_TEMP) : undefined
  const dirs: KnownDir[] = [
    { label: resolve(tempRoot) === runnerTemp ? 'RUNNER_TEMP' : 'the temp directory', path: resolve(tempRoot) },
    ...(process.env.RUNNER_TOOL_CACHE
      ? [{ label: 'RUNNER_TOOL_CACHE', path: resolve(process.env.RUNNER_TOOL_CACHE) }]
      : [])
  ]
  const staging = await mkdtemp(join(tempRoot, 'terraform-install-')).catch((err: unknown) => {
    throw diskFaultError(err, 'could not create a directory for the download', dirs, dirs[0]) ?? err
  })
  try {
    return await stageAndCache(staging, build)
  } catch (err) {
    const doing = `could not install terraform ${version}`
    throw (
      diskFaultError(err, doing, dirs, dirs[0]) ??
      (err instanceof UserError ? err : unwritableDirError(doing, dirs)) ??
      err
    )
  } finally {
    await rm(staging, { recursive: true, force: true })
  }

  async function stageAndCache(staging: string, build: ReleaseBuild): Promise<InstallResult> {
    const zip = join(staging, build.filename)
    log.info(`downloading ${withoutUserinfo(fileUrl(downloadUrl, version, build.filename))}`)
    await downloader.file(fileUrl(downloadUrl, version, build.filename), zip)
    verifyDigest(shasumsText, release.shasums, build.filename, await sha256File(zip))
    log.info(`${build.filename}: SHA-256 verified`)

    const extracted = await toolCache.extractZip(zip, join(staging, 'extracted'))
    const staged = join(extracted, platform.binaryName)
    if (!(await exists(staged))) {
      throw new UserError(`${build.filename} has no ${platform.binaryName} inside; refusing to install`)
    }
    if (platform.os !== 'windows') await chmod(staged, 0o755)
    const dir = await toolCache.cacheDir(extracted, TOOL, version, cacheArch)
    log.info(`installed terraform ${version} to ${dir}`)
    return { version, path: dir, binary: join(dir, platform.binaryName), fromCache: false }
  }
}

async function chooseSpec(req: InstallRequest, log: InstallLog): Promise<{ spec: VersionSpec; label: string }> {
  if (req.versionSpec.trim() !== '') {
    const label = `terraform-version "${req.versionSpec.trim()}"`
    return { spec: parseVersionSpec(req.versionSpec, label), label }
  }
  const found = await findRequiredVersion(req.rootDir, req.workspaceDir, log)
  if (!found)
    return { spec: { kind: 'latest' }, label: 'latest (no terraform-version, required_version or .terraform-version)' }
  return { spec: parseVersionSpec(found.spec, found.label), label: found.label }
}

function pickVersion(spec: VersionSpec, label: string, index: ReleaseIndex, url: string): string {
  const version = resolveVersion(spec, index.versions.keys())
  if (version) return version
  const newest = newestRelease(index.versions.keys())
  const tail = newest ? `newest is ${newest}` : 'it lists no releases'
  if (spec.kind === 'exact') throw new UserError(`${label} is not a release listed at ${url}: ${tail}`)
  throw new UserError(`${label} matches no release at ${url}: ${tail}`)
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

export type { HttpClient, RetryOptions } from './download.js'
export type { TerraformPlatform } from './platform.js'
export { HASHICORP_RELEASE_KEY, HASHICORP_RELEASE_KEY_FINGERPRINT } from './hashicorp-release-key.js'
