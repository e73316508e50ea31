export { ERROR_CATALOGUE, statusOf, isErrorCode } from './errorCatalogue.js';
export { ProtocolError } from './errors.js';
export { LIMITS, TransactionEnvelopeSchema, SignedTransactionSchema } from './envelope.js';
export { GenesisSchema, MemberSchema } from './genesis.js';
export { transactionId, transactionSigningInput } from './transactionId.js';
export { formatIssues } from './issues.js';
//# sourceMappingURL=index.js.map