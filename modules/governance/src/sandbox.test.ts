import assert from 'node:assert/strict'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, it } from 'node:test'
import { fromBase64Url, jwkFromDidKey, toBase64Url } from '@tabularium/core'
import { NOTE_SIGNATURE_COSIGNATURE_V1, NOTE_SIGNATURE_ED25519, parseVerifierKey } from '@tabularium/log'
import { GenesisSchema } from '@tabularium/protocol'
import { createSandboxNetwork } from './sandbox.js'

// DER prefix of a PKCS#8 Ed25519 private key (RFC 8410), before the 32-byte seed.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex')

function publicKeyOfSeed(seed: string): Uint8Array {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, fromBase64Url(seed)]),
    format: 'der',
    type: 'pkcs8',
  })
  return fromBase64Url(createPublicKey(key).export({ format: 'jwk' }).x as string)
}

describe('createSandboxNetwork', () => {
  it('makes a valid genesis where a majority governs and every member may stamp', () => {
    const { genesis, members } = createSandboxNetwork({ organisations: 3, now: Date.UTC(2026, 0, 1) })
    assert.deepEqual(GenesisSchema.parse(genesis), genesis)
    assert.equal(genesis.network, 'sandbox')
    assert.equal(genesis.origin, 'tabularium.local/sandbox')
    assert.equal(genesis.createdAt, '2026-01-01T00:00:00.000Z')
    assert.deepEqual([genesis.governanceThreshold, genesis.witnessQuorum], [2, 2])
    assert.deepEqual(genesis.memberRoles, ['member', 'notary:stamper'])
    assert.deepEqual(
      members.map((m) => [m.id, m.name]),
      [
        ['organisation-1', 'Organisation 1'],
        ['organisation-2', 'Organisation 2'],
        ['organisation-3', 'Organisation 3'],
      ],
    )
  })

  it('gives each member a did:key of its organisation key', () => {
    const { genesis, members } = createSandboxNetwork({ organisations: ['Leuven', 'Gent'], now: 0 })
    for (const [i, member] of members.entries()) {
      assert.deepEqual(jwkFromDidKey(member.did), { kty: 'OKP', crv: 'Ed25519', x: member.privateJwk.x })
      assert.equal(genesis.members[i]?.did, member.did)
    }
    assert.equal(genesis.governanceThreshold, 2)
  })

  it('publishes the verifier keys of the node log and witness seeds', () => {
    const { genesis, members } = createSandboxNetwork({ network: 'pilot', organisations: ['Leuven'], now: 0 })
    const [member] = members
    assert.ok(member)
    const { logKeyName, logPrivateKey, witnessKeyName, witnessPrivateKey } = member.nodeKeys
    assert.equal(logKeyName, 'tabularium.local/pilot')
    assert.equal(witnessKeyName, 'tabularium.local/pilot/witness/leuven')
    // parseVerifierKey also checks each key id against its name, type and key.
    const log = parseVerifierKey(genesis.members[0]?.logKey as string)
    const witness = parseVerifierKey(genesis.members[0]?.witnessKey as string)
    assert.deepEqual(
      [log.name, log.type, log.publicKey],
      [logKeyName, NOTE_SIGNATURE_ED25519, publicKeyOfSeed(logPrivateKey)],
    )
    assert.deepEqual(
      [witness.name, witness.type, witness.publicKey],
      [witnessKeyName, NOTE_SIGNATURE_COSIGNATURE_V1, publicKeyOfSeed(witnessPrivateKey)],
    )
    assert.notEqual(toBase64Url(publicKeyOfSeed(logPrivateKey)), toBase64Url(publicKeyOfSeed(witnessPrivateKey)))
    assert.equal(genesis.governanceThreshold, 1)
  })

  it('refuses an invalid network name with INVALID_REQUEST', () => {
    assert.throws(() => createSandboxNetwork({ network: 'Not Valid', now: 0 }), { code: 'INVALID_REQUEST' })
    assert.throws(() => createSandboxNetwork({ origin: 'my log', now: 0 }), { code: 'INVALID_REQUEST' })
    assert.throws(() => createSandboxNetwork({ organisations: 0, now: 0 }), RangeError)
  })
})
