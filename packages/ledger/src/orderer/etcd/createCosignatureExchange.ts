import type { Finality } from '../../finality/createFinality.js'
import type { Health } from '../../finality/createHealth.js'
import type { LedgerLogger } from '../../sequencer/logger.js'
import { abortableSleep } from './abortableSleep.js'
import { decodeClaims, encodeClaims, MAX_CLAIMS_PER_MESSAGE } from './claimCodec.js'
import type { EtcdClient, EtcdKeyValue } from './etcdClient.js'

/** Parameters of `startCosignatureExchange`. */
export interface CosignatureExchangeParameters {
  etcd: EtcdClient
  /** e.g. `/tabularium/<network>/cosignatures/`; each member writes one key under it, its id. */
  prefix: string
  finality: Finality
  health: Health
  logger: LedgerLogger
  /** How often this node publishes its new cosignatures (one put each time). */
  intervalMs?: number
}

/**
 * Exchanges cosignatures between the members' nodes through the same etcd
 * cluster that orders the batches: every `intervalMs` this node puts its
 * cosignatures of the checkpoints it executed since the last put under its
 * member id (one key per member, overwritten: etcd keeps the history the
 * watchers need), and it watches the others' keys. A halted node publishes
 * nothing more: it refuses to cosign.
 *
 * @example const exchange = startCosignatureExchange({ etcd, prefix, finality, health, logger }); … await exchange.stop()
 */
export function startCosignatureExchange(p: CosignatureExchangeParameters): { stop(): Promise<void> } {
  const abort = new AbortController()
  let putting = false
  let failures = 0
  const publish = async () => {
    const self = p.finality.self()
    const claims = p.finality.unpublished(MAX_CLAIMS_PER_MESSAGE)
    const last = claims.at(-1)
    if (putting || p.health.halted || self === undefined || last === undefined) return
    putting = true
    try {
      await p.etcd.put(`${p.prefix}${self.id}`, encodeClaims(self.id, claims))
      p.finality.published(last.treeSize)
      failures = 0
    } catch (error) {
      if (failures++ % 50 === 0) p.logger.warn({ err: error }, 'cosignatures could not be published to etcd; retrying')
    } finally {
      putting = false
    }
  }
  const timer = setInterval(() => void publish(), p.intervalMs ?? 100)
  timer.unref()
  // The alarm to the other members: no cosignature, only that this node stopped and why.
  p.health.onHalt((health) => {
    const self = p.finality.self()
    if (self === undefined || health.status !== 'stopped') return
    const halted = { reason: health.reason, message: health.message.slice(0, 500) }
    p.etcd.put(`${p.prefix}${self.id}`, encodeClaims(self.id, [], halted)).catch((error) => {
      p.logger.warn({ err: error }, 'the halt could not be announced to the other members')
    })
  })
  const receive = (kv: EtcdKeyValue) => {
    const message = decodeClaims(kv.value)
    const keyMember = kv.key.slice(p.prefix.length)
    if (message === undefined || message.member !== keyMember) {
      p.logger.warn({ key: kv.key }, 'a malformed cosignature message in etcd is ignored')
      return
    }
    p.finality.onClaims(message.member, message.claims)
    if (message.halted !== undefined) p.finality.onHalted(message.member, message.halted.reason)
  }
  const watching = watchClaims({ ...p, signal: abort.signal, receive })
  return {
    async stop() {
      clearInterval(timer)
      abort.abort()
      await watching
    },
  }
}

async function watchClaims(p: {
  etcd: EtcdClient
  prefix: string
  logger: LedgerLogger
  signal: AbortSignal
  receive(kv: EtcdKeyValue): void
}): Promise<void> {
  let failures = 0
  while (!p.signal.aborted) {
    try {
      // The members' latest messages first, then every new one.
      const current = await p.etcd.range({ prefix: p.prefix, minModRevision: 1, limit: 1_000 })
      for (const kv of current.kvs) p.receive(kv)
      failures = 0
      await p.etcd.watch({ prefix: p.prefix, startRevision: current.revision + 1, signal: p.signal, onPut: p.receive })
    } catch (error) {
      if (p.signal.aborted) return
      if (failures++ % 20 === 0)
        p.logger.warn({ err: error }, 'watching cosignatures in etcd was interrupted; resuming')
      await abortableSleep(Math.min(1_000, 50 * 2 ** Math.min(failures, 5)), p.signal)
    }
  }
}
