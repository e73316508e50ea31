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

/** Parameters of `prepareBatch`: the stateless half, which may run ahead of the commits. */
export interface PrepareBatchParameters {
  txs: readonly unknown[]
  network: string
  pool: VerifierPool
  /** Transactions this node admitted and proposed, by txid (verified already: not again). */
  awaiting: ReadonlyMap<string, PendingTransaction>
}

/** Parameters of `checkBatch`. */
export interface CheckBatchParameters {
  /** The block's time: expiry is judged against it, never against a local clock. */
  timeMs: number
  pool: VerifierPool
  /** Own transactions, by txid, as they stand when the batch is applied. */
  awaiting: ReadonlyMap<string, PendingTransaction>
  /** True when the pair is stored and still unexpired at `timeMs` (same rule as auditLedger). */
  isStoredUnexpired(signer: string, nonce: string, timeMs: number): boolean
}

/** A batch parsed and its foreign signatures checked, not yet judged against the ledger's state. */
export interface PreparedBatch {
  staged: Staged[]
}

const SIGNING_PREFIX = Buffer.from('tabularium/transaction/v1\n')

/**
 * The stateless half of a consumed batch's admission: shape, network,
 * signer, and the signatures of the transactions other nodes proposed —
 * pure functions of the bytes, so the consumer runs it for the next batch
 * (in the signature workers) while the main thread commits the current one.
 *
 * @example const prepared = prepareBatch({ txs, network, pool, awaiting })
 */
export async function prepareBatch(p: PrepareBatchParameters): Promise<PreparedBatch> {
  const resolveSigner = createSignerResolver()
  const staged = p.txs.map((value) => stage(p.network, resolveSigner, value))
  await verifySignatures(
    staged.filter((s) => s.admitted !== undefined && s.error === undefined && !p.awaiting.has(s.admitted.txid)),
    p.pool,
  )
  return { staged }
}

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
 * @example const checked = await checkBatch(await prepareBatch({ txs, network, pool, awaiting }), { timeMs, pool, awaiting, isStoredUnexpired })
 */
export async function checkBatch(prepared: PreparedBatch, p: CheckBatchParameters): Promise<CheckedTransaction[]> {
  await verifyLate(prepared, p)
  return judgeBatch(prepared, p)
}

/**
 * The asynchronous half of `checkBatch`: signatures of transactions that
 * were own when the batch was prepared and are not any more (answered
 * meanwhile), verified at admission but not by this node's consumer.
 */
export async function verifyLate(prepared: PreparedBatch, p: Pick<CheckBatchParameters, 'pool' | 'awaiting'>) {
  // Own now but not when prepared: verified at admission. Foreign now but own
  // when prepared (answered meanwhile): its signature is checked here.
  await verifySignatures(
    prepared.staged.filter(
      (s) => s.admitted !== undefined && s.verified === undefined && p.awaiting.get(s.admitted.txid) === undefined,
    ),
    p.pool,
  )
}

/**
 * The synchronous half of `checkBatch`, once `verifyLate` ran: every
 * transaction taken or dropped. Synchronous, so that a caller can run it in
 * one SQLite read transaction.
 */
export function judgeBatch(prepared: PreparedBatch, p: CheckBatchParameters): CheckedTransaction[] {
  const own = (s: Staged) => (s.admitted === undefined ? undefined : p.awaiting.get(s.admitted.txid))
  const used = new Set<string>()
  return prepared.staged.map((s): CheckedTransaction => {
    const mine = own(s)
    const admitted = mine?.admitted ?? s.admitted
    const error = mine === undefined && s.verified === false ? invalidSignature() : s.error
    if (admitted === undefined || error !== undefined) {
      return { ok: false, own: mine, error: error ?? new ProtocolError('INVALID_REQUEST', 'malformed transaction') }
    }
    const { tx } = admitted
    const key = `${tx.signer}\0${tx.nonce}`
    if (!(admitted.expiresMs > p.timeMs)) {
      return {
        ok: false,
        own: mine,
        error: new ProtocolError('EXPIRED', '`expires` passed before the block was ordered'),
      }
    }
    if (used.has(key) || p.isStoredUnexpired(tx.signer, tx.nonce, p.timeMs)) {
      return {
        ok: false,
        own: mine,
        error: new ProtocolError('REPLAYED', 'this (signer, nonce) pair was already used'),
      }
    }
    used.add(key)
    return { ok: true, admitted, own: mine }
  })
}

async function verifySignatures(staged: Staged[], pool: VerifierPool): Promise<void> {
  if (staged.length === 0) return
  const flags = await pool.verify(
    staged.map(({ admitted }) => {
      const a = admitted as Admitted
      return { publicJwk: a.publicJwk, data: a.signingInput, signature: a.signature }
    }),
  )
  if (flags.length !== staged.length) throw new Error('signature verification failed to run')
  staged.forEach((s, i) => {
    s.verified = flags[i] === true
  })
}

const invalidSignature = () =>
  new ProtocolError('INVALID_SIGNATURE', "the signature does not verify with the signer's key")

interface Staged {
  admitted: Admitted | undefined
  error: ProtocolError | undefined
  /** Set once the signature was checked in the workers. */
  verified?: boolean
}

function stage(network: string, resolveSigner: ReturnType<typeof createSignerResolver>, value: unknown): Staged {
  let shaped: ReturnType<typeof checkShape>
  try {
    shaped = checkShape(value)
  } catch (error) {
    return { admitted: undefined, error: asProtocolError(error) }
  }
  const { signed, txJcs, signedJcs } = shaped
  try {
    if (signed.tx.network !== network)
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
    return { admitted, error: undefined }
  } catch (error) {
    return { admitted: undefined, error: asProtocolError(error) }
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
