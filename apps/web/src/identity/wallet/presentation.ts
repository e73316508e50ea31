import { createJwtVp, didKeyKid, presentSdJwtVc } from '@tabularium/identity'
import { getJson } from '../../api/client.js'
import { type StoredKey, signBytes } from '../../lib/keys.js'
import { send } from '../api.js'
import { type CredentialView, viewCredential } from '../credentialView.js'
import type { StoredCredential } from './credentialStore.js'
import { algOf } from './receiveOffer.js'

/** A DIF Presentation Exchange field, as far as the wallet reads it. */
interface Field {
  path: string[]
  optional?: boolean
  filter?: { type?: string; const?: unknown; enum?: unknown[] }
}

/** An OpenID4VP authorisation request (by `request_uri`). */
export interface AuthorizationRequest {
  client_id: string
  response_uri: string
  nonce: string
  state: string
  presentation_definition: {
    id: string
    name?: string
    purpose?: string
    input_descriptors: {
      id: string
      purpose?: string
      constraints: { limit_disclosure?: string; fields: Field[] }
    }[]
  }
}

/** What the wallet would send for a request: which credential, which claims shared and which kept. */
export interface PresentationPlan {
  request: AuthorizationRequest
  credential: StoredCredential | undefined
  view: CredentialView | undefined
  /** Claims of the subject the service receives, with their values. */
  shared: [string, unknown][]
  /** Claims the wallet holds but does not send. */
  withheld: string[]
}

/** The `request_uri` of an `openid4vp://` link (or the URI itself). */
export function requestUriOf(linkOrUri: string): string {
  const text = linkOrUri.trim()
  const q = text.indexOf('?')
  if (text.startsWith('openid4vp://') && q >= 0) {
    const uri = new URLSearchParams(text.slice(q + 1)).get('request_uri')
    if (uri) return uri
  }
  return text
}

/** Fetches the authorisation request of a link and finds the credential that answers it. */
export async function planPresentation(link: string, credentials: StoredCredential[]): Promise<PresentationPlan> {
  const request = await getJson<AuthorizationRequest>(requestUriOf(link))
  const descriptor = request.presentation_definition.input_descriptors[0]
  const fields = descriptor?.constraints.fields ?? []
  const candidates = credentials
    .map((credential) => ({ credential, view: viewCredential(credential.credential) }))
    .filter(({ view }) => fields.every((f) => f.optional === true || matches(view, f)))
    // Selective disclosure first: it shares the least.
    .sort((a, b) => Number(b.view.format === 'vc+sd-jwt') - Number(a.view.format === 'vc+sd-jwt'))
  const chosen = candidates[0]
  if (chosen === undefined) return { request, credential: undefined, view: undefined, shared: [], withheld: [] }
  const { view } = chosen
  if (view.format === 'jwt_vc_json') {
    return { request, ...chosen, shared: Object.entries(view.claims), withheld: [] }
  }
  const asked = new Set(
    fields
      .flatMap((f) => f.path.map((p) => p.split('.').slice(1)))
      .filter((n) => n.length === 1)
      .map((n) => n[0] as string),
  )
  const shared = view.disclosable
    .filter((name) => asked.has(name))
    .map((name) => [name, view.claims[name]] as [string, unknown])
  const withheld = view.disclosable.filter((name) => !asked.has(name))
  return { request, ...chosen, shared, withheld }
}

/**
 * Sends the presentation (OpenID4VP `direct_post`): an SD-JWT VC with only
 * the shared disclosures and a key-binding JWT for this verifier and nonce,
 * or a JWT VP around a JWT VC. Answers the verifier's status.
 */
export async function sendPresentation(p: { plan: PresentationPlan; walletKey: StoredKey }): Promise<string> {
  const { request, credential } = p.plan
  if (credential === undefined) throw new Error('no credential answers this request')
  const sign = (data: Uint8Array) => signBytes(p.walletKey, data)
  const alg = algOf(p.walletKey)
  const descriptorId = request.presentation_definition.input_descriptors[0]?.id ?? ''
  const sdJwt = credential.format === 'vc+sd-jwt'
  const vpToken = sdJwt
    ? await presentSdJwtVc({
        credential: credential.credential,
        disclose: p.plan.shared.map(([name]) => name),
        audience: request.client_id,
        nonce: request.nonce,
        sign,
        alg,
        now: new Date(),
      })
    : await createJwtVp({
        holder: p.walletKey.did,
        credentials: [credential.credential],
        audience: request.client_id,
        nonce: request.nonce,
        sign,
        kid: didKeyKid(p.walletKey.did),
        alg,
        now: new Date(),
      })
  const descriptor = sdJwt
    ? { id: descriptorId, format: 'vc+sd-jwt', path: '$' }
    : {
        id: descriptorId,
        format: 'jwt_vp',
        path: '$',
        path_nested: { format: 'jwt_vc', path: '$.verifiableCredential[0]' },
      }
  const submission = {
    id: crypto.randomUUID(),
    definition_id: request.presentation_definition.id,
    descriptor_map: [descriptor],
  }
  const answer = await send<{ status?: string }>(
    request.response_uri,
    { vp_token: vpToken, presentation_submission: JSON.stringify(submission), state: request.state },
    { form: true },
  )
  return answer.status ?? 'verified'
}

function matches(view: CredentialView, field: Field): boolean {
  const shape =
    view.format === 'vc+sd-jwt'
      ? { ...view.claims, vct: view.type, iss: view.issuer }
      : { credentialSubject: view.claims, vc: { credentialSubject: view.claims }, iss: view.issuer }
  return field.path.some((path) => {
    const value = lookup(shape, path.split('.').slice(1))
    return value !== undefined && passes(value, field.filter)
  })
}

function lookup(value: unknown, names: string[]): unknown {
  let at = value
  for (const name of names) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, name)) return undefined
    at = (at as Record<string, unknown>)[name]
  }
  return at
}

function passes(value: unknown, filter: Field['filter']): boolean {
  if (filter === undefined) return true
  if (
    filter.type !== undefined &&
    filter.type !== (filter.type === 'integer' && Number.isInteger(value) ? 'integer' : typeof value)
  )
    return false
  if (filter.const !== undefined && value !== filter.const) return false
  return filter.enum === undefined || filter.enum.includes(value)
}
