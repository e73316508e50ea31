// `type` aliases, not interfaces, so that records are assignable to `Json`.

/** Flat metadata of a stamp: short strings and numbers, never personal data. */
export type Metadata = { [key: string]: string | number }

/** How a stamp was revoked. */
export type Revocation = {
  txid: string
  index: number
  time: string
  signer: string
  reason: string
}

/** One stamp of a hash, as stored in `hashes/<hash>`. */
export type Stamp = {
  txid: string
  index: number
  time: string
  signer: string
  /** Member id of the signer's organisation, when the signer is a member DID. */
  organisation: string | null
  docType: string | null
  title: string | null
  metadata: Metadata
  revocation: Revocation | null
}

/** A stamp as queries return it. */
export type StampView = Omit<Stamp, 'revocation'> & { status: 'active' | 'revoked'; revocation: Revocation | null }
