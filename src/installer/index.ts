// installRelease: resolve the version -> (cached? done) -> fetch SHA256SUMS and verify its OpenPGP signature ->
// download the zip and verify its SHA-256 -> extract -> tool-cache. Nothing unverified ever reaches the cache:
// the zip is only extracted after both checks pass, and only into a private temp dir. One code path for every
// tool; what differs (names, index, keys) is the Distribution (Terraform, OpenTofu).
import { access, chmod, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
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
import { TERRAFORM, type Distribution } from './distribution.js'
import { terraformPlatform, type TerraformPlatform } from './platform.js'
import { findBuild, normalizeDownloadUrl, type ReleaseBuild, type ReleaseIndex } from './release-index.js'
import { findRequiredVersion } from './required-version.js'
import { placeInToolCache } from './tool-cache-place.js'
import { expectedDigest, sha256File, verifyDigest } from './verify-checksum.js'
import { shortKeyId, verifyShasumsSignature, type TrustedKey } from './verify-signature.js'
import { exactVersionOf, newestRelease, parseVersionSpec, resolveVersion, type VersionSpec } from './version-spec.js'

export interface InstallRequest {
  /** '' = auto: required_version, then .terraform-version (.opentofu-version), then latest */
  versionSpec: string
  rootDir: string
  workspaceDir: string
  /** e.g. https://releases.hashicorp.com (no /terraform suffix) */
  downloadUrl: string
  /** armored public key(s), possibly several; '' = the distribution's default (HashiCorp's key; OpenTofu has none) */
  signingKeys: string
}

export interface InstallResult {
  version: string
  /** directory containing the binary (for core.addPath) */
  path: string
  /** full path of the binary (terraform, tofu) */
  binary: string
  fromCache: boolean
}

export interface InstallLog {
  info(m: string): void
  debug?(m: string): void
  /** falls back to info */
  warning?(m: string): void
}

/** The parts of @actions/tool-cache the installer uses. */
export interface ToolCache {
  find(tool: string, version: string, arch?: string): string
  /** versions in the cache; without it, an unreachable index has no fallback */
  findAllVersions?(tool: string, arch?: string): string[]
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
  /** release files kept across jobs (the Actions cache); none by default */
  releaseCache?: ReleaseCache
}

/**
 * Verified release files (zip, SHA256SUMS, its signature) kept across jobs, where the tool cache is not (a
 * GitHub-hosted runner starts empty). What comes back is verified again like a download: nothing is trusted
 * for having been cached.
 */
export interface ReleaseCache {
  /** a directory with the files of an earlier job, or undefined */
  restore(version: string): Promise<string | undefined>
  /** keep the files of a verified download for later jobs */
  keep(version: string, files: Array<{ name: string; data: Buffer | string }>): Promise<void>
}

const silent: InstallLog = { info: () => undefined }

/** @actions/tool-cache, except that a release is put in place atomically (jobs may share one tool cache). */
const SHARED_SAFE_TOOL_CACHE: ToolCache = {
  find: (tool, version, arch) => tc.find(tool, version, arch),
  findAllVersions: (tool, arch) => tc.findAllVersions(tool, arch),
  extractZip: (file, dest) => tc.extractZip(file, dest),
  cacheDir: placeInToolCache
}

/** Terraform from releases.hashicorp.com (or a mirror of it). */
export function installTerraform(
  req: InstallRequest,
  log: InstallLog = silent,
  deps: InstallDeps = {}
): Promise<InstallResult> {
  return installRelease(TERRAFORM, req, log, deps)
}

export async function installRelease(
  dist: Distribution,
  req: InstallRequest,
  log: InstallLog = silent,
  deps: InstallDeps = {}
): Promise<InstallResult> {
  const TOOL = dist.tool
  const toolCache = deps.toolCache ?? SHARED_SAFE_TOOL_CACHE
  const basePlatform = deps.platform ?? terraformPlatform()
  const platform: TerraformPlatform = {
    ...basePlatform,
    binaryName: basePlatform.os === 'windows' ? `${TOOL}.exe` : TOOL
  }
  const cacheArch = deps.cacheArch ?? process.arch
  const downloadUrl = normalizeDownloadUrl(req.downloadUrl, dist.downloadUrlInput, dist.layout)
  if (dist.warning) (log.warning ?? log.info)(dist.warning)
  // A key given as input is read and checked first, so a refused key fails the job before anything is looked up
  // or downloaded; a built-in key (and openpgp, ~1 MB of JavaScript) only when a signature is checked: a
  // tool-cache hit never loads it.
  let keys: Promise<TrustedKey[]> | undefined =
    req.signingKeys.trim() !== '' || !dist.hasBuiltInKey ? dist.trustedKeys(req.signingKeys) : undefined
  if (keys) await keys
  const trustedKeys = (): Promise<TrustedKey[]> => (keys ??= dist.trustedKeys(req.signingKeys))

  const { spec, label } = await chooseSpec(req, log, dist)
  log.info(`${TOOL} version wanted: ${label}`)

  const cachedResult = async (version: string): Promise<InstallResult | undefined> => {
    const dir = toolCache.find(TOOL, version, cacheArch)
    if (!dir) return undefined
    const binary = join(dir, platform.binaryName)
    if (!(await exists(binary))) return undefined
    log.info(`${TOOL} ${version} found in the tool cache: ${dir}`)
    return { version, path: dir, binary, fromCache: true }
  }

  const stagingDir = (): Promise<string> =>
    mkdtemp(join(deps.tempDir ?? (process.env.RUNNER_TEMP || tmpdir()), `${TOOL}-install-`))
  const warn = (m: string): void => (log.warning ?? log.info)(m)

  // Extract a zip whose digest was checked, then tool-cache it. Only ever given verified files.
  const installZip = async (version: string, zip: string, staging: string): Promise<InstallResult> => {
    const extracted = await toolCache.extractZip(zip, join(staging, 'extracted'))
    const staged = join(extracted, platform.binaryName)
    if (!(await exists(staged))) {
      throw new UserError(`${basename(zip)} has no ${platform.binaryName} inside; refusing to install`)
    }
    if (platform.os !== 'windows') await chmod(staged, 0o755)
    const dir = await toolCache.cacheDir(extracted, TOOL, version, cacheArch)
    log.info(`installed ${TOOL} ${version} to ${dir}`)
    return { version, path: dir, binary: join(dir, platform.binaryName), fromCache: false }
  }

  // The release files of an earlier job: the signature of SHA256SUMS and the zip's SHA-256 are checked again
  // with this run's trusted keys; anything that does not verify is refused and downloaded afresh.
  const fromReleaseCache = async (version: string): Promise<InstallResult | undefined> => {
    if (!deps.releaseCache) return undefined
    let dir: string | undefined
    try {
      dir = await deps.releaseCache.restore(dist.releaseCacheVersion(version))
    } catch (error) {
      warn(`${TOOL} ${version}: the release cache could not be read (${messageOf(error)}); downloading it`)
    }
    if (!dir) return undefined
    const shasumsName = `${TOOL}_${version}_SHA256SUMS`
    const zipName = `${TOOL}_${version}_${platform.os}_${platform.arch}.zip`
    const staging = await stagingDir()
    try {
      const shasums = await readFile(join(dir, shasumsName))
      const signatures = (await readdir(dir)).filter(n => dist.isSignatureFile(n, shasumsName))
      const signed = await verifyShasumsSignature({
        shasumsName,
        shasums,
        candidates: signatures,
        fetchSignature: name => readFile(join(dir, name)),
        keys: await trustedKeys(),
        log
      })
      verifyDigest(shasums.toString('utf8'), shasumsName, zipName, await sha256File(join(dir, zipName)))
      log.info(
        `${TOOL} ${version} restored from the Actions cache: ${signed.signatureFile} (key ${signed.keyId}) and the SHA-256 of ${zipName} verified again`
      )
      return await installZip(version, join(dir, zipName), staging)
    } catch (error) {
      warn(`${TOOL} ${version} from the Actions cache refused: ${messageOf(error)}; downloading it instead`)
      return undefined
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }

  // An exact version that is already cached needs no network at all.
  const exact = exactVersionOf(spec)
  if (exact) {
    const hit = (await cachedResult(exact)) ?? (await fromReleaseCache(exact))
    if (hit) return hit
  }

  const downloader = new Downloader(deps.http ?? createHttpClient(), deps.retry ?? DEFAULT_RETRY, log, deps.signal, {
    input: dist.downloadUrlInput,
    layout: dist.layout
  })
  const indexAt = dist.indexUrl(downloadUrl)
  // what messages show: credentials in the URL are never printed
  const url = withoutUserinfo(indexAt)
  log.debug?.(`GET ${url}`)
  let index: ReleaseIndex
  try {
    index = dist.parseIndex((await downloader.buffer(indexAt)).toString('utf8'), url)
  } catch (error) {
    // An outage of the releases site need not fail a job that a verified cached version satisfies. Only what
    // the installer itself put in the tool cache is there (it caches nothing unverified).
    // An exact version was looked for in both caches already: the download failure is the whole story.
    if (exact || deps.signal?.aborted) throw error
    const reason = error instanceof Error ? error.message : String(error)
    const fallback = resolveVersion(spec, toolCache.findAllVersions?.(TOOL, cacheArch) ?? [])
    const hit = fallback ? await cachedResult(fallback) : undefined
    if (!hit) {
      throw new UserError(
        `${reason}; no version in the tool cache satisfies ${label}, so there is nothing to fall back on`
      )
    }
    ;(log.warning ?? log.info)(
      `releases index unreachable (${reason}); using ${TOOL} ${hit.version} from the tool cache, the newest cached version satisfying ${label}`
    )
    return hit
  }
  const version = pickVersion(spec, label, index, url)
  if (version !== exact) {
    log.info(`resolved ${label} to ${version} from ${url}`)
    const hit = (await cachedResult(version)) ?? (await fromReleaseCache(version))
    if (hit) return hit
  }

  const release = index.versions.get(version)!
  const build = findBuild(release, platform.os, platform.arch)
  if (!build) {
    throw new UserError(
      `${TOOL} ${version} has no build for ${platform.os}_${platform.arch} at ${url}: pick another terraform-version`
    )
  }
  dist.checkNames(release, build, url)

  // 1. SHA256SUMS and its signature (small files first: a bad signature costs no zip download)
  const signatures = new Map<string, Buffer>()
  const shasums = await downloader.buffer(dist.fileUrl(downloadUrl, version, release.shasums))
  const signed = await verifyShasumsSignature({
    shasumsName: release.shasums,
    shasums,
    candidates: dist.signatureCandidates(release, (await trustedKeys()).map(shortKeyId)),
    fetchSignature: async name => {
      const bytes = await downloader.optionalBuffer(dist.fileUrl(downloadUrl, version, name))
      if (bytes) signatures.set(name, bytes)
      return bytes
    },
    keys: await trustedKeys(),
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
  const staging = await mkdtemp(join(tempRoot, `${TOOL}-install-`)).catch((err: unknown) => {
    throw diskFaultError(err, 'could not create a directory for the download', dirs, dirs[0]) ?? err
  })
  try {
    return await stageAndCache(staging, build)
  } catch (err) {
    const doing = `could not install ${TOOL} ${version}`
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
    log.info(`downloading ${withoutUserinfo(dist.fileUrl(downloadUrl, version, build.filename))}`)
    await downloader.file(dist.fileUrl(downloadUrl, version, build.filename), zip)
    verifyDigest(shasumsText, release.shasums, build.filename, await sha256File(zip))
    log.info(`${build.filename}: SHA-256 verified`)
    const installed = await installZip(version, zip, staging)
    if (deps.releaseCache) {
      try {
        await deps.releaseCache.keep(dist.releaseCacheVersion(version), [
          { name: build.filename, data: await readFile(zip) },
          { name: release.shasums, data: shasums },
          { name: signed.signatureFile, data: signatures.get(signed.signatureFile)! }
        ])
      } catch (error) {
        warn(`${TOOL} ${version}: not kept for the release cache (${messageOf(error)})`)
      }
    }
    return installed
  }
}

function messageOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error)
  return message.split('\n')[0] || 'unknown error'
}

async function chooseSpec(
  req: InstallRequest,
  log: InstallLog,
  dist: Distribution
): Promise<{ spec: VersionSpec; label: string }> {
  if (req.versionSpec.trim() !== '') {
    const label = `terraform-version "${req.versionSpec.trim()}"`
    return { spec: parseVersionSpec(req.versionSpec, label), label }
  }
  const found = await findRequiredVersion(req.rootDir, req.workspaceDir, log, dist)
  if (!found)
    return {
      spec: { kind: 'latest' },
      label: `latest (no terraform-version, required_version or ${dist.versionFile})`
    }
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
export { TERRAFORM, type Distribution, type Tool } from './distribution.js'
export { openTofuDistribution } from './opentofu.js'
export { releaseSource, type ReleaseSource } from './release-source.js'
