// OpenPGP check of `<tool>_<v>_SHA256SUMS` against its detached signature and the trusted key(s).
import type * as openpgp from 'openpgp'
import { UserError } from '../errors.js'
import type { Release } from './release-index.js'

// openpgp is ~1 MB of JavaScript (a chunk of its own in dist/): loaded on the first key read or signature check,
// so a run that finds terraform in the tool cache never reads or compiles it.
let loaded: Promise<typeof openpgp> | undefined
const pgp = (): Promise<typeof openpgp> => (loaded ??= import('openpgp'))

export type TrustedKey = openpgp.Key

const PUBLIC_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g

/** What terraform-signing-key accepts, for every message that refuses one. */
export const SIGNING_KEY_ACCEPTED =
  "use an ASCII-armored OpenPGP public key block (-----BEGIN PGP PUBLIC KEY BLOCK----- … -----END PGP PUBLIC KEY BLOCK-----), several concatenated, or leave it empty for HashiCorp's release key"

/** One or more armored public key blocks (concatenated, in any surrounding text) into keys. */
export async function readTrustedKeys(
  armored: string,
  label = 'input terraform-signing-key',
  accepted = SIGNING_KEY_ACCEPTED
): Promise<openpgp.Key[]> {
  if (armored.includes('-----BEGIN PGP PRIVATE KEY BLOCK-----')) {
    throw new UserError(`${label}: contains a private key, which must never be shared; ${accepted}`)
  }
  const blocks = armored.match(PUBLIC_BLOCK) ?? []
  if (blocks.length === 0) {
    throw new UserError(`${label}: has no complete armored public key; ${accepted}`)
  }
  const keys: openpgp.Key[] = []
  for (const [i, block] of blocks.entries()) {
    try {
      keys.push(...(await (await pgp()).readKeys({ armoredKeys: block })))
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err)
      throw new UserError(
        `${label}: public key block ${i + 1} of ${blocks.length} is not a valid OpenPGP key (${why}); ${accepted}`
      )
    }
  }
  return keys
}

/** The 8-hex-digit id HashiCorp puts in key-specific signature names (`..._SHA256SUMS.72D7468F.sig`). */
export function shortKeyId(key: openpgp.Key): string {
  return key.getFingerprint().slice(-8).toUpperCase()
}

/**
 * Pure: signature files to try, best first: key-specific ones for a trusted key, then the generic one, then any
 * other the index names. When the index names none, the conventional `<shasums>.sig` is still tried.
 */
export function signatureCandidates(release: Release, trustedShortIds: string[]): string[] {
  // only signatures of this very file (`<shasums>.sig`, `<shasums>.<ID>.sig`)
  const named = release.shasumsSignatures.filter(n => n.startsWith(`${release.shasums}.`))
  const generic =
    release.shasumsSignature?.startsWith(`${release.shasums}.`) === true
      ? release.shasumsSignature
      : `${release.shasums}.sig`
  const ids = trustedShortIds.map(id => id.toUpperCase())
  const keySpecific = named.filter(name => ids.some(id => name.toUpperCase().endsWith(`.${id}.SIG`)))
  const ordered = [...keySpecific, generic, ...named]
  return [...new Set(ordered)]
}

export type SignatureCheck =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'untrusted' | 'invalid' | 'unreadable'; keyIds: string[]; detail: string }

const hexIds = (ids: openpgp.KeyID[]): string[] => ids.map(id => id.toHex().toUpperCase())

/** Verifies one detached signature (binary, as HashiCorp publishes it, or armored) over `data`. */
export async function checkDetachedSignature(
  data: Uint8Array,
  signatureBytes: Uint8Array,
  keys: openpgp.Key[]
): Promise<SignatureCheck> {
  const lib = await pgp()
  let signature: openpgp.Signature
  try {
    const text = Buffer.from(signatureBytes.subarray(0, 64)).toString('latin1')
    signature = text.includes('-----BEGIN PGP SIGNATURE-----')
      ? await lib.readSignature({ armoredSignature: Buffer.from(signatureBytes).toString('utf8') })
      : await lib.readSignature({ binarySignature: signatureBytes })
  } catch (err) {
    return { ok: false, reason: 'unreadable', keyIds: [], detail: err instanceof Error ? err.message : String(err) }
  }
  const signerIds = signature.getSigningKeyIDs()
  const trusted = signerIds.filter(id => keys.some(k => k.getKeys(id).length > 0))
  if (trusted.length === 0) return { ok: false, reason: 'untrusted', keyIds: hexIds(signerIds), detail: '' }
  const result = await lib.verify({
    message: await lib.createMessage({ binary: data }),
    signature,
    verificationKeys: keys,
    format: 'binary'
  })
  let lastError = ''
  for (const sig of result.signatures) {
    try {
      await sig.verified
      return { ok: true, keyId: sig.keyID.toHex().toUpperCase() }
    } catch (err) {
      lastError = err instanceof Error ? err.message.split('\n')[0] : String(err)
    }
  }
  return { ok: false, reason: 'invalid', keyIds: hexIds(trusted), detail: lastError }
}

/**
 * Tries the candidate signature files in order and returns the first that verifies; otherwise throws one UserError
 * describing the most serious failure (a trusted key's signature that does not match beats an untrusted signer,
 * which beats no signature at all).
 */
export async function verifyShasumsSignature(opts: {
  shasumsName: string
  shasums: Uint8Array
  candidates: string[]
  fetchSignature: (name: string) => Promise<Uint8Array | undefined>
  keys: openpgp.Key[]
  log?: { debug?(m: string): void }
}): Promise<{ signatureFile: string; keyId: string }> {
  const failures: Array<SignatureCheck & { ok: false }> = []
  for (const name of opts.candidates) {
    const bytes = await opts.fetchSignature(name)
    if (!bytes) {
      opts.log?.debug?.(`${name}: not found`)
      continue
    }
    const check = await checkDetachedSignature(opts.shasums, bytes, opts.keys)
    if (check.ok) return { signatureFile: name, keyId: check.keyId }
    opts.log?.debug?.(`${name}: ${check.reason} ${check.keyIds.join(' ')} ${check.detail}`)
    failures.push(check)
  }
  const refuse = (what: string): UserError => new UserError(`${opts.shasumsName}: ${what}; refusing to install`)
  const invalid = failures.find(f => f.reason === 'invalid')
  if (invalid) {
    throw refuse(`signature by trusted key ${invalid.keyIds.join(', ')} does not verify (${invalid.detail})`)
  }
  const untrusted = failures.filter(f => f.reason === 'untrusted')
  if (untrusted.length > 0) {
    const ids = [...new Set(untrusted.flatMap(f => f.keyIds))].join(', ') || 'none'
    const trusted = opts.keys.map(k => k.getKeyID().toHex().toUpperCase()).join(', ')
    throw refuse(`signature is not from a trusted key (key ids: ${ids}; trusted: ${trusted})`)
  }
  if (failures.length > 0) throw refuse(`signature file cannot be read (${failures[0].detail.split('\n')[0]})`)
  throw refuse(`no signature found (tried ${opts.candidates.join(', ')})`)
}
