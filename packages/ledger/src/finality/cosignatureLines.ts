import { equalBytes } from '@tabularium/core'
import { formatCheckpoint, openNote, parseVerifierKey } from '@tabularium/log'

/**
 * The signature line a witness key put on a note (`— <name> <base64>`), or
 * undefined. Matched by name and key ID, as c2sp.org/signed-note matches.
 *
 * @example cosignatureLine(checkpoint.note, keys.witnessKey)
 */
export function cosignatureLine(note: string, witnessKey: string): string | undefined {
  const key = parseVerifierKey(witnessKey)
  const lines = note.slice(note.lastIndexOf('\n\n') + 2).split('\n')
  return lines.find((line) => {
    if (!line.startsWith(`— ${key.name} `)) return false
    const bytes = Buffer.from(line.slice(key.name.length + 3), 'base64')
    return bytes.length > 4 && equalBytes(bytes.subarray(0, 4), key.keyId)
  })
}

/**
 * True when `line` is a valid tlog-cosignature by `witnessKey` on the
 * checkpoint (origin, size, root): the line is checked against the text that
 * member says it signed, so a claim of another root is only believed when
 * that member really signed it.
 *
 * @example verifiesCheckpoint({ line, witnessKey, origin, treeSize, rootHash })
 */
export function verifiesCheckpoint(p: {
  line: string
  witnessKey: string
  origin: string
  treeSize: number
  rootHash: Uint8Array
}): boolean {
  try {
    const text = formatCheckpoint({ origin: p.origin, treeSize: p.treeSize, rootHash: p.rootHash })
    const opened = openNote({ note: `${text}\n${p.line}\n`, verifiers: [p.witnessKey] })
    return opened.verified.some((v) => v.kind === 'cosignature')
  } catch {
    return false
  }
}

/** Appends signature lines the note does not hold yet. @example withCosignatures(note, [lineB, lineC]) */
export function withCosignatures(note: string, lines: readonly string[]): string {
  const present = new Set(note.slice(note.lastIndexOf('\n\n') + 2).split('\n'))
  const added = lines.filter((line) => !present.has(line))
  return added.length === 0 ? note : `${note}${added.join('\n')}\n`
}
