import type { JsonSchema } from '../modules/toJsonSchema.js'

/**
 * Adds a JSON Schema to OpenAPI components under `name`, moving its `$defs`
 * to components of their own (`name.Def`) and rewriting the `$ref`s that
 * pointed to them, since `#/$defs/…` would resolve against the document root.
 *
 * @example hoistDefs({ name: 'notary.stamp.args', schema, schemas: doc.components.schemas })
 */
export function hoistDefs({
  name,
  schema,
  schemas,
}: {
  name: string
  schema: JsonSchema
  schemas: Record<string, JsonSchema>
}): void {
  const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string' ? target(name, child) : rewrite(child),
      ]),
    )
  }
  schemas[name] = rewrite(rest) as JsonSchema
  for (const [def, defSchema] of Object.entries($defs ?? {}))
    schemas[`${name}.${safe(def)}`] = rewrite(defSchema) as JsonSchema
}

function target(name: string, ref: string): string {
  if (ref === '#') return `#/components/schemas/${name}`
  if (ref.startsWith('#/$defs/')) return `#/components/schemas/${name}.${safe(ref.slice('#/$defs/'.length))}`
  return ref
}

// Component names must match ^[a-zA-Z0-9.\-_]+$ (OpenAPI 3.1 §4.8.7.1).
function safe(name: string): string {
  return name.replace(/[^a-zA-Z0-9.\-_]/g, '_')
}
