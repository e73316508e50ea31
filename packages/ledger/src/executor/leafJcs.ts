import { canonicalize } from '@tabularium/core'
import type { Outcome } from '@tabularium/protocol'

/** The parts of a log entry, with the transaction already in JCS form. */
export interface LeafParts {
  txid: string
  txJcs: string
  sig: string
  time: string
  block: number
  outcome: Outcome
  state: string
}

/**
 * JCS of a LogEntry (docs/leaf-encoding.md), assembled from parts: the
 * transaction was canonicalised once at admission and is not re-serialised.
 * Members are in JCS order: block, outcome, sig, state, time, tx, txid, v.
 *
 * @example leafJcs(parts) === canonicalize(entry) // true
 */
export function leafJcs(p: LeafParts): string {
  const outcome =
    p.outcome.status === 'accepted' ? `{"events":"${p.outcome.events}","status":"accepted"}` : canonicalize(p.outcome)
  return (
    `{"block":${p.block},"outcome":${outcome},"sig":${JSON.stringify(p.sig)},"state":"${p.state}",` +
    `"time":"${p.time}","tx":${p.txJcs},"txid":"${p.txid}","v":1}`
  )
}

/** JCS of an emitted event `{ data, module, type }`, its data being JCS already. */
export function eventJcs(event: { module: string; type: string; data: string }): string {
  return `{"data":${event.data},"module":${JSON.stringify(event.module)},"type":${JSON.stringify(event.type)}}`
}
