// SHA-256 of the downloaded zip against the (signature-checked) `terraform_<v>_SHA256SUMS` file.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { UserError } from '../errors.js'

/** Pure: `<64 hex>  <file name>` per line (sha256sum format; `*` marks binary mode) into file name -> lowercase hex. */
export function parseShasums(text: string): Map<string, string> {
  const sums = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line)
    if (m) sums.set(m[2], m[1].toLowerCase())
  }
  return sums
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const short = (hex: string): string => `${hex.slice(0, 12)}…`

/** Pure: the expected digest for `filename`, or a UserError naming the sums file. */
export function expectedDigest(shasumsText: string, shasumsName: string, filename: string): string {
  const expected = parseShasums(shasumsText).get(filename)
  if (!expected) throw new UserError(`${shasumsName} has no checksum for ${filename}; refusing to install`)
  return expected
}

/** Pure: throws unless `actual` is the digest `shasumsText` lists for `filename`. */
export function verifyDigest(shasumsText: string, shasumsName: string, filename: string, actual: string): void {
  const expected = expectedDigest(shasumsText, shasumsName, filename)
  if (expected !== actual.toLowerCase()) {
    throw new UserError(
      `${filename}: SHA-256 mismatch (expected ${short(expected)}, got ${short(actual.toLowerCase())}); refusing to install`
    )
  }
}
