import BetterSqlite from 'better-sqlite3'

// Test-only peek into the vault file (not exported by the package).
export function Database(path: string) {
  const read = <T>(sql: string, arg: string): T | undefined => {
    const db = new BetterSqlite(path, { readonly: true })
    try {
      return db.prepare(sql).get(arg) as T | undefined
    } finally {
      db.close()
    }
  }
  return {
    subject: (lookup: string) => read<{ wrapped: Buffer }>('SELECT wrapped FROM subjects WHERE lookup = ?', lookup),
    replaceSealed: (id: string, sealed: Buffer) => {
      const db = new BetterSqlite(path)
      db.prepare('UPDATE records SET sealed = ? WHERE id = ?').run(sealed, id)
      db.close()
    },
    record: (id: string) => read<{ sealed: Buffer }>('SELECT sealed FROM records WHERE id = ?', id)?.sealed,
  }
}
