import type { Json, ProjectedEvent, ProjectionDefinition } from '@tabularium/ledger'
import type { Database } from 'better-sqlite3'
import { statement } from './sqlite.js'

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS vouchers_funds (id TEXT PRIMARY KEY, name TEXT NOT NULL, organisation TEXT,
     budget INTEGER NOT NULL, opens_at TEXT NOT NULL, closes_at TEXT NOT NULL, eligibility TEXT NOT NULL,
     voucher_kind TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS vouchers_vouchers (id TEXT PRIMARY KEY, fund TEXT NOT NULL, holder TEXT,
     value INTEGER NOT NULL, balance INTEGER NOT NULL, basis TEXT NOT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS vouchers_vouchers_holder ON vouchers_vouchers (holder)',
  'CREATE INDEX IF NOT EXISTS vouchers_vouchers_fund ON vouchers_vouchers (fund)',
  `CREATE TABLE IF NOT EXISTS vouchers_redemptions (txid TEXT PRIMARY KEY, seq INTEGER NOT NULL, fund TEXT NOT NULL,
     provider TEXT NOT NULL, voucher TEXT NOT NULL, amount INTEGER NOT NULL, refunded INTEGER NOT NULL DEFAULT 0,
     category TEXT NOT NULL, offer TEXT, time TEXT NOT NULL, day TEXT NOT NULL, month TEXT NOT NULL, settlement TEXT)`,
  'CREATE INDEX IF NOT EXISTS vouchers_redemptions_fund ON vouchers_redemptions (fund, seq)',
  'CREATE INDEX IF NOT EXISTS vouchers_redemptions_provider ON vouchers_redemptions (provider, seq)',
  `CREATE TABLE IF NOT EXISTS vouchers_providers (id TEXT PRIMARY KEY, did TEXT NOT NULL, name TEXT NOT NULL,
     categories TEXT NOT NULL, registered_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS vouchers_approvals (fund TEXT NOT NULL, provider TEXT NOT NULL, status TEXT NOT NULL,
     at TEXT NOT NULL, PRIMARY KEY (fund, provider))`,
  `CREATE TABLE IF NOT EXISTS vouchers_offers (provider TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
     category TEXT NOT NULL, price INTEGER NOT NULL, product TEXT, active INTEGER NOT NULL, PRIMARY KEY (provider, id))`,
  `CREATE TABLE IF NOT EXISTS vouchers_settlements (id TEXT PRIMARY KEY, fund TEXT NOT NULL, created_at TEXT NOT NULL,
     execution_date TEXT NOT NULL, total INTEGER NOT NULL, count INTEGER NOT NULL, status TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS vouchers_reimbursements (id TEXT PRIMARY KEY, fund TEXT NOT NULL, voucher TEXT NOT NULL,
     amount INTEGER NOT NULL, category TEXT NOT NULL, status TEXT NOT NULL, time TEXT NOT NULL)`,
]

type Data = Record<string, any>
const run = (db: Database, sql: string, ...values: unknown[]) => statement(db, sql).run(...values)

const APPLY: Record<string, (db: Database, e: ProjectedEvent, d: Data) => void> = {
  fundCreated: (db, e, d) =>
    run(
      db,
      `INSERT OR REPLACE INTO vouchers_funds VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
      d.fund,
      d.name,
      d.organisation,
      d.budget,
      d.opensAt,
      d.closesAt,
      d.eligibility,
      d.voucherKind,
      e.time,
    ),
  fundClosed: (db, _e, d) => run(db, `UPDATE vouchers_funds SET status = 'closed' WHERE id = ?`, d.fund),
  vouchersIssued: (db, e, d) => {
    for (const v of d.vouchers as Data[])
      run(
        db,
        'INSERT OR REPLACE INTO vouchers_vouchers VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        v.id,
        d.fund,
        v.holder,
        v.value,
        v.value,
        v.basis,
        e.time,
        v.expiresAt,
      )
  },
  redeemed: (db, e, d) => {
    run(
      db,
      'INSERT OR REPLACE INTO vouchers_redemptions (txid, seq, fund, provider, voucher, amount, category, offer, time, day, month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      e.txid,
      e.index,
      d.fund,
      d.provider,
      d.voucher,
      d.amount,
      d.category,
      d.offer,
      e.time,
      e.time.slice(0, 10),
      e.time.slice(0, 7),
    )
    run(db, 'UPDATE vouchers_vouchers SET balance = ? WHERE id = ?', d.balance, d.voucher)
  },
  refunded: (db, _e, d) => {
    run(db, 'UPDATE vouchers_redemptions SET refunded = refunded + ? WHERE txid = ?', d.amount, d.redemption)
    run(db, 'UPDATE vouchers_vouchers SET balance = ? WHERE id = ?', d.balance, d.voucher)
  },
  providerRegistered: (db, e, d) =>
    run(
      db,
      'INSERT OR REPLACE INTO vouchers_providers VALUES (?, ?, ?, ?, ?)',
      d.provider,
      e.signer,
      d.name,
      JSON.stringify(d.categories),
      e.time,
    ),
  providerApplied: (db, e, d) =>
    run(db, `INSERT OR REPLACE INTO vouchers_approvals VALUES (?, ?, 'pending', ?)`, d.fund, d.provider, e.time),
  providersDecided: (db, e, d) => {
    for (const provider of d.providers as string[])
      run(db, 'INSERT OR REPLACE INTO vouchers_approvals VALUES (?, ?, ?, ?)', d.fund, provider, d.status, e.time)
  },
  offerSaved: (db, _e, d) =>
    run(
      db,
      'INSERT OR REPLACE INTO vouchers_offers VALUES (?, ?, ?, ?, ?, ?, ?)',
      d.provider,
      d.id,
      d.name,
      d.category,
      d.price,
      d.product,
      d.active ? 1 : 0,
    ),
  settlementCreated: (db, e, d) => {
    run(
      db,
      `INSERT INTO vouchers_settlements VALUES (?, ?, ?, ?, ?, ?, 'created')`,
      d.id,
      d.fund,
      e.time,
      d.executionDate,
      d.total,
      d.count,
    )
    for (const provider of d.providers as string[])
      run(
        db,
        'UPDATE vouchers_redemptions SET settlement = ? WHERE fund = ? AND provider = ? AND settlement IS NULL AND seq < ?',
        d.id,
        d.fund,
        provider,
        e.index,
      )
  },
  settlementPaid: (db, _e, d) => run(db, `UPDATE vouchers_settlements SET status = 'paid' WHERE id = ?`, d.id),
  reimbursementRequested: (db, e, d) =>
    run(
      db,
      `INSERT INTO vouchers_reimbursements VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      d.id,
      d.fund,
      d.voucher,
      d.amount,
      d.category,
      e.time,
    ),
  reimbursementDecided: (db, _e, d) => {
    run(db, 'UPDATE vouchers_reimbursements SET status = ? WHERE id = ?', d.status, d.id)
    if (d.status === 'approved')
      run(db, 'UPDATE vouchers_vouchers SET balance = balance - ? WHERE id = ?', d.amount, d.voucher)
  },
}

/**
 * The vouchers read model: funds, vouchers (balance, holder), redemptions
 * (for spending by provider, category and time), providers, approvals,
 * offers, settlements and reimbursements.
 */
export const vouchersProjection: ProjectionDefinition = {
  tables: [
    'vouchers_funds',
    'vouchers_vouchers',
    'vouchers_redemptions',
    'vouchers_providers',
    'vouchers_approvals',
    'vouchers_offers',
    'vouchers_settlements',
    'vouchers_reimbursements',
  ],
  migrations: MIGRATIONS,
  apply(db, event) {
    // Unknown event types are skipped, so replays survive newer modules.
    APPLY[event.type]?.(db, event, event.data as Record<string, Json>)
  },
}
