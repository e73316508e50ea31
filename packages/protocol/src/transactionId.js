import { canonicalBytes, sha256, signingInput, toHex } from '@tabularium/core';
/**
 * The transaction id: hex SHA-256 of the JCS form of the signed transaction
 * `{ tx, sig }` (DESIGN §2.1).
 *
 * @example transactionId({ tx, sig }) // '9f86d0…'
 */
export function transactionId(signed) {
    return toHex(sha256(canonicalBytes({ tx: signed.tx, sig: signed.sig })));
}
/** The exact bytes a transaction's author signs. */
export function transactionSigningInput(tx) {
    return signingInput('transaction', canonicalBytes(tx));
}
//# sourceMappingURL=transactionId.js.map