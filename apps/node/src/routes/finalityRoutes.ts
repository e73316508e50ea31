import { toBase64 } from '@tabularium/core'
import type { FinalCheckpoint, Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { indexString } from '../http/schemas.js'

const HistoryQuery = z.strictObject({ limit: indexString.pipe(z.number().int().min(1).max(200)).default(20) })

/**
 * Quorum finality and the network's health as this node sees it:
 * GET /v1/checkpoints/final (the latest checkpoint cosigned by a quorum of
 * members; its note as text/plain on `Accept: text/plain`),
 * /v1/checkpoints/final/history and /v1/network/status.
 *
 * @example app.route('/', finalityRoutes({ ledger }))
 */
export function finalityRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/v1/checkpoints/final', (c) => {
    const final = ledger.finalCheckpoint()
    if (final === undefined) throw new ProtocolError('NOT_FOUND', 'no checkpoint has been cosigned by a quorum yet')
    c.header('Cache-Control', 'no-cache')
    c.header('Vary', 'Accept')
    if ((c.req.header('accept') ?? '').split(',')[0]?.trim().startsWith('text/plain')) return c.text(final.note)
    return c.json(finalJson(final))
  })
  app.get('/v1/checkpoints/final/history', (c) => {
    const { limit } = parseInput({ schema: HistoryQuery, input: c.req.query(), what: 'query' })
    return c.json({ checkpoints: ledger.finalCheckpoints(limit).map(finalJson) })
  })
  app.get('/v1/network/status', (c) => {
    const stats = ledger.stats()
    const final = ledger.finalCheckpoint()
    c.header('Cache-Control', 'no-cache')
    return c.json({
      network: ledger.genesis.network,
      orderer: stats.orderer,
      health: ledger.health(),
      treeSize: stats.treeSize,
      final: final === undefined ? null : { treeSize: final.treeSize, cosigners: final.cosigners, time: final.time },
      members: ledger.members(),
    })
  })
  return app
}

function finalJson(final: FinalCheckpoint) {
  const { treeSize, rootHash, note, cosigners, time } = final
  return { treeSize, rootHash: toBase64(rootHash), note, cosigners, time }
}
