// Runs terraform as a child process. Not through @actions/exec: it does not expose the child,
// and a cancelled job must forward exactly one SIGINT/SIGTERM to terraform so the state lock is
// released and state is written. Terraform runs in its own process group so a Ctrl-C or a runner
// signal to our group does not reach it twice (a second interrupt makes terraform quit at once).
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { constants } from 'node:os'
import { basename } from 'node:path'
import { UserError } from '../errors.js'
import { cancel } from '../cancellation.js'

export interface RunOptions {
  /** Log group title; output is shown inside it. */
  group?: string
  /** Write stdout to this file instead of keeping it in memory (plan JSON can be tens of MB). */
  stdoutFile?: string
  /** Do not echo stdout to the log (it is returned or written to stdoutFile). */
  quiet?: boolean
  /** Exit codes that are not failures (plan -detailed-exitcode uses 2 for "changes"). */
  okExitCodes?: number[]
}

export interface RunResult {
  exitCode: number
  /** set when terraform did not exit but was killed (OOM killer, runner shutdown) */
  signal?: NodeJS.Signals
  stdout: string
  stderr: string
}

/** stdoutFile could not be written (a full or read-only disk); the caller names the directory. */
export class StdoutFileError extends Error {
  constructor(
    readonly command: string,
    readonly fault: NodeJS.ErrnoException,
    tool = 'terraform'
  ) {
    super(`${tool} ${command}: writing its output failed: ${fault.message}`)
    this.name = 'StdoutFileError'
  }
}

export interface Log {
  info(message: string): void
  warning(message: string): void
  startGroup(title: string): void
  endGroup(): void
}

export class CancelledError extends UserError {
  constructor(
    readonly signal: NodeJS.Signals,
    readonly command: string,
    tool = 'terraform'
  ) {
    super(`cancelled: ${signal} received during \`${tool} ${command}\`; ${tool} was asked to stop and has exited`)
    this.name = 'CancelledError'
  }
}

export class TerraformError extends UserError {
  constructor(
    readonly command: string,
    readonly result: RunResult,
    tool = 'terraform'
  ) {
    super(terraformFate(command, result, tool))
    this.name = 'TerraformError'
  }
}

/** What happened to terraform, truthfully: killed by a signal, or exited with a code and its last error. */
export function terraformFate(command: string, result: RunResult, tool = 'terraform'): string {
  const last = lastErrorLine(result.stderr || result.stdout)
  if (result.signal) {
    const number = constants.signals[result.signal]
    const why = 'it was stopped from outside (out of memory, or the runner shutting down)'
    // only an error is worth adding: the last line of a killed run is usually a progress or warning line
    const output = /Error: /.test(result.stderr + result.stdout) ? `; its last error: ${last}` : ''
    return `${tool} ${command} was killed by ${result.signal}${number ? ` (signal ${number})` : ''}: ${why}${output}`
  }
  return `${tool} ${command} failed (exit ${result.exitCode}): ${last}`
}

// The most useful single line of terraform's error output: the first "Error: <summary>" and the first
// paragraph of its detail (skipping the "on file line N" / "with ..." / source snippet lines).
export function lastErrorLine(output: string): string {
  const lines = output.split('\n').map(l => l.replace(/^[│╷╵]\s?/, '').trimEnd())
  const at = lines.findIndex(l => l.trim().startsWith('Error: '))
  if (at < 0)
    return (
      lines
        .filter(l => l.trim() !== '')
        .pop()
        ?.trim() ?? 'no output'
    )
  const summary = lines[at].trim().slice('Error: '.length)
  const detail: string[] = []
  for (const line of lines.slice(at + 1)) {
    const t = line.trim()
    if (t === '') {
      if (detail.length > 0) break
      continue
    }
    if (/^(on .+ line \d+|with .+,$|\d+:|\(and \d+ more\)|Error: )/.test(t) || line.startsWith('  ')) {
      if (detail.length > 0 || t.startsWith('Error: ')) break
      continue
    }
    detail.push(t)
  }
  return detail.length > 0 ? `${summary}: ${detail.join(' ')}` : summary
}

export class TerraformRunner {
  private child: ChildProcess | undefined
  private running = ''
  private cancelSignal: NodeJS.Signals | undefined
  /** What messages call the binary: tofu for OpenTofu, else terraform. */
  readonly tool: string

  constructor(
    readonly binary: string,
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Log,
    private readonly redact: (text: string) => string = t => t
  ) {
    this.tool = /^tofu(\.exe)?$/i.test(basename(binary)) ? 'tofu' : 'terraform'
  }

  /** True once a cancel signal arrived; later steps (comments) report it. */
  get cancelled(): NodeJS.Signals | undefined {
    return this.cancelSignal
  }

  /** Job cancellation (main listens for the signals): forwarded once to a running terraform. */
  cancel(signal: NodeJS.Signals): void {
    if (this.cancelSignal) {
      this.log.info(`${signal} received again: still waiting for ${this.tool} to release the state lock and exit`)
      return
    }
    this.cancelSignal = signal
    cancel(signal) // aborts pending HTTP requests (sticky comment, downloads)
    if (this.child && this.child.exitCode === null) {
      this.log.info(
        `${signal} received: asking ${this.tool} ${this.running} to stop gracefully (state is saved, lock released)`
      )
      // Terraform handles SIGINT gracefully; SIGTERM is treated the same way by terraform >= 0.13.
      this.child.kill('SIGINT')
    } else {
      this.log.info(`${signal} received: stopping before the next ${this.tool} command`)
    }
  }

  async run(args: string[], options: RunOptions = {}): Promise<RunResult> {
    const command = args[0] ?? ''
    if (this.cancelSignal) throw new CancelledError(this.cancelSignal, command, this.tool)
    // Callers name groups after terraform's commands; with OpenTofu the log says tofu.
    const group = options.group?.replace(/^terraform\b/, this.tool)
    if (group) this.log.startGroup(group)
    try {
      const result = await this.spawn(args, options)
      if (this.cancelSignal) throw new CancelledError(this.cancelSignal, command, this.tool)
      const ok = [0, ...(options.okExitCodes ?? [])]
      if (!ok.includes(result.exitCode)) throw new TerraformError(command, result, this.tool)
      return result
    } finally {
      if (group) this.log.endGroup()
    }
  }

  /** For clean-up after a cancel (the lock probe): runs even though a cancel signal arrived. */
  async runEvenIfCancelled(args: string[], options: RunOptions = {}): Promise<RunResult> {
    const result = await this.spawn(args, options)
    const ok = [0, ...(options.okExitCodes ?? [])]
    if (!ok.includes(result.exitCode)) throw new TerraformError(args[0] ?? '', result, this.tool)
    return result
  }

  private spawn(args: string[], options: RunOptions): Promise<RunResult> {
    return new Promise((resolvePromise, reject) => {
      const env = { ...this.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', NO_COLOR: '1' }
      const child = spawn(this.binary, args, { cwd: this.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      this.child = child
      this.running = args[0] ?? ''
      const stdoutChunks: Buffer[] = []
      const stderrChunks: Buffer[] = []
      const file = options.stdoutFile ? createWriteStream(options.stdoutFile) : undefined
      // A full disk must end this run with one line, not an unhandled 'error' event: stop terraform, report it.
      let fileError: NodeJS.ErrnoException | undefined
      file?.on('error', (err: NodeJS.ErrnoException) => {
        fileError ??= err
        if (child.exitCode === null) child.kill('SIGTERM')
      })
      let pendingOut = ''
      let pendingErr = ''
      const echo = (pending: string, chunk: Buffer, flush = false): string => {
        const text = pending + chunk.toString('utf8')
        const parts = text.split('\n')
        const rest = flush ? '' : (parts.pop() ?? '')
        for (const line of parts) if (line !== '' || !flush) process.stdout.write(`${this.redact(line)}\n`)
        return rest
      }
      child.stdout!.on('data', (chunk: Buffer) => {
        if (file && !fileError && !file.destroyed) file.write(chunk)
        else stdoutChunks.push(chunk)
        if (!options.quiet) pendingOut = echo(pendingOut, chunk)
      })
      child.stderr!.on('data', (chunk: Buffer) => {
        stderrChunks.push(chunk)
        pendingErr = echo(pendingErr, chunk)
      })
      child.on('error', error => {
        reject(new UserError(`could not run ${this.binary}: ${error.message}`))
      })
      child.on('close', (code, signal) => {
        this.child = undefined
        if (pendingOut) echo(pendingOut, Buffer.alloc(0), true)
        if (pendingErr) echo(pendingErr, Buffer.alloc(0), true)
        const finish = (): void => {
          if (fileError) {
            reject(new StdoutFileError(args[0] ?? '', fileError, this.tool))
            return
          }
          resolvePromise({
            exitCode: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1),
            signal: signal ?? undefined,
            stdout: Buffer.concat(stdoutChunks).toString('utf8'),
            stderr: Buffer.concat(stderrChunks).toString('utf8')
          })
        }
        if (!file) finish()
        else if (fileError) {
          file.destroy()
          finish()
        } else {
          // the last write may still fail (ENOSPC on flush): end() reports it to its callback. A write that failed
          // just before has already destroyed the stream, and end() then only says so: the write's error is the fault.
          file.end((err?: Error | null) => {
            const fault = (file.errored ?? err) as NodeJS.ErrnoException | null | undefined
            if (fault) fileError ??= fault
            finish()
          })
        }
      })
    })
  }
}
