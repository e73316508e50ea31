import { sha256, toBase64Url, utf8 } from '@tabularium/core'
import { presentSdJwtVc } from '@tabularium/identity'
import type { CensusDef } from '@tabularium/module-ballots/client'
import { blindToken, finalizeToken, type Token } from '@tabularium/voting'
import { viewCredential } from '../identity/credentialView.js'
import { listCredentials, type StoredCredential } from '../identity/wallet/credentialStore.js'
import { type StoredKey, signBytes } from '../lib/keys.js'
import { getTokenKey, postJson } from './api.js'
import { saveToken } from './store.js'

/** How the voter proves they are in the census. */
export type CensusAnswer = { kind: 'code'; code: string } | { kind: 'credential'; credential: StoredCredential }

/**
 * The wallet's credentials that can answer a credential census: SD-JWT VCs
 * (selective disclosure) of the census's type holding every census claim
 * with its value. The wallet keeps them (identity pages); this only reads.
 */
export async function matchingCredentials(census: CensusDef): Promise<StoredCredential[]> {
  if (census.kind !== 'credential') return []
  const held = await listCredentials().catch(() => [] as StoredCredential[])
  return held.filter((c) => {
    if (c.format !== 'vc+sd-jwt') return false
    try {
      const view = viewCredential(c.credential)
      return (
        view.type === census.credentialType &&
        Object.entries(census.claims).every(([name, value]) => view.claims[name] === value)
      )
    } catch {
      return false
    }
  })
}

/**
 * Obtains an eligibility token (RFC 9474): blinds a fresh token in this
 * browser, proves the census to the node's token desk (a one-time code, or
 * a presentation disclosing only the census claims, bound to this request),
 * and unblinds the desk's signature. The desk never sees the token; the
 * token is kept on this device.
 */
export async function obtainToken(p: {
  process: string
  census: CensusDef
  answer: CensusAnswer
  walletKey: StoredKey | undefined
}): Promise<Token> {
  const { publicKey, audience } = await getTokenKey(p.process)
  const { blindedMessage, state } = await blindToken({ publicKey })
  const census = await censusProof({ ...p, audience, nonce: toBase64Url(sha256(utf8(blindedMessage))) })
  const { blindSignature } = await postJson<{ blindSignature: string }>(
    `/v1/ballots/${encodeURIComponent(p.process)}/tokens`,
    { blindedMessage, census },
  )
  const token = await finalizeToken({ publicKey, state, blindSignature })
  await saveToken({ process: p.process, token, obtainedAt: new Date().toISOString() })
  return token
}

async function censusProof(p: {
  census: CensusDef
  answer: CensusAnswer
  walletKey: StoredKey | undefined
  audience: string
  nonce: string
}) {
  if (p.answer.kind === 'code') return { kind: 'code' as const, code: p.answer.code.trim().toUpperCase() }
  const key = p.walletKey
  if (key === undefined || p.census.kind !== 'credential') throw new Error('no wallet key to present the credential')
  const presentation = await presentSdJwtVc({
    credential: p.answer.credential.credential,
    // Only what the census asks: the desk refuses a presentation that discloses more.
    disclose: Object.keys(p.census.claims),
    audience: p.audience,
    nonce: p.nonce,
    sign: (data) => signBytes(key, data),
    alg: key.publicJwk.kty === 'OKP' ? 'EdDSA' : 'ES256',
    now: new Date(),
  })
  return { kind: 'credential' as const, presentation }
}
