import { canonicalize, fromBase64Url, jwkFromDidKey, signingInput, utf8 } from '@tabularium/core'
import { verifyBytesFast } from '@tabularium/core/node'
import { ProtocolError } from '@tabularium/protocol'
import type { BlobStore } from './blobs.js'
import { applicationKey, callKey, declarationKey } from './keys.js'
import type { Application, Call } from './types.js'

/** What a reader signs to fetch sealed content: who, which path, until when. */
export type ReadRequest = { did: string; path: string; expires: string }

/**
 * Checks a signed read request (`Authorization: Tabularium <payload>.<sig>`,
 * both base64url; the payload is the JCS of `{ did, path, expires }` signed
 * under the `challenge` domain by the did:key): the path must be the one
 * asked for and it must expire within 5 minutes. Returns the reader's DID.
 *
 * @example const did = verifyReadRequest({ header, path: '/v1/grants/…/content', now: Date.now() })
 */
export function verifyReadRequest(p: { header: string | undefined; path: string; now: number }): string {
  const match = /^Tabularium ([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{40,200})$/.exec(p.header ?? '')
  if (match === null)
    throw new ProtocolError('UNAUTHORISED', 'sign the request: Authorization: Tabularium <payload>.<signature>')
  let request: ReadRequest
  try {
    request = JSON.parse(new TextDecoder().decode(fromBase64Url(match[1] as string))) as ReadRequest
  } catch {
    throw new ProtocolError('INVALID_REQUEST', 'the signed request payload is not JSON')
  }
  if (typeof request.did !== 'string' || request.path !== p.path || typeof request.expires !== 'string')
    throw new ProtocolError('UNAUTHORISED', 'the signed request is for another path')
  const expires = Date.parse(request.expires)
  if (!(expires > p.now) || expires > p.now + 300_000)
    throw new ProtocolError('EXPIRED', 'a signed request is valid for at most 5 minutes')
  const data = signingInput(
    'challenge',
    utf8(canonicalize({ did: request.did, path: request.path, expires: request.expires })),
  )
  if (!verifyBytesFast({ publicJwk: jwkFromDidKey(request.did), data, signature: fromBase64Url(match[2] as string) }))
    throw new ProtocolError('INVALID_SIGNATURE', 'the request signature does not verify')
  return request.did
}

/**
 * The sealed content of an application, for `reader`: refused with
 * CALL_NOT_CLOSED until the funder closed the call — which the ledger allows
 * only once its time has passed the deadline — then readable by the
 * applicant and by the call's evaluators who declared no conflict of
 * interest for this application (CONFLICT_OF_INTEREST otherwise).
 *
 * @example readApplicationContent({ state: (k) => ledger.state('grants', k), blobs, call, application, reader })
 */
export function readApplicationContent(p: {
  state: (key: string) => unknown
  blobs: BlobStore
  call: string
  application: string
  reader: string
}): Uint8Array {
  const call = p.state(callKey(p.call)) as Call | undefined
  const application = p.state(applicationKey(p.call, p.application)) as Application | undefined
  if (call === undefined || application === undefined) throw new ProtocolError('NOT_FOUND', 'no such application')
  const isApplicant = application.applicant === p.reader
  if (!isApplicant) {
    if (!call.evaluators.includes(p.reader))
      throw new ProtocolError('UNAUTHORISED', 'only the call’s evaluators may read applications')
    if (call.status !== 'closed')
      throw new ProtocolError(
        'CALL_NOT_CLOSED',
        `sealed until the deadline ${call.deadline} has passed and the call is closed`,
      )
    const declaration = p.state(declarationKey(p.call, p.application, p.reader)) as { conflict: boolean } | undefined
    if (declaration === undefined || declaration.conflict)
      throw new ProtocolError('CONFLICT_OF_INTEREST', 'declare no conflict of interest for this application first')
  }
  const content = p.blobs.get(application.commitment)
  if (content === undefined)
    throw new ProtocolError('NOT_FOUND', 'the content of this application is not in this node’s blob store')
  return content
}
