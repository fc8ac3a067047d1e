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
