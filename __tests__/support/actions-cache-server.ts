// A local stand-in for the GitHub Actions cache service (v2), as @actions/cache 6.x speaks to it:
//
//   twirp JSON under ACTIONS_RESULTS_URL, Bearer ACTIONS_RUNTIME_TOKEN:
//     POST /twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry         {key, version}
//          -> {ok, signed_upload_url}     a second reservation of the same key+version: 409 already_exists
//     PUT  <signed_upload_url>            Azure Blob "Put Blob" (x-ms-blob-type: BlockBlob), or
//                                         "Put Block" (?comp=block&blockid=) + "Put Block List" (?comp=blocklist)
//     POST .../FinalizeCacheEntryUpload   {key, version, size_bytes} -> {ok, entry_id}
//          without an upload: 412 failed_precondition; another size than uploaded: 400 invalid_argument
//     POST .../GetCacheEntryDownloadURL   {key, restore_keys, version} -> {ok, signed_download_url, matched_key}
//          exact key first, then each restore key as a prefix (newest entry first); only finalized entries
//     GET  <signed_download_url>          the archive
//
//   const cache = await startActionsCacheServer()
//   env: cache.env (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, ACTIONS_CACHE_SERVICE_V2 as a runner sets them)
//   cache.entries(), cache.requests, cache.corrupt(key), await cache.close()
//
// Upload and download URLs carry a random signature bound to one entry (as a SAS is): any other URL is refused.
// Blobs live on disk in a temp dir, so archives of hundreds of MB cost no memory.
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { appendFile, readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'
const ACCOUNT = '/devstoreaccount1/actions-cache/'

export interface CacheEntry {
  id: number
  key: string
  version: string
  /** bytes uploaded so far (after Put Blob or Put Block List) */
  uploadedBytes?: number
  finalized: boolean
  sizeBytes?: number
}

export interface CacheRequest {
  method: string
  /** twirp method name, or "blob-upload" / "blob-download" */
  op: string
  status: number
}

export interface ActionsCacheServer {
  /** ACTIONS_RESULTS_URL, with its trailing slash as the runner gives it */
  url: string
  token: string
  /** the variables a runner sets for a job that may use the cache (v2) */
  env: Record<string, string>
  entries(): CacheEntry[]
  /** every request, in order */
  requests: CacheRequest[]
  /** overwrite a finalized entry's blob with bytes that are no archive (same size, so downloads complete) */
  corrupt(key: string): void
  close(): Promise<void>
}

interface Stored extends CacheEntry {
  blob: string
  uploadSig: string
  downloadSig: string
  blocks: Map<string, string>
  order: number
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string
  ) {
    super(msg)
  }
}

export async function startActionsCacheServer(): Promise<ActionsCacheServer> {
  const token = `runtime-${randomBytes(12).toString('hex')}`
  const dir = mkdtempSync(join(tmpdir(), 'actions-cache-'))
  const stored: Stored[] = []
  const requests: CacheRequest[] = []
  let nextId = 1
  let order = 0
  let base = ''

  const blobPath = (entry: Stored): string => join(dir, entry.blob)

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
    } catch {
      throw new TwirpError(400, 'malformed', 'the request body is not JSON')
    }
  }

  function str(body: Record<string, unknown>, name: string): string {
    const value = body[name]
    if (typeof value !== 'string' || value === '') throw new TwirpError(400, 'invalid_argument', `${name} is required`)
    return value
  }

  async function twirp(method: string, req: IncomingMessage): Promise<unknown> {
    if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', `no ${req.method} route`)
    if (req.headers.authorization !== `Bearer ${token}`) throw new TwirpError(401, 'unauthenticated', 'bad token')
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      throw new TwirpError(400, 'malformed', 'only the JSON protocol is served here')
    }
    const body = await readJson(req)
    switch (method) {
      case 'CreateCacheEntry': {
        const key = str(body, 'key')
        const version = str(body, 'version')
        if (key.length > 512 || key.includes(',')) throw new TwirpError(400, 'invalid_argument', 'invalid key')
        if (stored.some(e => e.key === key && e.version === version)) {
          throw new TwirpError(
            409,
            'already_exists',
            'cache entry with the same key, version, and scope already exists'
          )
        }
        const entry: Stored = {
          id: nextId++,
          key,
          version,
          finalized: false,
          blob: `${Date.now()}-${randomBytes(6).toString('hex')}`,
          uploadSig: randomBytes(16).toString('hex'),
          downloadSig: randomBytes(16).toString('hex'),
          blocks: new Map(),
          order: 0
        }
        stored.push(entry)
        return { ok: true, signed_upload_url: `${base}${ACCOUNT}${entry.blob}?sp=cw&sig=${entry.uploadSig}` }
      }
      case 'FinalizeCacheEntryUpload': {
        const key = str(body, 'key')
        const version = str(body, 'version')
        const entry = stored.find(e => e.key === key && e.version === version)
        if (!entry) throw new TwirpError(404, 'not_found', 'no reservation for this key and version')
        if (entry.finalized) throw new TwirpError(409, 'already_exists', 'cache entry is already finalized')
        if (entry.uploadedBytes === undefined) {
          throw new TwirpError(412, 'failed_precondition', 'nothing was uploaded for this cache entry')
        }
        const size = Number(body.size_bytes)
        if (!Number.isSafeInteger(size) || size !== entry.uploadedBytes) {
          throw new TwirpError(
            400,
            'invalid_argument',
            `size_bytes ${String(body.size_bytes)} is not the uploaded size`
          )
        }
        entry.finalized = true
        entry.sizeBytes = size
        entry.order = ++order
        return { ok: true, entry_id: String(entry.id) }
      }
      case 'GetCacheEntryDownloadURL': {
        const key = str(body, 'key')
        const version = str(body, 'version')
        const restoreKeys = Array.isArray(body.restore_keys) ? (body.restore_keys as unknown[]).map(String) : []
        const ready = stored.filter(e => e.finalized && e.version === version).sort((a, b) => b.order - a.order)
        const match =
          ready.find(e => e.key === key) ??
          restoreKeys.map(prefix => ready.find(e => e.key.startsWith(prefix))).find(e => e !== undefined)
        if (!match) return { ok: false, signed_download_url: '', matched_key: '' }
        return {
          ok: true,
          signed_download_url: `${base}${ACCOUNT}${match.blob}?sp=r&sig=${match.downloadSig}`,
          matched_key: match.key
        }
      }
      default:
        throw new TwirpError(404, 'bad_route', `no method ${method}`)
    }
  }

  function blobError(res: ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code })
    res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`)
  }

  function blobOk(res: ServerResponse, status: number): void {
    res.writeHead(status, {
      etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2025-01-05',
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0'
    })
    res.end()
  }

  async function blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const entry = stored.find(e => e.blob === url.pathname.slice(ACCOUNT.length))
    const sig = url.searchParams.get('sig')
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!entry || sig !== entry.downloadSig || !entry.finalized) {
        blobError(res, 403, 'AuthenticationFailed', 'Signature not valid for this blob')
        return 403
      }
      const size = statSync(blobPath(entry)).size
      res.writeHead(200, { 'content-length': String(size), 'content-type': 'application/octet-stream' })
      if (req.method === 'HEAD') res.end()
      else await pipeline(createReadStream(blobPath(entry)), res)
      return 200
    }
    if (req.method !== 'PUT') {
      blobError(res, 405, 'UnsupportedHttpVerb', 'only GET and PUT')
      return 405
    }
    if (!entry || sig !== entry.uploadSig) {
      req.resume()
      blobError(res, 403, 'AuthenticationFailed', 'Signature not valid for this blob')
      return 403
    }
    if (entry.finalized) {
      req.resume()
      blobError(res, 409, 'BlobImmutable', 'the cache entry is finalized')
      return 409
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid')
      if (!id) {
        req.resume()
        blobError(res, 400, 'InvalidQueryParameterValue', 'blockid is required')
        return 400
      }
      const file = join(dir, `${entry.blob}.block-${entry.blocks.size}`)
      await pipeline(req, createWriteStream(file))
      entry.blocks.set(id, file)
      blobOk(res, 201)
      return 201
    }
    if (comp === 'blocklist') {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const ids = [
        ...Buffer.concat(chunks)
          .toString('utf8')
          .matchAll(/<(?:Latest|Uncommitted)>([^<]+)</g)
      ].map(m => m[1])
      const missing = ids.find(id => !entry.blocks.has(id))
      if (missing !== undefined || ids.length === 0) {
        blobError(res, 400, 'InvalidBlockList', 'the block list names a block that was not uploaded')
        return 400
      }
      writeFileSync(blobPath(entry), '')
      for (const id of ids) await appendFile(blobPath(entry), await readFile(entry.blocks.get(id)!))
      for (const file of entry.blocks.values()) await rm(file, { force: true })
      entry.blocks.clear()
      entry.uploadedBytes = statSync(blobPath(entry)).size
      blobOk(res, 201)
      return 201
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      await pipeline(req, createWriteStream(blobPath(entry)))
      entry.uploadedBytes = statSync(blobPath(entry)).size
      blobOk(res, 201)
      return 201
    }
    req.resume()
    blobError(
      res,
      400,
      'InvalidHeaderValue',
      'expected Put Blob (x-ms-blob-type: BlockBlob), Put Block or Put Block List'
    )
    return 400
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base)
    const done = (op: string, status: number): void => {
      requests.push({ method: req.method ?? '', op, status })
    }
    if (url.pathname.startsWith(SERVICE)) {
      const method = url.pathname.slice(SERVICE.length)
      twirp(method, req).then(
        body => {
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(JSON.stringify(body))
          done(method, 200)
        },
        (error: unknown) => {
          const e = error instanceof TwirpError ? error : new TwirpError(500, 'internal', String(error))
          res.writeHead(e.status, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ code: e.code, msg: e.message }))
          done(method, e.status)
        }
      )
      return
    }
    if (url.pathname.startsWith(ACCOUNT)) {
      const op = req.method === 'PUT' ? 'blob-upload' : 'blob-download'
      blob(req, res, url).then(
        status => done(op, status),
        () => {
          if (!res.headersSent) blobError(res, 500, 'InternalError', 'stand-in failure')
          else res.destroy()
          done(op, 500)
        }
      )
      return
    }
    res.writeHead(404).end()
    done('unknown', 404)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: `${base}/`,
    token,
    env: { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_CACHE_SERVICE_V2: 'True' },
    entries: () =>
      stored.map(e => ({
        id: e.id,
        key: e.key,
        version: e.version,
        uploadedBytes: e.uploadedBytes,
        finalized: e.finalized,
        sizeBytes: e.sizeBytes
      })),
    requests,
    corrupt(key: string) {
      const entry = stored.find(e => e.key === key && e.finalized)
      if (!entry) throw new Error(`actions-cache-server: no finalized entry ${key}`)
      writeFileSync(blobPath(entry), randomBytes(statSync(blobPath(entry)).size))
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
