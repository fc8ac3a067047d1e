// Maps Node's platform/arch names to the ones in HashiCorp's build list (`linux_amd64`, `windows_386`, ...).
import { UserError } from '../errors.js'

export interface TerraformPlatform {
  os: string
  arch: string
  /** file name of the binary inside the zip */
  binaryName: string
}

const OS: Record<string, string> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  sunos: 'solaris'
}

const ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: '386',
  arm: 'arm'
}

export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): TerraformPlatform {
  const os = OS[platform]
  const tfArch = ARCH[arch]
  if (!os || !tfArch) {
    throw new UserError(
      `this runner (${platform}/${arch}) has no Terraform build: supported are ${Object.keys(OS).join(', ')} on ${Object.keys(ARCH).join(', ')}`
    )
  }
  return { os, arch: tfArch, binaryName: os === 'windows' ? 'terraform.exe' : 'terraform' }
}
