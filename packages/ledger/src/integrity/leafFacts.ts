/** The members of a leaf that other tables repeat, read without parsing the whole leaf. */
export interface LeafFacts {
  block: number
  /** The events digest of an accepted entry; undefined for a rejected one. */
  events: string | undefined
  txid: string
}

// A leaf is JCS(entry) (docs/leaf-encoding.md §2): members in the order
// block, outcome, sig, state, time, tx, txid, v. So it starts with the block
// number and, when accepted, the fixed-size outcome {"events":…,"status":…},
// and ends with the txid and "v":1. Only a leaf that already hashed to the
// signed tree is read here, yet it is still read defensively; its digests
// are compared with other columns as strings, so they need no validation.
const HEAD = '{"block":'
const ACCEPTED = ',"outcome":{"events":"'
const ACCEPTED_END = '","status":"accepted"}'
const TAIL_START = ',"txid":"'
const TAIL_END = '","v":1}'

/**
 * Reads block, events digest and txid from a leaf; undefined when the leaf
 * does not have the shape a writer produces.
 *
 * @example readLeafFacts(Buffer.from('{"block":1,"outcome":{"events":"…","status":"accepted"},…,"txid":"…","v":1}'))
 */
export function readLeafFacts(leaf: Buffer): LeafFacts | undefined {
  const head = leaf.toString('latin1', 0, Math.min(leaf.length, 160))
  const tail = leaf.toString('latin1', Math.max(0, leaf.length - 81))
  if (!head.startsWith(HEAD) || !tail.startsWith(TAIL_START) || !tail.endsWith(TAIL_END)) return undefined
  const blockEnd = head.indexOf(',', HEAD.length)
  const block = Number(head.slice(HEAD.length, blockEnd))
  const txid = tail.slice(TAIL_START.length, TAIL_START.length + 64)
  if (!Number.isSafeInteger(block) || block < 1) return undefined
  if (!head.startsWith(ACCEPTED, blockEnd)) return { block, events: undefined, txid }
  const at = blockEnd + ACCEPTED.length
  const events = head.slice(at, at + 64)
  if (!head.startsWith(ACCEPTED_END, at + 64)) return undefined
  return { block, events, txid }
}
