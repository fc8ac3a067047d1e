// npm run bench: every bench/*-bench.mjs in turn; each prints its figures next to a baseline from the same run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
let failed = false
for (const file of readdirSync(here)
  .filter(f => f.endsWith('-bench.mjs') && (!only || f.includes(only)))
  .sort()) {
  console.log(`\n=== ${file} ===`)
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' })
  if (result.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
