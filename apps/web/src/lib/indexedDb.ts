// A small key-value layer over IndexedDB, shared by the app's stores. Values
// are stored by structured clone, so a non-extractable CryptoKey never exists
// as bytes in JavaScript: it can sign, but cannot be read out.

/** The operations of one database's object stores. */
export interface KeyValueStore<S extends string> {
  get<T>(store: S, key: string): Promise<T | undefined>
  put(store: S, key: string, value: unknown): Promise<void>
  delete(store: S, key: string): Promise<void>
  all<T>(store: S): Promise<T[]>
}

/**
 * Opens (lazily, once) an IndexedDB database with the named object stores.
 *
 * @example const db = createKeyValueStore({ name: 'tabularium', stores: ['keys'] }); await db.put('keys', 'k', key)
 */
export function createKeyValueStore<const S extends string>(p: {
  name: string
  stores: readonly S[]
}): KeyValueStore<S> {
  let opened: Promise<IDBDatabase> | undefined
  const open = () => {
    opened ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(p.name, 1)
      request.onupgradeneeded = () => {
        for (const name of p.stores) {
          if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
        }
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    return opened
  }
  const run = <T>(store: S, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const request = act(db.transaction(store, mode).objectStore(store))
          request.onsuccess = () => resolve(request.result as T)
          request.onerror = () => reject(request.error)
        }),
    )
  return {
    get: (store, key) => run(store, 'readonly', (s) => s.get(key)),
    put: (store, key, value) => run<unknown>(store, 'readwrite', (s) => s.put(value, key)).then(() => undefined),
    delete: (store, key) => run<unknown>(store, 'readwrite', (s) => s.delete(key)).then(() => undefined),
    all: (store) => run(store, 'readonly', (s) => s.getAll()),
  }
}
