import { type ActionContext, defineAction } from '@tabularium/ledger'
import { documentAt, isActiveAt } from '../did/documentAt.js'
import { fail } from '../fail.js'
import { keys, LIMITS, ROLES } from '../keys.js'
import { AccreditArgsSchema, RevokeAccreditationArgsSchema } from '../schemas.js'
import type { Accreditation } from '../types.js'
import { accreditationsOf, checkChain } from './chain.js'

/**
 * `accredit`: an entry of the trusted-issuers registry. A Root TAO is
 * accredited by a holder of `registry:root`; a TAO or TI by a controller of
 * an organisation that holds a Root TAO or TAO accreditation (`parent`)
 * covering every credential type, whose chain holds now. The id is the
 * first 16 hex digits of the txid; credentials point at it in `termsOfUse`.
 *
 * @example { subject: 'did:tab:zug', kind: 'TI', credentialTypes: ['ResidencyCredential'], parent: 'a1b2c3d4e5f60718' }
 */
export const accredit = defineAction({
  description: 'Accredits an organisation DID as Root TAO, TAO or trusted issuer (TI) for credential types.',
  args: AccreditArgsSchema,
  access: { roles: [ROLES.root, ROLES.tao] },
  execute(ctx, args) {
    if (!isActiveAt(ctx, args.subject))
      fail('DID_NOT_FOUND', 'subject DID is not registered or deactivated', { did: args.subject })
    if (accreditationsOf(ctx, args.subject).length >= LIMITS.accreditationsPerIssuer) {
      fail('LIMIT_EXCEEDED', 'the DID holds too many accreditations', { limit: LIMITS.accreditationsPerIssuer })
    }
    const accreditor = args.kind === 'RootTAO' ? checkRoot(ctx, args) : checkParent(ctx, args)
    const id = ctx.txid.slice(0, 16)
    const accreditation: Accreditation = {
      id,
      subject: args.subject,
      kind: args.kind,
      credentialTypes: [...new Set(args.credentialTypes)],
      parent: args.parent ?? null,
      accreditor,
      signer: ctx.signer,
      txid: ctx.txid,
      validFrom: ctx.time,
      validUntil: args.validUntil ?? null,
      revoked: null,
    }
    ctx.put(keys.accreditation(id), accreditation)
    ctx.put(keys.issuerAccreditation(args.subject, id), true)
    const { subject, kind, credentialTypes, parent } = accreditation
    ctx.emit('accredited', { id, subject, kind, credentialTypes, parent, accreditor })
  },
})

function checkRoot(ctx: ActionContext, args: { parent?: string | undefined }): null {
  if (!ctx.hasRole(ctx.signer, ROLES.root))
    fail('UNAUTHORISED', `a Root TAO is accredited by a holder of ${ROLES.root}`)
  if (args.parent !== undefined) fail('INVALID_ARGS', 'a Root TAO has no parent accreditation')
  return null
}

function checkParent(ctx: ActionContext, args: { parent?: string | undefined; credentialTypes: string[] }): string {
  const parentId = args.parent ?? fail('INVALID_ARGS', 'a TAO or TI needs the parent accreditation of its accreditor')
  const parent =
    ctx.get<Accreditation>(keys.accreditation(parentId)) ??
    fail('NOT_FOUND', 'no such accreditation', { parent: parentId })
  if (parent.kind === 'TI') fail('UNAUTHORISED', 'a trusted issuer cannot accredit', { parent: parentId })
  if (!documentAt(ctx, parent.subject)?.document.controller.includes(ctx.signer)) {
    fail('NOT_OWNER', "only a controller of the accreditor's DID may accredit from its accreditation", {
      parent: parentId,
    })
  }
  for (const type of args.credentialTypes) {
    const chain = checkChain(ctx, { id: parentId, type, at: ctx.time })
    if (!chain.ok)
      fail('ISSUER_NOT_ACCREDITED', `the accreditor is not accredited for ${type}: ${chain.reason}`, {
        parent: parentId,
        type,
      })
  }
  return parent.subject
}

/**
 * `revokeAccreditation`: by a holder of `registry:root`, or a controller of
 * the accreditor's DID. Everything accredited from it fails its chain check
 * from this entry's time on; the record stays, with its revocation.
 *
 * @example { id: 'a1b2c3d4e5f60718', reason: 'licence withdrawn' }
 */
export const revokeAccreditation = defineAction({
  description: 'Revokes an accreditation (and so every chain through it) from now on.',
  args: RevokeAccreditationArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record =
      ctx.get<Accreditation>(keys.accreditation(args.id)) ?? fail('NOT_FOUND', 'no such accreditation', { id: args.id })
    const byAccreditor =
      record.accreditor !== null &&
      documentAt(ctx, record.accreditor)?.document.controller.includes(ctx.signer) === true
    if (!byAccreditor && !ctx.hasRole(ctx.signer, ROLES.root)) {
      fail('NOT_OWNER', 'only the accreditor or a registry root may revoke an accreditation', { id: args.id })
    }
    if (record.revoked !== null) fail('ALREADY_REVOKED', 'accreditation is revoked already', { id: args.id })
    const revoked = { time: ctx.time, signer: ctx.signer, reason: args.reason, txid: ctx.txid }
    ctx.put(keys.accreditation(args.id), { ...record, revoked })
    ctx.emit('accreditationRevoked', { id: args.id, subject: record.subject, reason: args.reason })
  },
})
