// terraform init with the user's backend config, then the workspace; shared by plan and apply.
import type { Inputs } from '../inputs.js'
import type { TerraformRunner } from './runner.js'

export function backendConfigArgs(inputs: Inputs): string[] {
  return inputs.backendConfig.map(value => `-backend-config=${value}`)
}

export function variableArgs(inputs: Inputs): string[] {
  return [...inputs.varFiles.map(file => `-var-file=${file}`), ...inputs.variables.map(v => `-var=${v}`)]
}

/** How long plan, apply and init wait for a state lock held by another run (terraform's default: 0s, not at all). */
export function lockTimeoutArgs(inputs: Inputs): string[] {
  return [`-lock-timeout=${inputs.lockTimeout}`]
}

/** `terraform plan` saving to `planPath`, with the root's variables; `mode` adds e.g. -refresh-only. */
export function planArgs(inputs: Inputs, planPath: string, mode: string[] = []): string[] {
  return [
    'plan',
    ...mode,
    '-input=false',
    '-no-color',
    '-detailed-exitcode',
    ...lockTimeoutArgs(inputs),
    `-out=${planPath}`,
    ...variableArgs(inputs)
  ]
}

export async function initRoot(inputs: Inputs, tf: TerraformRunner): Promise<void> {
  await tf.run(['init', '-input=false', '-no-color', ...lockTimeoutArgs(inputs), ...backendConfigArgs(inputs)], {
    group: 'terraform init'
  })
  if (inputs.workspace !== 'default') {
    await tf.run(['workspace', 'select', '-or-create=true', '-no-color', inputs.workspace], {
      group: `terraform workspace select ${inputs.workspace}`
    })
  }
}
