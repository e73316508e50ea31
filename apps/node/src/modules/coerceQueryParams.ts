import type { JsonSchema } from './toJsonSchema.js'

/**
 * Turns query-string values into the types a query's schema expects: a
 * property typed `integer`/`number` gets a number when the text is a plain
 * decimal, `boolean` gets true/false, `array` gets every repeated value. Text
 * that does not convert is left as is, so the schema reports it.
 *
 * @example coerceQueryParams({ schema, query: { limit: ['10'] } }) // { limit: 10 }
 */
export function coerceQueryParams({
  schema,
  query,
}: {
  schema: JsonSchema
  query: Record<string, string[]>
}): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const params: Record<string, unknown> = {}
  for (const [key, values] of Object.entries(query)) {
    const types = typesOf(Object.hasOwn(properties, key) ? properties[key] : undefined)
    const converted = values.map((value) => convert(value, types))
    params[key] = types.has('array') ? converted : converted[converted.length - 1]
  }
  return params
}

function typesOf(schema: JsonSchema | undefined): Set<string> {
  const types = new Set<string>()
  if (schema === undefined) return types
  const add = (type: unknown) => {
    for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string') types.add(t)
  }
  add(schema.type)
  for (const branch of [...asArray(schema.anyOf), ...asArray(schema.oneOf)]) add((branch as JsonSchema).type)
  if (types.has('array')) add(((schema.items ?? {}) as JsonSchema).type)
  return types
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

const DECIMAL = /^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,16})?$/

function convert(value: string, types: Set<string>): unknown {
  if ((types.has('integer') || types.has('number')) && DECIMAL.test(value)) return Number(value)
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}
