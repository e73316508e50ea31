import { fromBase64Url } from '@tabularium/core'
import { ProtocolError } from '@tabularium/protocol'
import { checkShape } from '../../admission/checkShape.js'
import type { Admitted } from '../../admission/createAdmission.js'
import { createSignerResolver } from '../../admission/createSignerResolver.js'
import { sha256Hex } from '../../executor/digests.js'
import type { PendingTransaction } from '../../sequencer/createBlockCommitter.js'
import type { VerifierPool } from '../../workers/createVerifierPool.js'

/** One transaction of a consumed batch, after the checks every node makes alike. */
export type CheckedTransaction =
  | { ok: true; admitted: Admitted; own: PendingTransaction | undefined }
  | { ok: false; own: PendingTransaction | undefined; error: ProtocolError }

/** Parameters of `checkBatch`. */
export interface CheckBatchParameters {
  txs: readonly unknown[]
  network: string
  /** The block's time: expiry is judged against it, never against a local clock. */
  timeMs: number
  pool: VerifierPool
  /** Transactions this node admitted and proposed, by txid (already verified here). */
  awaiting: ReadonlyMap<string, PendingTransaction>
  /** True when the pair is stored and still unexpired at `timeMs` (same rule as auditLedger). */
  isStoredUnexpired(signer: string, nonce: string, timeMs: number): boolean
}

const SIGNING_PREFIX = Buffer.from('tabularium/transaction/v1\n')

/**
 * The deterministic admission of a consumed batch: every node takes or drops
 * each transaction alike, whoever proposed it. Dropped (never appended): bad
 * shape, other network, unresolvable signer, bad signature, expired at the
 * block's time, or a (signer, nonce) pair already used — in an earlier block
 * or earlier in this batch (a batch written twice, or one transaction sent to
 * two nodes). Module, action, arguments and access are the executor's: it
 * logs those as rejected entries. Throws only if the signature workers fail,
 * so the caller retries rather than decide differently from other nodes.
 *
 * @example const checked = await checkBatch({ txs, network, timeMs, pool, awaiting, isStoredUnexpired })
 */
export async function checkBatch(p: CheckBatchParameters): Promise<CheckedTransaction[]> {
  const resolveSigner = createSignerResolver()
  const staged = p.txs.map((value) => stage(p, resolveSigner, value))
  const foreign = staged.filter(
    (s): s is Staged & { admitted: Admitted } => s.admitted !== undefined && s.own === undefined,
  )
  const flags = await p.pool.verify(
    foreign.map((s) => ({
      publicJwk: s.admitted.publicJwk,
      data: s.admitted.signingInput,
      signature: s.admitted.signature,
    })),
  )
  if (flags.length !== foreign.length) throw new Error('signature verification failed to run')
  foreign.forEach((s, i) => {
    if (flags[i] !== true)
      s.error = new ProtocolError('INVALID_SIGNATURE', "the signature does not verify with the signer's key")
  })
  const used = new Set<string>()
  return staged.map((s): CheckedTransaction => {
    if (s.admitted === undefined || s.error !== undefined) {
      return { ok: false, own: s.own, error: s.error ?? new ProtocolError('INVALID_REQUEST', 'malformed transaction') }
    }
    const { tx } = s.admitted
    const key = `${tx.signer}\0${tx.nonce}`
    if (!(s.admitted.expiresMs > p.timeMs)) {
      return {
        ok: false,
        own: s.own,
        error: new ProtocolError('EXPIRED', '`expires` passed before the block was ordered'),
      }
    }
    if (used.has(key) || p.isStoredUnexpired(tx.signer, tx.nonce, p.timeMs)) {
      return {
        ok: false,
        own: s.own,
        error: new ProtocolError('REPLAYED', 'this (signer, nonce) pair was already used'),
      }
    }
    used.add(key)
    return { ok: true, admitted: s.admitted, own: s.own }
  })
}

interface Staged {
  admitted: Admitted | undefined
  own: PendingTransaction | undefined
  error: ProtocolError | undefined
}

function stage(
  p: CheckBatchParameters,
  resolveSigner: ReturnType<typeof createSignerResolver>,
  value: unknown,
): Staged {
  let shaped: ReturnType<typeof checkShape>
  try {
    shaped = checkShape(value)
  } catch (error) {
    return { admitted: undefined, own: undefined, error: asProtocolError(error) }
  }
  const own = p.awaiting.get(sha256Hex(shaped.signedJcs))
  // Ours: admitted and verified here already; the same object keeps its parsed args.
  if (own !== undefined) return { admitted: own.admitted, own, error: undefined }
  const { signed, txJcs, signedJcs } = shaped
  try {
    if (signed.tx.network !== p.network)
      throw new ProtocolError('WRONG_NETWORK', 'the transaction is for another network')
    const expiresMs = Date.parse(signed.tx.expires)
    if (!Number.isFinite(expiresMs)) throw new ProtocolError('INVALID_REQUEST', '`expires` is not a date')
    const admitted: Admitted = {
      txid: sha256Hex(signedJcs),
      tx: signed.tx,
      sig: signed.sig,
      txJcs,
      publicJwk: resolveSigner(signed.tx.signer),
      signingInput: Buffer.concat([SIGNING_PREFIX, Buffer.from(txJcs)]),
      signature: decodeSignature(signed.sig),
      expiresMs,
    }
    return { admitted, own: undefined, error: undefined }
  } catch (error) {
    return { admitted: undefined, own: undefined, error: asProtocolError(error) }
  }
}

function decodeSignature(sig: string): Uint8Array {
  try {
    return fromBase64Url(sig)
  } catch {
    return new Uint8Array(0) // undecodable: the verification refuses it
  }
}

function asProtocolError(error: unknown): ProtocolError {
  return error instanceof ProtocolError ? error : new ProtocolError('INVALID_REQUEST', 'the transaction is malformed')
}
