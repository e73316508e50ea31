// Shared fixtures of the identity tests (not exported by the package).
import { type Algorithm, didKeyFromJwk, type PrivateJwk, type PublicJwk } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { didKeyKid } from './did/didKeyDocument.js'
import { createDidResolver } from './did/resolveDid.js'
import type { DidDocument } from './did/types.js'
import type { Signer } from './jwt/signer.js'
import type { VerifyCredentialParameters } from './verify/types.js'

export interface Party {
  did: string
  kid: string
  sign: Signer
  alg: Algorithm
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
}

/** A did:key party with a node:crypto signer. */
export function party(algorithm: Algorithm = 'ES256'): Party {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm })
  const did = didKeyFromJwk(publicJwk)
  return {
    did,
    kid: didKeyKid(did),
    sign: (data) => signBytes({ privateJwk, data }),
    alg: algorithm,
    publicJwk,
    privateJwk,
  }
}

export const NOW = new Date('2026-06-01T12:00:00Z')
export const SCHEMA_ID = 'https://tabularium.example/schemas/residency-v1.json'
export const RESIDENCY_VCT = 'https://tabularium.example/credentials/residency'
export const STATUS_URL = 'https://tabularium.example/status/1'

/** A hand-written validator standing in for the registry's JSON Schemas. */
export function validateResidency(value: unknown): string[] {
  const subject = (value as { credentialSubject?: Record<string, unknown> }).credentialSubject ?? {}
  return typeof subject.residentOf === 'string' ? [] : ['credentialSubject.residentOf must be a string']
}

export function validateSdResidency(value: unknown): string[] {
  const claims = value as Record<string, unknown>
  return claims.resident_of === undefined || typeof claims.resident_of === 'string'
    ? []
    : ['resident_of must be a string']
}

/** Verification parameters where everything passes, to be overridden one at a time. */
export function world(
  issuer: Party,
  lists: Map<string, string> = new Map(),
  registry: Map<string, DidDocument> = new Map(),
): Omit<VerifyCredentialParameters, 'credential'> {
  return {
    now: NOW,
    resolveDid: createDidResolver({ registry: (did) => registry.get(did) }),
    isAccredited: ({ issuer: who, type }) =>
      who === issuer.did && ['ResidencyCredential', RESIDENCY_VCT].includes(type),
    schemas: { [SCHEMA_ID]: validateResidency, [RESIDENCY_VCT]: validateSdResidency },
    fetchStatusList: async (url) => {
      const list = lists.get(url)
      if (list === undefined) throw new Error(`404 ${url}`)
      return list
    },
  }
}
