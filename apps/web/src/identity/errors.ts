import { type IdentityKey, ti } from './i18n/ti.js'

const KNOWN: Record<string, IdentityKey> = {
  NETWORK: 'error.network',
  NOT_FOUND: 'error.notFound',
  CONFLICT: 'error.conflict',
  UNAUTHORISED: 'error.unauthorised',
  INVALID_SIGNATURE: 'error.unauthorised',
  NOT_OWNER: 'error.notOwner',
  ISSUER_NOT_CONFIGURED: 'error.noIssuer',
  ISSUER_NOT_ACCREDITED: 'error.notAccredited',
  PRESENTATION_REJECTED: 'error.presentationRejected',
  ALREADY_REVOKED: 'error.alreadyRevoked',
  invalid_grant: 'error.wrongCode',
  invalid_proof: 'error.proof',
  invalid_token: 'error.expiredOffer',
}

/** One sentence for an error code of the node (or an OAuth error), with the node's words for the rest. */
export function reasonOf(code: string, message: string): string {
  const key = KNOWN[code]
  return key ? ti(key) : ti('error.other', { code, message })
}
