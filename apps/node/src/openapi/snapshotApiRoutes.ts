import { SQLITE_MEDIA_TYPE } from '../routes/snapshotRoutes.js'
import type { ApiRoute } from './apiRoutes.js'

/**
 * The route a joining member's node downloads its starting ledger from.
 *
 * @example SNAPSHOT_ROUTES.map((r) => r.path) // ['/v1/snapshot']
 */
export const SNAPSHOT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/v1/snapshot',
    operationId: 'getSnapshot',
    tag: 'network',
    summary: "A consistent copy of this node's ledger file, for a joining member's node",
    description:
      "The SQLite ledger file as of one commit (SQLite online backup, made in a worker thread while the node keeps committing), streamed with `Content-Length` and `X-Tabularium-Tree-Size`. One at a time: a request while a copy is being made or sent gets OVERLOADED, and a client that reads nothing for 30 s loses its copy (the slot is freed). A node started with `joinFrom` downloads it, verifies it completely (schema, integrity, `auditLedger`: every leaf, proof, signature and re-execution; the head's member signatures) and only then installs it. Everything in it is public ledger data (personal data lives in the vault, a separate file); the copy costs a full read of the file and its size on disk, so operators may restrict the route at their proxy.",
    responses: [{ status: 200, description: 'The ledger file', contentType: SQLITE_MEDIA_TYPE }],
    errors: ['OVERLOADED', 'NOT_FOUND'],
  },
]
