/** What the ledger records about one read (module `vault`, action `logAccess`). */
export interface AccessEntry {
  /** The subject's pseudonym: HMAC-SHA-256 of the subject id under a key derived from the subject's secret. */
  subject: string
  purpose: string
  /** The record kind read (`residency`), never its content. */
  kind: string
}

/** Parameters of `createVault`. */
export interface CreateVaultParameters {
  /** The SQLite file (next to the ledger: `<dataDir>/vault.sqlite`). */
  path: string
  /** 32 bytes (`loadMasterKey`); wraps every subject's secret. */
  masterKey: Uint8Array
  /** Logs a read on the ledger; the read fails with ACCESS_NOT_LOGGED when it throws. */
  logAccess: (entry: AccessEntry) => Promise<void>
  /** Logs an erasure on the ledger (under the pseudonym), before the secret is destroyed. */
  logErasure?: (entry: { subject: string }) => Promise<void>
  now?: () => Date
}

/** A decrypted record. */
export interface StoredRecord {
  id: string
  kind: string
  created: string
  data: unknown
}

/** The vault. */
export interface Vault {
  put(p: { subject: string; kind: string; data: unknown }): Promise<{ id: string; kind: string }>
  /** Record ids and kinds of a subject, without content (not logged: nothing personal is disclosed). */
  list(p: { subject: string }): { id: string; kind: string; created: string }[]
  /** Decrypts a record for an organisation, after logging the read with its purpose on the ledger. */
  read(p: { subject: string; id: string; purpose: string }): Promise<StoredRecord>
  /** The subject's ledger pseudonym (for "who used my data"), or undefined once erased or never stored. */
  pseudonymOf(subject: string): string | undefined
  /** Crypto-shredding: logs the erasure, deletes the subject's secret and records, VACUUMs the file. */
  erase(p: { subject: string }): Promise<{ records: number; pseudonym: string }>
  close(): void
}
