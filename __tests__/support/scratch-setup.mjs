// Jest globalSetup: every temporary directory of this test run goes under one fresh directory (TMPDIR, which
// os.tmpdir() and so every mkdtemp in the tests and the actions they start read), removed by scratch-teardown.mjs.
// A full run makes hundreds of runner directories, many with a tool cache holding terraform (~90 MB each): left
// in /tmp they fill a CI machine's disk within a few runs.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup() {
  const scratch = mkdtempSync(join(tmpdir(), 'tfgate-tests-'))
  process.env.TFGATE_TEST_SCRATCH = scratch
  process.env.TMPDIR = scratch
}
