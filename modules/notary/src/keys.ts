/** The module's name. */
export const NOTARY = 'notary'

/** The role that may stamp and revoke. */
export const STAMPER_ROLE = 'notary:stamper'

/** Most stamps one hash keeps: its history is a single state value, rewritten on each stamp. */
export const MAX_STAMPS_PER_HASH = 32

/**
 * `hashes/<hash>` → Stamp[]: every stamp of a document hash, oldest first.
 *
 * @example hashKey('e3b0c442…') // 'hashes/e3b0c442…'
 */
export function hashKey(hash: string): string {
  return `hashes/${hash}`
}
