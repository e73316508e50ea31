// The wallet's credentials and pending requests, in IndexedDB beside the
// wallet key (database `tabularium-identity`, so that this feature's schema
// versions never collide with the app's `tabularium` database).

const DB_NAME = 'tabularium-identity'
const STORES = ['credentials', 'requests'] as const
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

/** A credential kept in the wallet, as issued (every SD-JWT disclosure included). */
export interface StoredCredential {
  id: string
  format: 'jwt_vc_json' | 'vc+sd-jwt'
  credential: string
  /** The credential configuration it was issued under. */
  configurationId: string
  receivedAt: string
}

/** A credential request waiting for the clerk. */
export interface StoredRequest {
  id: string
  created: string
}

/** Every credential in the wallet, newest first. */
export async function listCredentials(): Promise<StoredCredential[]> {
  const all = await run<StoredCredential[]>('credentials', 'readonly', (s) => s.getAll())
  return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
}

/** Keeps a credential. */
export function saveCredential(credential: StoredCredential): Promise<void> {
  return run<unknown>('credentials', 'readwrite', (s) => s.put(credential, credential.id)).then(() => undefined)
}

/** Removes a credential from this device. */
export function deleteCredential(id: string): Promise<void> {
  return run<unknown>('credentials', 'readwrite', (s) => s.delete(id)).then(() => undefined)
}

/** Pending requests of this wallet. */
export function listRequests(): Promise<StoredRequest[]> {
  return run<StoredRequest[]>('requests', 'readonly', (s) => s.getAll())
}

/** Remembers a request to poll. */
export function saveRequest(request: StoredRequest): Promise<void> {
  return run<unknown>('requests', 'readwrite', (s) => s.put(request, request.id)).then(() => undefined)
}

/** Forgets a request (received, or given up). */
export function deleteRequest(id: string): Promise<void> {
  return run<unknown>('requests', 'readwrite', (s) => s.delete(id)).then(() => undefined)
}
