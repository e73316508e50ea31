import { fromBase64Url, isBaseError, jwkFromDidKey, toBase64, verifyBytes } from '@tabularium/core'
import { type Checkpoint, verifyReceipt } from '@tabularium/log'
import { type Genesis, type LogEntry, transactionSigningInput } from '@tabularium/protocol'
import { SdkError, type SdkErrorCode } from '../errors.js'
import { decodeLeaf } from './decodeLeaf.js'
import { trustFromGenesis } from './trustFromGenesis.js'

/** What a valid receipt proves. */
export interface VerifiedReceipt {
  /** The decoded log entry: the signed transaction, its time and outcome. */
  entry: LogEntry
  index: number
  treeSize: number
  /** Base64 root hash of the checkpoint. */
  rootHash: string
  checkpoint: Checkpoint
  /** Ids of the members whose witnesses cosigned the checkpoint. */
  cosigners: string[]
}

/**
 * Verifies a receipt offline against a network's genesis, treating the
 * receipt as hostile: the checkpoint's log signature and witness quorum, the
 * inclusion proof (both via `verifyReceipt` of `@tabularium/log`), then that
 * the leaf is a canonical log entry of this network whose transaction hashes
 * to the receipt's txid and carries a valid signature by its signer.
 * Throws an `SdkError` whose code names the check that failed.
 *
 * @example
 * const { entry, index, cosigners } = verifyReceiptAgainstGenesis({ receipt, genesis })
 * entry.tx.args.hash // the stamped document hash
 */
export function verifyReceiptAgainstGenesis({
  receipt,
  genesis,
}: {
  receipt: unknown
  genesis: Genesis | unknown
}): VerifiedReceipt {
  const trust = trustFromGenesis(genesis)
  const verified = wrapLogErrors(() => verifyReceipt({ receipt, trust }))
  const entry = decodeLeaf({ leaf: verified.leaf })
  const claimed = (receipt as { txid: string }).txid
  if (entry.txid !== claimed) {
    throw new SdkError('TXID_MISMATCH', `the receipt names txid ${claimed} but its leaf holds ${entry.txid}`)
  }
  const network = (genesis as Genesis).network
  if (entry.tx.network !== network) {
    throw new SdkError('WRONG_NETWORK', `the entry is for network ${entry.tx.network}, not ${network}`)
  }
  checkSignature(entry)
  return {
    entry,
    index: verified.index,
    treeSize: verified.treeSize,
    rootHash: toBase64(verified.checkpoint.rootHash),
    checkpoint: verified.checkpoint,
    cosigners: verified.cosigners.map((name) => trust.witnessMembers[name] ?? name),
  }
}

/** The architecture's name for the same check (docs/architecture.md). */
export const verifyReceiptWithGenesis = verifyReceiptAgainstGenesis

// The ledger checked the signature at admission; checking it again here means
// a receipt proves the author signed, without trusting the node for it.
function checkSignature(entry: LogEntry): void {
  let ok = false
  try {
    const signature = fromBase64Url(entry.sig)
    ok = verifyBytes({ publicJwk: jwkFromDidKey(entry.tx.signer), data: transactionSigningInput(entry.tx), signature })
  } catch (cause) {
    throw new SdkError('INVALID_SIGNATURE', "the entry's signature or signer cannot be decoded", { cause })
  }
  if (!ok)
    throw new SdkError('INVALID_SIGNATURE', `the transaction's signature does not verify with ${entry.tx.signer}`)
}

function wrapLogErrors<T>(run: () => T): T {
  try {
    return run()
  } catch (cause) {
    if (!isBaseError(cause)) throw cause
    throw new SdkError(cause.code as SdkErrorCode, cause.message, {
      cause,
      ...(cause.details ? { details: cause.details } : {}),
    })
  }
}
