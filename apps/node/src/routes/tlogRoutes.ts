import { gzipSync } from 'node:zlib'
import type { Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { parseTilePath, tileExists } from '../tlog/parseTilePath.js'

/** Tiles and bundles never change once they exist (C2SP tlog-tiles: "immutable"). */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The log as C2SP tlog-tiles under /tlog/: `checkpoint` (mutable, not cached),
 * `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]` (immutable; entry
 * bundles gzipped when the client accepts it). A path that names no tile of
 * the current tree is NOT_FOUND.
 *
 * @example app.route('/', tlogRoutes({ ledger }))
 */
export function tlogRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/tlog/checkpoint', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.body(ledger.checkpoint().note, 200, { 'Content-Type': 'text/plain; charset=utf-8' })
  })
  app.get('/tlog/tile/*', (c) => {
    const tile = parseTilePath(c.req.path.slice('/tlog/tile/'.length))
    if (tile === undefined || !tileExists(tile, ledger.checkpoint().treeSize)) {
      throw new ProtocolError('NOT_FOUND', 'no such tile')
    }
    let bytes =
      tile.level === 'entries'
        ? ledger.entryBundle(tile.index, tile.width)
        : ledger.tile(tile.level, tile.index, tile.width)
    c.header('Cache-Control', IMMUTABLE)
    c.header('Content-Type', 'application/octet-stream')
    if (tile.level === 'entries') {
      c.header('Vary', 'Accept-Encoding')
      if (/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
        bytes = gzipSync(bytes)
        c.header('Content-Encoding', 'gzip')
      }
    }
    return c.body(bytes as Uint8Array<ArrayBuffer>)
  })
  return app
}
