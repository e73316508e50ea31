import { createWriteStream } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ProtocolError } from '@tabularium/protocol'
import { SQLITE_MEDIA_TYPE } from '../routes/snapshotRoutes.js'

/** Largest snapshot a node downloads by default (a runaway server must not fill the disk). */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 ** 3

/**
 * Downloads `GET /v1/snapshot` of the member node at `url` into the file
 * `to`, streamed (never held in memory) and counted: more than `maxBytes`
 * stops the download. Any failure — unreachable, an error answer, not a
 * SQLite file, too large, cut off — is SNAPSHOT_UNAVAILABLE.
 *
 * @example const { bytes } = await downloadSnapshot({ url: 'https://node.leuven.example', to: 'data/.join.sqlite' })
 */
export async function downloadSnapshot(p: {
  url: string
  to: string
  maxBytes?: number
  fetch?: typeof fetch
}): Promise<{ bytes: number; treeSize: number | undefined; durationMs: number }> {
  const started = performance.now()
  const source = snapshotUrl(p.url)
  let response: Response
  try {
    response = await (p.fetch ?? fetch)(source, { headers: { accept: SQLITE_MEDIA_TYPE } })
  } catch (error) {
    throw unavailable(`${source} is unreachable: ${(error as Error).message}`, { cause: error })
  }
  if (response.status !== 200 || response.body === null) {
    throw unavailable(`${source} answered ${response.status}`, {
      status: response.status,
      body: await excerpt(response),
    })
  }
  if (response.headers.get('content-type') !== SQLITE_MEDIA_TYPE) {
    await response.body.cancel()
    throw unavailable(`${source} did not answer with a ledger file (${SQLITE_MEDIA_TYPE})`)
  }
  const maxBytes = p.maxBytes ?? MAX_SNAPSHOT_BYTES
  let bytes = 0
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done(bytes > maxBytes ? unavailable(`the snapshot is larger than ${maxBytes} bytes`) : null, chunk)
    },
  })
  try {
    await pipeline(Readable.fromWeb(response.body as never), count, createWriteStream(p.to, { flags: 'wx' }))
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw unavailable(`the download from ${source} failed: ${(error as Error).message}`, { cause: error })
  }
  const declared = Number(response.headers.get('x-tabularium-tree-size') ?? Number.NaN)
  return {
    bytes,
    treeSize: Number.isSafeInteger(declared) ? declared : undefined,
    durationMs: Math.round(performance.now() - started),
  }
}

/** `<url>/v1/snapshot`, keeping a path prefix (a node behind a proxy at `https://host/ledger/`). */
function snapshotUrl(url: string): string {
  try {
    return new URL('v1/snapshot', url.endsWith('/') ? url : `${url}/`).toString()
  } catch (error) {
    throw unavailable(`${url} is not a URL`, { cause: error })
  }
}

async function excerpt(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 300)
  } catch {
    return ''
  }
}

function unavailable(message: string, extra: { cause?: unknown; status?: number; body?: string } = {}): ProtocolError {
  const { cause, ...details } = extra
  return new ProtocolError('SNAPSHOT_UNAVAILABLE', `no snapshot: ${message}`, {
    ...(Object.keys(details).length > 0 ? { details } : {}),
    ...(cause === undefined ? {} : { cause }),
  })
}
