import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { createLedger } from '../createLedger.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { openDatabase } from '../store/openDatabase.js'

/** The schema objects and projection migrations of a ledger file. */
export interface LedgerSchema {
  /** `type name sql` of every table, index, trigger and view, sorted. */
  objects: string[]
  /** `module/step` of every projection migration that ran, sorted. */
  migrations: string[]
}

/** Reads the schema of an open ledger file. @example readSchema(db).objects */
export function readSchema(db: Database): LedgerSchema {
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[]
  const migrations = db.prepare('SELECT module, step FROM migrations ORDER BY module, step').all() as {
    module: string
    step: number
  }[]
  return {
    objects: objects.map((o) => `${o.type} ${o.name} ${o.sql ?? ''}`),
    migrations: migrations.map((m) => `${m.module}/${m.step}`),
  }
}

/**
 * The schema this software gives a new ledger of `genesis` with `modules`:
 * a throwaway ledger is created (with throwaway keys) and read back, so the
 * reference is whatever the running code creates, never a copy of it.
 *
 * @example const reference = await referenceSchema({ genesis, modules })
 */
export async function referenceSchema(p: {
  genesis: Genesis
  modules: readonly ModuleDefinition[]
}): Promise<LedgerSchema> {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-reference-'))
  const path = join(dir, 'ledger.sqlite')
  try {
    const seed = () => randomBytes(32).toString('base64url')
    const keys = {
      logKeyName: 'reference',
      logPrivateKey: seed(),
      witnessKeyName: 'witness',
      witnessPrivateKey: seed(),
    }
    const quiet = { error() {}, warn() {} }
    const ledger = await createLedger({ ...p, keys, path, verifierThreads: 0, logger: quiet })
    await ledger.close()
    const db = openDatabase({ path, readonly: true })
    try {
      return readSchema(db)
    } finally {
      db.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
