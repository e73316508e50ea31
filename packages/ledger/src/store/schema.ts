/**
 * The SQLite schema of a ledger file. Everything a block changes lives in one
 * file so that one SQLite transaction commits it all (DESIGN §2.3).
 *
 * - `entries`: the log's leaves, by index; `txid` is the raw 32-byte id.
 * - `nodes`: every complete Merkle subtree hash, `(level, idx)`; level 0 holds
 *   the leaf hashes. Proofs, tiles and the frontier read from here.
 * - `state`: module key-value state; `value` is JCS text; `idx` is the index of
 *   the entry that last wrote it (so an audit can name where a value came from).
 * - `nonces`: `(signer, nonce)` pairs accepted and still inside their expiry.
 * - `events`: events of accepted entries, for projections and event streams.
 * - `checkpoints`: the signed checkpoint after every block.
 * - `meta`: genesis, genesis state digest; `migrations`: applied projection steps.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entries (
  idx INTEGER PRIMARY KEY,
  txid BLOB NOT NULL UNIQUE,
  block INTEGER NOT NULL,
  leaf BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state (
  module TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  idx INTEGER NOT NULL,
  PRIMARY KEY (module, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nonces (
  signer TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires INTEGER NOT NULL,
  PRIMARY KEY (signer, nonce)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nonces_by_expiry ON nonces (expires);
CREATE TABLE IF NOT EXISTS events (
  idx INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  module TEXT NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (idx, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  tree_size INTEGER PRIMARY KEY,
  block INTEGER NOT NULL,
  root BLOB NOT NULL,
  state TEXT NOT NULL,
  note TEXT NOT NULL,
  time TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS migrations (
  module TEXT NOT NULL,
  step INTEGER NOT NULL,
  PRIMARY KEY (module, step)
) WITHOUT ROWID;
`
