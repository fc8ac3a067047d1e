// A change's diff: `resourceDiff` / `outputDiff` give the structural diff (value-diff.ts) with the resource's
// schema types; path formatting for the lines.
import type { OutputChange, ResourceChange } from './plan-json.js'
import { blockType, resourceSchema, type ProviderSchemas } from './provider-schema.js'
import { deepEqual, diffValues, DYNAMIC, type PathStep, type ValueDiff } from './value-diff.js'

export type { PathStep }
export { deepEqual }

/** The structural diff of a resource change, typed by its provider schema when `schemas` has it. */
export function resourceDiff(rc: ResourceChange, schemas?: ProviderSchemas): ValueDiff {
  const c = rc.change
  return diffValues(
    {
      before: c.before ?? undefined,
      after: c.after ?? undefined,
      unknown: c.after_unknown,
      beforeSensitive: c.before_sensitive,
      afterSensitive: c.after_sensitive,
      replacePaths: c.replace_paths
    },
    blockType(resourceSchema(schemas, rc))
  )
}

/** The structural diff of an output change (outputs have no schema: types are inferred, arrays are lists). */
export function outputDiff(name: string, oc: OutputChange): ValueDiff {
  return diffValues(
    {
      before: oc.before ?? undefined,
      after: oc.after ?? undefined,
      unknown: oc.after_unknown,
      beforeSensitive: oc.before_sensitive,
      afterSensitive: oc.after_sensitive
    },
    DYNAMIC,
    [name]
  )
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** `tags.env`, `site_config[0].minimum_tls_version`, `labels["app.kubernetes.io/name"]` */
export function formatPath(path: readonly PathStep[]): string {
  let s = ''
  for (const step of path) {
    if (typeof step === 'number') s += `[${step}]`
    else if (IDENTIFIER.test(step)) s += s === '' ? step : `.${step}`
    else s += `[${JSON.stringify(step)}]`
  }
  return s
}

/** The last attribute name of a path (list indexes skipped), for the credential-name heuristic. */
export function lastName(path: readonly PathStep[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string
  return undefined
}
