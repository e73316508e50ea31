/**
 * The error catalogue: every stable error code a client can see, what it
 * means, and its HTTP status. This is the one place codes map to statuses;
 * `docs/errors.md` is generated from it (`npm run docs:errors`).
 */
export const ERROR_CATALOGUE = {
  // Requests and encodings
  INVALID_JSON: { status: 400, meaning: 'The body is not valid JSON, or holds values JSON cannot carry.' },
  INVALID_REQUEST: {
    status: 400,
    meaning: 'The request does not match its schema; `details.issues` lists every bad field.',
  },
  INVALID_ENCODING: { status: 400, meaning: 'A base64, base64url, hex or UTF-8 value is malformed.' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body, a transaction or a batch is over its size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The body must be application/json.' },
  NOT_FOUND: { status: 404, meaning: 'No such resource (entry, transaction, checkpoint, tile, route).' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The route exists but not with this method.' },
  // Keys and signatures
  INVALID_KEY: { status: 400, meaning: 'A key is not a supported Ed25519 or P-256 JWK.' },
  INVALID_DID: {
    status: 400,
    meaning: 'A DID is malformed or of an unsupported method (a transaction signer must be a did:key).',
  },
  INVALID_SIGNATURE: {
    status: 401,
    meaning:
      "A transaction, credential or presentation signature does not verify with the signer's key, or its `kid` is not a key of the signer.",
  },
  UNSUPPORTED_ALGORITHM: { status: 400, meaning: 'The key or signature algorithm is not EdDSA (Ed25519) or ES256.' },
  // Admission
  WRONG_NETWORK: { status: 400, meaning: "The transaction names another network than this node's." },
  EXPIRED: {
    status: 400,
    meaning: "A transaction's `expires`, or a credential's or presentation's `exp`/`validUntil`, is in the past.",
  },
  EXPIRY_TOO_FAR: { status: 400, meaning: '`expires` is further ahead than the node accepts (replay window).' },
  REPLAYED: { status: 409, meaning: 'This (signer, nonce) pair was already accepted.' },
  UNKNOWN_MODULE: { status: 404, meaning: 'No module of that name is installed on this network.' },
  UNKNOWN_ACTION: { status: 404, meaning: 'The module has no action of that name.' },
  UNKNOWN_QUERY: { status: 404, meaning: 'The module has no query of that name.' },
  INVALID_ARGS: {
    status: 400,
    meaning: "The action's arguments do not match its schema; `details.issues` lists them.",
  },
  UNAUTHORISED: { status: 403, meaning: 'The signer does not hold a role the action requires.' },
  OVERLOADED: { status: 503, meaning: 'The node is busy; retry after the `Retry-After` seconds.' },
  NODE_STOPPED: {
    status: 503,
    meaning:
      'The node is shutting down, or has stopped writing for good: it diverged from the quorum, its file was altered, or a block failed to commit (`details.reason`).',
  },
  LEDGER_ALTERED: {
    status: 503,
    meaning:
      "The node's integrity check found its ledger file altered behind its back (a leaf, tree node, checkpoint, event or state row no longer matches the signed log or the state sum; `details` names the table and row). The node stops writing (`NODE_STOPPED`).",
  },
  NOT_FINAL: {
    status: 409,
    meaning:
      'The entry is committed but no checkpoint holding it is cosigned by a quorum of members yet; ask again shortly.',
  },
  // Execution (recorded in the log as a rejected outcome)
  EXECUTION_FAILED: {
    status: 422,
    meaning: 'The action was ordered but refused by its module; the entry records the reason.',
  },
  ALREADY_EXISTS: { status: 409, meaning: 'The thing to create exists already.' },
  CONFLICT: { status: 409, meaning: 'The state changed in a way that makes the action impossible.' },
  LIMIT_EXCEEDED: {
    status: 409,
    meaning:
      'A bounded collection is full (members of a network, stamps of one hash, …); `details.limit` gives the bound.',
  },
  NOT_OWNER: { status: 403, meaning: 'Only the organisation (or signer) that created the record may change it.' },
  ALREADY_REVOKED: { status: 409, meaning: 'The record was already revoked; its history is kept.' },
  // Governance
  NOT_A_MEMBER: { status: 403, meaning: 'Only member organisations may do this.' },
  PROPOSAL_NOT_FOUND: { status: 404, meaning: 'No open proposal with that id.' },
  PROPOSAL_CLOSED: { status: 409, meaning: 'The proposal was already executed, rejected or expired.' },
  ALREADY_APPROVED: { status: 409, meaning: 'This member already approved the proposal.' },
  ALREADY_REJECTED: { status: 409, meaning: 'This member already rejected the proposal; votes are final.' },
  INVALID_GENESIS: {
    status: 400,
    meaning: 'The genesis file is inconsistent (e.g. a threshold above the member count); `details` says where.',
  },
  // Identity: DIDs, credentials, presentations (packages/identity)
  DID_NOT_FOUND: { status: 404, meaning: 'The DID is not registered on the ledger, or is deactivated.' },
  CREDENTIAL_MALFORMED: {
    status: 400,
    meaning:
      'The credential or presentation is not a well-formed JWT VC, SD-JWT VC or JWT VP; `details.issues` lists the problems.',
  },
  ISSUER_NOT_ACCREDITED: {
    status: 403,
    meaning: 'The trusted-issuers registry does not accredit the issuer for this credential type.',
  },
  SCHEMA_UNKNOWN: { status: 422, meaning: 'The credential names a schema (or `vct`) that is not registered.' },
  SCHEMA_MISMATCH: {
    status: 422,
    meaning: 'The credential does not conform to its schema; `details.issues` lists why.',
  },
  NOT_YET_VALID: {
    status: 422,
    meaning: 'The credential or presentation is not valid yet (`nbf`/`validFrom` is in the future).',
  },
  REVOKED: { status: 403, meaning: "The credential's bit is set in its issuer's revocation status list." },
  SUSPENDED: { status: 403, meaning: "The credential's bit is set in its issuer's suspension status list." },
  STATUS_UNAVAILABLE: {
    status: 503,
    meaning:
      "The credential's status list cannot be fetched or does not verify, so its status is unknown; retry later.",
  },
  HOLDER_BINDING_INVALID: {
    status: 401,
    meaning:
      'The presenter is not the holder: wrong key, audience or nonce, a stale key-binding JWT, or a credential about someone else.',
  },
  DISCLOSURE_INVALID: {
    status: 422,
    meaning: 'An SD-JWT disclosure is malformed, altered, unreferenced, repeated or overrides a signed claim.',
  },
  ISSUER_NOT_CONFIGURED: {
    status: 503,
    meaning: 'This node holds no issuer key (issuer-key.json), so it cannot issue credentials or serve status lists.',
  },
  PRESENTATION_REJECTED: {
    status: 422,
    meaning:
      'A presentation does not satisfy its presentation definition (missing, extra or undisclosed fields; wrong submission).',
  },
  // Personal-data vault (packages/vault)
  ACCESS_NOT_LOGGED: {
    status: 503,
    meaning: 'A vault read could not be logged on the ledger, so nothing was disclosed; retry later.',
  },
  // Ballots and petitions (modules/ballots)
  BALLOT_NOT_OPEN: {
    status: 409,
    meaning: 'The ballot or petition is not open at this time; `details.status` says `scheduled` or `closed`.',
  },
  BALLOT_NOT_READY: {
    status: 409,
    meaning: "The trustees' key ceremony is not complete, so the ballot has no election key yet.",
  },
  BALLOT_NOT_CLOSED: {
    status: 409,
    meaning: 'Results are sealed until the ballot closes: no partial decryption or tally before then.',
  },
  NOT_IN_CENSUS: {
    status: 403,
    meaning: 'The person (credential claims, or one-time code) is not in the census of this ballot or petition.',
  },
  TOKEN_ALREADY_ISSUED: {
    status: 409,
    meaning: 'This census member already received an eligibility token for this ballot or petition.',
  },
  INVALID_TOKEN: {
    status: 403,
    meaning:
      'The eligibility token (RFC 9474 blind RSA signature) does not verify under the issuer key of the ballot or petition.',
  },
  NULLIFIER_USED: {
    status: 409,
    meaning: 'This token was already used: for a petition, or for a ballot without vote-again.',
  },
  INVALID_BALLOT: {
    status: 422,
    meaning:
      'An encrypted answer is malformed or its zero-knowledge proofs do not verify; `details.question` names it.',
  },
  BALLOT_RULES_BROKEN: {
    status: 422,
    meaning:
      "The ballot breaks a question's rules (number of choices, participatory budget); `details.rule` names the rule.",
  },
  NOT_A_TRUSTEE: {
    status: 403,
    meaning: 'Only the trustee organisations of this ballot may take part in its key ceremony and decryption.',
  },
  CEREMONY_NOT_DUE: {
    status: 409,
    meaning:
      "A ballot's key ceremony cannot be closed without its absent trustees before its ceremony deadline (`details.deadline`).",
  },
  COMPLAINT_UNFOUNDED: {
    status: 422,
    meaning:
      "A trustee's complaint about a dealer's encrypted key share is refused: the ledger decrypted the share and it verifies.",
  },
  INVALID_DECRYPTION: {
    status: 422,
    meaning: "A trustee's partial decryption does not verify against the ceremony's public commitments.",
  },
  TALLY_MISMATCH: {
    status: 422,
    meaning: 'The published counts differ from the decryption of the encrypted tally by the trustees.',
  },
  // Funding: vouchers and grants (modules/vouchers, modules/grants)
  FUND_CLOSED: {
    status: 409,
    meaning: 'The fund is closed or outside its period: no vouchers are issued or redeemed.',
  },
  BUDGET_EXHAUSTED: {
    status: 409,
    meaning: "The fund's or call's remaining budget is smaller than the amount; `details` gives both.",
  },
  NOT_ELIGIBLE: {
    status: 403,
    meaning: "The beneficiary is not on the fund's eligibility list, or the evidence does not meet the fund's rule.",
  },
  VOUCHER_NOT_FOUND: { status: 404, meaning: 'No voucher (or printed card) with that id.' },
  VOUCHER_EXPIRED: { status: 409, meaning: 'The voucher expired, was used (a product voucher) or was withdrawn.' },
  INSUFFICIENT_BALANCE: {
    status: 409,
    meaning: "The amount is above the voucher's balance; `details.balance` gives the balance.",
  },
  USAGE_LIMIT_REACHED: {
    status: 409,
    meaning: "The voucher's limit per period (amount or number of uses) would be exceeded; `details` names the limit.",
  },
  PROVIDER_NOT_APPROVED: {
    status: 403,
    meaning: 'The provider is not approved for this fund (or the signer is not a registered provider).',
  },
  OFFER_NOT_ALLOWED: {
    status: 409,
    meaning: 'The product or category is not one the fund or the product voucher allows.',
  },
  WRONG_PIN: {
    status: 401,
    meaning: "The card's PIN proof does not match, or the wallet's authorisation does not verify or has expired.",
  },
  DEADLINE_PASSED: { status: 409, meaning: "The call's deadline has passed (by ledger time): no more applications." },
  CALL_NOT_CLOSED: {
    status: 409,
    meaning: 'Sealed until the deadline: evaluation and access to application content start once the call is closed.',
  },
  CONFLICT_OF_INTEREST: {
    status: 403,
    meaning: 'The evaluator declared a conflict of interest (or none yet) for this application.',
  },
  DOUBLE_FUNDING: {
    status: 409,
    meaning:
      'The award overlaps an existing award (same organisation or project, overlapping cost period); acknowledge the flag with a justification.',
  },
  // Log and receipts
  INVALID_PROOF: { status: 422, meaning: 'A Merkle inclusion or consistency proof does not verify.' },
  INVALID_TREE_SIZE: { status: 400, meaning: 'A tree size or index is out of range.' },
  INVALID_CHECKPOINT: { status: 422, meaning: 'A checkpoint is malformed or its signatures do not verify.' },
  INVALID_HASH: { status: 400, meaning: 'A hash is not 32 bytes of SHA-256.' },
  INVALID_FRONTIER: {
    status: 500,
    meaning: "The stored tree's frontier is inconsistent with its size (storage damage).",
  },
  MISSING_NODE: { status: 500, meaning: 'A tree node the proof needs is not in storage (storage damage).' },
  INVALID_NOTE: { status: 422, meaning: 'A C2SP signed note is malformed (lines, sizes, signature lines).' },
  AMBIGUOUS_KEY: { status: 422, meaning: 'Two trusted keys share a name and key id.' },
  UNKNOWN_KEY: { status: 422, meaning: 'No trusted key signed this note.' },
  NOTE_SIGNATURE_INVALID: { status: 422, meaning: 'A signature line of a note does not verify with the named key.' },
  CHECKPOINT_SIGNATURE_MISSING: { status: 422, meaning: "The checkpoint carries no signature by the log's key." },
  CHECKPOINT_SIGNATURE_INVALID: { status: 422, meaning: "The checkpoint's log signature does not verify." },
  COSIGNATURE_INVALID: { status: 422, meaning: 'A witness cosignature (C2SP tlog-cosignature) does not verify.' },
  ORIGIN_MISMATCH: { status: 422, meaning: "The checkpoint's origin is not this network's log." },
  WITNESS_QUORUM_NOT_MET: { status: 422, meaning: 'Fewer distinct member witnesses cosigned than the quorum.' },
  INVALID_POLICY: { status: 400, meaning: 'A verification policy (keys, quorum) is malformed.' },
  INVALID_TILE_PATH: { status: 400, meaning: 'A C2SP tlog-tiles path is malformed or out of range.' },
  INVALID_ENTRY_BUNDLE: { status: 422, meaning: 'A C2SP entry bundle is malformed.' },
  RECEIPT_MALFORMED: {
    status: 422,
    meaning: 'A receipt lacks a field or has one of the wrong type; `details.issues` lists them.',
  },
  TREE_SIZE_MISMATCH: { status: 422, meaning: "The receipt's tree size differs from its checkpoint's." },
  INVALID_WITNESS_REQUEST: {
    status: 400,
    meaning:
      'A C2SP tlog-witness add-checkpoint body is malformed (old size line, proof lines, empty line, checkpoint).',
  },
  WITNESS_UNREACHABLE: { status: 502, meaning: 'An outside witness did not answer (network error, timeout).' },
  WITNESS_REFUSED: {
    status: 502,
    meaning: 'An outside witness refused a checkpoint (`details.status`, `details.reason`: its answer).',
  },
  WITNESS_RESPONSE_INVALID: {
    status: 502,
    meaning: "An outside witness's answer is not what C2SP tlog-witness says (malformed size or signature lines).",
  },
  // Joining a network from a member's snapshot (apps/node README, "Joining a network")
  SNAPSHOT_INVALID: {
    status: 422,
    meaning:
      'A ledger snapshot failed verification (schema, integrity, audit of every entry and checkpoint, head signatures); nothing was installed. `details.reason` names the first fault.',
  },
  SNAPSHOT_UNAVAILABLE: {
    status: 502,
    meaning: 'The member node to join from did not serve a snapshot (unreachable, an error status, too large).',
  },
  SNAPSHOT_STALE: {
    status: 409,
    meaning:
      "The snapshot ends before etcd's compaction point, so the node could not continue from it; nothing was installed. Fetch a newer one.",
  },
  // Anything else
  INTERNAL: { status: 500, meaning: 'An unexpected failure; nothing about it is disclosed. See the node log.' },
} as const satisfies Record<string, { status: number; meaning: string }>

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** The HTTP status of a code; 500 for a code not in the catalogue. */
export function statusOf(code: string): number {
  const entry = (ERROR_CATALOGUE as Record<string, { status: number } | undefined>)[code]
  return entry?.status ?? 500
}

/** True when `code` is in the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code)
}
