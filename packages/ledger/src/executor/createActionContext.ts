import type { ActionContext, Json } from '../module/defineModule.js'
import type { Overlay } from './createOverlay.js'
import { ModuleStateReader } from './createStateReader.js'
import { deriveRandom } from './deriveRandom.js'
import { fastCanonicalize as canonicalize } from './fastCanonicalize.js'
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

/** The context of one action; owns the "sealed" flag, hence a class. */
class TransactionContext extends ModuleStateReader implements ActionContext {
  readonly txid: string
  readonly signer: string
  readonly time: string
  readonly index: number
  private sealed = false

  constructor(private readonly p: CreateActionContextParameters) {
    super(p.view, p.module)
    this.txid = p.txid
    this.signer = p.signer
    this.time = p.time
    this.index = p.index
  }

  put(key: string, value: Json): void {
    this.assertOpen()
    this.p.view.put(this.module, checkKey(key), canonicalize(value))
  }

  delete(key: string): void {
    this.assertOpen()
    this.p.view.put(this.module, checkKey(key), null)
  }

  emit(type: string, data: Record<string, Json>): void {
    this.assertOpen()
    if (typeof type !== 'string' || type.length === 0 || type.length > 64) throw new Error('bad event type')
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new Error('event data must be an object')
    this.p.events.push({ module: this.module, type, data: canonicalize(data) })
  }

  random(label: string, length?: number): Uint8Array {
    return deriveRandom(length === undefined ? { txid: this.txid, label } : { txid: this.txid, label, length })
  }

  hasRole(did: string, role: string): boolean {
    return this.p.hasRole(this.p.view, did, role)
  }

  seal(): void {
    this.sealed = true
  }

  private assertOpen(): void {
    if (this.sealed) throw new Error('the action context is used after the action returned')
  }
}

/**
 * The context one action executes with. Writes go to `view` (the
 * transaction's overlay) as JCS text; after `seal()` every write throws, so an
 * action that keeps the context (or is async) cannot write after its turn.
 *
 * @example const ctx = createActionContext({ view, module: 'notary', txid, signer, time, index, hasRole, events })
 */
export function createActionContext(p: CreateActionContextParameters): ActionContext & { seal(): void } {
  return new TransactionContext(p)
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Error(`state keys are strings of 1..${MAX_KEY_LENGTH} characters`)
  }
  return key
}
