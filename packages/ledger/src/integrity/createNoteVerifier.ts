import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import { NOTE_SIGNATURE_COSIGNATURE_V1, type NoteVerifierKey, parseVerifierKey } from '@tabularium/log'

/** The keys whose signatures a ledger file's checkpoint notes carry. */
export interface NoteKeys {
  logKeys: readonly string[]
  witnessKeys: readonly string[]
}

/** Checks a stored note's signatures; returns why it fails, or undefined when it holds. */
export type NoteVerifier = (note: string) => string | undefined

interface TrustedKey {
  key: NoteVerifierKey
  publicKey: KeyObject
  witness: boolean
}

const LINE_PREFIX = '\u2014 '

/**
 * A verifier of the checkpoint notes a node stored (c2sp.org/signed-note,
 * tlog-cosignature): at least one signature by a log key and one
 * cosignature by a witness key, and no failing signature by a known key.
 * It uses node:crypto's Ed25519 (~15× faster than @tabularium/log's portable
 * verifier, which the scrubber would otherwise spend most of its time in);
 * clients keep using `verifyCheckpoint`. Notes are parsed with indexOf and
 * slice only: the file is not trusted.
 *
 * @example const check = createNoteVerifier({ logKeys: [logKey], witnessKeys: [witnessKey] }); check(note) // undefined
 */
export function createNoteVerifier(keys: NoteKeys): NoteVerifier {
  const trusted = [
    ...keys.logKeys.map((vkey) => trustedKey(vkey, false)),
    ...keys.witnessKeys.map((vkey) => trustedKey(vkey, true)),
  ]
  return (note) => {
    const split = note.lastIndexOf('\n\n')
    if (split < 0 || !note.endsWith('\n')) return 'the note has no signature lines'
    const text = note.slice(0, split + 1)
    let signed = false
    let cosigned = false
    for (const line of note.slice(split + 2, -1).split('\n')) {
      const verdict = checkLine(trusted, text, line)
      if (verdict === 'invalid') return `the signature line "${line.slice(0, 40)}…" does not verify`
      if (verdict === 'log') signed = true
      if (verdict === 'witness') cosigned = true
    }
    if (!signed) return 'the note carries no valid log signature'
    return cosigned ? undefined : 'the note carries no valid witness cosignature'
  }
}

function trustedKey(vkey: string, witness: boolean): TrustedKey {
  const key = parseVerifierKey(vkey)
  const x = Buffer.from(key.publicKey).toString('base64url')
  return { key, witness, publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }) }
}

/** 'log' or 'witness' for a verified line, 'invalid' for a failing one by a known key, 'unknown' otherwise. */
function checkLine(trusted: TrustedKey[], text: string, line: string): 'log' | 'witness' | 'invalid' | 'unknown' {
  if (!line.startsWith(LINE_PREFIX)) return 'invalid'
  const body = line.slice(LINE_PREFIX.length)
  const space = body.indexOf(' ')
  if (space < 0) return 'invalid'
  const name = body.slice(0, space)
  const encoded = body.slice(space + 1)
  const bytes = Buffer.from(encoded, 'base64')
  // Buffer's decoder skips what is not base64: insist on the canonical form.
  if (bytes.toString('base64') !== encoded) return 'invalid'
  const match = trusted.find((t) => t.key.name === name && bytes.subarray(0, 4).equals(t.key.keyId))
  if (match === undefined) return 'unknown'
  const ok =
    match.key.type === NOTE_SIGNATURE_COSIGNATURE_V1
      ? cosignatureHolds(match, text, bytes)
      : signatureHolds(match, text, bytes)
  if (!ok) return 'invalid'
  return match.witness ? 'witness' : 'log'
}

function signatureHolds(t: TrustedKey, text: string, bytes: Buffer): boolean {
  return bytes.length === 68 && verify(null, Buffer.from(text), t.publicKey, bytes.subarray(4))
}

// c2sp.org/tlog-cosignature: key ID ‖ u64 timestamp ‖ Ed25519 signature over
// "cosignature/v1\ntime <timestamp>\n" ‖ text.
function cosignatureHolds(t: TrustedKey, text: string, bytes: Buffer): boolean {
  if (bytes.length !== 76) return false
  const time = bytes.readBigUInt64BE(4)
  return verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${text}`), t.publicKey, bytes.subarray(12))
}
