import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { auditLedger, createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance, type SandboxMember } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { createVault } from './createVault.js'
import { loadMasterKey } from './crypto/masterKey.js'
import { deriveKey, hmacHex, open } from './crypto/subjectKeys.js'
import { vaultModule } from './module/vaultModule.js'
import type { Vault } from './types.js'

const CITIZEN = 'did:key:zDnaeCitizenOfZug0000000000000000000000000000'
const BIRTHDATE = 'birthdate-2001-04-01-Anna-Muster'

describe('the personal-data vault', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-vault-'))
  const { genesis, members } = createSandboxNetwork({ organisations: ['Zug'], now: Date.now() })
  const zug = members[0] as SandboxMember
  const ledgerPath = join(dir, 'ledger.sqlite')
  const vaultPath = join(dir, 'vault.sqlite')
  let ledger: Ledger
  let vault: Vault
  let ledgerDown = false

  const submit = async (action: string, args: Record<string, unknown>) => {
    if (ledgerDown) throw new Error('ledger unreachable')
    const tx = signTestTransaction({ ...zug, network: genesis.network, module: 'vault', action, args, now: Date.now() })
    const [result] = (await ledger.submit([tx])) as [SubmitResult]
    if (!result.ok || result.outcome.status !== 'accepted') throw new Error(`not logged: ${JSON.stringify(result)}`)
  }

  before(async () => {
    ledger = await createLedger({
      genesis,
      keys: zug.nodeKeys,
      modules: [governance, vaultModule],
      path: ledgerPath,
      verifierThreads: 0,
      blockIntervalMs: 1,
      logger: { error: () => {}, warn: () => {} },
    })
    const masterKey = loadMasterKey({ dir })
    vault = createVault({
      path: vaultPath,
      masterKey,
      logAccess: (entry) => submit('logAccess', { ...entry }),
      logErasure: (entry) => submit('logErasure', { ...entry }),
    })
  })
  after(async () => {
    vault.close()
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps records encrypted, bound to subject and record id, and logs each read with its purpose', async () => {
    const { id } = await vault.put({ subject: CITIZEN, kind: 'residency', data: { birthdate: BIRTHDATE } })
    assert.equal(readFileSync(vaultPath).includes(BIRTHDATE), false)
    const record = await vault.read({ subject: CITIZEN, id, purpose: 'residency credential issuance' })
    assert.deepEqual(record.data, { birthdate: BIRTHDATE })
    await assert.rejects(vault.read({ subject: 'did:key:zSomeoneElse', id, purpose: 'x' }), { code: 'NOT_FOUND' })
    await assert.rejects(vault.read({ subject: CITIZEN, id, purpose: ' ' }), { code: 'INVALID_REQUEST' })

    const pseudonym = vault.pseudonymOf(CITIZEN) as string
    assert.match(pseudonym, /^[0-9a-f]{64}$/)
    const log = ledger.query('vault', 'accessLog', { subject: pseudonym }) as { items: Record<string, unknown>[] }
    assert.deepEqual(
      log.items.map(({ organisation, purpose, kind, type }) => ({ organisation, purpose, kind, type })),
      [{ organisation: 'zug', purpose: 'residency credential issuance', kind: 'residency', type: 'accessLogged' }],
    )
    // The ledger never sees the subject id.
    const entries = ledger.entries({ from: 0, limit: 100 })
    assert.equal(JSON.stringify(entries.map((e) => e.entry)).includes(CITIZEN), false)
  })

  it('discloses nothing when the read cannot be logged', async () => {
    const { id } = await vault.put({ subject: CITIZEN, kind: 'tax', data: { income: 1 } })
    ledgerDown = true
    try {
      await assert.rejects(vault.read({ subject: CITIZEN, id, purpose: 'audit' }), { code: 'ACCESS_NOT_LOGGED' })
    } finally {
      ledgerDown = false
    }
  })

  it('refuses a ciphertext moved to another record (AAD binds subject and record id)', async () => {
    const a = await vault.put({ subject: CITIZEN, kind: 'residency', data: { birthdate: BIRTHDATE } })
    const b = await vault.put({ subject: CITIZEN, kind: 'residency', data: { birthdate: 'other' } })
    const { Database } = await import('./testDatabase.js')
    Database(vaultPath).replaceSealed(b.id, Database(vaultPath).record(a.id) as Buffer)
    await assert.rejects(vault.read({ subject: CITIZEN, id: b.id, purpose: 'tamper check' }), /authenticate/)
    assert.deepEqual((await vault.read({ subject: CITIZEN, id: a.id, purpose: 'tamper check' })).data, {
      birthdate: BIRTHDATE,
    })
  })

  it('erases by destroying the subject key: nothing readable remains in the file or a copy, the ledger audits clean', async () => {
    const { id } = await vault.put({ subject: CITIZEN, kind: 'residency', data: { birthdate: BIRTHDATE } })
    const masterKey = loadMasterKey({ dir, create: false })
    const lookup = hmacHex(deriveKey(masterKey, 'tabularium/vault/v1/lookup'), CITIZEN)
    const { Database } = await import('./testDatabase.js')
    const row = Database(vaultPath).subject(lookup)
    assert.ok(row !== undefined)
    const secret = open({
      key: deriveKey(masterKey, 'tabularium/vault/v1/wrap'),
      sealed: row.wrapped,
      aad: Buffer.from(`tabularium/vault/v1/subject\n${lookup}`),
    })
    const sealedRecord = Database(vaultPath).record(id) as Buffer
    assert.ok(readFileSync(vaultPath).includes(row.wrapped), 'the wrapped key is in the file before erasure')

    const pseudonym = vault.pseudonymOf(CITIZEN) as string
    const erased = await vault.erase({ subject: CITIZEN })
    assert.deepEqual([erased.records, erased.pseudonym], [5, pseudonym])
    const backup = join(dir, 'vault-backup.sqlite')
    copyFileSync(vaultPath, backup)
    for (const file of [vaultPath, backup]) {
      const bytes = readFileSync(file)
      for (const needle of [
        Buffer.from(BIRTHDATE),
        Buffer.from(CITIZEN),
        Buffer.from(lookup),
        secret,
        row.wrapped,
        sealedRecord,
      ]) {
        assert.equal(bytes.includes(needle), false, `${file} still holds ${needle.toString('hex').slice(0, 16)}…`)
      }
    }
    assert.equal(vault.pseudonymOf(CITIZEN), undefined)
    await assert.rejects(vault.read({ subject: CITIZEN, id, purpose: 'after erasure' }), { code: 'NOT_FOUND' })
    const log = ledger.query('vault', 'accessLog', { subject: pseudonym }) as { items: { type: string }[] }
    assert.equal(log.items[0]?.type, 'erased')
    const audit = await auditLedger({
      path: ledgerPath,
      genesis,
      modules: [governance, vaultModule],
      verifierThreads: 0,
    })
    assert.equal(audit.ok, true, JSON.stringify(audit))
  })
})
