import type { ApiRoute } from './apiRoutes.js'

/**
 * Quorum finality and the members' nodes as this node sees them.
 *
 * @example FINALITY_ROUTES.map((r) => r.path) // ['/v1/checkpoints/final', …]
 */
export const FINALITY_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/checkpoints/final',
    operationId: 'getFinalCheckpoint',
    tag: 'log',
    summary: 'The latest checkpoint cosigned by a quorum of members',
    description:
      "Its note carries this node's log signature and the tlog-cosignatures of at least `witnessQuorum` members, so it verifies against the genesis alone. JSON by default; the note as text/plain with `Accept: text/plain`.",
    responses: [
      {
        status: 200,
        description: 'The final checkpoint',
        schema: 'FinalCheckpoint',
        contentType: 'application/json|text/plain',
      },
    ],
    errors: ['NOT_FOUND'],
  },
  {
    method: 'get',
    path: '/v1/checkpoints/final/history',
    operationId: 'listFinalCheckpoints',
    tag: 'log',
    summary: 'Final checkpoints, newest first, with who cosigned each',
    description: 'The most recent 200 are all kept; older ones are thinned to the first of each minute.',
    parameters: [
      {
        name: 'limit',
        in: 'query',
        description: 'At most this many (1–200, default 20).',
        schema: { type: 'integer' },
      },
    ],
    responses: [{ status: 200, description: 'Final checkpoints', schema: 'FinalCheckpointList' }],
    errors: ['INVALID_REQUEST'],
  },
  {
    method: 'get',
    path: '/v1/network/status',
    operationId: 'getNetworkStatus',
    tag: 'network',
    summary: "This node's health and how it sees the members' nodes",
    description:
      "Each member's node: `ok` (its cosignatures arrive and agree), `silent` (none for 10 s), `diverged` (it cosigned another root at the same size), `stopped` (it announced it stopped writing), `unknown`, or `self`. `health` is `stopped` with a reason when this node stopped writing.",
    responses: [{ status: 200, description: 'Network status', schema: 'NetworkStatus' }],
    errors: [],
  },
]
