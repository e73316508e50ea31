import type { ApiParameter, ApiRoute } from './apiRoutes.js'

const process: ApiParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Ballot or petition id (one id space for both).',
  schema: { type: 'string' },
}

/**
 * The token desk of the ballots module: the routes that module queries cannot be.
 *
 * @example BALLOT_ROUTES.map((r) => r.path)
 */
export const BALLOT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/v1/ballots/{id}/token-key',
    operationId: 'createBallotTokenKey',
    tag: 'ballots',
    summary: "Make a ballot's or petition's blind-signing key (before creating it)",
    description:
      "Body: a signed command (`module: 'ballots-desk'`, `action: 'createTokenKey'`, `args: { process }`) of a `ballots:organiser` or member. The node makes an RSA-2048 key (RFC 9474, RSABSSA-SHA384-PSS-Randomized) kept in `<dataDir>/ballot-keys/<id>.json` (mode 0600), never on the ledger, and answers `{ process, publicKey, audience }`: put `publicKey` in `createBallot` / `createPetition` as `issuerKey`. 201 when made, 200 when it existed.",
    parameters: [process],
    body: ['SignedTransaction'],
    responses: [
      { status: 201, description: 'The public key' },
      { status: 200, description: 'The public key (made before)' },
    ],
    errors: ['INVALID_REQUEST', 'INVALID_JSON', 'INVALID_SIGNATURE', 'UNAUTHORISED', 'REPLAYED', 'EXPIRED', 'CONFLICT'],
  },
  {
    method: 'get',
    path: '/v1/ballots/{id}/token-key',
    operationId: 'getBallotTokenKey',
    tag: 'ballots',
    summary: "The desk's public key for a process and the audience of census presentations",
    parameters: [process],
    responses: [{ status: 200, description: '`{ process, publicKey, audience }`' }],
    errors: ['NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/v1/ballots/{id}/tokens',
    operationId: 'issueBallotToken',
    tag: 'ballots',
    summary: 'Census check, then a blind signature on the voter’s blinded token',
    description:
      "Body `{ blindedMessage, census }` with `census` = `{ kind: 'code', code }` (a one-time postal code; its SHA-256 must be in the list census) or `{ kind: 'credential', presentation }` (an SD-JWT VC presentation disclosing exactly the census claims, with a key-binding JWT whose `aud` is the `audience` of `GET …/token-key` and whose `nonce` is base64url(SHA-256(blindedMessage))). The node records `ballots.issueToken` (census member hash only) signed with its issuer key, then answers `{ process, blindSignature }` (RFC 9474 BlindSign). It sees only the blinded message; the wallet unblinds.",
    parameters: [process],
    responses: [{ status: 200, description: '`{ process, blindSignature }`' }],
    errors: [
      'INVALID_REQUEST',
      'INVALID_JSON',
      'NOT_FOUND',
      'NOT_IN_CENSUS',
      'PRESENTATION_REJECTED',
      'TOKEN_ALREADY_ISSUED',
      'BALLOT_NOT_OPEN',
      'ISSUER_NOT_CONFIGURED',
      'UNAUTHORISED',
    ],
  },
]
