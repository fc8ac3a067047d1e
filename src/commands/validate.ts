// command: validate — init without a backend, validate -json, fmt -check; every diagnostic becomes an annotation.
import type { Inputs } from '../inputs.js'
import { UserError } from '../errors.js'
import { diagnosticAnnotations, fmtAnnotations, type Annotation, type ValidateJson } from '../report/annotations.js'
import type { Reporter } from '../report/reporter.js'
import type { TerraformRunner } from '../terraform/runner.js'
import { rootTitle } from '../report/run-info.js'

export interface ValidateResult {
  errors: number
  warnings: number
  unformatted: string[]
}

export async function runValidate(inputs: Inputs, tf: TerraformRunner, report: Reporter): Promise<ValidateResult> {
  await tf.run(['init', '-backend=false', '-input=false', '-no-color'], { group: 'terraform init -backend=false' })

  const validate = await tf.run(['validate', '-json', '-no-color'], {
    group: 'terraform validate',
    quiet: true,
    okExitCodes: [1]
  })
  let parsed: ValidateJson
  try {
    parsed = JSON.parse(validate.stdout) as ValidateJson
  } catch {
    throw new UserError(`terraform validate did not print JSON (exit ${validate.exitCode}): ${validate.stderr.trim()}`)
  }
  const annotations: Annotation[] = diagnosticAnnotations(
    parsed.diagnostics ?? [],
    inputs.workspaceDir,
    inputs.workingDirectory
  )

  let unformatted: string[] = []
  if (inputs.fmtCheck) {
    const fmt = await tf.run(['fmt', '-check', '-diff', '-recursive', '-no-color'], {
      group: 'terraform fmt -check',
      quiet: true,
      okExitCodes: [3]
    })
    const fmtNotes = fmtAnnotations(fmt.stdout, inputs.workspaceDir, inputs.workingDirectory)
    unformatted = [...new Set(fmtNotes.map(a => a.file ?? ''))]
    annotations.push(...fmtNotes)
  }

  for (const annotation of annotations) report.annotate(annotation)

  const errors = parsed.error_count ?? 0
  const warnings = parsed.warning_count ?? 0
  report.setOutput('validate-errors', String(errors))
  report.setOutput('validate-warnings', String(warnings))
  report.setOutput('unformatted-files', JSON.stringify(unformatted))

  const lines = [
    `## Terraform validate: ${rootTitle(inputs)}`,
    '',
    `| | count |`,
    `|---|---|`,
    `| errors | ${errors} |`,
    `| warnings | ${warnings} |`,
    `| files not formatted | ${unformatted.length} |`,
    ''
  ]
  for (const a of annotations.slice(0, 50)) {
    const where = a.file ? `${a.file}:${a.startLine ?? ''}` : ''
    lines.push(`- **${a.level}** \`${where}\` ${a.title.replace(/^terraform (validate|fmt): ?/, '')}`)
  }
  if (annotations.length > 50) lines.push(`- … and ${annotations.length - 50} more (see the annotations)`)
  await report.summary(lines.join('\n'))

  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  // the one result line, as plan, apply and discover end with one
  report.info(
    `validate: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
      (inputs.fmtCheck ? `, ${plural(unformatted.length, 'file')} not formatted` : '')
  )
  if (errors > 0) {
    throw new UserError(
      `terraform validate found ${errors} error${errors === 1 ? '' : 's'} in ${inputs.rootLabel}; see the annotations`
    )
  }
  return { errors, warnings, unformatted }
}
