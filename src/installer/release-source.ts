// The one place the `tool` input chooses what is installed: the distribution, and the download URL and signing
// key(s) meant for it.
import type { Inputs } from '../inputs.js'
import { TERRAFORM, type Distribution } from './distribution.js'
import { acceptedTofuFingerprints, openTofuDistribution } from './opentofu.js'

export interface ReleaseSource {
  distribution: Distribution
  downloadUrl: string
  signingKeys: string
}

type ToolInputs = Pick<
  Inputs,
  'tool' | 'terraformDownloadUrl' | 'terraformSigningKey' | 'tofuDownloadUrl' | 'tofuSigningKey'
>

export function releaseSource(
  inputs: ToolInputs,
  env: Record<string, string | undefined> = process.env
): ReleaseSource {
  if (inputs.tool === 'tofu') {
    return {
      distribution: openTofuDistribution(acceptedTofuFingerprints(env)),
      downloadUrl: inputs.tofuDownloadUrl,
      signingKeys: inputs.tofuSigningKey
    }
  }
  return { distribution: TERRAFORM, downloadUrl: inputs.terraformDownloadUrl, signingKeys: inputs.terraformSigningKey }
}
