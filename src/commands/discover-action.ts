// command: discover — glue: the changed files (input, else git), the affected roots (src/discover/), the matrix as a
// step output and a summary.
import type { Inputs } from '../inputs.js'
import type { Reporter } from '../report/reporter.js'
import { readEventPayload } from '../github/context.js'
import { listChangedFiles } from '../discover/changed-files.js'
import { discoverAffectedRoots } from '../discover/discover-roots.js'

/** The base to diff against: the input, else the pull request's base commit, else the previous commit. */
export function baseRefFor(inputs: Inputs, payload: unknown): string {
  if (inputs.baseRef) return inputs.baseRef
  const event = (payload ?? {}) as { pull_request?: { base?: { sha?: string } }; before?: string }
  const before = event.before && !/^0+$/.test(event.before) ? event.before : undefined
  return event.pull_request?.base?.sha ?? before ?? 'HEAD~1'
}

export async function runDiscover(inputs: Inputs, report: Reporter): Promise<void> {
  const changedFiles =
    inputs.changedFiles.length > 0
      ? inputs.changedFiles
      : await listChangedFiles({
          workspaceDir: inputs.workspaceDir,
          baseRef: baseRefFor(inputs, readEventPayload(process.env)),
          headRef: 'HEAD'
        })
  const { roots, matrix } = await discoverAffectedRoots({
    workspaceDir: inputs.workspaceDir,
    changedFiles,
    rootGlobs: inputs.rootGlobs,
    ignoreGlobs: inputs.ignoreGlobs
  })
  report.setOutput('matrix', JSON.stringify(matrix))
  report.info(
    roots.length === 0
      ? `discover: none of the ${changedFiles.length} changed files belongs to a Terraform root`
      : `discover: ${roots.length} affected root${roots.length === 1 ? '' : 's'}: ${roots.join(', ')}`
  )
  await report.summary(
    [`## Terraform roots affected by ${changedFiles.length} changed files`, '', ...roots.map(r => `- \`${r}\``)].join(
      '\n'
    )
  )
}
