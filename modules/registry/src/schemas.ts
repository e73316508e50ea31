import { z } from 'zod'
import { DID_PREFIX, LIMITS } from './keys.js'

/** A registered organisation DID: `did:tab:<name>`, name of 2–64 of `a-z 0-9 -`. */
export const TabDidSchema = z
  .string()
  .regex(
    /^did:tab:[a-z0-9][a-z0-9-]{1,63}$/,
    `expected ${DID_PREFIX}<name>, name of 2–64 lower-case letters, digits or -`,
  )

/** A did:key (transaction signers, controllers). */
export const DidKeySchema = z.string().regex(/^did:key:z[1-9A-HJ-NP-Za-km-z]{10,300}$/, 'expected a did:key')

/** A DID URL fragment (`key-1`). */
export const FragmentSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a fragment of 1–64 of A-Z a-z 0-9 . _ -')

/** A public JWK (checked further by `assertPublicJwk` at execution). */
export const JwkSchema = z.record(z.string().max(16), z.string().max(512))

/** Verification relationships a registered key may hold. */
export const RelationshipSchema = z.enum(['authentication', 'assertionMethod', 'capabilityInvocation'])

/** A key to add. */
export const MethodArgsSchema = z.strictObject({
  id: FragmentSchema,
  publicKeyJwk: JwkSchema,
  relationships: z.array(RelationshipSchema).min(1).max(3).default(['authentication', 'assertionMethod']),
})

/** A service endpoint. */
export const ServiceArgsSchema = z.strictObject({
  id: FragmentSchema,
  type: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
  serviceEndpoint: z.url({ protocol: /^https?$/ }).max(1024),
})

const controllers = z.array(DidKeySchema).min(1).max(LIMITS.controllers)

/** `registerDid`. */
export const RegisterDidArgsSchema = z.strictObject({
  did: TabDidSchema,
  methods: z.array(MethodArgsSchema).min(1).max(LIMITS.methods),
  services: z.array(ServiceArgsSchema).max(LIMITS.services).default([]),
  /** Default: the signer alone. */
  controllers: controllers.optional(),
})

/** `addKey`. */
export const AddKeyArgsSchema = z.strictObject({ did: TabDidSchema, method: MethodArgsSchema })
/** `rotateKey`: `old` leaves the document, `method` enters it (relationships default to the old key's). */
export const RotateKeyArgsSchema = z.strictObject({
  did: TabDidSchema,
  old: FragmentSchema,
  method: MethodArgsSchema.extend({ relationships: z.array(RelationshipSchema).min(1).max(3).optional() }),
})
/** `removeKey`. */
export const RemoveKeyArgsSchema = z.strictObject({ did: TabDidSchema, id: FragmentSchema })
/** `addService`. */
export const AddServiceArgsSchema = z.strictObject({ did: TabDidSchema, service: ServiceArgsSchema })
/** `removeService`. */
export const RemoveServiceArgsSchema = z.strictObject({ did: TabDidSchema, id: FragmentSchema })
/** `setControllers`. */
export const SetControllersArgsSchema = z.strictObject({ did: TabDidSchema, controllers })
/** `deactivateDid`. */
export const DeactivateDidArgsSchema = z.strictObject({ did: TabDidSchema })

/** A credential type (JWT VC type or SD-JWT `vct`): printable ASCII, no spaces. */
export const CredentialTypeSchema = z.string().regex(/^[\x21-\x7e]{1,256}$/, 'expected a credential type')

/** An accreditation id: 16 hex digits (the accrediting txid's prefix). */
export const AccreditationIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'expected an accreditation id (16 hex digits)')

/** `accredit`. */
export const AccreditArgsSchema = z.strictObject({
  subject: TabDidSchema,
  kind: z.enum(['RootTAO', 'TAO', 'TI']),
  credentialTypes: z.array(CredentialTypeSchema).min(1).max(LIMITS.credentialTypes),
  /** The accreditor's own accreditation; required except for a Root TAO. */
  parent: AccreditationIdSchema.optional(),
  validUntil: z.iso
    .datetime({ offset: true })
    .transform((t) => new Date(t).toISOString())
    .optional(),
})

/** `revokeAccreditation`. */
export const RevokeAccreditationArgsSchema = z.strictObject({
  id: AccreditationIdSchema,
  reason: z.string().min(1).max(500),
})

/** `registerSchema`. */
export const RegisterSchemaArgsSchema = z.strictObject({
  id: z.string().regex(/^[\x21-\x7e]{1,512}$/, 'expected a schema id (a URI)'),
  schema: z.record(z.string(), z.json()),
})

/** A status-list name. */
export const ListNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a list name of 1–64 of a-z 0-9 -')

/** `createStatusList`. */
export const CreateStatusListArgsSchema = z.strictObject({
  issuer: TabDidSchema,
  list: ListNameSchema,
  purpose: z.enum(['revocation', 'suspension']),
  format: z.enum(['StatusList2021', 'BitstringStatusList']).default('StatusList2021'),
  size: z.number().int().min(131072).max(1048576).default(131072),
})

/** `allocateStatus`: the next free index of a list. */
export const AllocateStatusArgsSchema = z.strictObject({ issuer: TabDidSchema, list: ListNameSchema })

/** `revoke`, `suspend`, `unsuspend`: one allocated index. */
export const SetStatusArgsSchema = z.strictObject({
  issuer: TabDidSchema,
  list: ListNameSchema,
  index: z.number().int().min(0).max(1048575),
})
