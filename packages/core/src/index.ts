export {
  concatBytes,
  equalBytes,
  fromBase64,
  fromBase64Url,
  fromHex,
  fromUtf8,
  toBase64,
  toBase64Url,
  toHex,
  uint64BE,
  utf8,
} from './bytes.js'
export { didKeyFromJwk, jwkFromDidKey } from './didKey.js'
export type { SigningDomain } from './domain.js'
export { SIGNING_DOMAINS, signingInput } from './domain.js'
export type { CoreErrorCode } from './errors.js'
export { BaseError, CoreError, isBaseError } from './errors.js'
export { sha256 } from './hash.js'
export { canonicalBytes, canonicalize } from './jcs.js'
export type { Algorithm, PrivateJwk, PublicJwk } from './keys.js'
export { algorithmOf, assertPublicJwk, publicJwkOf, rawPublicKey, verifyBytes } from './keys.js'
