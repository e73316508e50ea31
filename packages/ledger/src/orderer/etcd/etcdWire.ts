/** A key-value pair as etcd returns it (bytes decoded from base64). */
export interface EtcdKeyValue {
  key: string
  value: Buffer
  modRevision: number
}

/** A key-value pair as etcd's gRPC gateway writes it in JSON. */
export interface RawKv {
  key: string
  value?: string
  mod_revision: string
}

/** Decodes a key-value pair of the gateway's JSON. @example const kv = decodeKv(event.kv) */
export function decodeKv(kv: RawKv): EtcdKeyValue {
  return {
    key: Buffer.from(kv.key, 'base64').toString(),
    value: Buffer.from(kv.value ?? '', 'base64'),
    modRevision: Number(kv.mod_revision),
  }
}

/** Bytes as the gateway's JSON carries them. @example b64('/prefix/') */
export const b64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64')

/**
 * etcd's range_end for "every key with this prefix": the prefix with its
 * last byte + 1 (trailing 0xff bytes dropped first; none left: every key).
 *
 * @example prefixEnd('/a/') // '/a0'
 */
export function prefixEnd(prefix: string): Buffer {
  const bytes = Buffer.from(prefix)
  let i = bytes.length - 1
  while (i >= 0 && bytes[i] === 0xff) i--
  if (i < 0) return Buffer.from([0])
  bytes[i] = (bytes[i] as number) + 1
  return bytes.subarray(0, i + 1)
}
