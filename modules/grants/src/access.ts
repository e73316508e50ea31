import type { ActionContext, StateReader } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { fail } from './fail.js'
import { applicationKey, callKey } from './keys.js'
import type { Application, Call } from './types.js'

export function callOf(ctx: StateReader, id: string): Call {
  return ctx.get<Call>(callKey(id)) ?? fail('NOT_FOUND', `no call ${id}`, { call: id })
}

export function applicationOf(ctx: StateReader, call: string, id: string): Application {
  return (
    ctx.get<Application>(applicationKey(call, id)) ??
    fail('NOT_FOUND', `no application ${id} in call ${call}`, { call, application: id })
  )
}

/** The call, if the signer runs it (its creator or a DID of its funder organisation); NOT_OWNER otherwise. */
export function ownedCall(ctx: ActionContext, id: string): Call {
  const call = callOf(ctx, id)
  const mine = call.owner === ctx.signer || (call.funder !== null && findMemberId(ctx, ctx.signer) === call.funder)
  if (!mine) fail('NOT_OWNER', `only the funder of call ${id} may do this`, { call: id })
  return call
}

/** CALL_NOT_CLOSED unless the deadline has passed by ledger time and the call was closed. */
export function assertClosed(call: Call): void {
  if (call.status !== 'closed')
    fail('CALL_NOT_CLOSED', `call ${call.id} is sealed until it is closed after its deadline ${call.deadline}`, {
      call: call.id,
      deadline: call.deadline,
    })
}
