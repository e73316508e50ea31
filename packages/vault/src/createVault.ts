import { randomBytes, randomUUID } from 'node:crypto'
import { canonicalize, utf8 } from '@tabularium/core'
import { deriveKey, hmacHex, open, seal } from './crypto/subjectKeys.js'
import { VaultError } from './errors.js'
import { openVaultStore, type RecordRow, type SubjectRow } from './store/openVaultStore.js'
import type { AccessEntry, CreateVaultParameters, StoredRecord, Vault } from './types.js'

const KIND = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/
const MAX_PURPOSE = 200

/**
 * The personal-data vault: one SQLite file off the ledger, one secret per
 * data subject (wrapped by the node's master key, AES-256-GCM), records
 * sealed with a key derived from it and bound (AAD) to subject and record.
 * Every read by an organisation is logged on the ledger first (`logAccess`)
 * under the subject's pseudonym; erasure destroys the subject's secret.
 *
 * @example
 * const vault = createVault({ path: 'vault.sqlite', masterKey, logAccess: (e) => submit('vault', 'logAccess', e) })
 * const { id } = await vault.put({ subject: citizenDid, kind: 'residency', data: { birthdate: '2001-04-01' } })
 * const record = await vault.read({ subject: citizenDid, id, purpose: 'residency permit renewal' })
 */
export function createVault(p: CreateVaultParameters): Vault {
  const db = openVaultStore(p.path)
  const now = p.now ?? (() => new Date())
  const wrapKey = deriveKey(p.masterKey, 'tabularium/vault/v1/wrap')
  const lookupKey = deriveKey(p.masterKey, 'tabularium/vault/v1/lookup')
  const lookupOf = (subject: string) => hmacHex(lookupKey, checkSubject(subject))
  const wrapAad = (lookup: string) => utf8(`tabularium/vault/v1/subject\n${lookup}`)
  const recordAad = (lookup: string, id: string, kind: string) =>
    utf8(canonicalize({ v: 1, subject: lookup, record: id, kind }))

  const getSubject = db.prepare<[string], SubjectRow>('SELECT * FROM subjects WHERE lookup = ?')
  const insertSubject = db.prepare('INSERT INTO subjects (lookup, wrapped, created) VALUES (?, ?, ?)')
  const insertRecord = db.prepare('INSERT INTO records (id, lookup, kind, sealed, created) VALUES (?, ?, ?, ?, ?)')
  const getRecord = db.prepare<[string, string], RecordRow>('SELECT * FROM records WHERE id = ? AND lookup = ?')
  const listRecords = db.prepare<[string], Omit<RecordRow, 'sealed'>>(
    'SELECT id, lookup, kind, created FROM records WHERE lookup = ? ORDER BY created, id',
  )

  // The subject's secret, unwrapped; created on first write when asked.
  function secretOf(subject: string, create: boolean): { lookup: string; secret: Buffer } | undefined {
    const lookup = lookupOf(subject)
    const row = getSubject.get(lookup)
    if (row !== undefined) return { lookup, secret: open({ key: wrapKey, sealed: row.wrapped, aad: wrapAad(lookup) }) }
    if (!create) return undefined
    const secret = randomBytes(32)
    insertSubject.run(lookup, seal({ key: wrapKey, plaintext: secret, aad: wrapAad(lookup) }), now().toISOString())
    return { lookup, secret }
  }
  const pseudonym = (subject: string, secret: Buffer) =>
    hmacHex(deriveKey(secret, 'tabularium/vault/v1/pseudonym'), subject)
  const known = (subject: string) =>
    secretOf(subject, false) ?? fail('NOT_FOUND', 'the vault holds nothing about this subject')

  return {
    async put({ subject, kind, data }) {
      checkKind(kind)
      const { lookup, secret } = secretOf(subject, true) as { lookup: string; secret: Buffer }
      const id = randomUUID()
      const plaintext = utf8(JSON.stringify(data))
      const sealed = seal({
        key: deriveKey(secret, 'tabularium/vault/v1/data'),
        plaintext,
        aad: recordAad(lookup, id, kind),
      })
      insertRecord.run(id, lookup, kind, sealed, now().toISOString())
      return { id, kind }
    },
    list({ subject }) {
      const found = secretOf(subject, false)
      return found === undefined
        ? []
        : listRecords.all(found.lookup).map(({ id, kind, created }) => ({ id, kind, created }))
    },
    async read({ subject, id, purpose }): Promise<StoredRecord> {
      checkPurpose(purpose)
      const { lookup, secret } = known(subject)
      const row = getRecord.get(id, lookup) ?? fail('NOT_FOUND', 'no such record of this subject')
      const entry: AccessEntry = { subject: pseudonym(subject, secret), purpose, kind: row.kind }
      try {
        await p.logAccess(entry)
      } catch (cause) {
        throw new VaultError(
          'ACCESS_NOT_LOGGED',
          'the read could not be logged on the ledger, so nothing is disclosed',
          { cause },
        )
      }
      const key = deriveKey(secret, 'tabularium/vault/v1/data')
      const data = JSON.parse(
        open({ key, sealed: row.sealed, aad: recordAad(lookup, row.id, row.kind) }).toString('utf8'),
      )
      return { id: row.id, kind: row.kind, created: row.created, data }
    },
    pseudonymOf(subject) {
      const found = secretOf(subject, false)
      return found === undefined ? undefined : pseudonym(subject, found.secret)
    },
    async erase({ subject }) {
      const { lookup, secret } = known(subject)
      const entry = { subject: pseudonym(subject, secret) }
      await p.logErasure?.(entry)
      const erased = db.transaction(() => {
        const records = db.prepare('DELETE FROM records WHERE lookup = ?').run(lookup).changes
        db.prepare('DELETE FROM subjects WHERE lookup = ?').run(lookup)
        return records
      })()
      // secure_delete zeroed the freed pages; VACUUM rebuilds the file without them.
      db.exec('VACUUM')
      return { records: erased, pseudonym: entry.subject }
    },
    close() {
      db.close()
    },
  }
}

function checkSubject(subject: string): string {
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 512) {
    fail('INVALID_REQUEST', 'a subject id is 1–512 characters')
  }
  return subject
}

function checkKind(kind: string): void {
  if (!KIND.test(kind)) fail('INVALID_REQUEST', 'a record kind is 1–64 of A-Z a-z 0-9 . _ : -')
}

function checkPurpose(purpose: string): void {
  if (typeof purpose !== 'string' || purpose.trim().length === 0 || purpose.length > MAX_PURPOSE) {
    fail('INVALID_REQUEST', `every read states its purpose (1–${MAX_PURPOSE} characters)`)
  }
}

function fail(code: 'NOT_FOUND' | 'INVALID_REQUEST', message: string): never {
  throw new VaultError(code, message)
}
