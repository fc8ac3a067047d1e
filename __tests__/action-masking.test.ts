// Values an earlier step masked, passed to terraform as TF_VAR_* through `env:`, through the built action: the one
// of a sensitive variable never reaches the PR comment, the job summary, summary.md or the log, even where the
// configuration prints it (nonsensitive()); the one of an ordinary variable only through the `mask` input.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { startWorld, type World } from './support/action-world.js'
import { withoutMaskCommands, type ActionRun } from './support/run-action.js'

const TOKEN = 'env-token-canary-Xr4pL9q'
const REGION = 'region-masked-Zx81Lp'
const EPHEMERAL = 'ephemeral-canary-Tq5Wn8z'
const env = { TF_VAR_api_token: TOKEN, TF_VAR_region_hint: REGION, TF_VAR_vault_secret: EPHEMERAL }

let world: World | undefined

afterEach(async () => {
  await world?.close()
  world = undefined
})

/** The comment, the job summary, summary.md and the log as a user sees it, character references decoded. */
function everything(w: World, run: ActionRun): Record<string, string> {
  const decode = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
  return {
    comment: decode(
      w
        .ourComments()
        .map(c => c.body)
        .join('\n')
    ),
    summary: decode(run.summary),
    'summary.md': decode(readFileSync(run.outputs['summary-path'], 'utf8')),
    log: withoutMaskCommands(run.stdout + run.stderr)
  }
}

describe('TF_VAR_ values masked by an earlier step', () => {
  it('of a sensitive variable: never shown; of another variable: hidden with the mask input', async () => {
    world = await startWorld({ fixture: 'tfvar-root', rootPath: 'infra/tfvar' })
    const run = await world.run({ command: 'plan', mask: REGION }, env)
    expect(run.code).toBe(0)
    const places = everything(world, run)
    for (const [place, text] of Object.entries(places)) {
      const found = { token: text.includes(TOKEN), region: text.includes(REGION), ephemeral: text.includes(EPHEMERAL) }
      expect({ place, ...found }).toEqual({ place, token: false, region: false, ephemeral: false })
    }
    // Terraform printed it (nonsensitive): the comment shows where, redacted; the runner masks it for later steps.
    expect(places.comment).toContain('Bearer ***')
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
    // The ephemeral variable's value is in no plan: registered from TF_VAR_vault_secret alone.
    expect(run.stdout).toContain(`::add-mask::${EPHEMERAL}`)
  })

  it('of a variable not declared sensitive, without the mask input: shown (the README says to use mask)', async () => {
    world = await startWorld({ fixture: 'tfvar-root', rootPath: 'infra/tfvar' })
    const run = await world.run({ command: 'plan' }, env)
    expect(run.code).toBe(0)
    const places = everything(world, run)
    expect(places.comment).toContain(REGION)
    expect(places.comment).not.toContain(TOKEN)
    expect(places['summary.md']).not.toContain(TOKEN)
  })
})
