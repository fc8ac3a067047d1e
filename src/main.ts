import * as core from '@actions/core'
import { parse } from '@cdktf/hcl2json'

export async function run(): Promise<void> {
  const x = await parse('a.tf', 'terraform { required_version = ">= 1.9" }')
  core.info(JSON.stringify(x))
}
