// The edge to the GitHub Actions cache (@actions/cache), behind a small interface so the logic is tested
// without it. @actions/cache (and the Azure SDK under it) is imported on first use only: runs with the cache
// off, or without a cache service, do not pay for loading it.
import { basename, dirname } from 'node:path'

export interface CacheService {
  /** false when the runner gives no cache service (not on GitHub Actions, or GHES without one) */
  available(): boolean
  /** the matched key, or undefined for a miss or any failure (which @actions/cache reports as a warning) */
  restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined>
  /** the entry id, or -1 when not saved (@actions/cache reports why: another job reserved the key, an error) */
  save(dir: string, key: string): Promise<number>
}

type ActionsCache = typeof import('@actions/cache')

export class ActionsCacheService implements CacheService {
  private loaded?: Promise<ActionsCache>

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  available(): boolean {
    const v2 = Boolean(this.env.ACTIONS_CACHE_SERVICE_V2)
    const url = v2 ? this.env.ACTIONS_RESULTS_URL : this.env.ACTIONS_CACHE_URL || this.env.ACTIONS_RESULTS_URL
    return Boolean(url && this.env.ACTIONS_RUNTIME_TOKEN)
  }

  async restore(dir: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
    const cache = await this.load()
    return this.inParent(dir, path => cache.restoreCache([path], key, restoreKeys))
  }

  async save(dir: string, key: string): Promise<number> {
    const cache = await this.load()
    return this.inParent(dir, path => cache.saveCache([path], key))
  }

  private load(): Promise<ActionsCache> {
    this.loaded ??= import('@actions/cache')
    return this.loaded
  }

  // The entry's version is a hash of the path strings as given, so the path is given relative to its parent
  // (just the folder name) and names the same entry in every job, wherever the runner puts RUNNER_TEMP. The
  // archive itself stores the path relative to GITHUB_WORKSPACE (../_temp/... on a hosted runner, the same
  // in every job); @actions/glob refuses patterns with '..', hence the change of directory.
  private async inParent<T>(dir: string, use: (path: string) => Promise<T>): Promise<T> {
    const cwd = process.cwd()
    process.chdir(dirname(dir))
    try {
      return await use(basename(dir))
    } finally {
      process.chdir(cwd)
    }
  }
}
