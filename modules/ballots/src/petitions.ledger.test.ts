import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { SandboxMember } from '@tabularium/module-governance'
import type { TokenPrivateKey, TokenPublicKey } from '@tabularium/voting'
import {
  type BallotsLedger,
  codeHash,
  createIssuer,
  ephemeralSigner,
  obtainToken,
  openBallotsLedger,
} from './testing/index.js'

describe('petitions', () => {
  let t: BallotsLedger
  let issuer: { publicKey: TokenPublicKey; privateKey: TokenPrivateKey }
  const query = () =>
    t.ledger.query('ballots', 'petition', { id: 'bike-lanes' }) as {
      signatures: number
      reachedAt: string | null
      tokensIssued: number
    }
  const codes = ['P-1', 'P-2', 'P-3']

  before(async () => {
    t = await openBallotsLedger()
    issuer = await createIssuer()
    const now = t.now()
    const args = {
      id: 'bike-lanes',
      title: 'Bike lanes on the ring road',
      text: 'We ask the council to build protected bike lanes.',
      threshold: 2,
      opens: new Date(now).toISOString(),
      closes: new Date(now + 86_400_000).toISOString(),
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
    }
    assert.equal((await t.send(t.members[0] as SandboxMember, 'createPetition', args)).code, 'ok')
    assert.equal(
      (
        await t.send(t.members[0] as SandboxMember, 'addCensusCodes', {
          process: 'bike-lanes',
          codeHashes: codes.map(codeHash),
        })
      ).code,
      'BALLOT_NOT_OPEN',
    )
  })
  after(() => t.close())

  it('counts one anonymous signature per eligible person, and the threshold triggers the next step once', async () => {
    // A credential census would record the subject hash; here the list is empty, so use one created open-ended.
    const args = {
      id: 'bike-lanes-2',
      title: 'Bike lanes',
      text: 'Please.',
      threshold: 2,
      census: { kind: 'credential', credentialType: 'ResidencyCredential', claims: { resident_of: 'Leuven' } },
      issuerKey: issuer.publicKey,
    }
    const now = t.now()
    const created = await t.send(t.members[0] as SandboxMember, 'createPetition', {
      ...args,
      opens: new Date(now).toISOString(),
      closes: new Date(now + 86_400_000).toISOString(),
    })
    assert.equal(created.code, 'ok')
    const tokens = []
    for (const person of ['did:key:alice', 'did:key:bob', 'did:key:carol']) {
      tokens.push(await obtainToken(t, { process: 'bike-lanes-2', member: codeHash(`bike-lanes-2/${person}`), issuer }))
    }
    const sign = (token: unknown) => t.send(ephemeralSigner(), 'signPetition', { petition: 'bike-lanes-2', token })
    assert.equal((await sign(tokens[0])).code, 'ok')
    assert.equal((await sign(tokens[0])).code, 'NULLIFIER_USED')
    const second = await sign(tokens[1])
    assert.equal(second.code, 'ok')
    assert.equal((await sign(tokens[2])).code, 'ok')
    const p = t.ledger.query('ballots', 'petition', { id: 'bike-lanes-2' }) as {
      signatures: number
      reachedAt: string | null
      tokensIssued: number
    }
    assert.deepEqual([p.signatures, p.tokensIssued], [3, 3])
    const index = second.result.ok ? second.result.index : -1
    assert.equal(
      p.reachedAt,
      t.ledger.entry(index)?.entry.time,
      'reached by the second signature, and not moved by the third',
    )
    const reached = t.ledger.entries({ from: 0, limit: 1000 }).filter((e) => e.entry.tx.action === 'signPetition')
    assert.equal(reached.length, 4) // three accepted, one rejected (logged with NULLIFIER_USED)
    assert.equal(query().signatures, 0)
  })
})
