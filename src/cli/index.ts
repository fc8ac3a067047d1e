#!/usr/bin/env node
// `tf-plan-render render --plan-json <file> [--text-plan <file>] [--max-chars N] [--title T]`: the plan comment
// as Markdown on stdout. Thin: parse args → read files → renderPlanMarkdown → stdout.
import { runCli } from './run-cli.js'

void runCli(process.argv.slice(2), {
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  env: process.env
}).then(code => {
  process.exitCode = code
})
