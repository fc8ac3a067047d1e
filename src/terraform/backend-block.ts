// Whether a root declares a backend: `-backend-config` on a root without one is silently ignored by terraform,
// so the action refuses it instead. Read with the real HCL parser; a file that does not parse leaves the answer
// open (terraform reports syntax errors better than we can).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseHcl } from '../hcl/parse-hcl.js'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Pure: a parsed file (hcl2json or .tf.json shape) has `terraform { backend "<type>" {} }`. */
export function declaresBackend(parsed: unknown): boolean {
  if (!isRecord(parsed)) return false
  const blocks = Array.isArray(parsed.terraform) ? parsed.terraform : [parsed.terraform]
  return blocks.some(b => isRecord(b) && b.backend !== undefined && b.backend !== null)
}

/** true: a backend block is declared; false: every file parsed and none has one; undefined: cannot tell. */
export async function rootHasBackend(dirs: string[]): Promise<boolean | undefined> {
  let unsure = false
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter(n => n.endsWith('.tf') || n.endsWith('.tf.json'))
    for (const name of names) {
      const text = await readFile(join(dir, name), 'utf8')
      try {
        if (declaresBackend(name.endsWith('.json') ? JSON.parse(text) : await parseHcl(name, text))) return true
      } catch {
        unsure = true
      }
    }
  }
  return unsure ? undefined : false
}
