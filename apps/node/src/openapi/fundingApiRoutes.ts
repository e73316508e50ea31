import type { ApiParameter, ApiRoute } from './apiRoutes.js'

const path = (name: string, description: string): ApiParameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
})
const SIGNED =
  'Needs `Authorization: Tabularium <payload>.<sig>`: base64url of the JSON `{ did, path, expires }` (expires ≤ 5 min ahead) and of its signature under the `challenge` domain by the did:key (`verifyReadRequest` of @tabularium/module-grants).'

/**
 * Routes of the vouchers and grants modules that are not module queries.
 *
 * @example FUNDING_ROUTES.map((r) => r.path)
 */
export const FUNDING_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/v1/vouchers/funds/{fund}/eligibility',
    operationId: 'pseudonymiseEligibility',
    tag: 'vouchers',
    summary: 'Pseudonymise an uploaded eligibility CSV',
    description:
      "Body `{ csv, key }`: the municipality's CSV (header `id` and optionally `units` or `children`; `,` or `;`) and its 32-byte pseudonym key (base64url). Answers `{ fund, count, entries: [{ beneficiary, units }], batchSize }` — HMAC pseudonyms only, to be signed in `vouchers.addEligible` batches of ≤ 500. Nothing is stored.",
    parameters: [path('fund', 'Fund id.')],
    responses: [{ status: 200, description: 'The pseudonymous entries' }],
    errors: ['INVALID_REQUEST', 'INVALID_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/vouchers/issuer',
    operationId: 'getVoucherIssuer',
    tag: 'vouchers',
    summary: 'The key this node signs credential-fund vouchers with',
    description:
      "`{ did, signer }`: the node's issuer DID and the did:key that signs `vouchers.issueVouchers` for credential applications (null without `issuer-key.json`). Put `signer` in a credential fund's `managers` and give it role `vouchers:manager`.",
    responses: [{ status: 200, description: 'The issuer' }],
    errors: [],
  },
  {
    method: 'post',
    path: '/v1/vouchers/funds/{fund}/applications/challenge',
    operationId: 'createVoucherApplicationChallenge',
    tag: 'vouchers',
    summary: 'A challenge to apply to a credential fund',
    description:
      "Answers 201 `{ fund, nonce, expiresAt, audience, accepts }`: the wallet binds its presentation to `nonce` and `audience` (10 minutes, single use); `accepts` is the fund's eligibility rule (credential types, issuers).",
    parameters: [path('fund', 'Fund id.')],
    responses: [{ status: 201, description: 'The challenge' }],
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  {
    method: 'post',
    path: '/v1/vouchers/funds/{fund}/applications',
    operationId: 'applyToVoucherFund',
    tag: 'vouchers',
    summary: 'Apply to a credential fund with a presentation; the node issues the voucher',
    description:
      "Body `{ nonce, presentation }`: an SD-JWT VC presentation with a key-binding JWT, or a JWT VP, for the challenge's audience and nonce. The node verifies it (signature, validity, registry accreditation, schema, status, holder binding), applies the fund's rule and signs `vouchers.issueVouchers` with its issuer key: one voucher for the applicant's pseudonym, held by the presenting did:key. Answers 201 `{ fund, txid, voucher: { id, value, expiresAt, holder } }`. Only the pseudonym and the presentation's SHA-256 reach the ledger.",
    parameters: [path('fund', 'Fund id.')],
    responses: [{ status: 201, description: 'The voucher issued' }],
    errors: [
      'INVALID_REQUEST',
      'INVALID_JSON',
      'NOT_FOUND',
      'CONFLICT',
      'HOLDER_BINDING_INVALID',
      'NOT_ELIGIBLE',
      'ALREADY_EXISTS',
      'BUDGET_EXHAUSTED',
      'FUND_CLOSED',
      'ISSUER_NOT_CONFIGURED',
    ],
  },
  {
    method: 'get',
    path: '/v1/vouchers/settlements/{id}/pain.001',
    operationId: 'getSettlementPain001',
    tag: 'vouchers',
    summary: 'A settlement batch as a SEPA credit transfer file (ISO 20022 pain.001.001.03)',
    parameters: [path('id', 'Settlement id.')],
    responses: [{ status: 200, description: 'pain.001 XML', contentType: 'application/xml' }],
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/vouchers/settlements/{id}/csv',
    operationId: 'getSettlementCsv',
    tag: 'vouchers',
    summary: 'A settlement batch as CSV',
    parameters: [path('id', 'Settlement id.')],
    responses: [{ status: 200, description: 'One line per credit transfer', contentType: 'text/csv' }],
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/vouchers/spending.csv',
    operationId: 'getSpendingCsv',
    tag: 'vouchers',
    summary: 'Net spending by provider, category, day or month, as CSV',
    parameters: [
      { name: 'fund', in: 'query', description: 'Fund id (default: all).', schema: { type: 'string' } },
      {
        name: 'groupBy',
        in: 'query',
        required: true,
        description: 'provider, category, day or month.',
        schema: { type: 'string', enum: ['provider', 'category', 'day', 'month'] },
      },
    ],
    responses: [{ status: 200, description: 'CSV', contentType: 'text/csv' }],
    errors: ['INVALID_REQUEST', 'UNKNOWN_MODULE'],
  },
  {
    method: 'post',
    path: '/v1/grants/awards/{award}/credential',
    operationId: 'issueGrantAwardCredential',
    tag: 'grants',
    summary: "The award credential, for the awarded application's applicant",
    description: `Answers 201 \`{ award, credential }\`: a W3C VC as JWT (EBSI profile, type \`GrantAwardCredential\`) signed by this node's issuer key, about the applicant's DID, with call, organisation, project, amount, cost period and award date. ${SIGNED}`,
    parameters: [path('award', 'Award id.')],
    responses: [{ status: 201, description: 'The credential' }],
    errors: ['UNAUTHORISED', 'INVALID_REQUEST', 'NOT_FOUND', 'NOT_OWNER', 'ISSUER_NOT_CONFIGURED'],
  },
  {
    method: 'post',
    path: '/v1/grants/blobs',
    operationId: 'putGrantBlob',
    tag: 'grants',
    summary: "Store an application's sealed content; answers its commitment",
    description: `Body \`{ content }\` (base64, ≤ 1 MiB). Answers 201 \`{ commitment }\` (hex SHA-256) to put in \`grants.apply\`. Stored encrypted. ${SIGNED}`,
    responses: [{ status: 201, description: 'The commitment' }],
    errors: [
      'INVALID_REQUEST',
      'INVALID_JSON',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
      'UNAUTHORISED',
      'EXPIRED',
      'INVALID_SIGNATURE',
      'INVALID_DID',
    ],
  },
  {
    method: 'get',
    path: '/v1/grants/calls/{call}/applications/{application}/content',
    operationId: 'getGrantApplicationContent',
    tag: 'grants',
    summary: "An application's sealed content, for its applicant or, after the deadline, its evaluators",
    description: `Evaluators read only once the call is closed (the ledger closes it only after the deadline, by ledger time) and after declaring no conflict of interest. Answers \`{ call, application, content (base64) }\`. ${SIGNED}`,
    parameters: [path('call', 'Call id.'), path('application', 'Application id.')],
    responses: [{ status: 200, description: 'The content' }],
    errors: [
      'NOT_FOUND',
      'UNAUTHORISED',
      'EXPIRED',
      'INVALID_SIGNATURE',
      'INVALID_DID',
      'CALL_NOT_CLOSED',
      'CONFLICT_OF_INTEREST',
    ],
  },
]
