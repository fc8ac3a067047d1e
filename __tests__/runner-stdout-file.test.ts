// The runner writes a command's stdout to a file (show -json of a big plan). A full disk must come back as the
// write's own fault (ENOSPC), whatever finishes first: terraform exiting, the failed write, or the final flush.
// /dev/full fails every write with ENOSPC, so each ordering of those three is met over the runs below.
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StdoutFileError, TerraformRunner } from '../src/terraform/runner.js'
import { findOnPath } from './support/releases-server.js'

const terraform = findOnPath('terraform')
const suite = terraform && existsSync('/dev/full') ? describe : describe.skip
const quietLog = {
  info: () => undefined,
  warning: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined
}

suite('stdoutFile on a full disk', () => {
  it('is a StdoutFileError with ENOSPC, never "Cannot call end after a stream was destroyed"', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'runner-full-'))
    try {
      const runner = new TerraformRunner(terraform!, cwd, { PATH: process.env.PATH, CHECKPOINT_DISABLE: '1' }, quietLog)
      const faults: string[] = []
      for (let i = 0; i < 20; i++) {
        const error = await runner.run(['version', '-json'], { quiet: true, stdoutFile: '/dev/full' }).then(
          () => undefined,
          (e: unknown) => e
        )
        expect(error).toBeInstanceOf(StdoutFileError)
        faults.push((error as StdoutFileError).fault.code ?? String(error))
      }
      expect(new Set(faults)).toEqual(new Set(['ENOSPC']))
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  }, 120_000)
})
