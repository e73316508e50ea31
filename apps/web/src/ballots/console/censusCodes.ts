import { sha256, toHex, utf8 } from '@tabularium/core'

// No 0/O, 1/I/L: codes are read from paper and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** `count` random one-time codes like `K7QM-2XP4-9RTA` (60 bits of entropy each). */
export function generateCodes(count: number): string[] {
  const codes = new Set<string>()
  while (codes.size < count) {
    const bytes = crypto.getRandomValues(new Uint8Array(12))
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
    codes.add(`${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`)
  }
  return [...codes]
}

/** The census-member hash the token desk records for a code (SHA-256 of the upper-cased, trimmed code). */
export function codeHash(code: string): string {
  return toHex(sha256(utf8(code.trim().toUpperCase())))
}

/** The codes as CSV (one per line, with a sequence number for the mail merge). */
export function codesCsv(codes: string[]): string {
  return ['n,code', ...codes.map((c, i) => `${i + 1},${c}`)].join('\n')
}
