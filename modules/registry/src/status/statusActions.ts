import { type ActionContext, defineAction } from '@tabularium/ledger'
import { controlledRecord } from '../did/document.js'
import { fail } from '../fail.js'
import { keys, ROLES } from '../keys.js'
import { AllocateStatusArgsSchema, CreateStatusListArgsSchema, SetStatusArgsSchema } from '../schemas.js'
import type { StatusListRecord } from '../types.js'

/**
 * `createStatusList`: a revocation or suspension list of an issuer DID the
 * signer controls (role `registry:issuer`). The node serves it as a signed
 * status-list credential.
 *
 * @example { issuer: 'did:tab:zug', list: 'revocation-1', purpose: 'revocation' }
 */
export const createStatusList = defineAction({
  description: 'Creates a status list (revocation or suspension) of an issuer DID the signer controls.',
  args: CreateStatusListArgsSchema,
  access: { roles: [ROLES.issuer] },
  execute(ctx, args) {
    controlledRecord(ctx, args.issuer)
    const key = keys.statusList(args.issuer, args.list)
    if (ctx.get(key) !== undefined) fail('ALREADY_EXISTS', 'the issuer has a list of that name', { list: args.list })
    const record: StatusListRecord = { ...args, allocated: 0, created: ctx.time, updated: ctx.time }
    ctx.put(key, record)
    ctx.emit('statusListCreated', { issuer: args.issuer, list: args.list, purpose: args.purpose, format: args.format })
  },
})

/**
 * `allocateStatus`: takes the next index of a list for a new credential;
 * `LIMIT_EXCEEDED` when the list is full. The index is in the event.
 *
 * @example { issuer: 'did:tab:zug', list: 'revocation-1' } // event statusAllocated { index: 0 }
 */
export const allocateStatus = defineAction({
  description: 'Allocates the next index of a status list for a credential about to be issued.',
  args: AllocateStatusArgsSchema,
  access: { roles: [ROLES.issuer] },
  execute(ctx, args) {
    const list = ownList(ctx, args)
    if (list.allocated >= list.size) fail('LIMIT_EXCEEDED', 'the status list is full', { limit: list.size })
    ctx.put(keys.statusList(args.issuer, args.list), { ...list, allocated: list.allocated + 1, updated: ctx.time })
    ctx.emit('statusAllocated', { issuer: args.issuer, list: args.list, index: list.allocated })
  },
})

/** `revoke`: sets an allocated index of a revocation list, for good. @example { issuer, list, index: 42 } */
export const revoke = defineAction({
  description: 'Revokes a credential: sets its bit in a revocation list (final).',
  args: SetStatusArgsSchema,
  access: { roles: [ROLES.issuer] },
  execute(ctx, args) {
    setBit(ctx, args, { purpose: 'revocation', value: true, event: 'revoked' })
  },
})

/** `suspend`: sets an allocated index of a suspension list. @example { issuer, list, index: 42 } */
export const suspend = defineAction({
  description: 'Suspends a credential: sets its bit in a suspension list.',
  args: SetStatusArgsSchema,
  access: { roles: [ROLES.issuer] },
  execute(ctx, args) {
    setBit(ctx, args, { purpose: 'suspension', value: true, event: 'suspended' })
  },
})

/** `unsuspend`: clears an index of a suspension list. @example { issuer, list, index: 42 } */
export const unsuspend = defineAction({
  description: 'Lifts a suspension: clears the bit in a suspension list.',
  args: SetStatusArgsSchema,
  access: { roles: [ROLES.issuer] },
  execute(ctx, args) {
    setBit(ctx, args, { purpose: 'suspension', value: false, event: 'unsuspended' })
  },
})

function ownList(ctx: ActionContext, args: { issuer: string; list: string }): StatusListRecord {
  controlledRecord(ctx, args.issuer)
  return (
    ctx.get<StatusListRecord>(keys.statusList(args.issuer, args.list)) ??
    fail('NOT_FOUND', 'no such status list', { issuer: args.issuer, list: args.list })
  )
}

function setBit(
  ctx: ActionContext,
  args: { issuer: string; list: string; index: number },
  p: { purpose: StatusListRecord['purpose']; value: boolean; event: string },
): void {
  const list = ownList(ctx, args)
  const details = { issuer: args.issuer, list: args.list, index: args.index }
  if (list.purpose !== p.purpose) fail('CONFLICT', `the list is a ${list.purpose} list`, details)
  if (args.index >= list.allocated) fail('NOT_FOUND', 'the index was never allocated', details)
  const key = keys.statusBit(args.issuer, args.list, args.index)
  const set = ctx.get(key) === true
  if (set === p.value) {
    fail(
      p.purpose === 'revocation' ? 'ALREADY_REVOKED' : 'CONFLICT',
      `the bit is ${set ? 'set' : 'clear'} already`,
      details,
    )
  }
  if (p.value) ctx.put(key, true)
  else ctx.delete(key)
  ctx.put(keys.statusList(args.issuer, args.list), { ...list, updated: ctx.time })
  ctx.emit(p.event, details)
}
