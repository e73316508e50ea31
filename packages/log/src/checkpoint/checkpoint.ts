import { fromBase64, toBase64 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { isHash } from '../hash.js'
import { assertNoteCharacters } from '../note/noteText.js'
import { isTreeSize } from '../tree/bits.js'

/** A tree head as c2sp.org/tlog-checkpoint, Note text, defines it. */
export type Checkpoint = { origin: string; treeSize: number; rootHash: Uint8Array; extensions: string[] }

/**
 * The checkpoint note text: origin, decimal size, base64 root, then any
 * extension lines, each ending in a newline (c2sp.org/tlog-checkpoint, Note text).
 *
 * @example formatCheckpoint({ origin: 'ledger.example/log', treeSize: 8, rootHash }) // 'ledger.example/log\n8\nXcna…=\n'
 */
export function formatCheckpoint(p: {
  origin: string
  treeSize: number
  rootHash: Uint8Array
  extensions?: string[]
}): string {
  const lines = [p.origin, String(p.treeSize), isHash(p.rootHash) ? toBase64(p.rootHash) : '', ...(p.extensions ?? [])]
  const text = `${lines.join('\n')}\n`
  parseCheckpoint(text) // formatting must never produce what parsing refuses
  return text
}

/**
 * Parses untrusted checkpoint text strictly: at least three non-empty lines,
 * a size with no leading zeros and at most 2^53 - 1, a root that is the
 * canonical base64 of 32 bytes. Throws `INVALID_CHECKPOINT`.
 *
 * @example parseCheckpoint(openNote({ note, verifiers }).text).treeSize
 */
export function parseCheckpoint(body: string): Checkpoint {
  try {
    assertNoteCharacters(body, 'checkpoint')
  } catch (cause) {
    throw new LogError('INVALID_CHECKPOINT', 'a checkpoint is short text without control characters', { cause })
  }
  if (!body.endsWith('\n')) throw invalid('the text must end with a newline')
  const lines = body.slice(0, -1).split('\n')
  const [origin, size, root, ...extensions] = lines
  if (origin === undefined || size === undefined || root === undefined)
    throw invalid('it needs an origin, a size and a root hash')
  if (lines.some((line) => line.length === 0)) throw invalid('no line may be empty')
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !isTreeSize(Number(size)))
    throw invalid('the size must be a decimal integer from 0 to 2^53 - 1 without leading zeros')
  return { origin, treeSize: Number(size), rootHash: decodeRoot(root), extensions }
}

function decodeRoot(root: string): Uint8Array {
  let hash: Uint8Array
  try {
    hash = fromBase64(root)
  } catch (cause) {
    throw new LogError('INVALID_CHECKPOINT', 'invalid checkpoint: the root hash is not base64', { cause })
  }
  if (!isHash(hash) || toBase64(hash) !== root) throw invalid('the root hash must be the base64 of 32 bytes')
  return hash
}

function invalid(reason: string): LogError {
  return new LogError('INVALID_CHECKPOINT', `invalid checkpoint: ${reason}`)
}
