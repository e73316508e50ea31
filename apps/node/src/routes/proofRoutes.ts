import { toBase64 } from '@tabularium/core'
import type { Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { ConsistencyQuery, InclusionQuery } from '../http/schemas.js'

/**
 * GET /v1/proofs/inclusion and /v1/proofs/consistency (RFC 9162 §2.1.3–2.1.4),
 * against the latest checkpoint's size unless another is named.
 *
 * @example app.route('/', proofRoutes({ ledger }))
 */
export function proofRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/v1/proofs/inclusion', (c) => {
    const query = parseInput({ schema: InclusionQuery, input: c.req.query(), what: 'query' })
    const latest = ledger.checkpoint().treeSize
    const treeSize = query.treeSize ?? latest
    if (treeSize > latest || query.index >= treeSize) {
      throw outOfRange('index must be below treeSize, and treeSize at most the latest checkpoint', latest)
    }
    const proof = ledger.inclusionProof(query.index, treeSize)
    return c.json({ index: query.index, treeSize, proof: proof.map(toBase64) })
  })
  app.get('/v1/proofs/consistency', (c) => {
    const query = parseInput({ schema: ConsistencyQuery, input: c.req.query(), what: 'query' })
    const latest = ledger.checkpoint().treeSize
    const to = query.to ?? latest
    // RFC 9162 §2.1.4: a consistency proof exists for 0 < from ≤ to.
    if (query.from < 1 || query.from > to || to > latest) {
      throw outOfRange('need 1 ≤ from ≤ to ≤ the latest checkpoint size', latest)
    }
    const proof = ledger.consistencyProof(query.from, to)
    return c.json({ from: query.from, to, proof: proof.map(toBase64) })
  })
  return app
}

function outOfRange(message: string, treeSize: number): ProtocolError {
  return new ProtocolError('INVALID_TREE_SIZE', message, { details: { treeSize } })
}
