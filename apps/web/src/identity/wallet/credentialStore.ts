import { createKeyValueStore } from '../../lib/indexedDb.js'

// The wallet's credentials and pending requests, in IndexedDB beside the
// wallet key (database `tabularium-identity`, so that this feature's schema
// versions never collide with the app's `tabularium` database).

const db = createKeyValueStore({ name: 'tabularium-identity', stores: ['credentials', 'requests'] })

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
  const all = await db.all<StoredCredential>('credentials')
  return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
}

/** Keeps a credential. */
export function saveCredential(credential: StoredCredential): Promise<void> {
  return db.put('credentials', credential.id, credential)
}

/** Removes a credential from this device. */
export function deleteCredential(id: string): Promise<void> {
  return db.delete('credentials', id)
}

/** Pending requests of this wallet. */
export function listRequests(): Promise<StoredRequest[]> {
  return db.all<StoredRequest>('requests')
}

/** Remembers a request to poll. */
export function saveRequest(request: StoredRequest): Promise<void> {
  return db.put('requests', request.id, request)
}

/** Forgets a request (received, or given up). */
export function deleteRequest(id: string): Promise<void> {
  return db.delete('requests', id)
}
