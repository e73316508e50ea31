/** What the resolvers need of a ledger: its queries (a `Ledger`, or the memory ledger of tests). */
export interface RegistryReader {
  query(module: string, name: string, params: unknown): unknown
}

/**
 * Runs a registry query, answering undefined for the refusals that mean
 * "no such thing" (DID_NOT_FOUND, NOT_FOUND, SCHEMA_UNKNOWN, INVALID_REQUEST).
 */
export function tryQuery<T>(ledger: RegistryReader, name: string, params: Record<string, string>): T | undefined {
  try {
    return ledger.query('registry', name, params) as T
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'DID_NOT_FOUND' || code === 'NOT_FOUND' || code === 'SCHEMA_UNKNOWN' || code === 'INVALID_REQUEST') {
      return undefined
    }
    throw error
  }
}
