// Jest globalTeardown: removes the run's scratch directory (see scratch-setup.mjs); KEEP_TEST_SCRATCH=1 keeps it.
import { rmSync } from 'node:fs'

export default function teardown() {
  const scratch = process.env.TFGATE_TEST_SCRATCH
  if (!scratch) return
  if (process.env.KEEP_TEST_SCRATCH === '1') {
    process.stderr.write(`test scratch kept: ${scratch}\n`)
    return
  }
  try {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 })
  } catch (error) {
    process.stderr.write(`could not remove the test scratch ${scratch}: ${error.message}\n`)
  }
}
