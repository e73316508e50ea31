import type { Genesis } from '@tabularium/protocol'
import type { Database, Statement } from 'better-sqlite3'
import { GOVERNANCE_MODULE } from '../executor/roles.js'

/** A member's checkpoint keys, as governance stores them (`members/<id>`), with its name and node URL. */
export interface MemberKeys {
  id: string
  name: string
  logKey: string
  witnessKey: string
  url?: string
}

/**
 * The members of a ledger's state as it is now, and the witness quorum:
 * with the governance module, its `members/<id>` records (genesis members
 * and those admitted, not those removed) and `config.witnessQuorum`;
 * otherwise the genesis file's. Read afresh on every call — the audit and a
 * snapshot's verification must see each admission at the entry it happened,
 * which a reader cached for speed would not guarantee.
 *
 * @example const { members, quorum } = membersOf({ db, genesis, governed: true })
 */
export function membersOf(p: { db: Database; genesis: Genesis; governed: boolean }): {
  members: MemberKeys[]
  quorum: number
} {
  const fromGenesis = { members: p.genesis.members.map(keysOf), quorum: p.genesis.witnessQuorum }
  if (!p.governed) return fromGenesis
  const statements = statementsOf(p.db)
  const rows = statements.members.all(GOVERNANCE_MODULE) as string[]
  if (rows.length === 0) return fromGenesis
  const config = statements.config.get(GOVERNANCE_MODULE) as string | undefined
  const quorum = (JSON.parse(config ?? '{}') as { witnessQuorum?: number }).witnessQuorum
  return { members: rows.map((row) => keysOf(JSON.parse(row) as MemberKeys)), quorum: quorum ?? fromGenesis.quorum }
}

// Prepared once per connection: the finality reads the members after every block.
const prepared = new WeakMap<Database, { members: Statement; config: Statement }>()
function statementsOf(db: Database): { members: Statement; config: Statement } {
  let statements = prepared.get(db)
  if (statements === undefined) {
    statements = {
      members: db
        .prepare("SELECT value FROM state WHERE module = ? AND key > 'members/' AND key < 'members0' ORDER BY key")
        .pluck(),
      config: db.prepare("SELECT value FROM state WHERE module = ? AND key = 'config'").pluck(),
    }
    prepared.set(db, statements)
  }
  return statements
}

/**
 * Every member a ledger's log ever admitted: the genesis members and, with
 * governance, every `members/<id>` and `formerMembers/<id>` record of the
 * stored state — the keys that may have signed a checkpoint of a node's
 * file at some point of its life.
 *
 * @example const keys = everAdmitted({ db, genesis })
 */
export function everAdmitted(p: { db: Database; genesis: Genesis }): MemberKeys[] {
  const rows = p.db
    .prepare(
      "SELECT value FROM state WHERE module = ? AND ((key > 'members/' AND key < 'members0') OR (key > 'formerMembers/' AND key < 'formerMembers0'))",
    )
    .pluck()
    .all(GOVERNANCE_MODULE) as string[]
  const all = new Map<string, MemberKeys>()
  for (const member of [...p.genesis.members, ...rows.flatMap(parseRecord)]) {
    all.set(`${member.logKey} ${member.witnessKey}`, keysOf(member))
  }
  return [...all.values()]
}

// The stored state is not trusted yet here: a malformed record is skipped (the audit's final
// comparison with the re-executed state reports it).
function parseRecord(text: string): MemberKeys[] {
  try {
    const record = JSON.parse(text) as Partial<MemberKeys> | null
    const ok = typeof record?.logKey === 'string' && typeof record.witnessKey === 'string'
    return ok ? [record as MemberKeys] : []
  } catch {
    return []
  }
}

function keysOf(member: Omit<MemberKeys, 'url'> & { url?: string | undefined }): MemberKeys {
  const { id, name, logKey, witnessKey, url } = member
  return typeof url === 'string' ? { id, name, logKey, witnessKey, url } : { id, name, logKey, witnessKey }
}
