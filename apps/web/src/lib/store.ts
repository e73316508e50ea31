import type { Receipt } from './receipt.js'

// One IndexedDB database for the app. CryptoKey objects are stored as they
// are (structured clone), so a non-extractable key never exists as bytes in
// JavaScript: it can sign, but cannot be read out.

const DB_NAME = 'tabularium'
const STORES = ['keys', 'receipts'] as const
type StoreName = (typeof STORES)[number]

let dbPromise: Promise<IDBDatabase> | undefined

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      for (const name of STORES) {
        if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
      }
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

/** Reads a value. */
export function getItem<T>(store: StoreName, key: string): Promise<T | undefined> {
  return run<T | undefined>(store, 'readonly', (s) => s.get(key))
}

/** Writes a value. */
export function putItem(store: StoreName, key: string, value: unknown): Promise<void> {
  return run<unknown>(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined)
}

/** Deletes a value. */
export function deleteItem(store: StoreName, key: string): Promise<void> {
  return run<unknown>(store, 'readwrite', (s) => s.delete(key)).then(() => undefined)
}

/** Every value of a store. */
export function allItems<T>(store: StoreName): Promise<T[]> {
  return run<T[]>(store, 'readonly', (s) => s.getAll())
}

/** A receipt kept on this device, with when it was saved. */
export interface SavedReceipt {
  receipt: Receipt
  savedAt: string
  label?: string
}

/** Saves a receipt on this device (the wallet lists them). */
export function saveReceipt(receipt: Receipt, label?: string): Promise<void> {
  const item: SavedReceipt = { receipt, savedAt: new Date().toISOString(), ...(label ? { label } : {}) }
  return putItem('receipts', receipt.txid, item)
}
