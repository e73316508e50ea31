import { query } from '../api/client.js'

/** Stamp statistics for the dashboard (the notary `stats` query). */
export interface StampStats {
  total: number
  revoked: number
  perDay: { day: string; count: number }[]
  /** `organisation` is a member id, or null for signers that are not members. */
  perOrganisation: { organisation: string | null; count: number }[]
  perDocType: { docType: string | null; count: number }[]
}

/** Reads the notary `stats` query. */
export async function stampStats(): Promise<StampStats> {
  return normaliseStats(await query<unknown>('notary', 'stats'))
}

/** Parses `{ total, revoked, byDay, byOrganisation, byDocType }` defensively. */
export function normaliseStats(raw: unknown): StampStats {
  const r = (raw ?? {}) as Record<string, unknown>
  const list = (name: string) => (Array.isArray(r[name]) ? (r[name] as Record<string, unknown>[]) : [])
  const text = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    total: Number(r.total ?? 0),
    revoked: Number(r.revoked ?? 0),
    perDay: list('byDay').map((d) => ({ day: String(d.day ?? ''), count: Number(d.count ?? 0) })),
    perOrganisation: list('byOrganisation').map((o) => ({
      organisation: text(o.organisation),
      count: Number(o.count ?? 0),
    })),
    perDocType: list('byDocType').map((o) => ({ docType: text(o.docType), count: Number(o.count ?? 0) })),
  }
}
