// Terraform's "h1:" package hash (golang.org/x/mod/sumdb/dirhash Hash1 over the unpacked provider directory):
// sha256 of the sorted lines "<sha256 hex>  <relative path>\n", base64. The lock file records it, so a cached
// provider directory can be checked against the lock file without terraform.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile() || e.isSymbolicLink())
    .map(e => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
}

function sha256Hex(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('error', reject)
      .on('data', chunk => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
  })
}

export async function hashDirH1(dir: string): Promise<string> {
  const summary = createHash('sha256')
  for (const name of await filesUnder(dir)) {
    summary.update(`${await sha256Hex(join(dir, name))}  ${name}\n`)
  }
  return `h1:${summary.digest('base64')}`
}
