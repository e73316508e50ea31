import { type Genesis, GenesisSchema } from '@tabularium/protocol'
import { LedgerAlteredError } from './alteration.js'
import type { NoteKeys } from './createNoteVerifier.js'
import type { LogReader } from './logReader.js'

/** What the checks take from the genesis: the origin, the keys notes are signed with, the stored text. */
export interface LedgerIdentity {
  origin: string
  noteKeys: NoteKeys
  genesisText: string
}

/**
 * Reads the genesis stored in `meta` — validated by the node when it opened
 * the file — for the origin and, unless `noteKeys` are given (a node whose
 * keys are not a member's), the members' log and witness keys.
 *
 * @example const identity = readLedgerIdentity(reader, undefined)
 */
export function readLedgerIdentity(reader: LogReader, noteKeys: NoteKeys | undefined): LedgerIdentity {
  const genesisText = reader.meta('genesis')
  let genesis: Genesis
  try {
    genesis = GenesisSchema.parse(JSON.parse(genesisText ?? 'null'))
  } catch {
    throw new LedgerAlteredError({
      code: 'LEDGER_ALTERED',
      table: 'meta',
      row: { key: 'genesis' },
      column: 'value',
      expected: 'a genesis file',
      found: (genesisText ?? 'missing').slice(0, 80),
      message: 'the genesis stored in the file is missing or malformed',
    })
  }
  const keys = noteKeys ?? {
    logKeys: genesis.members.map((m) => m.logKey),
    witnessKeys: genesis.members.map((m) => m.witnessKey),
  }
  return { origin: genesis.origin, noteKeys: keys, genesisText: genesisText as string }
}
