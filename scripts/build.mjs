// Builds the committed bundles in dist/ with ncc (one bundle per entry).
// Usage: node scripts/build.mjs [outDir]   (default: dist; tests build into a temp dir to detect a stale dist/)
import { execFileSync } from 'node:child_process'
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = process.argv[2] ?? join(root, 'dist')
const entries = [
  { src: 'src/index.ts', dir: '.' },
  { src: 'src/cli/index.ts', dir: 'cli' },
  { src: 'src/post.ts', dir: 'post' }
]

rmSync(out, { recursive: true, force: true })
for (const entry of entries) {
  const dir = join(out, entry.dir)
  mkdirSync(dir, { recursive: true })
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      join(root, entry.src),
      '-o',
      dir,
      '--license',
      'licenses.txt',
      '--quiet'
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  patchHcl2json(dir)
  lazyUndici(dir, entry.dir === '.')
}

// @cdktf/hcl2json reads its wasm from `__dirname/..`, which does not exist in an ESM bundle: point it at a copy
// next to the bundle instead. It may sit in a chunk of its own, as it is imported lazily.
function patchHcl2json(dir) {
  const needle = '(__dirname, "..", "main.wasm.gz")'
  let found = false
  for (const name of readdirSync(dir).filter(f => f.endsWith('.js'))) {
    const file = join(dir, name)
    const code = readFileSync(file, 'utf8')
    if (!code.includes('main.wasm.gz')) continue
    if (!code.includes(needle)) {
      throw new Error(`build: hcl2json wasm loader changed; update ${needle} in scripts/build.mjs`)
    }
    writeFileSync(
      file,
      code.replace(needle, '(decodeURIComponent(new URL(".", import.meta.url).pathname), "main.wasm.gz")')
    )
    found = true
  }
  if (found) copyFileSync(join(root, 'node_modules/@cdktf/hcl2json/main.wasm.gz'), join(dir, 'main.wasm.gz'))
}

// @actions/http-client (imported by @actions/core, tool-cache and our downloader) imports undici, ~1 MB that takes
// some 40 ms to evaluate, for its ProxyAgent alone, which only getAgentDispatcher (fetch through a proxy) uses:
// never at start-up. Where a bundle uses nothing of undici but ProxyAgent, undici is required on first use.
function lazyUndici(dir, required) {
  const declaration =
    /\/\* harmony import \*\/ var (undici__WEBPACK_IMPORTED_MODULE_\d+__) = __nccwpck_require__\((\d+)\);/g
  let patched = 0
  for (const name of readdirSync(dir).filter(f => f.endsWith('.js'))) {
    const file = join(dir, name)
    let code = readFileSync(file, 'utf8')
    for (const [, v] of [...code.matchAll(declaration)]) {
      const uses = code.split(v).length - 1
      const declared = code.split(`var ${v} =`).length - 1
      const proxyAgent = code.split(`${v}.ProxyAgent`).length - 1
      if (uses !== declared + proxyAgent) continue // something else of undici is used: leave it eager
      code = code.replace(
        new RegExp(`/\\* harmony import \\*/ var ${v} = __nccwpck_require__\\((\\d+)\\);`, 'g'),
        `/* harmony import (on first use: scripts/build.mjs) */ var ${v} = { get ProxyAgent() { return __nccwpck_require__($1).ProxyAgent } };`
      )
      patched++
    }
    writeFileSync(file, code)
  }
  if (required && patched === 0) {
    throw new Error('build: the undici import of @actions/http-client changed; update lazyUndici in scripts/build.mjs')
  }
}
