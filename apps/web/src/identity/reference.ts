// Crockford's base32 without I, L, O, U: easy to read aloud at a desk.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A short reference for a credential request that the citizen and the clerk
 * both see (`K7Q-2MD`): 30 bits of SHA-256 of the request id, so the
 * capability itself is never read aloud.
 *
 * @example await referenceOf('MMj4JcettecTGlzOrMC0VQ') // 'K7Q-2MD'
 */
export async function referenceOf(id: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)))
  const bits = new DataView(digest.buffer).getUint32(0)
  let text = ''
  for (let i = 0; i < 6; i++) text += ALPHABET[(bits >>> (27 - 5 * i)) & 31]
  return `${text.slice(0, 3)}-${text.slice(3)}`
}
