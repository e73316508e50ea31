import { z } from 'zod'

/** A JSON Schema (2020-12) as a plain object. */
export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema of a zod schema as a client sends it (`io: 'input'`), for
 * the module list and the OpenAPI document. A type JSON Schema cannot express
 * (a transform, a custom refinement) becomes `{}` rather than failing.
 *
 * @example toJsonSchema(z.object({ hash: z.string() })) // { type: 'object', properties: { hash: { type: 'string' } }, … }
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema)
  if (json === undefined) {
    json = convert(schema)
    cache.set(schema, json)
  }
  return json
}

// Schemas are immutable module definitions: convert each once.
const cache = new WeakMap<z.ZodType, JsonSchema>()

function convert(schema: z.ZodType): JsonSchema {
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    return rest
  } catch {
    return {}
  }
}
