// Shared by the bench scripts: the test stand-ins (TypeScript in __tests__/support) transpiled once to
// bench/.build, and a runner for the built action that measures time to first log line and peak RSS.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const supportDir = join(repoRoot, '__tests__', 'support')
const buildDir = join(repoRoot, 'bench', '.build')

/** Imports a file of __tests__/support (transpiled with its siblings). */
export async function importSupport(name) {
  mkdirSync(buildDir, { recursive: true })
  for (const file of readdirSync(supportDir).filter(f => f.endsWith('.ts'))) {
    const source = readFileSync(join(supportDir, file), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true }
    })
    writeFileSync(join(buildDir, file.replace(/\.ts$/, '.js')), outputText)
  }
  writeFileSync(join(buildDir, 'package.json'), '{"type":"module"}')
  return import(pathToFileURL(join(buildDir, `${name}.js`)).href)
}

const { makeRunnerDirs, actionEnv, actionEntry } = await importSupport('run-action')

/** A fresh runner layout (workspace, RUNNER_TEMP, tool cache, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). */
export const runnerDirs = () => makeRunnerDirs()

/**
 * Runs the built action as the tests do; returns wall time, time to the first byte of output, the times at which
 * each of `marks` first appeared in the output, and the exit code.
 */
export function runBuiltAction(dirs, inputs, extraEnv = {}, marks = []) {
  const env = actionEnv(dirs, inputs, extraEnv)
  const started = process.hrtime.bigint()
  const ms = t => Number((t - started) / 1000000n)
  let firstOutput
  let stdout = ''
  const markMs = {}
  return new Promise(resolve => {
    const child = spawn(process.execPath, [actionEntry], { env })
    child.stdout.on('data', chunk => {
      firstOutput ??= process.hrtime.bigint()
      stdout += chunk
      for (const m of marks) if (markMs[m] === undefined && stdout.includes(m)) markMs[m] = ms(process.hrtime.bigint())
    })
    child.stderr.on('data', () => undefined)
    child.on('close', code => {
      resolve({
        code,
        wallMs: ms(process.hrtime.bigint()),
        firstOutputMs: firstOutput ? ms(firstOutput) : NaN,
        markMs,
        stdout
      })
    })
  })
}

/** Time of a bare `node -e ""` start, the floor any action's start-up is measured against. */
export function nodeStartMs() {
  const started = process.hrtime.bigint()
  return new Promise(resolve => {
    spawn(process.execPath, ['-e', '']).on('close', () =>
      resolve(Number((process.hrtime.bigint() - started) / 1000000n))
    )
  })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => String(r[i]).length)))
  return rows.map(r => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n')
}

/**
 * A proxy for clients that can only reach https://<host> (setup-terraform's releases URL is a constant) but honour
 * HTTPS_PROXY: it answers CONNECT <host>:443 with TLS under a certificate made here for that host (trust it with
 * NODE_EXTRA_CA_CERTS) and forwards each request to `target` (http://127.0.0.1:port). Any other host is refused,
 * so nothing reaches the internet. Needs the openssl CLI; returns undefined (with the reason) without it.
 */
export async function startTlsFrontProxy(host, target) {
  const { execFileSync } = await import('node:child_process')
  const { mkdtempSync, readFileSync: read } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const http = await import('node:http')
  const https = await import('node:https')
  const dir = mkdtempSync(join(tmpdir(), 'tls-front-'))
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${host}`].concat([
        '-addext',
        `subjectAltName=DNS:${host}`,
        '-keyout',
        key,
        '-out',
        cert
      ]),
      { stdio: 'ignore' }
    )
  } catch (error) {
    return { unavailable: `openssl could not make a certificate for ${host} (${error.message.split('\n')[0]})` }
  }
  const requests = []
  const tls = https.createServer({ key: read(key), cert: read(cert) }, (req, res) => {
    requests.push(req.url)
    const { host: _, ...headers } = req.headers
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers })
    upstream.on('response', r => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  const proxy = http.createServer((_, res) => res.writeHead(405).end('CONNECT only'))
  const sockets = new Set()
  proxy.on('connect', (req, socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    if (req.url !== `${host}:443`) return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    tls.emit('connection', socket)
  })
  await new Promise(resolve => proxy.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    caFile: cert,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        proxy.close(() => tls.close(() => resolve()))
      })
  }
}
