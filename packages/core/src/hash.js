import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { utf8 } from './bytes.js';
/**
 * SHA-256 (FIPS 180-4). Pure JS so that the same code runs in the browser's
 * offline verifier; on the server it is within a small factor of node:crypto
 * for the 33–65 byte inputs of a Merkle tree.
 *
 * @example toHex(sha256(utf8('abc'))) // 'ba7816bf…'
 */
export function sha256(data) {
    return nobleSha256(typeof data === 'string' ? utf8(data) : data);
}
//# sourceMappingURL=hash.js.map