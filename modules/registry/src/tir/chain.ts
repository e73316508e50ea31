import type { StateReader } from '@tabularium/ledger'
import { isActiveAt } from '../did/documentAt.js'
import { keys, LIMITS } from '../keys.js'
import type { Accreditation } from '../types.js'

/** The outcome of checking an accreditation chain. */
export type ChainResult = { ok: true; chain: Accreditation[] } | { ok: false; reason: string; at: string | null }

/**
 * Walks an accreditation chain from `id` up to a Root TAO, checking each
 * link at time `at`: it exists, is not revoked by then, is within its
 * validity, covers `type`, its subject DID is active, and each parent is a
 * Root TAO or TAO whose subject is the child's accreditor. At most 8 links.
 *
 * @example checkChain(state, { id: 'a1b2…', type: 'ResidencyCredential', at: now })
 */
export function checkChain(state: StateReader, p: { id: string; type: string; at: string }): ChainResult {
  const chain: Accreditation[] = []
  let id: string | null = p.id
  let child: Accreditation | undefined
  while (id !== null) {
    if (chain.length >= LIMITS.chainDepth) return { ok: false, reason: 'chain is too long', at: id }
    const link: Accreditation | undefined = state.get<Accreditation>(keys.accreditation(id))
    const problem = link === undefined ? 'no such accreditation' : linkProblem(state, link, p, child)
    if (link === undefined || problem !== undefined) return { ok: false, reason: problem ?? 'invalid', at: id }
    chain.push(link)
    child = link
    id = link.parent
  }
  return chain.at(-1)?.kind === 'RootTAO' ? { ok: true, chain } : { ok: false, reason: 'chain has no root', at: null }
}

function linkProblem(
  state: StateReader,
  link: Accreditation,
  p: { type: string; at: string },
  child: Accreditation | undefined,
): string | undefined {
  if (link.revoked !== null && link.revoked.time <= p.at) return 'accreditation is revoked'
  if (link.validFrom > p.at) return 'accreditation is not valid yet'
  if (link.validUntil !== null && link.validUntil <= p.at) return 'accreditation has expired'
  if (!link.credentialTypes.includes(p.type)) return 'accreditation does not cover the credential type'
  if (!isActiveAt(state, link.subject, p.at)) return 'accredited DID is not active'
  if (child !== undefined && (link.kind === 'TI' || link.subject !== child.accreditor)) {
    return 'parent is not an accreditation of the accreditor'
  }
  return undefined
}

/**
 * The ids of a DID's accreditations (as subject), in id order.
 *
 * @example accreditationsOf(state, 'did:tab:zug') // ['a1b2…']
 */
export function accreditationsOf(state: StateReader, did: string): string[] {
  const prefix = keys.issuerAccreditations(did)
  return state.list(prefix, { limit: LIMITS.accreditationsPerIssuer }).map(({ key }) => key.slice(prefix.length))
}

/**
 * The first accreditation of kind TI held by `issuer` whose chain holds for
 * `type` at `at` (restricted to `only` when the credential names one in
 * `termsOfUse`), or undefined.
 *
 * @example findIssuerAccreditation(state, { issuer, type: 'ResidencyCredential', at })
 */
export function findIssuerAccreditation(
  state: StateReader,
  p: { issuer: string; type: string; at: string; only?: string | undefined },
): Accreditation[] | undefined {
  for (const id of accreditationsOf(state, p.issuer)) {
    if (p.only !== undefined && id !== p.only) continue
    if (state.get<Accreditation>(keys.accreditation(id))?.kind !== 'TI') continue
    const result = checkChain(state, { id, type: p.type, at: p.at })
    if (result.ok) return result.chain
  }
  return undefined
}
