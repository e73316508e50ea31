import { didKeyKid, signJwt } from '@tabularium/identity'
import { getJson } from '../../api/client.js'
import { type StoredKey, signBytes } from '../../lib/keys.js'
import { send } from '../api.js'
import type { StoredCredential } from './credentialStore.js'

const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'

interface CredentialOffer {
  credential_issuer: string
  credential_configuration_ids: string[]
  grants: Record<string, { 'pre-authorized_code'?: string; tx_code?: unknown }>
}

interface IssuerMetadata {
  credential_endpoint: string
  token_endpoint?: string
  credential_configurations_supported: Record<
    string,
    { format: 'jwt_vc_json' | 'vc+sd-jwt'; vct?: string; credential_definition?: { type: string[] } }
  >
}

/** The `credential_offer_uri` of an `openid-credential-offer://` link (or the URI itself). */
export function offerUriOf(linkOrUri: string): string {
  const text = linkOrUri.trim()
  if (text.startsWith('openid-credential-offer://')) {
    const uri = new URL(text.replace('openid-credential-offer://', 'https://offer.invalid/')).searchParams.get(
      'credential_offer_uri',
    )
    if (uri) return uri
  }
  return text
}

/**
 * Receives the credentials of a pre-authorised offer (OpenID4VCI draft 13):
 * fetches the offer and the issuer metadata, redeems the code with the
 * transaction code at the token endpoint, then asks the credential endpoint
 * for each configuration with a proof of possession (`openid4vci-proof+jwt`)
 * signed by the wallet key, whose did:key becomes the subject / holder key.
 *
 * @example const credentials = await receiveOffer({ offerUri, txCode: '123456', walletKey })
 */
export async function receiveOffer(p: {
  offerUri: string
  txCode: string
  walletKey: StoredKey
}): Promise<StoredCredential[]> {
  const offer = await getJson<CredentialOffer>(p.offerUri)
  const issuer = offer.credential_issuer
  const metadata = await getJson<IssuerMetadata>(`${issuer}/.well-known/openid-credential-issuer`)
  const code = offer.grants[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'] ?? ''
  const token = await send<{ access_token: string; c_nonce: string }>(
    metadata.token_endpoint ?? `${issuer}/v1/oid4vci/token`,
    { grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': code, tx_code: p.txCode },
    { form: true },
  )
  const received: StoredCredential[] = []
  let nonce = token.c_nonce
  for (const id of offer.credential_configuration_ids) {
    const config = metadata.credential_configurations_supported[id]
    if (config === undefined) continue
    const proof = await proofJwt({ walletKey: p.walletKey, audience: issuer, nonce })
    const request =
      config.format === 'vc+sd-jwt'
        ? { format: config.format, vct: config.vct }
        : { format: config.format, credential_definition: config.credential_definition }
    const answer = await send<{ credential: string; c_nonce?: string }>(
      metadata.credential_endpoint,
      { ...request, proof: { proof_type: 'jwt', jwt: proof } },
      { bearer: token.access_token },
    )
    nonce = answer.c_nonce ?? nonce
    received.push({
      id: crypto.randomUUID(),
      format: config.format,
      credential: answer.credential,
      configurationId: id,
      receivedAt: new Date().toISOString(),
    })
  }
  return received
}

function proofJwt(p: { walletKey: StoredKey; audience: string; nonce: string }): Promise<string> {
  return signJwt({
    header: { typ: 'openid4vci-proof+jwt', kid: didKeyKid(p.walletKey.did) },
    payload: { aud: p.audience, nonce: p.nonce, iat: Math.floor(Date.now() / 1000) },
    alg: algOf(p.walletKey),
    sign: (data) => signBytes(p.walletKey, data),
  })
}

/** The JWS algorithm of the wallet key (ES256 for P-256, the EBSI profile; EdDSA for older wallets). */
export function algOf(key: StoredKey): 'ES256' | 'EdDSA' {
  return key.publicJwk.kty === 'OKP' ? 'EdDSA' : 'ES256'
}
