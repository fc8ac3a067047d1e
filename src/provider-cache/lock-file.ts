// The provider entries of a .terraform.lock.hcl: source address, version, recorded hashes. Terraform writes this
// file in one fixed layout, so a line-based reader is enough here (the HCL parser is kept off this path).
export interface LockedProvider {
  /** e.g. registry.terraform.io/hashicorp/azurerm */
  source: string
  version: string
  hashes: string[]
}

export function parseLockFile(text: string): LockedProvider[] {
  const providers: LockedProvider[] = []
  const blocks = text.split(/^provider\s+/m).slice(1)
  for (const block of blocks) {
    const source = /^"([^"]+)"/.exec(block)?.[1]
    const version = /^\s*version\s*=\s*"([^"]+)"/m.exec(block)?.[1]
    if (!source || !version) continue
    const hashList = /^\s*hashes\s*=\s*\[([^\]]*)\]/m.exec(block)?.[1] ?? ''
    const hashes = [...hashList.matchAll(/"([^"]+)"/g)].map(m => m[1])
    providers.push({ source, version, hashes })
  }
  return providers
}
