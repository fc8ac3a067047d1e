// Pure parts of the post-cancel lock check.
export const LOCK_PROBE_ADDRESS = 'terraform_data.terraform_pr_gate_lock_probe'

export function lockProbeArgs(): string[] {
  return ['untaint', '-allow-missing', '-lock-timeout=0', '-no-color', LOCK_PROBE_ADDRESS]
}

/** The ID in terraform's "Lock Info:" block. */
export function parseLockId(output: string): string | undefined {
  const m = /Lock Info:[\s\S]*?\bID:\s+(\S+)/.exec(output)
  return m?.[1]
}

export type LockState = { state: 'released' } | { state: 'held'; id: string } | { state: 'unknown' }

export function lockState(probe: string | undefined | null): LockState {
  if (probe === undefined) return { state: 'released' }
  if (probe === null) return { state: 'unknown' }
  return { state: 'held', id: probe }
}
