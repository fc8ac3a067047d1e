// Bad-input drills through the built action: every input that can be checked is refused before any side effect,
// with one line naming the input, the value and what is accepted; exit 1; nothing downloaded (the releases
// server saw no request), no GitHub API call, nothing written (tool cache and RUNNER_TEMP empty, no .terraform).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import * as openpgp from 'openpgp'
import { startReleasesServer, type ReleasesServer } from './support/releases-server.js'
import { startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './support/github-api-server.js'
import { writeGitHubEvent, type WrittenEvent } from './support/github-event.js'
import { makeRunnerDirs, runAction, workflowCommands, type RunnerDirs } from './support/run-action.js'

let releases: ReleasesServer
let api: GitHubApiServer
let event: WrittenEvent
let outside: string
let privateKey: string
const scratch: string[] = []

const MAIN_TF = 'terraform {\n  backend "local" {}\n}\n\nresource "terraform_data" "x" {\n  input = "x"\n}\n'
const DIGEST = 'a'.repeat(64)

/** A workspace with a root (with a backend), a root without one, files, folders and links that lead outside. */
function makeWorkspace(dirs: RunnerDirs): void {
  const ws = dirs.workspace
  const file = (path: string, text: string): void => {
    mkdirSync(join(ws, path, '..'), { recursive: true })
    writeFileSync(join(ws, path), text)
  }
  file('infra/main.tf', MAIN_TF)
  file('infra/dev.tfvars', 'x = 1\n')
  file('infra/prod.backend.hcl', 'path = "x.tfstate"\n')
  file('nobackend/main.tf', 'resource "terraform_data" "x" {}\n')
  file('notes.txt', 'not a folder\n')
  file('extra/empty.txt', '')
  file('extras/extra.tf', 'resource "terraform_data" "extra" {}\n')
  file('artifact/plan/tfplan/readme.txt', 'a folder where the plan file should be\n')
  mkdirSync(join(ws, 'empty-dir'))
  symlinkSync(outside, join(ws, 'link-out'))
  symlinkSync(join(outside, 'secret.tfvars'), join(ws, 'infra', 'link.tfvars'))
  symlinkSync(join(outside, 'backend.hcl'), join(ws, 'infra', 'link.backend.hcl'))
}

interface Row {
  name: string
  inputs: Record<string, string>
  env?: (dirs: RunnerDirs) => NodeJS.ProcessEnv
  error: RegExp
}

const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGB9+xkBEAC5\n-----END PGP PUBLIC KEY BLOCK-----'
const ACCEPTED_KEY =
  /use an ASCII-armored OpenPGP public key block \(-----BEGIN PGP PUBLIC KEY BLOCK----- … -----END PGP PUBLIC KEY BLOCK-----\), several concatenated, or leave it empty for HashiCorp's release key$/
const apply = { command: 'apply', 'plan-path': 'artifact/plan/x', 'plan-digest': DIGEST }

const rows: Row[] = [
  {
    name: 'unknown command',
    inputs: { command: 'deploy' },
    error: /^input command: "deploy" is not accepted; use one of: validate, plan, apply, discover, summarize, drift$/
  },
  {
    name: 'missing working-directory',
    inputs: { 'working-directory': 'does-not-exist' },
    error:
      /^input working-directory: "does-not-exist" does not exist \(.+\/workspace\/does-not-exist\); use a directory of the repository that holds a Terraform root \(its \.tf files\)$/
  },
  {
    name: 'a file as working-directory',
    inputs: { 'working-directory': 'notes.txt' },
    error: /^input working-directory: "notes.txt" is a file, not a directory; use a directory of the repository/
  },
  {
    name: 'working-directory above the workspace',
    inputs: { 'working-directory': '../outside' },
    error:
      /^input working-directory: "\.\.\/outside" resolves to .+, outside the workspace .+; use a path inside the repository$/
  },
  {
    name: 'absolute working-directory elsewhere',
    inputs: { 'working-directory': '/etc' },
    error: /^input working-directory: "\/etc" resolves to \/etc, outside the workspace/
  },
  {
    name: 'working-directory is a symlink out of the workspace',
    inputs: { 'working-directory': 'link-out' },
    error:
      /^input working-directory: "link-out" is a symbolic link to .+, outside the workspace .+; use a path inside the repository$/
  },
  {
    name: 'working-directory without .tf files',
    inputs: { 'working-directory': 'empty-dir' },
    error: /^input working-directory: "empty-dir" has no \.tf or \.tf\.json files; use a directory of the repository/
  },
  {
    name: 'validate on a missing working-directory',
    inputs: { command: 'validate', 'working-directory': 'nope' },
    error: /^input working-directory: "nope" does not exist/
  },
  {
    name: 'unknown stack',
    inputs: { stack: 'wordpress', 'working-directory': '.' },
    error: /^input stack: "wordpress" is not accepted; use one of: chat-llm$/
  },
  {
    name: 'stack and working-directory',
    inputs: { stack: 'chat-llm', 'working-directory': 'infra' },
    error: /^inputs stack and working-directory: both are set \("chat-llm", "infra"\)/
  },
  {
    name: 'stack-files without stack',
    inputs: { 'stack-files': 'extras' },
    error: /^input stack-files: "extras" is set without stack; it adds files to the bundled root, so set stack too$/
  },
  {
    name: 'missing stack-files',
    inputs: { stack: 'chat-llm', 'working-directory': '', 'stack-files': 'nope' },
    error: /^input stack-files: "nope" does not exist \(.+\); use a folder of \.tf files in the repository$/
  },
  {
    name: 'stack-files is a file',
    inputs: { stack: 'chat-llm', 'working-directory': '', 'stack-files': 'notes.txt' },
    error: /^input stack-files: "notes.txt" is a file, not a directory; use a folder of \.tf files in the repository$/
  },
  {
    name: 'stack-files without .tf files',
    inputs: { stack: 'chat-llm', 'working-directory': '', 'stack-files': 'extra' },
    error: /^input stack-files: "extra" has no \.tf files; use a folder of \.tf files in the repository$/
  },
  {
    name: 'stack-files through a symlink out',
    inputs: { stack: 'chat-llm', 'working-directory': '', 'stack-files': 'link-out' },
    error: /^input stack-files: "link-out" is a symbolic link to .+, outside the workspace/
  },
  {
    name: 'workspace name with a space',
    inputs: { workspace: 'my env' },
    error: /^input workspace: "my env" is not a valid Terraform workspace name; use letters, digits/
  },
  {
    name: 'workspace name too long',
    inputs: { workspace: 'w'.repeat(91) },
    error: /^input workspace: "w+…" is not a valid Terraform workspace name/
  },
  {
    name: 'terraform-version not a version',
    inputs: { 'terraform-version': 'banana' },
    error: /^input terraform-version: "banana"/
  },
  {
    name: 'terraform-version bad constraint',
    inputs: { 'terraform-version': '>= 1.x.y.z' },
    error: /^input terraform-version: ">= 1\.x\.y\.z"/
  },
  {
    name: 'terraform-download-url not a URL',
    inputs: { 'terraform-download-url': 'releases mirror' },
    error:
      /^input terraform-download-url: "releases mirror" is not a URL; use an http\(s\) URL laid out like https:\/\/releases\.hashicorp\.com$/
  },
  {
    name: 'terraform-download-url ftp',
    inputs: { 'terraform-download-url': 'ftp://mirror.example' },
    error: /^input terraform-download-url: "ftp:\/\/mirror\.example" uses ftp:; use an http\(s\) URL/
  },
  {
    name: 'terraform-download-url with a query',
    inputs: { 'terraform-download-url': 'https://mirror.example/?token=1' },
    error:
      /^input terraform-download-url: "https:\/\/mirror\.example\/\?token=1" has a query or fragment; use the base URL of the mirror/
  },
  {
    name: 'terraform-signing-key garbage',
    inputs: { 'terraform-signing-key': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5' },
    error: new RegExp(
      `^input terraform-signing-key: not an armored OpenPGP public key \\("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"\\); ${ACCEPTED_KEY.source}`
    )
  },
  {
    name: 'terraform-signing-key with a broken body',
    inputs: { 'terraform-signing-key': key },
    error: new RegExp(
      `^input terraform-signing-key: public key block 1 of 1 is not a valid OpenPGP key \\(.+\\); ${ACCEPTED_KEY.source}`
    )
  },
  {
    name: 'terraform-signing-key without its end line',
    inputs: { 'terraform-signing-key': key.split('\n').slice(0, 3).join('\n') },
    error: new RegExp(`^input terraform-signing-key: has no complete armored public key; ${ACCEPTED_KEY.source}`)
  },
  {
    name: 'terraform-signing-key is a private key',
    inputs: { 'terraform-signing-key': 'PRIVATE' },
    error: /^input terraform-signing-key: contains a private key, which must never be shared; use an ASCII-armored/
  },
  {
    name: 'fmt-check not a boolean',
    inputs: { command: 'validate', 'fmt-check': 'yes' },
    error: /^input fmt-check: "yes" is not a boolean; use true or false$/
  },
  {
    name: 'missing backend-config file',
    inputs: { 'backend-config': 'deploy/prod.backend.hcl' },
    error:
      /^input backend-config: "deploy\/prod\.backend\.hcl" does not exist \(.+\); use key=value, or a backend config file relative to the repository root$/
  },
  {
    name: 'backend-config relative to working-directory',
    inputs: { 'backend-config': 'prod.backend.hcl' },
    error:
      /^input backend-config: "prod\.backend\.hcl" does not exist relative to the repository root \(paths are relative to the repository root, not to working-directory\); write "infra\/prod\.backend\.hcl"$/
  },
  {
    name: 'backend-config is a directory',
    inputs: { 'backend-config': 'infra' },
    error: /^input backend-config: "infra" is a directory, not a file; use key=value, or a backend config file/
  },
  {
    name: 'backend-config outside the workspace',
    inputs: { 'backend-config': '../../etc/backend.hcl' },
    error: /^input backend-config: "\.\.\/\.\.\/etc\/backend\.hcl" resolves to .+, outside the workspace/
  },
  {
    name: 'backend-config through a symlink out',
    inputs: { 'backend-config': 'infra/link.backend.hcl' },
    error: /^input backend-config: "infra\/link\.backend\.hcl" is a symbolic link to .+, outside the workspace/
  },
  {
    name: 'backend-config on a root without a backend',
    inputs: { 'working-directory': 'nobackend', 'backend-config': 'access_key=s3cr3t-value' },
    error:
      /^input backend-config: "access_key=…" is set, but the root nobackend declares no backend \(terraform would ignore it\); add a backend block such as terraform \{ backend "azurerm" \{\} \}, or remove backend-config$/
  },
  {
    name: 'missing var-file',
    inputs: { 'var-file': 'nope.tfvars' },
    error:
      /^input var-file: "nope\.tfvars" does not exist \(.+\/nope\.tfvars\); use a \.tfvars file relative to the repository root$/
  },
  {
    name: 'var-file relative to working-directory',
    inputs: { 'var-file': 'dev.tfvars' },
    error:
      /^input var-file: "dev\.tfvars" does not exist relative to the repository root .+; write "infra\/dev\.tfvars"$/
  },
  {
    name: 'var-file is a directory',
    inputs: { 'var-file': 'infra' },
    error: /^input var-file: "infra" is a directory, not a file; use a \.tfvars file relative to the repository root$/
  },
  {
    name: 'var-file through a symlink out',
    inputs: { 'var-file': 'infra/link.tfvars' },
    error: /^input var-file: "infra\/link\.tfvars" is a symbolic link to .+secret\.tfvars, outside the workspace/
  },
  {
    name: 'var-file outside the workspace',
    inputs: { 'var-file': '/etc/passwd' },
    error: /^input var-file: "\/etc\/passwd" resolves to \/etc\/passwd, outside the workspace/
  },
  {
    name: 'variables line not an assignment',
    inputs: { variables: 'region westeurope' },
    error: /^input variables: "region westeurope" is not an assignment; write one name=value per line$/
  },
  {
    name: 'comment mode unknown',
    inputs: { comment: 'sometimes' },
    error: /^input comment: "sometimes" is not accepted; use one of: always, changes-only, off$/
  },
  {
    name: 'apply without plan-path',
    inputs: { ...apply, 'plan-path': '' },
    error: /^input plan-path: empty; apply needs the saved plan file from the plan step/
  },
  {
    name: 'apply with a missing plan-path',
    inputs: apply,
    error:
      /^input plan-path: "artifact\/plan\/x" does not exist \(.+\); download the plan artifact first and pass the plan step's plan-path$/
  },
  {
    name: 'apply with a directory as plan-path',
    inputs: { ...apply, 'plan-path': 'artifact/plan/tfplan' },
    error: /^input plan-path: "artifact\/plan\/tfplan" is a directory; use the saved plan file itself/
  },
  {
    name: 'apply without plan-digest',
    inputs: { ...apply, 'plan-path': 'infra/main.tf', 'plan-digest': '' },
    error: /^input plan-digest: empty; apply needs the plan step's plan-digest output/
  },
  {
    name: 'plan-digest not a SHA-256',
    inputs: { ...apply, 'plan-digest': 'abc123' },
    error: /^input plan-digest: "abc123" is not a SHA-256 digest; use the 64 hex characters/
  },
  {
    name: 'allow-destroy not a boolean',
    inputs: { 'allow-destroy': 'please' },
    error: /^input allow-destroy: "please" is not a boolean; use true or false$/
  },
  {
    name: 'guarded-resource-types bad name',
    inputs: { 'guarded-resource-types': 'azurerm_key_vault, Key Vault!' },
    error:
      /^input guarded-resource-types: "Key" is not a resource type|^input guarded-resource-types: "Vault!" is not a resource type/
  },
  {
    name: 'lock-timeout in words',
    inputs: { 'lock-timeout': '5 minutes' },
    error: /^input lock-timeout: "5 minutes" is not a duration; use a number with a unit, such as 0s, 30s, 5m or 1h30m$/
  },
  {
    name: 'lock-timeout without a unit',
    inputs: { 'lock-timeout': '300' },
    error: /^input lock-timeout: "300" is not a duration/
  },
  {
    name: 'GITHUB_WORKSPACE missing',
    inputs: {},
    env: dirs => ({ GITHUB_WORKSPACE: join(dirs.workspace, 'gone') }),
    error: /^environment: GITHUB_WORKSPACE \(.+\/gone\) is not a directory; run this action after actions\/checkout$/
  },
  {
    name: 'RUNNER_TEMP missing',
    inputs: {},
    env: dirs => ({ RUNNER_TEMP: join(dirs.temp, 'gone') }),
    error: /^environment: RUNNER_TEMP \(.+\/gone\) does not exist; give the job a writable RUNNER_TEMP$/
  },
  {
    name: 'RUNNER_TEMP is a file',
    inputs: {},
    env: dirs => ({ RUNNER_TEMP: join(dirs.workspace, 'notes.txt') }),
    error: /^environment: RUNNER_TEMP \(.+notes\.txt\) is not a directory; give the job a writable RUNNER_TEMP$/
  }
]

beforeAll(async () => {
  releases = await startReleasesServer({ versions: ['1.11.4'] })
  api = await startGitHubApiServer()
  event = await writeGitHubEvent('pull_request.opened', { apiUrl: api.url })
  api.state.addPullRequestFromEvent(event.payload)
  outside = mkdtempSync(join(tmpdir(), 'tfgate-outside-'))
  scratch.push(outside)
  writeFileSync(join(outside, 'main.tf'), MAIN_TF)
  writeFileSync(join(outside, 'secret.tfvars'), 'x = "outside"\n')
  writeFileSync(join(outside, 'backend.hcl'), 'path = "../elsewhere.tfstate"\n')
  const generated = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'x' }] })
  privateKey = generated.privateKey
})

afterAll(async () => {
  await releases.close()
  await api.close()
  await event.cleanup()
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

describe('bad inputs through the built action', () => {
  it('has at least 40 rows', () => expect(rows.length).toBeGreaterThanOrEqual(40))

  it.each(rows.map(r => [r.name, r] as const))('%s: one line, exit 1, nothing done', async (_name, row) => {
    const dirs = makeRunnerDirs()
    scratch.push(dirname(dirs.workspace))
    makeWorkspace(dirs)
    const inputs: Record<string, string> = {
      command: 'plan',
      'working-directory': 'infra',
      'terraform-download-url': releases.url,
      'terraform-signing-key': releases.publicKeyArmored,
      'terraform-version': '1.11.4',
      'github-token': TEST_TOKENS.write,
      ...row.inputs
    }
    if (inputs['terraform-signing-key'] === 'PRIVATE') inputs['terraform-signing-key'] = privateKey
    releases.resetRequests()
    const apiBefore = api.requests.length
    const run = await runAction(dirs, inputs, { ...event.env, ...(row.env?.(dirs) ?? {}) })

    expect(run.code).toBe(1)
    const errors = workflowCommands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].replace(/^::error::/, '')).toMatch(row.error)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |unexpected error/)
    // nothing downloaded, no API call, nothing written
    expect(releases.countMatching(() => true)).toBe(0)
    expect(api.requests.length).toBe(apiBefore)
    expect(readdirSync(dirs.toolCache)).toEqual([])
    expect(readdirSync(dirs.temp)).toEqual([])
    expect(readdirSync(join(dirs.workspace, 'infra')).filter(n => n.startsWith('.terraform'))).toEqual([])
    expect(run.outputs).toEqual({})
    if (row.inputs['terraform-signing-key'] === 'PRIVATE') {
      expect(run.stdout + run.stderr).not.toContain(privateKey.split('\n')[3])
    }
  })
})
