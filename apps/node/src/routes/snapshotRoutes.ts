import { randomUUID } from 'node:crypto'
import { createReadStream, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { backupLedgerFile } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { removeStaleFiles } from '../joining/removeStaleFiles.js'

/** Where a node's snapshots come from: its ledger file, copied into `tempDir` (same disk, room for a copy). */
export interface SnapshotSource {
  ledgerPath: string
  tempDir: string
}

/** The media type of a SQLite database file (IANA). */
export const SQLITE_MEDIA_TYPE = 'application/vnd.sqlite3'

/**
 * `GET /v1/snapshot`: a consistent copy of this node's ledger file for a
 * joining member's node (apps/node README, "Joining a network"). The copy is
 * made with SQLite's online backup in a worker thread — the node keeps
 * committing — into a temporary file that is streamed, then deleted. One at
 * a time (a copy costs a full read of the file and its size on disk):
 * another request meanwhile gets OVERLOADED. The joining node trusts nothing
 * in it before verifying it whole.
 *
 * @example app.route('/', snapshotRoutes({ source: { ledgerPath, tempDir: dataDir } }))
 */
export function snapshotRoutes({
  source,
  stallMs = 30_000,
}: {
  source: SnapshotSource | undefined
  /** A client that reads nothing for this long loses its copy and frees the one slot. */
  stallMs?: number
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  if (source !== undefined) removeStaleFiles(source.tempDir, '.snapshot-')
  let busy = false
  app.get('/v1/snapshot', async (c) => {
    if (source === undefined) throw new ProtocolError('NOT_FOUND', 'this node serves no snapshots')
    if (busy) throw new ProtocolError('OVERLOADED', 'a snapshot is being made for another node; one at a time')
    busy = true
    const temp = join(source.tempDir, `.snapshot-${randomUUID()}.sqlite`)
    let released = false
    const release = () => {
      if (released) return
      released = true
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true })
      busy = false
    }
    try {
      const copy = await backupLedgerFile({ path: source.ledgerPath, to: temp })
      c.var.log.info({ ...copy }, 'snapshot made')
      const stream = createReadStream(temp)
      // Once the last byte is read (the open stream keeps the unlinked file readable), or the client went away.
      stream.once('end', release)
      stream.once('close', release)
      abortWhenStalled(stream, stallMs, () => c.var.log.warn({ stallMs }, 'a snapshot download stalled; aborted'))
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        headers: {
          'Content-Type': SQLITE_MEDIA_TYPE,
          'Content-Length': String(copy.bytes),
          'Content-Disposition': `attachment; filename="ledger-${copy.treeSize}.sqlite"`,
          'Cache-Control': 'no-store',
          'X-Tabularium-Tree-Size': String(copy.treeSize),
        },
      })
    } catch (error) {
      release()
      throw error
    }
  })
  return app
}

// Polls the bytes read rather than listening to `data`, which would take the
// stream out of the web stream's backpressure.
function abortWhenStalled(stream: ReturnType<typeof createReadStream>, stallMs: number, onAbort: () => void): void {
  let seen = -1
  const timer = setInterval(() => {
    if (stream.bytesRead !== seen) {
      seen = stream.bytesRead
      return
    }
    clearInterval(timer)
    onAbort()
    stream.destroy()
  }, stallMs)
  timer.unref()
  stream.once('close', () => clearInterval(timer))
}
