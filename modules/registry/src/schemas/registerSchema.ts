import { canonicalize, sha256, toHex, utf8 } from '@tabularium/core'
import { defineAction, type Json } from '@tabularium/ledger'
import { fail } from '../fail.js'
import { keys, LIMITS, ROLES } from '../keys.js'
import { RegisterSchemaArgsSchema } from '../schemas.js'
import type { SchemaRecord } from '../types.js'

/**
 * `registerSchema`: publishes a credential JSON Schema under its id (the URL
 * credentials name in `credentialSchema.id`, or an SD-JWT `vct`), with the
 * SHA-256 of its JCS. Immutable: a new version takes a new id.
 *
 * @example { id: 'https://zug.example/schemas/residency/v1', schema: { type: 'object', … } }
 */
export const registerSchema = defineAction({
  description: 'Registers a credential JSON Schema by id; its SHA-256 (of JCS) is recorded.',
  args: RegisterSchemaArgsSchema,
  access: { roles: ['member', ROLES.root, ROLES.tao] },
  execute(ctx, args) {
    const jcs = utf8(canonicalize(args.schema))
    if (jcs.length > LIMITS.schemaBytes) fail('PAYLOAD_TOO_LARGE', 'schema is too large', { limit: LIMITS.schemaBytes })
    if (ctx.get(keys.schema(args.id)) !== undefined)
      fail('ALREADY_EXISTS', 'a schema with this id exists', { id: args.id })
    const hash = toHex(sha256(jcs))
    const record: SchemaRecord = {
      id: args.id,
      hash,
      schema: args.schema as { [key: string]: Json },
      registrant: ctx.signer,
      time: ctx.time,
      txid: ctx.txid,
    }
    ctx.put(keys.schema(args.id), record)
    ctx.emit('schemaRegistered', { id: args.id, hash })
  },
})
