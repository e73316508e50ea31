import { query } from '../api/client.js'

/** One stamp of a document hash, normalised from the notary module's queries. */
export interface Stamp {
  hash: string
  txid?: string
  index?: number
  time?: string
  signer?: string
  /** Member id of the signer's organisation, when the signer is a member. */
  organisation?: string
  type?: string
  title?: string
  status?: 'active' | 'revoked'
  metadata?: Record<string, unknown>
}

/** Looks a SHA-256 document hash up with the notary `byHash` query: every stamp, oldest first. */
export async function stampsOfHash(hash: string): Promise<Stamp[]> {
  try {
    const result = await query<unknown>('notary', 'byHash', { hash })
    return normaliseStamps(result, hash)
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') return []
    throw error
  }
}

/** Accepts the shapes a lookup may take: a list, `{ stamps }`, `{ history }` or one stamp. */
export function normaliseStamps(result: unknown, hash: string): Stamp[] {
  if (result === null || result === undefined) return []
  const r = result as Record<string, unknown>
  const list = Array.isArray(result)
    ? result
    : Array.isArray(r.stamps)
      ? r.stamps
      : Array.isArray(r.history)
        ? r.history
        : Array.isArray(r.items)
          ? r.items
          : r.found === false
            ? []
            : 'time' in r || 'txid' in r
              ? [r]
              : []
  return (list as Record<string, unknown>[]).map((s) => {
    const stamp: Stamp = { hash: typeof s.hash === 'string' ? s.hash : hash }
    if (typeof s.txid === 'string') stamp.txid = s.txid
    if (typeof s.index === 'number') stamp.index = s.index
    const time = s.time ?? s.stampedAt ?? s.at
    if (typeof time === 'string') stamp.time = time
    const signer = s.signer ?? s.by
    if (typeof signer === 'string') stamp.signer = signer
    const type = s.docType ?? s.type ?? s.documentType
    if (typeof type === 'string') stamp.type = type
    if (typeof s.organisation === 'string') stamp.organisation = s.organisation
    if (typeof s.title === 'string') stamp.title = s.title
    if (s.status === 'active' || s.status === 'revoked') stamp.status = s.status
    const meta = s.metadata ?? s.meta
    if (meta && typeof meta === 'object') stamp.metadata = meta as Record<string, unknown>
    return stamp
  })
}
