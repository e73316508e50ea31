import { BaseError } from '@tabularium/core';
/**
 * An error with a catalogued code, as the node and the ledger throw.
 *
 * @example throw new ProtocolError('REPLAYED', 'nonce already used', { details: { signer, nonce } })
 */
export class ProtocolError extends BaseError {
}
//# sourceMappingURL=errors.js.map