export { BaseError, CoreError, isBaseError } from './errors.js';
export { utf8, fromUtf8, toBase64, fromBase64, toBase64Url, fromBase64Url, toHex, fromHex, concatBytes, equalBytes, uint64BE, } from './bytes.js';
export { sha256 } from './hash.js';
export { canonicalize, canonicalBytes } from './jcs.js';
export { algorithmOf, publicJwkOf, assertPublicJwk, rawPublicKey, verifyBytes } from './keys.js';
export { SIGNING_DOMAINS, signingInput } from './domain.js';
export { didKeyFromJwk, jwkFromDidKey } from './didKey.js';
//# sourceMappingURL=index.js.map