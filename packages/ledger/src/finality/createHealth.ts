/** Why a node stopped writing. */
export type HaltReason = 'diverged' | 'altered' | 'commit-failed'

/** A node's health as /readyz and /metrics report it. */
export type NodeHealth =
  | { status: 'ok' }
  | { status: 'stopped'; reason: HaltReason; message: string; since: string; details?: Record<string, unknown> }

/** The one place a ledger records that it must stop writing. */
export interface Health {
  current(): NodeHealth
  readonly halted: boolean
  /** Records the first halt (later ones are logged by their callers only) and tells the listeners. */
  halt(reason: HaltReason, message: string, details?: Record<string, unknown>): void
  onHalt(listener: (health: NodeHealth) => void): void
}

/**
 * A node's health: ok until something makes it stop writing for good — a
 * divergence from the quorum, a file altered behind its back, a block that
 * failed to commit. There is no way back but an operator's restart.
 *
 * @example const health = createHealth(); health.halt('diverged', 'root differs at 120', { treeSize: 120 })
 */
export function createHealth(clock: () => number = Date.now): Health {
  let health: NodeHealth = { status: 'ok' }
  const listeners: ((health: NodeHealth) => void)[] = []
  return {
    current: () => health,
    get halted() {
      return health.status === 'stopped'
    },
    halt(reason, message, details) {
      if (health.status === 'stopped') return
      const since = new Date(clock()).toISOString()
      health =
        details === undefined
          ? { status: 'stopped', reason, message, since }
          : { status: 'stopped', reason, message, since, details }
      for (const listener of listeners) listener(health)
    },
    onHalt: (listener) => void listeners.push(listener),
  }
}
