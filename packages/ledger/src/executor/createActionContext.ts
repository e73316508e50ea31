import { canonicalize } from '@tabularium/core'
import type { ActionContext, Json } from '../module/defineModule.js'
import { createStateReader } from './createStateReader.js'
import type { Overlay } from './createOverlay.js'
import { deriveRandom } from './deriveRandom.js'
import type { RoleChecker } from './roles.js'

/** An event as emitted: its module, type and the JCS text of its data. */
export interface EmittedEvent {
  module: string
  type: string
  data: string
}

/** Longest state key a module may write. */
export const MAX_KEY_LENGTH = 1024

/** Parameters of `createActionContext`. */
export interface CreateActionContextParameters {
  view: Overlay
  module: string
  txid: string
  signer: string
  time: string
  index: number
  hasRole: RoleChecker
  events: EmittedEvent[]
}

/**
 * The context one action executes with. Writes go to `view` (the
 * transaction's overlay) as JCS text; after `seal()` every write throws, so an
 * action that keeps the context (or is async) cannot write after its turn.
 *
 * @example const ctx = createActionContext({ view, module: 'notary', txid, signer, time, index, hasRole, events })
 */
export function createActionContext(p: CreateActionContextParameters): ActionContext & { seal(): void } {
  let sealed = false
  const assertOpen = () => {
    if (sealed) throw new Error('the action context is used after the action returned')
  }
  return {
    ...createStateReader({ view: p.view, module: p.module }),
    txid: p.txid,
    signer: p.signer,
    time: p.time,
    index: p.index,
    put(key: string, value: Json) {
      assertOpen()
      p.view.put(p.module, checkKey(key), canonicalize(value))
    },
    delete(key: string) {
      assertOpen()
      p.view.put(p.module, checkKey(key), null)
    },
    emit(type: string, data: Record<string, Json>) {
      assertOpen()
      if (typeof type !== 'string' || type.length === 0 || type.length > 64) throw new Error('bad event type')
      if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('event data must be an object')
      p.events.push({ module: p.module, type, data: canonicalize(data) })
    },
    random: (label: string, length?: number) =>
      deriveRandom(length === undefined ? { txid: p.txid, label } : { txid: p.txid, label, length }),
    hasRole: (did: string, role: string) => p.hasRole(p.view, did, role),
    seal: () => {
      sealed = true
    },
  }
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Error(`state keys are strings of 1..${MAX_KEY_LENGTH} characters`)
  }
  return key
}
