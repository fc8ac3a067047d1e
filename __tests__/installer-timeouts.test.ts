// The installer's HTTP never waits forever: a server that accepts and never answers is given up per attempt
// (idle timeout) and retried; a server that trickles forever is cut off by the total budget. Real sockets.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const scratch = mkdtempSync(join(tmpdir(), 'installer-timeouts-'))
process.env.RUNNER_TEMP = mkdtempSync(join(scratch, 'temp-'))
process.env.RUNNER_TOOL_CACHE = mkdtempSync(join(scratch, 'cache-'))
const { installTerraform } = await import('../src/installer/index.js')
const { createHttpClient } = await import('../src/installer/download.js')
const { UserError } = await import('../src/errors.js')

let server: Server
let url: string
let requests = 0
const sockets = new Set<Socket>()
const timers = new Set<NodeJS.Timeout>()

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++
    if (req.url?.startsWith('/hang/')) return // accepts, never answers
    // /trickle/: a byte every 100 ms, forever (never idle, never complete)
    res.writeHead(200, { 'content-length': 1_000_000 })
    const timer = setInterval(() => res.write('{'), 100)
    timers.add(timer)
    res.on('close', () => clearInterval(timer))
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const t of timers) clearInterval(t)
  for (const s of sockets) s.destroy()
  await new Promise(resolve => server.close(resolve))
  rmSync(scratch, { recursive: true, force: true })
})

async function refusal(downloadUrl: string, idleMs: number, totalMs: number): Promise<{ message: string; ms: number }> {
  const started = Date.now()
  const err = await installTerraform(
    { versionSpec: '1.11.4', rootDir: scratch, workspaceDir: scratch, downloadUrl, signingKeys: '' },
    { info: () => undefined },
    {
      http: createHttpClient('test', idleMs),
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20, totalTimeoutMs: totalMs }
    }
  ).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(UserError)
  expect(readdirSync(process.env.RUNNER_TOOL_CACHE!)).toEqual([])
  return { message: (err as Error).message, ms: Date.now() - started }
}

describe('installer HTTP timeouts', () => {
  it('gives up on a server that never answers, per attempt, and retries', async () => {
    requests = 0
    const { message, ms } = await refusal(`${url}/hang`, 300, 60_000)
    expect(message).toMatch(
      /^download of http:\/\/127\.0\.0\.1:\d+\/hang\/terraform\/index\.json failed after 3 attempts: no data for 300 ms; check terraform-download-url and the runner's network or proxy settings$/
    )
    expect(requests).toBe(3)
    expect(ms).toBeGreaterThanOrEqual(900)
    expect(ms).toBeLessThan(5000)
  })

  it('cuts off a server that trickles forever at the total budget, retries included', async () => {
    const { message, ms } = await refusal(`${url}/trickle`, 5000, 2000)
    expect(message).toMatch(
      /^download of http:\/\/127\.0\.0\.1:\d+\/trickle\/terraform\/index\.json timed out: no complete answer within 2 s; /
    )
    expect(ms).toBeGreaterThanOrEqual(1900)
    expect(ms).toBeLessThan(4000)
  })
})
