import type { IdentityContext } from '../identityContext.js'
import { PRE_AUTHORIZED_GRANT } from './issuerState.js'

const ALGS = ['ES256', 'EdDSA']

/**
 * Credential issuer metadata (OpenID4VCI draft 13 §11.2): endpoints and the
 * credentials offered, each as a `credential_configurations_supported` entry.
 *
 * @example GET /.well-known/openid-credential-issuer
 */
export function issuerMetadata(identity: IdentityContext, base: string): Record<string, unknown> {
  const configurations = Object.fromEntries(
    identity.credentials.map((c) => [
      c.id,
      {
        format: c.format,
        scope: c.id,
        cryptographic_binding_methods_supported: c.format === 'vc+sd-jwt' ? ['jwk'] : ['did:key'],
        credential_signing_alg_values_supported: ALGS,
        proof_types_supported: { jwt: { proof_signing_alg_values_supported: ALGS } },
        display: [c.display],
        ...(c.format === 'vc+sd-jwt'
          ? { vct: c.type }
          : { credential_definition: { type: ['VerifiableCredential', 'VerifiableAttestation', c.type] } }),
      },
    ]),
  )
  return {
    credential_issuer: base,
    authorization_servers: [base],
    credential_endpoint: `${base}/v1/oid4vci/credential`,
    token_endpoint: `${base}/v1/oid4vci/token`,
    display: [{ name: identity.issuer?.did ?? 'Tabularium node', locale: 'en' }],
    credential_configurations_supported: configurations,
  }
}

/**
 * OAuth 2.0 authorisation-server metadata (RFC 8414): the authorisation and
 * token endpoints, the pre-authorised code grant and the authorisation code
 * grant (PKCE S256 only), both usable without client authentication.
 *
 * @example GET /.well-known/oauth-authorization-server
 */
export function authorizationServerMetadata(base: string): Record<string, unknown> {
  return {
    issuer: base,
    authorization_endpoint: `${base}/v1/oid4vci/authorize`,
    token_endpoint: `${base}/v1/oid4vci/token`,
    grant_types_supported: [PRE_AUTHORIZED_GRANT, 'authorization_code'],
    'pre-authorized_grant_anonymous_access_supported': true,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256'],
    authorization_details_types_supported: ['openid_credential'],
    token_endpoint_auth_methods_supported: ['none'],
  }
}
