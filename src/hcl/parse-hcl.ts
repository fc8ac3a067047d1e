// @cdktf/hcl2json decompresses and compiles a 1.7 MB WebAssembly module when it is imported: load it only when
// a .tf file is actually parsed, so commands that parse none (apply, most plans) start faster.
type Hcl2json = typeof import('@cdktf/hcl2json')
let parser: Promise<Hcl2json> | undefined

export async function parseHcl(fileName: string, text: string): Promise<Record<string, unknown>> {
  // a chunk file of its own in dist/ (scripts/build.mjs points its wasm loader next to it): not even read or
  // compiled by a run that parses no .tf file
  parser ??= import('@cdktf/hcl2json')
  return (await parser).parse(fileName, text) as Promise<Record<string, unknown>>
}
