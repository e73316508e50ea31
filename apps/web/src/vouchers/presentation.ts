import { fromBase64Url, fromUtf8, sha256, toBase64Url, utf8 } from '@tabularium/core'
import { type StoredKey, signBytes } from '../lib/keys.js'

// Presentations made in the browser with the wallet key, for a fund's
// challenge (audience + nonce): an SD-JWT VC with a key-binding JWT
// (RFC 9901 / SD-JWT VC: `kb+jwt` over the presented disclosures' `sd_hash`)
// disclosing only what the fund asks, or a JWT VP (W3C VC-JWT) around JWT VCs.

const VC_CONTEXT = 'https://www.w3.org/2018/credentials/v1'

const b64json = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)))

async function signJws(key: StoredKey, header: Record<string, unknown>, payload: Record<string, unknown>) {
  const alg = key.publicJwk.kty === 'OKP' ? 'EdDSA' : 'ES256'
  const input = `${b64json({ alg, ...header })}.${b64json(payload)}`
  return `${input}.${toBase64Url(await signBytes(key, utf8(input)))}`
}

/** The claim name of an SD-JWT disclosure (`[salt, name, value]`), or undefined for array elements. */
function disclosureName(disclosure: string): string | undefined {
  try {
    const value = JSON.parse(fromUtf8(fromBase64Url(disclosure))) as unknown[]
    return value.length === 3 && typeof value[1] === 'string' ? value[1] : undefined
  } catch {
    return undefined
  }
}

/** Presents an SD-JWT VC: only the disclosures named in `disclose`, bound to the challenge. */
export async function presentSdJwt(p: {
  key: StoredKey
  credential: string
  disclose: readonly string[]
  audience: string
  nonce: string
}): Promise<string> {
  const [jwt = '', ...rest] = p.credential.trim().split('~')
  const disclosures = rest.filter((d) => d !== '' && !d.includes('.'))
  const kept = disclosures.filter((d) => p.disclose.includes(disclosureName(d) ?? ''))
  const presented = `${[jwt, ...kept].join('~')}~`
  const kb = await signJws(
    p.key,
    { typ: 'kb+jwt' },
    {
      iat: Math.floor(Date.now() / 1000),
      aud: p.audience,
      nonce: p.nonce,
      sd_hash: toBase64Url(sha256(presented)),
    },
  )
  return presented + kb
}

/** Wraps JWT VCs in a JWT VP signed by the wallet's did:key. */
export async function presentJwtVcs(p: {
  key: StoredKey
  credentials: readonly string[]
  audience: string
  nonce: string
}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000)
  const id = `urn:uuid:${crypto.randomUUID()}`
  return signJws(
    p.key,
    { typ: 'JWT', kid: `${p.key.did}#${p.key.did.slice('did:key:'.length)}` },
    {
      iss: p.key.did,
      sub: p.key.did,
      aud: p.audience,
      nonce: p.nonce,
      jti: id,
      iat,
      nbf: iat,
      exp: iat + 300,
      vp: {
        '@context': [VC_CONTEXT],
        id,
        type: ['VerifiablePresentation'],
        holder: p.key.did,
        verifiableCredential: [...p.credentials],
      },
    },
  )
}

/** What a credential is, read without verifying (the node verifies): its format, types and issuer. */
export interface CredentialSummary {
  format: 'sd_jwt_vc' | 'jwt_vc'
  types: string[]
  issuer: string
}

/** Reads a credential's format, types and issuer; undefined when it is neither an SD-JWT VC nor a JWT VC. */
export function summariseCredential(text: string): CredentialSummary | undefined {
  try {
    const jwt = text.trim().split('~')[0] ?? ''
    const payload = JSON.parse(fromUtf8(fromBase64Url(jwt.split('.')[1] ?? ''))) as Record<string, unknown>
    if (text.includes('~') && typeof payload.vct === 'string')
      return { format: 'sd_jwt_vc', types: [payload.vct], issuer: String(payload.iss) }
    const vc = payload.vc as { type?: unknown } | undefined
    if (Array.isArray(vc?.type)) return { format: 'jwt_vc', types: vc.type.map(String), issuer: String(payload.iss) }
    return undefined
  } catch {
    return undefined
  }
}
