import type { KeyShare, Token } from '@tabularium/voting'
import type { Receipt } from '../lib/receipt.js'

// What the ballots pages keep on this device, in their own IndexedDB
// database (`tabularium-ballots`), so that this feature's schema never
// collides with the app's: the wallet's tokens and vote receipts, and the
// console's trustee shares (secret: they never leave this browser except in
// a backup file the trustee downloads).

const DB_NAME = 'tabularium-ballots'
const STORES = ['tokens', 'votes', 'trustee'] as const
type StoreName = (typeof STORES)[number]
let dbPromise: Promise<IDBDatabase> | undefined

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      for (const name of STORES)
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  return dbPromise
}

function run<T>(store: StoreName, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = act(db.transaction(store, mode).objectStore(store))
        request.onsuccess = () => resolve(request.result as T)
        request.onerror = () => reject(request.error)
      }),
  )
}

const get = <T>(store: StoreName, key: string) => run<T | undefined>(store, 'readonly', (s) => s.get(key))
const put = (store: StoreName, key: string, value: unknown) =>
  run<unknown>(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined)
const all = <T>(store: StoreName) => run<T[]>(store, 'readonly', (s) => s.getAll())

/** An eligibility token of this wallet for one process (ballot or petition). */
export interface HeldToken {
  process: string
  token: Token
  obtainedAt: string
}

/** A vote (or petition signature) this wallet cast, with its receipt. */
export interface CastVote {
  process: string
  kind: 'ballot' | 'petition'
  title: string
  nullifier: string
  receipt: Receipt
  castAt: string
}

/** A trustee's key material for one ballot, kept by the console that registered it. */
export interface TrusteeRecord {
  ballot: string
  trustee: string
  /** This trustee's ceremony key: the secret opens the shares the dealers encrypted to it on the ledger. */
  ceremonyKey: { secret: string; publicKey: string }
  /** Shares received from each dealer, decrypted and verified (member id → share for this trustee). */
  received: Record<string, KeyShare>
  /** The joint share (the sum of the qualified dealers' shares), once the key is fixed. */
  share: KeyShare | null
}

export const getToken = (process: string) => get<HeldToken>('tokens', process)
export const saveToken = (token: HeldToken) => put('tokens', token.process, token)
export const getVote = (process: string) => get<CastVote>('votes', process)
export const saveVote = (vote: CastVote) => put('votes', vote.process, vote)
export const listVotes = () => all<CastVote>('votes')
export const getTrustee = (ballot: string) => get<TrusteeRecord>('trustee', ballot)
export const saveTrustee = (record: TrusteeRecord) => put('trustee', record.ballot, record)
