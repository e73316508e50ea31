import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Largest application content the store takes. */
export const MAX_BLOB_BYTES = 1_048_576

/** Sealed application contents, addressed by their SHA-256 (the commitment on the ledger). */
export interface BlobStore {
  /** Stores the bytes; returns their commitment (hex SHA-256). */
  put(bytes: Uint8Array): string
  get(commitment: string): Uint8Array | undefined
}

/**
 * A blob store: AES-256-GCM encrypted files `<dir>/<commitment>.bin` under
 * the node's key (so a copied data directory without the key reveals
 * nothing), or in memory without `dir`.
 *
 * @example const blobs = createBlobStore({ dir: join(dataDir, 'blobs'), key })
 */
export function createBlobStore({ dir, key = randomBytes(32) }: { dir?: string; key?: Uint8Array } = {}): BlobStore {
  const memory = new Map<string, Buffer>()
  if (dir !== undefined) mkdirSync(dir, { recursive: true })
  const path = (commitment: string) => join(dir as string, `${commitment}.bin`)
  return {
    put(bytes) {
      if (bytes.length > MAX_BLOB_BYTES) throw new RangeError('blob too large')
      const commitment = createHash('sha256').update(bytes).digest('hex')
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(commitment))
      const sealed = Buffer.concat([iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()])
      if (dir === undefined) memory.set(commitment, sealed)
      else if (!existsSync(path(commitment))) {
        writeFileSync(`${path(commitment)}.tmp`, sealed)
        renameSync(`${path(commitment)}.tmp`, path(commitment))
      }
      return commitment
    },
    get(commitment) {
      if (!/^[0-9a-f]{64}$/.test(commitment)) return undefined
      const sealed =
        dir === undefined
          ? memory.get(commitment)
          : existsSync(path(commitment))
            ? readFileSync(path(commitment))
            : undefined
      if (sealed === undefined) return undefined
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
      decipher.setAAD(Buffer.from(commitment))
      decipher.setAuthTag(sealed.subarray(sealed.length - 16))
      return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]))
    },
  }
}
