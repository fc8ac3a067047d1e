// GitHub's published REST description (api.github.com, from @octokit/openapi), used by the test API server
// to route only documented operations and to check request and response bodies against their schemas.
//
// The validator is a deliberate subset of JSON Schema / OpenAPI 3.0 (type, nullable, enum, required, properties,
// additionalProperties, items, oneOf/anyOf/allOf, minLength/maxLength, minimum/maximum, minItems/maxItems,
// $ref). `format`, `pattern` and discriminators are not checked. The only full validator in node_modules
// (ajv 6) is a transitive dependency of eslint, so it is not relied on here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export type Schema = Record<string, unknown>

export interface OpenApiOperation {
  operationId: string
  method: string
  pathTemplate: string
  requestBodySchema?: Schema
  requestBodyRequired: boolean
  responseSchemas: Record<string, Schema | undefined>
  responseExamples: Record<string, unknown>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: Record<string, Record<string, unknown>>
}

interface CompiledRoute {
  regex: RegExp
  names: string[]
  literalSegments: number
  operations: Map<string, OpenApiOperation>
  pathTemplate: string
}

export interface RouteMatch {
  operation: OpenApiOperation
  params: Record<string, string>
}

export interface SchemaError {
  path: string
  message: string
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

let cached: OpenApiDescription | undefined

/** The api.github.com description, loaded once per process (13 MB of JSON, about 150 ms). */
export function loadGitHubOpenApi(): OpenApiDescription {
  if (!cached) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    cached = new OpenApiDescription(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument)
  }
  return cached
}

export class OpenApiDescription {
  private readonly routes: CompiledRoute[] = []
  private readonly byId = new Map<string, OpenApiOperation>()

  constructor(readonly doc: OpenApiDocument) {
    for (const [pathTemplate, item] of Object.entries(doc.paths)) {
      const names: string[] = []
      const segments = pathTemplate.split('/')
      const pattern = segments
        .map(segment => {
          const m = /^\{([^}]+)\}$/.exec(segment)
          if (m) {
            names.push(m[1])
            return '([^/]+)'
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        })
        .join('/')
      const operations = new Map<string, OpenApiOperation>()
      for (const method of HTTP_METHODS) {
        const op = item[method] as Record<string, unknown> | undefined
        if (!op) continue
        const operation = this.compileOperation(method.toUpperCase(), pathTemplate, op)
        operations.set(operation.method, operation)
        this.byId.set(operation.operationId, operation)
      }
      this.routes.push({
        regex: new RegExp(`^${pattern}$`),
        names,
        literalSegments: segments.length - names.length,
        operations,
        pathTemplate
      })
    }
    // A concrete path can match several templates (`/issues/comments` vs `/issues/{issue_number}`): literal wins.
    this.routes.sort((a, b) => b.literalSegments - a.literalSegments)
  }

  /** The documented operation for a method and a concrete path, or undefined when GitHub has no such route. */
  match(method: string, pathname: string): RouteMatch | undefined {
    for (const route of this.routes) {
      const m = route.regex.exec(pathname)
      if (!m) continue
      const operation = route.operations.get(method.toUpperCase())
      if (!operation) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])))
      return { operation, params }
    }
    return undefined
  }

  operation(operationId: string): OpenApiOperation | undefined {
    return this.byId.get(operationId)
  }

  /** Follows a local `#/components/...` reference. */
  resolve<T = unknown>(ref: string): T {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`)
    let node: unknown = this.doc
    for (const part of ref.slice(2).split('/')) {
      node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
      if (node === undefined) throw new Error(`unresolved $ref ${ref}`)
    }
    return node as T
  }

  private deref<T>(node: unknown): T {
    let current = node as Record<string, unknown>
    while (current && typeof current.$ref === 'string') current = this.resolve(current.$ref)
    return current as T
  }

  private compileOperation(method: string, pathTemplate: string, op: Record<string, unknown>): OpenApiOperation {
    const body = this.deref<Record<string, unknown> | undefined>(op.requestBody)
    const content = body?.content as Record<string, { schema?: Schema }> | undefined
    const responseSchemas: Record<string, Schema | undefined> = {}
    const responseExamples: Record<string, unknown> = {}
    for (const [status, raw] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
      const response = this.deref<Record<string, unknown>>(raw)
      const json = (response.content as Record<string, Record<string, unknown>> | undefined)?.['application/json']
      responseSchemas[status] = json?.schema as Schema | undefined
      const examples = json?.examples as Record<string, unknown> | undefined
      const first = examples ? Object.values(examples)[0] : undefined
      if (first) responseExamples[status] = this.deref<{ value: unknown }>(first).value
    }
    return {
      operationId: String(op.operationId),
      method,
      pathTemplate,
      requestBodySchema: content?.['application/json']?.schema,
      requestBodyRequired: body?.required === true,
      responseSchemas,
      responseExamples
    }
  }

  /** Errors of `value` against `schema`; an empty list means valid. */
  validate(value: unknown, schema: Schema, path = ''): SchemaError[] {
    const errors: SchemaError[] = []
    this.check(value, schema, path, errors, 0)
    return errors
  }

  private check(value: unknown, raw: Schema, path: string, errors: SchemaError[], depth: number): void {
    if (depth > 64) return
    const schema = this.deref<Schema>(raw)
    const at = path || 'body'
    if (value === null) {
      if (schema.nullable === true || schema.type === 'null') return
      if (Array.isArray(schema.enum) && schema.enum.includes(null)) return
      if (schema.type !== undefined || schema.properties !== undefined) {
        errors.push({ path: at, message: `${at} is null, which is not allowed` })
        return
      }
    }
    if (Array.isArray(schema.allOf))
      for (const s of schema.allOf as Schema[]) this.check(value, s, path, errors, depth + 1)
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key] as Schema[] | undefined
      if (!Array.isArray(options)) continue
      const passing = options.filter(s => this.validate(value, s, path).length === 0).length
      if (passing === 0 || (key === 'oneOf' && passing > 1 && !schema.discriminator)) {
        errors.push({
          path: at,
          message: `${at} does not match ${key === 'oneOf' ? 'exactly one' : 'any'} of the allowed shapes`
        })
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      errors.push({ path: at, message: `${JSON.stringify(value)} is not a member of ${JSON.stringify(schema.enum)}` })
      return
    }
    const type = schema.type as string | string[] | undefined
    if (type !== undefined && value !== null) {
      const types = Array.isArray(type) ? type : [type]
      if (!types.some(t => hasType(value, t))) {
        errors.push({ path: at, message: `${JSON.stringify(value)} is not ${article(types.join(' or '))}` })
        return
      }
    }
    if (typeof value === 'string') {
      if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
        errors.push({ path: at, message: `${at} is longer than ${schema.maxLength} characters` })
      if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
        errors.push({ path: at, message: `${at} is shorter than ${schema.minLength} characters` })
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum)
        errors.push({ path: at, message: `${value} is less than the minimum of ${schema.minimum}` })
      if (typeof schema.maximum === 'number' && value > schema.maximum)
        errors.push({ path: at, message: `${value} is greater than the maximum of ${schema.maximum}` })
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems)
        errors.push({ path: at, message: `${at} has fewer than ${schema.minItems} items` })
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
        errors.push({ path: at, message: `${at} has more than ${schema.maxItems} items` })
      if (schema.items)
        value.forEach((item, i) => this.check(item, schema.items as Schema, `${at}/${i}`, errors, depth + 1))
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const object = value as Record<string, unknown>
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      for (const name of (schema.required ?? []) as string[]) {
        if (!(name in object)) errors.push({ path: at, message: `"${name}" wasn't supplied` })
      }
      for (const [name, item] of Object.entries(object)) {
        const child = path ? `${path}/${name}` : `properties/${name}`
        if (properties[name]) this.check(item, properties[name], child, errors, depth + 1)
        else if (schema.additionalProperties === false)
          errors.push({ path: at, message: `"${name}" is not a permitted key` })
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
          this.check(item, schema.additionalProperties as Schema, child, errors, depth + 1)
      }
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
