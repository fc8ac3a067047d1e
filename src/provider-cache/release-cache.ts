// The terraform release across jobs: the verified zip, SHA256SUMS and its signature in one Actions cache entry
// per version and platform. The installer verifies them again on restore; this file only moves them.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import type { ReleaseCache } from '../installer/index.js'
import type { CacheService } from './cache-service.js'

export const RELEASE_STATE_NAME = 'terraform-release'

export interface ReleaseCacheState {
  dir: string
  key: string
}

export function releaseCacheKey(os: string, arch: string, version: string): string {
  return `terraform-release-${os}-${arch}-${version}`
}

export class ActionsReleaseCache implements ReleaseCache {
  constructor(
    private readonly service: CacheService,
    private readonly tempDir: string,
    private readonly os: string,
    private readonly arch: string,
    private readonly saveState: (name: string, value: string) => void = core.saveState
  ) {}

  private dirOf(version: string): string {
    return join(this.tempDir, `terraform-release-${version}`)
  }

  async restore(version: string): Promise<string | undefined> {
    if (!this.service.available()) return undefined
    const dir = this.dirOf(version)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const key = releaseCacheKey(this.os, this.arch, version)
    return (await this.service.restore(dir, key, [])) === key ? dir : undefined
  }

  async keep(version: string, files: Array<{ name: string; data: Buffer | string }>): Promise<void> {
    if (!this.service.available()) return
    const dir = this.dirOf(version)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    for (const file of files) await writeFile(join(dir, file.name), file.data)
    const state: ReleaseCacheState = { dir, key: releaseCacheKey(this.os, this.arch, version) }
    this.saveState(RELEASE_STATE_NAME, JSON.stringify(state))
  }
}

export function decodeReleaseState(text: string): ReleaseCacheState | undefined {
  try {
    const value = JSON.parse(text) as Partial<ReleaseCacheState>
    return typeof value.dir === 'string' && typeof value.key === 'string'
      ? { dir: value.dir, key: value.key }
      : undefined
  } catch {
    return undefined
  }
}
