import type { Ledger } from '@tabularium/ledger'
import type { Logger } from 'pino'
import type { WitnessConfig } from '../config/witnessConfigSchema.js'
import { type OutsideWitnessState, outsideWitnessState, pushCheckpoint } from './pushCheckpoint.js'

/** One outside witness as GET /v1/witnesses shows it. */
export interface OutsideWitnessStatus {
  url: string
  /** The witness key's name. */
  name: string
  key: string
  cosignedSize: number | null
  cosignedAt: string | null
  /** This node's checkpoint of that size with the witness's cosignature appended. */
  note: string | null
  lastError: { code: string; message: string; at: string } | null
  cosignatures: number
  failures: number
}

/** The background task that pushes this node's checkpoints to outside witnesses. */
export interface WitnessPusher {
  status(): OutsideWitnessStatus[]
  /** Pushes to every witness now (what the timer does); resolves when all have answered. */
  pushNow(): Promise<void>
  /** Stops the timer and waits for the round in flight, aborting its requests. */
  stop(): Promise<void>
}

/** Options of `createWitnessPusher`. */
export interface CreateWitnessPusherParameters {
  ledger: Pick<Ledger, 'checkpoint' | 'consistencyProof' | 'genesis'>
  witnesses: WitnessConfig['push']
  intervalMs: number
  timeoutMs: number
  logger: Logger
  fetch?: typeof globalThis.fetch
  now?: () => number
}

/**
 * Every `intervalMs`, sends this node's latest checkpoint to each outside
 * witness whose cosignature is not for it yet (c2sp.org/tlog-witness),
 * verifies what comes back against that witness's key and keeps the latest
 * cosigned note per witness. Outside cosignatures are extra evidence, kept
 * apart from the members' cosignatures that make a checkpoint final. A
 * failure is logged once when it starts (not at every retry) and shown in
 * `status()` until a push succeeds.
 *
 * @example const pusher = createWitnessPusher({ ledger, witnesses: config.witness.push, intervalMs: 5000, timeoutMs: 10000, logger })
 */
export function createWitnessPusher(p: CreateWitnessPusherParameters): WitnessPusher {
  const { ledger, logger, now = Date.now } = p
  const states = p.witnesses.map(outsideWitnessState)
  const trust = { origin: ledger.genesis.origin, logKeys: ledger.genesis.members.map((member) => member.logKey) }
  const stopped = new AbortController()
  let round: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  const pushOne = async (state: OutsideWitnessState) => {
    const previous = state.lastError?.message
    const signal = AbortSignal.any([stopped.signal, AbortSignal.timeout(p.timeoutMs)])
    const context = {
      checkpoint: () => ledger.checkpoint(),
      consistencyProof: (from: number, to: number) => ledger.consistencyProof(from, to),
      trust,
      signal,
      now,
      ...(p.fetch === undefined ? {} : { fetch: p.fetch }),
    }
    try {
      await pushCheckpoint(state, context)
      if (previous !== undefined) logger.info({ witness: state.url }, 'outside witness cosigns again')
    } catch (err) {
      if (previous !== state.lastError?.message) logger.warn({ witness: state.url, err }, 'witness push failed')
    }
  }
  const pushNow = () => {
    round ??= Promise.all(states.map(pushOne)).then(() => {
      round = undefined
    })
    return round
  }
  const schedule = () => {
    if (stopped.signal.aborted || states.length === 0) return
    timer = setTimeout(() => void pushNow().finally(schedule), p.intervalMs)
    timer.unref()
  }
  schedule()
  return {
    status: () => states.map(statusOf),
    pushNow,
    async stop() {
      stopped.abort()
      clearTimeout(timer)
      await round
    },
  }
}

function statusOf(state: OutsideWitnessState): OutsideWitnessStatus {
  return {
    url: state.url,
    name: state.key.name,
    key: state.key.vkey,
    cosignedSize: state.cosigned?.treeSize ?? null,
    cosignedAt: state.cosigned?.at ?? null,
    note: state.cosigned?.note ?? null,
    lastError: state.lastError ?? null,
    cosignatures: state.cosignatures,
    failures: state.failures,
  }
}
