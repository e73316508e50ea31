import { LogError } from '../errors.js'
import { TILE_WIDTH } from './tilePath.js'

/** Largest entry a bundle can hold: its length is a big-endian uint16 (c2sp.org/tlog-tiles, Log entries). */
export const MAX_ENTRY_SIZE = 0xffff

/**
 * An entry bundle: each entry prefixed by its length as a big-endian uint16
 * (c2sp.org/tlog-tiles, Log entries).
 *
 * @example formatEntryBundle([utf8('a'), utf8('bc')]) // 00 01 61 00 02 62 63
 */
export function formatEntryBundle(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length > TILE_WIDTH) throw invalid(`a bundle holds at most ${TILE_WIDTH} entries`)
  let size = 0
  for (const leaf of leaves) {
    if (!(leaf instanceof Uint8Array) || leaf.length > MAX_ENTRY_SIZE)
      throw invalid(`an entry is at most ${MAX_ENTRY_SIZE} bytes`)
    size += 2 + leaf.length
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const leaf of leaves) {
    out[at] = leaf.length >> 8
    out[at + 1] = leaf.length & 0xff
    out.set(leaf, at + 2)
    at += 2 + leaf.length
  }
  return out
}

/**
 * Parses an untrusted entry bundle: every byte must belong to an entry and at
 * most 256 entries are accepted. Throws `INVALID_ENTRY_BUNDLE`.
 *
 * @example parseEntryBundle(bytes).map(hashLeaf) // must equal the level-0 tile
 */
export function parseEntryBundle(bundle: Uint8Array): Uint8Array[] {
  if (!(bundle instanceof Uint8Array)) throw invalid('a bundle is bytes')
  const entries: Uint8Array[] = []
  for (let at = 0; at < bundle.length; ) {
    if (entries.length === TILE_WIDTH) throw invalid(`a bundle holds at most ${TILE_WIDTH} entries`)
    if (at + 2 > bundle.length) throw invalid('a length prefix is cut short')
    const length = ((bundle[at] as number) << 8) | (bundle[at + 1] as number)
    if (at + 2 + length > bundle.length) throw invalid('an entry is cut short')
    entries.push(bundle.slice(at + 2, at + 2 + length))
    at += 2 + length
  }
  return entries
}

function invalid(reason: string): LogError {
  return new LogError('INVALID_ENTRY_BUNDLE', `invalid entry bundle: ${reason}`)
}
