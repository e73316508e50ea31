import type { SchemaValidator } from '@tabularium/identity'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { SchemaRecord } from '../types.js'
import { type RegistryReader, tryQuery } from './registryReader.js'

/**
 * The credential schemas registered on the ledger as the `SchemaRegistry` of
 * `verifyCredential`: a Map whose `get(id)` looks the schema up and compiles
 * it with Ajv (JSON Schema 2020-12; cached by hash, since schemas are
 * immutable). Unknown ids are `undefined`, so the pipeline says SCHEMA_UNKNOWN.
 *
 * @example verifyCredential({ …, schemas: createRegistrySchemas(ledger) })
 */
export function createRegistrySchemas(ledger: RegistryReader): Map<string, SchemaValidator> {
  return new RegistrySchemas(ledger)
}

class RegistrySchemas extends Map<string, SchemaValidator> {
  readonly #ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false })
  readonly #compiled = new Map<string, SchemaValidator>()

  constructor(readonly ledger: RegistryReader) {
    super()
  }

  override get(id: string): SchemaValidator | undefined {
    const record = tryQuery<SchemaRecord>(this.ledger, 'schema', { id })
    if (record === undefined) return undefined
    const cached = this.#compiled.get(record.hash)
    if (cached !== undefined) return cached
    const { $id: _ignored, ...schema } = record.schema
    const validate = this.#ajv.compile(schema)
    const validator: SchemaValidator = (value) =>
      validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    this.#compiled.set(record.hash, validator)
    return validator
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined
  }
}
