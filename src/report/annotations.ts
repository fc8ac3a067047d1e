// Pure: terraform diagnostics and fmt diffs -> GitHub annotations on files relative to the repository,
// so they show on the pull request diff.
import { posix, relative, resolve, sep } from 'node:path'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  file?: string
  startLine?: number
  startColumn?: number
  endLine?: number
  endColumn?: number
}

interface Position {
  line: number
  column: number
}

export interface TerraformDiagnostic {
  severity: 'error' | 'warning'
  summary: string
  detail?: string
  range?: { filename: string; start: Position; end: Position }
}

export interface ValidateJson {
  valid: boolean
  error_count: number
  warning_count: number
  diagnostics: TerraformDiagnostic[]
}

/** A path terraform printed (relative to the root) as a path relative to the workspace. */
export function repoPath(workspaceDir: string, rootDir: string, file: string): string {
  return relative(workspaceDir, resolve(rootDir, file)).split(sep).join(posix.sep)
}

export function diagnosticAnnotations(
  diagnostics: TerraformDiagnostic[],
  workspaceDir: string,
  rootDir: string
): Annotation[] {
  return diagnostics.map(d => {
    const annotation: Annotation = {
      level: d.severity === 'error' ? 'error' : 'warning',
      title: `terraform validate: ${d.summary}`,
      message: d.detail ? `${d.summary}: ${d.detail}` : d.summary
    }
    if (d.range) {
      annotation.file = repoPath(workspaceDir, rootDir, d.range.filename)
      annotation.startLine = d.range.start.line
      annotation.endLine = d.range.end.line
      // GitHub ignores columns on multi-line annotations.
      if (d.range.start.line === d.range.end.line) {
        annotation.startColumn = d.range.start.column
        annotation.endColumn = d.range.end.column
      }
    }
    return annotation
  })
}

/** One annotation per hunk of `terraform fmt -check -diff` output, at the first changed line. */
export function fmtAnnotations(diff: string, workspaceDir: string, rootDir: string): Annotation[] {
  const annotations: Annotation[] = []
  let file: string | undefined
  let oldLine = 0
  let inHunk = false
  let reported = false
  for (const line of diff.split('\n')) {
    const header = /^--- old\/(.+)$/.exec(line)
    if (header) {
      file = repoPath(workspaceDir, rootDir, header[1])
      inHunk = false
      continue
    }
    if (line.startsWith('+++ ')) continue
    const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line)
    if (hunk) {
      oldLine = Number(hunk[1])
      inHunk = true
      reported = false
      continue
    }
    if (!inHunk || file === undefined) continue
    if ((line.startsWith('-') || line.startsWith('+')) && !reported) {
      annotations.push({
        level: 'warning',
        title: 'terraform fmt',
        message: 'This file is not in canonical format; run `terraform fmt` on it.',
        file,
        startLine: oldLine,
        endLine: oldLine
      })
      reported = true
    }
    if (!line.startsWith('+')) oldLine++
  }
  return annotations
}
