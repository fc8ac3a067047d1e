// Network drills through the built action, with a small HTTP front in front of the local releases server that
// can demand credentials, cut the zip download in half, or stall it (to cancel the job mid-download).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { dirname, join } from 'node:path'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import {
  actionEnv,
  finishAction,
  makeRunnerDirs,
  repoRoot,
  runAction,
  startAction,
  withoutMaskCommands,
  workflowCommands,
  type RunnerDirs
} from './support/run-action.js'

const USER = 'deploy'
const PASSWORD = 'S3cr3t-Passw0rd-4711'

interface Front {
  url: string
  /** requests per path */
  seen: Map<string, number>
  mode: { auth?: boolean; cutZip?: number; stallZip?: boolean }
  close(): Promise<void>
}

function fetchBody(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

async function startFront(upstream: string): Promise<Front> {
  const sockets = new Set<Socket>()
  const front: Front = { url: '', seen: new Map(), mode: {}, close: async () => undefined }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/'
    front.seen.set(path, (front.seen.get(path) ?? 0) + 1)
    if (front.mode.auth) {
      const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="mirror"' }).end('unauthorized')
        return
      }
    }
    void fetchBody(upstream + path)
      .then(({ status, body }) => {
        const isZip = path.endsWith('.zip')
        res.writeHead(status, { 'content-length': body.length, 'content-type': 'application/octet-stream' })
        if (isZip && front.mode.stallZip) {
          res.write(body.subarray(0, 64 * 1024)) // then nothing, ever
          return
        }
        if (isZip && (front.mode.cutZip ?? 0) > 0) {
          front.mode.cutZip!--
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
          return
        }
        res.end(body)
      })
      .catch(() => {
        // The upstream went away mid-body (afterAll closing it while the action still retries): cut this
        // client off too. Without the catch the 'aborted' rejection would surface in whichever suite runs next.
        res.destroy()
      })
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  front.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  front.close = () =>
    new Promise<void>(resolve => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  return front
}

let releases: ReleasesServer
let front: Front
let dirs: RunnerDirs
const zipPath = '/terraform/1.11.4/terraform_1.11.4_linux_amd64.zip'

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    command: 'validate',
    'working-directory': 'ok',
    'terraform-version': '1.11.4',
    'terraform-download-url': front.url,
    'terraform-signing-key': releases.publicKeyArmored,
    'fmt-check': 'false',
    ...extra
  }
}

const withCredentials = (password = PASSWORD): string => front.url.replace('http://', `http://${USER}:${password}@`)

function expectNothingInstalled(): void {
  expect(readdirSync(dirs.toolCache)).toEqual([])
  expect(readdirSync(dirs.temp).filter(n => n.startsWith('terraform-install-'))).toEqual([])
}

beforeAll(async () => {
  releases = await startReleasesServer({ versions: ['1.11.4'] })
  front = await startFront(releases.url)
})

afterAll(async () => {
  await front.close()
  await releases.close()
})

afterEach(() => {
  rmSync(dirname(dirs.workspace), { recursive: true, force: true })
})

beforeEach(() => {
  front.mode = {}
  front.seen.clear()
  dirs = makeRunnerDirs()
  cpSync(join(repoRoot, '__tests__', 'fixtures', 'validate-ok'), join(dirs.workspace, 'ok'), { recursive: true })
})

describe('credentials in terraform-download-url', () => {
  it('are sent as Basic auth and never printed', async () => {
    front.mode.auth = true
    const run = await runAction(dirs, inputs({ 'terraform-download-url': withCredentials() }))
    expect(workflowCommands(run.stdout, 'error')).toEqual([])
    expect(run.code).toBe(0)
    expect(front.seen.get(zipPath)).toBe(1)
    const log = run.stdout + run.stderr
    expect(withoutMaskCommands(log)).not.toContain(PASSWORD)
    // masked (::add-mask::) before the first line that shows the mirror
    const lines = run.stdout.split('\n')
    const mask = lines.indexOf(`::add-mask::${PASSWORD}`)
    const firstUrl = lines.findIndex(l => l.includes('127.0.0.1'))
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(mask).toBeLessThan(firstUrl)
    expect(lines).toContain(`::add-mask::${USER}:${PASSWORD}`)
  })

  it('a wrong password is a 401 named as such, still without the password', async () => {
    front.mode.auth = true
    const wrong = 'Wr0ng-Passw0rd-0815'
    const run = await runAction(dirs, inputs({ 'terraform-download-url': withCredentials(wrong) }))
    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::download of http:\/\/\*\*\*@127\.0\.0\.1:\d+\/terraform\/index\.json failed: HTTP 401; check the credentials of terraform-download-url/
    )
    expect(withoutMaskCommands(run.stdout + run.stderr)).not.toContain(wrong)
    expectNothingInstalled()
  })

  it('a bad URL input with credentials is refused without printing them', async () => {
    const run = await runAction(dirs, inputs({ 'terraform-download-url': `ftp://${USER}:${PASSWORD}@mirror.example` }))
    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout, 'error')).toEqual([
      '::error::input terraform-download-url: "ftp://***@mirror.example" uses ftp:; use an http(s) URL laid out like https://releases.hashicorp.com'
    ])
    expect(withoutMaskCommands(run.stdout + run.stderr)).not.toContain(PASSWORD)
  })
})

describe('a download cut in half', () => {
  it('is retried and then succeeds', async () => {
    front.mode.cutZip = 1
    const run = await runAction(dirs, inputs())
    expect(run.code).toBe(0)
    expect(front.seen.get(zipPath)).toBe(2)
    expect(run.stdout).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/terraform\/1\.11\.4\/terraform_1\.11\.4_linux_amd64\.zip: the connection closed after \d+ of \d+ bytes; retrying in 1000 ms \(attempt 2\/4\)/
    )
  })

  it('fails clearly when it keeps being cut, installing nothing', async () => {
    front.mode.cutZip = 100
    const run = await runAction(dirs, inputs())
    expect(run.code).toBe(1)
    expect(front.seen.get(zipPath)).toBe(4)
    const errors = workflowCommands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /^::error::download of http:\/\/127\.0\.0\.1:\d+\/terraform\/1\.11\.4\/terraform_1\.11\.4_linux_amd64\.zip failed after 4 attempts: the connection closed after (\d+) of (\d+) bytes; the server or a proxy keeps cutting the download short, re-run the job later$/
    )
    expectNothingInstalled()
  })
})

describe.each(['SIGTERM', 'SIGINT'] as const)('%s during the download', signal => {
  it('stops within seconds with the cancelled message, installing nothing', async () => {
    front.mode.stallZip = true
    const child = startAction(actionEnv(dirs, inputs()))
    const done = finishAction(child, dirs)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the download never started')), 30_000)
      let seen = ''
      child.stdout!.on('data', (c: Buffer) => {
        seen += c.toString()
        if (seen.includes('downloading http')) {
          clearTimeout(timer)
          setTimeout(resolve, 300) // inside the stalled body
        }
      })
    })
    const started = Date.now()
    child.kill(signal)
    const run = await done
    const stoppedMs = Date.now() - started
    expect(stoppedMs).toBeLessThan(5000)
    expect(run.code).toBe(1)
    expect(workflowCommands(run.stdout, 'error')).toEqual([
      `::error::cancelled: ${signal} received while downloading ${front.url}${zipPath}; stopped, nothing was installed`
    ])
    expectNothingInstalled()
  })
})
