import { equalBytes, toBase64Url } from '@tabularium/core'
import { verifyBytesFast } from '@tabularium/core/node'
import { formatCheckpoint, NOTE_SIGNATURE_COSIGNATURE_V1, parseVerifierKey } from '@tabularium/log'

/**
 * The signature line a witness key put on a note (`— <name> <base64>`), or
 * undefined. Matched by name and key ID, as c2sp.org/signed-note matches.
 *
 * @example cosignatureLine(checkpoint.note, keys.witnessKey)
 */
export function cosignatureLine(note: string, witnessKey: string): string | undefined {
  return cosignatureFinder(witnessKey)(note)
}

/** `cosignatureLine` for one key, parsed once (it runs for every block). @example cosignatureFinder(vkey)(note) */
export function cosignatureFinder(witnessKey: string): (note: string) => string | undefined {
  const key = parseVerifierKey(witnessKey)
  const prefix = `— ${key.name} `
  return (note) => {
    if (key.type !== NOTE_SIGNATURE_COSIGNATURE_V1) return undefined
    const lines = note.slice(note.lastIndexOf('\n\n') + 2).split('\n')
    return lines.find((line) => {
      if (!line.startsWith(prefix)) return false
      const bytes = Buffer.from(line.slice(prefix.length), 'base64')
      return bytes.length > 4 && equalBytes(bytes.subarray(0, 4), key.keyId)
    })
  }
}

/**
 * True when `line` is a valid tlog-cosignature by `witnessKey` on the
 * checkpoint (origin, size, root): the line is checked against the text that
 * member says it signed, so a claim of another root is only believed when
 * that member really signed it. node:crypto verifies (~20x the pure-JS
 * verifier of @tabularium/log, which the tests cross-check it with).
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
    const key = parseVerifierKey(p.witnessKey)
    const prefix = `— ${key.name} `
    if (key.type !== NOTE_SIGNATURE_COSIGNATURE_V1 || !p.line.startsWith(prefix)) return false
    // key ID (4) ‖ u64 timestamp (8) ‖ Ed25519 signature (64), c2sp.org/tlog-cosignature
    const bytes = Buffer.from(p.line.slice(prefix.length), 'base64')
    if (bytes.length !== 76 || !equalBytes(bytes.subarray(0, 4), key.keyId)) return false
    const time = bytes.readBigUInt64BE(4)
    const text = formatCheckpoint({ origin: p.origin, treeSize: p.treeSize, rootHash: p.rootHash })
    return verifyBytesFast({
      publicJwk: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(key.publicKey) },
      data: Buffer.from(`cosignature/v1\ntime ${time}\n${text}`),
      signature: bytes.subarray(12),
    })
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
