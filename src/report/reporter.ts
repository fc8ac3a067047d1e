// The action's reporting edge: annotations, outputs, job summary, log. Everything passes the redactor,
// so a value registered as secret never reaches an output, a summary or the log. Only credentials are
// registered (see render/redact.ts): an ordinary word registered with the runner would be *** in every later
// log line of the job.
import * as core from '@actions/core'
import type { Annotation } from './annotations.js'
import { looksLikeCredential, Redactor } from '../render/redact.js'

export interface Reporter {
  annotate(annotation: Annotation): void
  setOutput(name: string, value: string): void
  summary(markdown: string): Promise<void>
  info(message: string): void
  warning(message: string): void
  startGroup(title: string): void
  endGroup(): void
  /** Register a declared secret (token, `mask` input): masked by the runner and redacted by us. */
  addSecret(value: string): void
  /** Register a value Terraform marks sensitive (e.g. a sensitive output) only if it looks like a credential. */
  addSensitiveValue(value: string): void
  /** Redact with this redactor from now on (built from the plan and every secret registered so far). */
  adopt(redactor: Redactor): void
  readonly redactor: Redactor
  redact(text: string): string
}

export class ActionsReporter implements Reporter {
  redactor = new Redactor()

  annotate(a: Annotation): void {
    const props: core.AnnotationProperties = {
      title: this.redact(a.title),
      file: a.file,
      startLine: a.startLine,
      endLine: a.endLine,
      startColumn: a.startColumn,
      endColumn: a.endColumn
    }
    const message = this.redact(a.message)
    if (a.level === 'error') core.error(message, props)
    else if (a.level === 'warning') core.warning(message, props)
    else core.notice(message, props)
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, this.redact(value))
  }

  async summary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return
    await core.summary.addRaw(this.redact(markdown), true).write()
  }

  info(message: string): void {
    core.info(this.redact(message))
  }

  warning(message: string): void {
    core.warning(this.redact(message))
  }

  startGroup(title: string): void {
    core.startGroup(this.redact(title))
  }

  endGroup(): void {
    core.endGroup()
  }

  addSecret(value: string): void {
    if (value === '') return
    // The value as declared, and each new form (JSON-escaped, each line): the runner masks a multi-line value
    // only whole, while terraform prints it line by line or escaped.
    const known = new Set(this.redactor.values())
    this.redactor.addSecret(value)
    const forms = new Set([value, ...this.redactor.values().filter(form => !known.has(form))])
    for (const form of forms) core.setSecret(form)
  }

  addSensitiveValue(value: string): void {
    if (looksLikeCredential(value, 'sensitive-value')) this.addSecret(value)
  }

  adopt(redactor: Redactor): void {
    this.redactor = redactor
  }

  redact(text: string): string {
    return this.redactor.redactText(text)
  }
}
