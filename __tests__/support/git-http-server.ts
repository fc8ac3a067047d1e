// A private git host on 127.0.0.1: the real `git http-backend` (smart HTTP) behind a small Node HTTP CGI wrapper that
// demands HTTP Basic auth with one token, as GitHub does for a private repository.
//
//   const server = await startGitHttpServer({ token: 'ghs_…' })
//   const url = await server.createRepository('modules/network.git', { 'main.tf': '…' })
//   server.requests  // every request, with whether it carried the right token
//   await server.close()
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface GitRequest {
  path: string
  /** the Authorization header carried the expected token */
  authorized: boolean
  status: number
}

export interface GitHttpServer {
  /** http://127.0.0.1:<port> */
  url: string
  requests: GitRequest[]
  /** A bare repository at `path` (ending in .git) with one commit on `main` holding `files`; returns its URL. */
  createRepository(path: string, files: Record<string, string>): string
  close(): Promise<void>
}

/** Whether this machine has git with the http-backend CGI program (part of git's core). */
export function gitHttpBackendAvailable(): boolean {
  const execPath = spawnSync('git', ['--exec-path'], { encoding: 'utf8' })
  return execPath.status === 0 && existsSync(join(execPath.stdout.trim(), 'git-http-backend'))
}

const gitEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid'
}

function git(args: string[], cwd: string): void {
  const result = spawnSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
}

export async function startGitHttpServer(options: { token: string; username?: string }): Promise<GitHttpServer> {
  const projectRoot = mkdtempSync(join(tmpdir(), 'tfgate-git-'))
  const requests: GitRequest[] = []

  const isAuthorized = (request: IncomingMessage): boolean => {
    const [scheme, encoded] = (request.headers.authorization ?? '').split(' ')
    if (scheme !== 'Basic' || !encoded) return false
    const decoded = Buffer.from(encoded, 'base64').toString('utf8')
    const password = decoded.slice(decoded.indexOf(':') + 1)
    const username = decoded.slice(0, decoded.indexOf(':'))
    return password === options.token && (options.username === undefined || username === options.username)
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    // git may drop a connection mid-request (after a 401, or when it gives up): not a test failure.
    request.on('error', () => undefined)
    response.on('error', () => undefined)
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const authorized = isAuthorized(request)
    if (!authorized) {
      requests.push({ path: url.pathname, authorized, status: 401 })
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="private git"', 'Content-Type': 'text/plain' })
      response.end('authentication required\n')
      request.resume()
      return
    }
    // CGI/1.1 as git-http-backend(1) expects it.
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        REMOTE_USER: 'token',
        REMOTE_ADDR: '127.0.0.1',
        ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] } : {}),
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {})
      },
      stdio: ['pipe', 'pipe', 'ignore']
    })
    cgi.on('error', () => response.destroy())
    cgi.stdin.on('error', () => undefined)
    request.on('aborted', () => cgi.kill())
    request.pipe(cgi.stdin)
    const chunks: Buffer[] = []
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    cgi.on('close', () => {
      if (response.destroyed) return
      const output = Buffer.concat(chunks)
      let split = output.indexOf('\r\n\r\n')
      let separator = 4
      if (split < 0) {
        split = output.indexOf('\n\n')
        separator = 2
      }
      const head = output.subarray(0, Math.max(split, 0)).toString('latin1')
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of head.split(/\r?\n/).filter(Boolean)) {
        const colon = line.indexOf(':')
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
        else headers[name] = value
      }
      requests.push({ path: url.pathname, authorized, status })
      response.writeHead(status, headers)
      response.end(split < 0 ? output : output.subarray(split + separator))
    })
  }

  const server = createServer(handle)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    requests,
    createRepository(path, files) {
      const work = mkdtempSync(join(tmpdir(), 'tfgate-git-work-'))
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(work, name)), { recursive: true })
        writeFileSync(join(work, name), text)
      }
      git(['init', '-q', '-b', 'main'], work)
      git(['add', '.'], work)
      git(['commit', '-q', '-m', 'module'], work)
      mkdirSync(dirname(join(projectRoot, path)), { recursive: true })
      git(['clone', '-q', '--bare', work, join(projectRoot, path)], tmpdir())
      rmSync(work, { recursive: true, force: true })
      return `${url}/${path}`
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      rmSync(projectRoot, { recursive: true, force: true })
    }
  }
}
