import { canonicalBytes, didKeyFromJwk, fromBase64Url, toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import {
  createEd25519Cosigner,
  createEd25519NoteSigner,
  createMemoryTree,
  createReceipt,
  formatCheckpoint,
  type Receipt,
  signNote,
} from '@tabularium/log'
import {
  type Genesis,
  type LogEntry,
  type SignedTransaction,
  transactionId,
  transactionSigningInput,
} from '@tabularium/protocol'

const ORIGIN = 'tabularium.test/sdk'

/** What `createReceiptFixture` builds: a genesis, a log of real entries and their receipts. */
export interface ReceiptFixture {
  genesis: Genesis
  entries: LogEntry[]
  leaves: Uint8Array[]
  receipts: Receipt[]
  tree: ReturnType<typeof createMemoryTree>
  /** Signs a checkpoint of the tree at `treeSize` with the log key and `witnesses` cosigners. */
  checkpoint(p: { treeSize: number; witnesses?: number }): string
  /** Builds a signed transaction by the fixture's author. */
  sign(tx: LogEntry['tx']): SignedTransaction
}

/**
 * A network of three members (quorum 2) whose log holds `size` real notary
 * entries, with receipts against a checkpoint cosigned by two witnesses —
 * real keys and signatures, so verification is tested end to end offline.
 */
export function createReceiptFixture({ size = 5 }: { size?: number } = {}): ReceiptFixture {
  const seed = () => fromBase64Url(generateKeyPair({ algorithm: 'EdDSA' }).privateJwk.d)
  const log = createEd25519NoteSigner({ name: ORIGIN, privateKey: seed() })
  const witnesses = ['a', 'b', 'c'].map((id) =>
    createEd25519Cosigner({ name: `${ORIGIN}/witness/${id}`, privateKey: seed(), now: () => 1_700_000_000 }),
  )
  const author = generateKeyPair({ algorithm: 'EdDSA' })
  const genesis: Genesis = {
    v: 1,
    network: 'sdk-test',
    origin: ORIGIN,
    createdAt: '2026-01-01T00:00:00.000Z',
    members: witnesses.map((w, i) => ({
      id: ['a', 'b', 'c'][i] as string,
      name: `Member ${i}`,
      did: didKeyFromJwk(author.publicJwk),
      logKey: log.verifierKey,
      witnessKey: w.verifierKey,
    })),
    governanceThreshold: 2,
    witnessQuorum: 2,
    roles: {},
    memberRoles: [],
  }
  const did = didKeyFromJwk(author.publicJwk)
  const sign = (tx: LogEntry['tx']) => ({
    tx,
    sig: toBase64Url(signBytes({ privateJwk: author.privateJwk, data: transactionSigningInput(tx) })),
  })
  const tree = createMemoryTree()
  const entries: LogEntry[] = []
  const leaves: Uint8Array[] = []
  for (let i = 0; i < size; i++) {
    const signed = sign({
      v: 1,
      network: 'sdk-test',
      module: 'notary',
      action: 'stamp',
      args: { hash: String(i).padStart(64, '0') },
      signer: did,
      nonce: `n${i}`,
      expires: '2030-01-01T00:00:00.000Z',
    })
    const entry: LogEntry = {
      v: 1,
      txid: transactionId(signed),
      ...signed,
      time: '2026-01-01T00:00:00.000Z',
      block: 1,
      outcome: { status: 'accepted', events: '00'.repeat(32) },
      state: '11'.repeat(32),
    }
    entries.push(entry)
    leaves.push(canonicalBytes(entry))
    tree.append(canonicalBytes(entry))
  }
  const checkpoint = ({ treeSize, witnesses: count = 2 }: { treeSize: number; witnesses?: number }) =>
    signNote({
      text: formatCheckpoint({ origin: ORIGIN, treeSize, rootHash: tree.root({ treeSize }) }),
      signers: [log, ...witnesses.slice(0, count)],
    })
  const note = checkpoint({ treeSize: size })
  const receipts = entries.map((entry, index) =>
    createReceipt({
      txid: entry.txid,
      leaf: leaves[index] as Uint8Array,
      index,
      treeSize: size,
      inclusionProof: tree.inclusionProof({ index }),
      checkpoint: note,
    }),
  )
  return { genesis, entries, leaves, receipts, tree, checkpoint, sign }
}
