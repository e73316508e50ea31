import { isBaseError, jwkFromDidKey, type PublicJwk } from '@tabularium/core'
import { ProtocolError } from '@tabularium/protocol'

const CACHE_LIMIT = 10_000

/**
 * Resolves signers' `did:key`s to public keys, caching answers (signers send
 * many transactions). Throws `INVALID_DID` for anything unresolvable.
 *
 * @example const resolve = createSignerResolver(); resolve('did:key:z6Mk…')
 */
export function createSignerResolver(): (did: string) => PublicJwk {
  const cache = new Map<string, PublicJwk>()
  return (did) => {
    const cached = cache.get(did)
    if (cached !== undefined) return cached
    let jwk: PublicJwk
    try {
      jwk = jwkFromDidKey(did)
    } catch (cause) {
      const message = isBaseError(cause) ? cause.message : 'the signer is not a supported did:key'
      throw new ProtocolError('INVALID_DID', message, { cause })
    }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(did, jwk)
    return jwk
  }
}
