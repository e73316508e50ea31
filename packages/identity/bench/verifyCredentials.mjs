#!/usr/bin/env node
// Credential verifications per second, one core, through the full pipeline
// (signature, validity, accreditation, schema; JWT VC also a status-list
// check against an already-fetched list; SD-JWT VC with key binding).
// Prints one JSON object. Run after `npx tsc -b packages/identity`.
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair, signBytes, verifyBytesFast } from '@tabularium/core/node'
import {
  createBitstring,
  createDidResolver,
  createStatusEntry,
  didKeyKid,
  issueJwtVc,
  issueSdJwtVc,
  issueStatusListCredential,
  presentSdJwtVc,
  verifyCredential,
} from '@tabularium/identity'

const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const now = new Date('2026-06-01T12:00:00Z')
const party = () => {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm: 'ES256' })
  const did = didKeyFromJwk(publicJwk)
  return { did, kid: didKeyKid(did), publicJwk, sign: (data) => signBytes({ privateJwk, data }) }
}
const issuer = party()
const holder = party()
const listUrl = 'https://tabularium.example/status/1'
const schema = 'https://tabularium.example/schemas/residency-v1.json'
const vct = 'https://tabularium.example/credentials/residency'
const list = await issueStatusListCredential({
  issuer: issuer.did,
  id: listUrl,
  format: 'StatusList2021',
  purpose: 'revocation',
  bits: createBitstring(),
  credentialSchema: { id: schema, type: 'JsonSchema' },
  validFrom: now,
  sign: issuer.sign,
  kid: issuer.kid,
  now,
})
const common = {
  now,
  resolveDid: createDidResolver(),
  isAccredited: () => true,
  fetchStatusList: async () => list,
  schemas: { [schema]: () => [], [vct]: () => [] },
}
const jwtVc = await issueJwtVc({
  issuer: issuer.did,
  subject: holder.did,
  types: ['ResidencyCredential'],
  claims: { residentOf: 'Zug' },
  credentialSchema: { id: schema, type: 'JsonSchema' },
  validFrom: now,
  sign: issuer.sign,
  kid: issuer.kid,
  now,
  credentialStatus: createStatusEntry({
    format: 'StatusList2021',
    statusListCredential: listUrl,
    index: 5,
    purpose: 'revocation',
  }),
})
const jwtVcNoStatus = await issueJwtVc({
  issuer: issuer.did,
  subject: holder.did,
  types: ['ResidencyCredential'],
  claims: { residentOf: 'Zug' },
  credentialSchema: { id: schema, type: 'JsonSchema' },
  validFrom: now,
  sign: issuer.sign,
  kid: issuer.kid,
  now,
})
const sdJwt = await issueSdJwtVc({
  issuer: issuer.did,
  vct,
  holderJwk: holder.publicJwk,
  claims: { resident_of: 'Zug', age_over_16: true, birthdate: '2001-04-01' },
  disclosable: ['resident_of', 'age_over_16', 'birthdate'],
  validFrom: now,
  sign: issuer.sign,
  kid: issuer.kid,
  now,
})
const presentation = await presentSdJwtVc({
  credential: sdJwt,
  disclose: ['resident_of', 'age_over_16'],
  audience: 'v',
  nonce: 'n',
  sign: holder.sign,
  alg: 'ES256',
  now,
})

async function rate(run) {
  for (let i = 0; i < 200; i++) await run()
  let n = 0
  const end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) await run()
    n += 50
  }
  return Math.round(n / seconds)
}

async function rawEs256() {
  const data = new TextEncoder().encode('x'.repeat(600))
  const signature = issuer.sign(data)
  return rate(async () => verifyBytesFast({ publicJwk: issuer.publicJwk, data, signature }))
}

const result = {
  bench: 'identity.verifyCredential',
  unit: 'verifications/s (one core, ES256, did:key issuer)',
  jwtVc: await rate(() => verifyCredential({ ...common, credential: jwtVcNoStatus })),
  jwtVcWithStatusList: await rate(() => verifyCredential({ ...common, credential: jwtVc })),
  sdJwtVcPresentation: await rate(() =>
    verifyCredential({ ...common, credential: presentation, keyBinding: { audience: 'v', nonce: 'n' } }),
  ),
  rawEs256VerifyNodeCrypto: await rawEs256(),
}
console.log(JSON.stringify(result))
