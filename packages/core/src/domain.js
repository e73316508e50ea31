import { concatBytes, utf8 } from './bytes.js';
/**
 * Purposes a Tabularium key signs for. Each signature covers a prefix naming
 * its purpose, so a signature made for one purpose can never be replayed as
 * another (domain separation).
 */
export const SIGNING_DOMAINS = {
    transaction: 'tabularium/transaction/v1',
    challenge: 'tabularium/challenge/v1',
};
/**
 * The exact bytes signed: `<domain prefix> 0x0A <message>`.
 *
 * @example signingInput('transaction', canonicalBytes(envelope))
 */
export function signingInput(domain, message) {
    return concatBytes(utf8(`${SIGNING_DOMAINS[domain]}\n`), message);
}
//# sourceMappingURL=domain.js.map