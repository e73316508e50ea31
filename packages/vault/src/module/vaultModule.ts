import {
  defineAction,
  defineModule,
  defineQuery,
  type ProjectionDefinition,
  type StateReader,
} from '@tabularium/ledger'
import { z } from 'zod'

/** The module's name. */
export const VAULT = 'vault'

/** The role that lets a non-member DID log reads (members may already). */
export const READER_ROLE = 'vault:reader'

const PseudonymSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a subject pseudonym (64 hex digits)')

const organisationOf = (ctx: StateReader, did: string): string =>
  ctx.of('governance').get<string>(`memberDids/${did}`) ?? did

/**
 * `logAccess`: an organisation read a subject's record in the vault, for a
 * purpose. Only the pseudonym reaches the ledger, never the subject id.
 *
 * @example { subject: '<64 hex>', purpose: 'residency check', kind: 'residency' }
 */
const logAccess = defineAction({
  description: "Logs a read of a data subject's vault record: pseudonym, purpose, record kind.",
  args: z.strictObject({
    subject: PseudonymSchema,
    purpose: z.string().min(1).max(200),
    kind: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/),
  }),
  access: { roles: ['member', READER_ROLE] },
  execute(ctx, args) {
    ctx.emit('accessLogged', { ...args, organisation: organisationOf(ctx, ctx.signer) })
  },
})

/** `logErasure`: the subject's key was destroyed. @example { subject: '<64 hex>' } */
const logErasure = defineAction({
  description: "Logs the erasure (crypto-shredding) of a data subject's vault records.",
  args: z.strictObject({ subject: PseudonymSchema }),
  access: { roles: ['member', READER_ROLE] },
  execute(ctx, args) {
    ctx.emit('erased', { subject: args.subject, organisation: organisationOf(ctx, ctx.signer) })
  },
})

/**
 * `accessLog`: "who used my data, when, for what" — the reads and erasures
 * logged under a pseudonym, newest first.
 *
 * @example GET /v1/modules/vault/queries/accessLog?subject=<pseudonym>
 */
const accessLog = defineQuery({
  description: 'Reads and erasures logged under a subject pseudonym, newest first.',
  params: z.strictObject({ subject: PseudonymSchema, limit: z.coerce.number().int().min(1).max(500).default(100) }),
  run(ctx, { subject, limit }) {
    const items = ctx.db
      .prepare(
        `SELECT seq AS "index", txid, time, type, organisation, signer, purpose, kind
         FROM vault_access WHERE subject = ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(subject, limit)
    return { subject, items }
  },
})

const projection: ProjectionDefinition = {
  tables: ['vault_access'],
  migrations: [
    `CREATE TABLE IF NOT EXISTS vault_access (seq INTEGER PRIMARY KEY, txid TEXT NOT NULL, time TEXT NOT NULL,
       type TEXT NOT NULL, subject TEXT NOT NULL, organisation TEXT NOT NULL, signer TEXT NOT NULL,
       purpose TEXT, kind TEXT)`,
    'CREATE INDEX IF NOT EXISTS vault_access_subject ON vault_access (subject, seq)',
  ],
  apply(db, e) {
    if (e.type !== 'accessLogged' && e.type !== 'erased') return
    const d = e.data as Record<string, string | undefined>
    db.prepare(
      `INSERT OR REPLACE INTO vault_access (seq, txid, time, type, subject, organisation, signer, purpose, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.index, e.txid, e.time, e.type, d.subject, d.organisation, e.signer, d.purpose ?? null, d.kind ?? null)
  },
}

/**
 * The `vault` ledger module: the public trace of the personal-data vault.
 * No state, only events (into `vault_access`), so nothing on the ledger
 * names a person.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, vaultModule] })
 */
export const vaultModule = defineModule({
  name: VAULT,
  description: 'Logs every read and erasure of personal data in the vault, under subject pseudonyms.',
  actions: { logAccess, logErasure },
  queries: { accessLog },
  projection,
})
