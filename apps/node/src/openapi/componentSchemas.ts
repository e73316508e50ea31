import { ERROR_CATALOGUE, SignedTransactionSchema } from '@tabularium/protocol'
import { type JsonSchema, toJsonSchema } from '../modules/toJsonSchema.js'

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
const base64 = { type: 'string', contentEncoding: 'base64' }
const hex64 = { type: 'string', pattern: '^[0-9a-f]{64}$' }
const uint = { type: 'integer', minimum: 0 }
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
})

const catalogue = Object.entries(ERROR_CATALOGUE)
  .map(([code, { status, meaning }]) => `- \`${code}\` (${status}): ${meaning}`)
  .join('\n')

/**
 * The fixed component schemas of the OpenAPI document: the error body with
 * every catalogue code, transactions, entries, receipts, proofs.
 *
 * @example componentSchemas().Error.properties.code.enum // ['INVALID_JSON', …]
 */
export function componentSchemas(): Record<string, JsonSchema> {
  return {
    Error: {
      ...object(
        {
          code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE), description: `Stable error code:\n${catalogue}` },
          message: { type: 'string' },
          details: { type: 'object', additionalProperties: true },
        },
        ['code', 'message'],
      ),
      description: 'A refusal. The HTTP status follows from the code (docs/errors.md).',
    },
    ErrorBody: object({ error: ref('Error') }),
    SignedTransaction: toJsonSchema(SignedTransactionSchema),
    Batch: object({ transactions: { type: 'array', items: ref('SignedTransaction'), minItems: 1, maxItems: 1000 } }),
    Outcome: {
      oneOf: [
        object({ status: { const: 'accepted' }, events: hex64 }),
        object({ status: { const: 'rejected' }, code: { type: 'string' }, message: { type: 'string' } }),
      ],
    },
    LogEntry: object({
      v: { const: 1 },
      txid: hex64,
      tx: { type: 'object' },
      sig: { type: 'string' },
      time: { type: 'string', format: 'date-time' },
      block: uint,
      outcome: ref('Outcome'),
      state: hex64,
    }),
    Receipt: object({
      v: { const: 1 },
      txid: hex64,
      leaf: base64,
      index: uint,
      treeSize: uint,
      inclusionProof: { type: 'array', items: base64 },
      checkpoint: { type: 'string', description: 'C2SP signed note' },
    }),
    SubmitResult: {
      oneOf: [
        object({ ok: { const: true }, txid: hex64, index: uint, outcome: ref('Outcome'), receipt: ref('Receipt') }, [
          'ok',
          'txid',
          'index',
          'outcome',
        ]),
        object({ ok: { const: false }, txid: hex64, error: ref('Error') }, ['ok', 'error']),
      ],
    },
    SubmitResponse: object({ results: { type: 'array', items: ref('SubmitResult') }, error: ref('Error') }, [
      'results',
    ]),
    TransactionRecord: object({ index: uint, txid: hex64, entry: ref('LogEntry'), receipt: ref('Receipt') }),
    EntryPage: object({
      entries: { type: 'array', items: object({ index: uint, txid: hex64, entry: ref('LogEntry') }) },
      treeSize: uint,
    }),
    EntryRecord: object({ index: uint, txid: hex64, entry: ref('LogEntry'), leaf: base64 }),
    Checkpoint: object({
      treeSize: uint,
      rootHash: base64,
      stateDigest: hex64,
      note: { type: 'string' },
      time: { type: 'string' },
    }),
    InclusionProof: object({ index: uint, treeSize: uint, proof: { type: 'array', items: base64 } }),
    ConsistencyProof: object({ from: uint, to: uint, proof: { type: 'array', items: base64 } }),
    ModuleList: object({ modules: { type: 'array', items: { type: 'object' } } }),
    NetworkSummary: object({
      network: { type: 'string' },
      origin: { type: 'string' },
      createdAt: { type: 'string' },
      members: { type: 'array', items: { type: 'object' } },
      governanceThreshold: uint,
      witnessQuorum: uint,
      logKeys: { type: 'array', items: { type: 'string' } },
      witnessKeys: { type: 'array', items: { type: 'string' } },
    }),
    FinalCheckpoint: object({
      treeSize: uint,
      rootHash: base64,
      note: { type: 'string', description: 'C2SP signed note with the cosignatures of a quorum of members' },
      cosigners: { type: 'array', items: { type: 'string' }, description: 'Member ids' },
      time: { type: 'string' },
    }),
    FinalCheckpointList: object({ checkpoints: { type: 'array', items: ref('FinalCheckpoint') } }),
    NetworkStatus: object({
      network: { type: 'string' },
      orderer: { type: 'string', enum: ['embedded', 'etcd'] },
      health: object(
        {
          status: { type: 'string', enum: ['ok', 'stopped'] },
          reason: { type: 'string', enum: ['diverged', 'altered', 'commit-failed'] },
          message: { type: 'string' },
          since: { type: 'string' },
          details: { type: 'object' },
        },
        ['status'],
      ),
      treeSize: uint,
      final: { anyOf: [{ type: 'null' }, { type: 'object' }] },
      members: {
        type: 'array',
        items: object(
          {
            id: { type: 'string' },
            name: { type: 'string' },
            url: { type: 'string' },
            status: { type: 'string', enum: ['self', 'stopped', 'ok', 'silent', 'diverged', 'unknown'] },
            treeSize: uint,
            seenAt: { type: 'string' },
            divergedAt: uint,
            haltReason: { type: 'string' },
          },
          ['id', 'name', 'status'],
        ),
      },
    }),
    UiConfig: object({ network: { type: 'string' }, origin: { type: 'string' }, theme: { type: 'object' } }),
    Status: object({ status: { type: 'string' } }),
  }
}
