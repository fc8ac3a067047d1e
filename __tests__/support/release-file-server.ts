// The HTTP side shared by the release stand-ins (releases.hashicorp.com, OpenTofu's releases): files by path from a
// route function, every request counted, injected 503s per path, and a close that also cuts open downloads.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Served {
  status: number
  body?: Buffer | string
  type?: string
}

export interface ReleaseFileServer {
  url: string
  /** requests per URL path, failed ones included */
  requests: Map<string, number>
  requestCount(path: string): number
  countMatching(test: (path: string) => boolean): number
  resetRequests(): void
  /** the next `n` requests of each given path answer 503 */
  failNext(failures: Record<string, number>): void
  close(): Promise<void>
}

export async function startReleaseFileServer(route: (path: string) => Served): Promise<ReleaseFileServer> {
  const requests = new Map<string, number>()
  let failuresLeft = new Map<string, number>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A client that gives up mid-download (a timeout, a cancel, a retry) is what the tests provoke, not a failure.
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    requests.set(path, (requests.get(path) ?? 0) + 1)
    const left = failuresLeft.get(path) ?? 0
    if (left > 0) {
      failuresLeft.set(path, left - 1)
      res.writeHead(503, { 'content-type': 'text/plain' }).end('service unavailable (injected)')
      return
    }
    const { status, body, type } = req.method === 'GET' || req.method === 'HEAD' ? route(path) : { status: 405 }
    if (status !== 200 || body === undefined) {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`${status}`)
      return
    }
    res.writeHead(200, {
      'content-type': type ?? 'application/octet-stream',
      'content-length': Buffer.byteLength(body)
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestCount: path => requests.get(path) ?? 0,
    countMatching: test => [...requests].reduce((n, [p, c]) => (test(p) ? n + c : n), 0),
    resetRequests: () => requests.clear(),
    failNext: failures => {
      failuresLeft = new Map(Object.entries(failures))
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(err => (err ? reject(err) : resolve()))
      })
  }
}
