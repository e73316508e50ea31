import { createKeyValueStore } from './indexedDb.js'
import type { Receipt } from './receipt.js'

// One IndexedDB database for the app: the signing keys and saved receipts.
const db = createKeyValueStore({ name: 'tabularium', stores: ['keys', 'receipts'] })
type StoreName = 'keys' | 'receipts'

/** Reads a value. */
export function getItem<T>(store: StoreName, key: string): Promise<T | undefined> {
  return db.get<T>(store, key)
}

/** Writes a value. */
export function putItem(store: StoreName, key: string, value: unknown): Promise<void> {
  return db.put(store, key, value)
}

/** Deletes a value. */
export function deleteItem(store: StoreName, key: string): Promise<void> {
  return db.delete(store, key)
}

/** Every value of a store. */
export function allItems<T>(store: StoreName): Promise<T[]> {
  return db.all<T>(store)
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
