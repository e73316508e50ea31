import { toBase64 } from '@tabularium/core'
import { MAX_NOTE_SIZE, MAX_WITNESS_PROOF_LINES, TLOG_SIZE_CONTENT_TYPE } from '@tabularium/log'
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { readLimited } from '../http/readJsonBody.js'
import type { Witness, WitnessAnswer } from '../witness/createWitness.js'
import type { WitnessPusher } from '../witness/createWitnessPusher.js'

/** Largest add-checkpoint body: the old size line, 63 proof lines and the largest note. */
export const MAX_ADD_CHECKPOINT_BYTES = 32 + MAX_WITNESS_PROOF_LINES * 45 + MAX_NOTE_SIZE

/** Options of `witnessRoutes`. */
export interface WitnessRoutesParameters {
  /** This node as a witness; without it, add-checkpoint knows no log (404). */
  witness?: Witness | undefined
  /** The outside witnesses this node pushes to. */
  pusher?: WitnessPusher | undefined
}

/**
 * POST /add-checkpoint, the C2SP tlog-witness endpoint, which answers in the
 * protocol's terms (its status codes, plain-text bodies, `text/x.tlog.size`
 * for a 409 with the witness's size), not with catalogue errors; and
 * GET /v1/witnesses: what this node witnesses, and the outside witnesses'
 * cosignatures of its own checkpoints.
 *
 * @example app.route('/', witnessRoutes({ witness, pusher }))
 */
export function witnessRoutes({ witness, pusher }: WitnessRoutesParameters): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.post('/add-checkpoint', async (c) => {
    const body = await readBody(c.req.raw)
    if (body === undefined) {
      // What is left of an oversized body is not read: the connection cannot carry another request.
      c.header('Connection', 'close')
      return plain(c, 400, 'the body is too large or not UTF-8')
    }
    if (witness === undefined) return plain(c, 404, 'this node witnesses no log')
    return answer(c, await witness.addCheckpoint(body))
  })
  app.get('/v1/witnesses', (c) =>
    c.json({
      witness:
        witness === undefined
          ? null
          : {
              key: witness.verifierKey,
              logs: witness.witnessed().map(({ origin, treeSize, rootHash, recordedAt }) => ({
                origin,
                treeSize,
                rootHash: toBase64(rootHash),
                recordedAt,
              })),
            },
      witnesses: pusher?.status() ?? [],
    }),
  )
  return app
}

async function readBody(request: Request): Promise<string | undefined> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > MAX_ADD_CHECKPOINT_BYTES) return undefined
  try {
    const bytes = await readLimited(request.body, MAX_ADD_CHECKPOINT_BYTES)
    // ignoreBOM keeps a byte-order mark, so that "\uFEFFold 0" is refused like any other first line.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function answer(c: Context<AppEnv>, result: WitnessAnswer): Response {
  c.header('Cache-Control', 'no-store')
  if (result.outcome === 'cosigned') return plain(c, 200, result.signatures.join(''), false)
  if (result.outcome === 'size_mismatch') {
    return c.body(`${result.witnessSize}\n`, 409, { 'Content-Type': TLOG_SIZE_CONTENT_TYPE })
  }
  if (result.status === 503) c.header('Retry-After', '1')
  return plain(c, result.status, result.reason)
}

function plain(
  c: Context<AppEnv>,
  status: 200 | 400 | 403 | 404 | 409 | 422 | 503,
  text: string,
  newline = true,
): Response {
  return c.body(newline ? `${text}\n` : text, status, { 'Content-Type': 'text/plain; charset=utf-8' })
}
