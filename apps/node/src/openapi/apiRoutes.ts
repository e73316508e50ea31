import type { ErrorCode } from '@tabularium/protocol'
import { BALLOT_ROUTES } from './ballotApiRoutes.js'
import { FINALITY_ROUTES } from './finalityApiRoutes.js'
import { FUNDING_ROUTES } from './fundingApiRoutes.js'
import { IDENTITY_ROUTES } from './identityRoutes.js'
import { SNAPSHOT_ROUTES } from './snapshotApiRoutes.js'
import { WITNESS_ROUTES } from './witnessApiRoutes.js'

/** A parameter of a route. */
export interface ApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  description: string
  schema: Record<string, unknown>
}

/** A success response of a route. */
export interface ApiResponse {
  status: number
  description: string
  /** A component schema name, for JSON; or a content type with a raw schema. */
  schema?: string
  contentType?: string
}

/** A route of the HTTP API, as the OpenAPI document describes it. */
export interface ApiRoute {
  method: 'get' | 'post'
  /** OpenAPI path template (`/v1/entries/{index}`). */
  path: string
  operationId: string
  tag: string
  summary: string
  description?: string
  parameters?: ApiParameter[]
  /** Component schema names accepted as the JSON body. */
  body?: string[]
  /** A body that is not JSON (the C2SP witness protocol's text). */
  textBody?: { contentType: string; description: string }
  responses: ApiResponse[]
  errors: ErrorCode[]
}

const uint = { type: 'integer', minimum: 0 }
const q = (
  name: string,
  description: string,
  schema: Record<string, unknown> = uint,
  required = false,
): ApiParameter => ({
  name,
  in: 'query',
  description,
  schema,
  required,
})
const p = (name: string, description: string, schema: Record<string, unknown> = uint): ApiParameter => ({
  name,
  in: 'path',
  description,
  schema,
  required: true,
})
const json = (schema: string, description: string, status = 200): ApiResponse => ({ status, description, schema })
const text = (description: string, contentType = 'text/plain'): ApiResponse => ({
  status: 200,
  description,
  contentType,
})
const tile = p(
  'tilePath',
  'The tile path after `tile/`: `<L>/<N>[.p/<W>]` or `entries/<N>[.p/<W>]`, N in 3-digit elements (`x001/x234/067`). Spans several path segments.',
  { type: 'string' },
)

/**
 * Every route the node serves except the web app's static files (docs/architecture.md, HTTP API).
 *
 * @example API_ROUTES.map((r) => `${r.method} ${r.path}`) // ['post /v1/transactions', …]
 */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/v1/transactions',
    operationId: 'submitTransactions',
    tag: 'transactions',
    summary: 'Submit one signed transaction or a batch of up to 1000',
    description:
      "Answers 200 when every item was ordered, 207 when some were refused, and when all were refused the status of the first item's code (its error is the body's `error`). With `wait=true` (the default) each ordered result carries its receipt.",
    parameters: [
      q(
        'wait',
        'Attach receipts to the results (default true); `final` waits (up to 10 s) until a quorum of members cosigned a checkpoint holding them and proves against it (`final: false` on a result when none came in time).',
        { type: 'string', enum: ['true', 'false', 'final'] },
      ),
    ],
    body: ['SignedTransaction', 'Batch'],
    responses: [
      json('SubmitResponse', 'Every transaction was ordered'),
      json('SubmitResponse', 'Some transactions were refused', 207),
    ],
    errors: [
      'INVALID_JSON',
      'INVALID_REQUEST',
      'INVALID_ENCODING',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'INVALID_DID',
      'INVALID_KEY',
      'INVALID_SIGNATURE',
      'UNSUPPORTED_ALGORITHM',
      'WRONG_NETWORK',
      'EXPIRED',
      'EXPIRY_TOO_FAR',
      'REPLAYED',
      'UNKNOWN_MODULE',
      'UNKNOWN_ACTION',
      'INVALID_ARGS',
      'UNAUTHORISED',
      'OVERLOADED',
      'NODE_STOPPED',
    ],
  },
  {
    method: 'get',
    path: '/v1/transactions/{txid}',
    operationId: 'getTransaction',
    tag: 'transactions',
    summary: 'A committed transaction by id, with its receipt',
    parameters: [p('txid', 'Hex SHA-256 of JCS({ tx, sig }).', { type: 'string', pattern: '^[0-9a-f]{64}$' })],
    responses: [json('TransactionRecord', 'The entry and its receipt')],
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/entries',
    operationId: 'listEntries',
    tag: 'log',
    summary: 'Log entries, paged',
    parameters: [
      q('from', 'First index (default 0).'),
      q('limit', 'At most this many (1–1000, default 100).', { type: 'integer', minimum: 1, maximum: 1000 }),
    ],
    responses: [json('EntryPage', 'A page of entries and the tree size')],
    errors: ['INVALID_REQUEST'],
  },
  {
    method: 'get',
    path: '/v1/entries/{index}',
    operationId: 'getEntry',
    tag: 'log',
    summary: 'One log entry with its leaf bytes',
    parameters: [p('index', 'Log index.')],
    responses: [json('EntryRecord', 'The entry')],
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/receipts/{index}',
    operationId: 'getReceipt',
    tag: 'log',
    summary: 'A receipt against the latest checkpoint, or the latest final one',
    parameters: [
      p('index', 'Log index.'),
      q('final', 'Prove against the latest checkpoint cosigned by a quorum of members.', {
        type: 'string',
        enum: ['true', 'false'],
      }),
    ],
    responses: [json('Receipt', 'The receipt, verifiable offline')],
    errors: ['INVALID_REQUEST', 'NOT_FOUND', 'NOT_FINAL'],
  },
  {
    method: 'get',
    path: '/v1/checkpoint',
    operationId: 'getCheckpoint',
    tag: 'log',
    summary: 'The latest checkpoint',
    description: 'JSON by default; the C2SP signed note as text/plain with `Accept: text/plain`.',
    responses: [
      { status: 200, description: 'The checkpoint', schema: 'Checkpoint', contentType: 'application/json|text/plain' },
    ],
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/proofs/inclusion',
    operationId: 'getInclusionProof',
    tag: 'log',
    summary: 'An inclusion proof (RFC 9162 §2.1.3)',
    parameters: [q('index', 'Log index.', uint, true), q('treeSize', 'Tree size (default: the latest).')],
    responses: [json('InclusionProof', 'The audit path')],
    errors: ['INVALID_REQUEST', 'INVALID_TREE_SIZE'],
  },
  {
    method: 'get',
    path: '/v1/proofs/consistency',
    operationId: 'getConsistencyProof',
    tag: 'log',
    summary: 'A consistency proof (RFC 9162 §2.1.4)',
    parameters: [
      q('from', 'The older tree size (≥ 1).', uint, true),
      q('to', 'The newer tree size (default: the latest).'),
    ],
    responses: [json('ConsistencyProof', 'The consistency path')],
    errors: ['INVALID_REQUEST', 'INVALID_TREE_SIZE'],
  },
  {
    method: 'get',
    path: '/v1/modules',
    operationId: 'listModules',
    tag: 'modules',
    summary: 'Modules, their actions (with access) and queries, with JSON Schemas',
    responses: [json('ModuleList', 'The installed modules')],
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/modules/{module}/queries/{name}',
    operationId: 'runQuery',
    tag: 'modules',
    summary: 'Run a module query',
    description:
      "Parameters come from the query string and are validated by the query's schema (components `<module>.<query>.params`).",
    parameters: [p('module', 'Module name.', { type: 'string' }), p('name', 'Query name.', { type: 'string' })],
    responses: [{ status: 200, description: "The query's JSON result" }],
    errors: ['INVALID_REQUEST', 'UNKNOWN_MODULE', 'UNKNOWN_QUERY'],
  },
  {
    method: 'get',
    path: '/v1/network',
    operationId: 'getNetwork',
    tag: 'network',
    summary: 'The network: members, quorum, log and witness keys',
    responses: [json('NetworkSummary', 'The genesis summary')],
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/config/ui',
    operationId: 'getUiConfig',
    tag: 'network',
    summary: 'The theme of the web app',
    responses: [json('UiConfig', 'Organisation name, logo and colours')],
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/events',
    operationId: 'streamEvents',
    tag: 'events',
    summary: 'Committed events as server-sent events',
    description:
      'Each committed ledger event is sent as `event: committed` with `id` = its log index and `data` = the CommittedEvent JSON; `: heartbeat` comments keep the stream alive.',
    responses: [text('An event stream', 'text/event-stream')],
    errors: ['OVERLOADED', 'NODE_STOPPED'],
  },
  {
    method: 'get',
    path: '/tlog/checkpoint',
    operationId: 'getTlogCheckpoint',
    tag: 'tlog',
    summary: 'C2SP tlog-tiles checkpoint (signed note)',
    responses: [text('The latest checkpoint; not cached')],
    errors: [],
  },
  {
    method: 'get',
    path: '/tlog/tile/{tilePath}',
    operationId: 'getTile',
    tag: 'tlog',
    summary: 'C2SP tlog-tiles hash tile or entry bundle',
    parameters: [tile],
    responses: [text('Tile bytes; immutable', 'application/octet-stream')],
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    tag: 'operations',
    summary: 'Liveness',
    responses: [json('Status', 'The process answers')],
    errors: [],
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    tag: 'operations',
    summary: 'Readiness: the ledger is open and writable',
    responses: [json('Status', 'Ready')],
    errors: ['NODE_STOPPED'],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'operations',
    summary: 'Prometheus metrics',
    responses: [text('Text exposition format 0.0.4')],
    errors: [],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    tag: 'operations',
    summary: 'This document',
    responses: [{ status: 200, description: 'OpenAPI 3.1' }],
    errors: [],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    tag: 'operations',
    summary: 'Browsable API documentation',
    responses: [text('An HTML page', 'text/html')],
    errors: [],
  },
  {
    method: 'get',
    path: '/docs/docs.js',
    operationId: 'getDocsScript',
    tag: 'operations',
    summary: 'Script of the docs page',
    responses: [text('JavaScript', 'text/javascript')],
    errors: [],
  },
  ...IDENTITY_ROUTES,
  ...FUNDING_ROUTES,
  ...BALLOT_ROUTES,
  ...FINALITY_ROUTES,
  ...WITNESS_ROUTES,
  ...SNAPSHOT_ROUTES,
]
