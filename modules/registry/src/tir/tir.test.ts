import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createRegistryIsAccredited } from '../resolver/createRegistryIsAccredited.js'
import { registryNetwork } from '../testSupport.js'

const TYPE = 'ResidencyCredential'

// Switzerland (Root TAO) → Canton of Zug (TAO) → City of Zug (TI), for residency.
function chainNetwork() {
  const net = registryNetwork()
  const { root, canton, city, register, run } = net
  register(root, 'did:tab:ch')
  register(canton, 'did:tab:canton-zug')
  register(city, 'did:tab:zug')
  const idOf = (r: ReturnType<typeof run>) => (r.ok ? r.txid.slice(0, 16) : assert.fail(JSON.stringify(r)))
  const rootTao = idOf(
    run(root, 'accredit', { subject: 'did:tab:ch', kind: 'RootTAO', credentialTypes: [TYPE, 'PermitCredential'] }),
  )
  const tao = idOf(
    run(root, 'accredit', { subject: 'did:tab:canton-zug', kind: 'TAO', credentialTypes: [TYPE], parent: rootTao }),
  )
  const ti = idOf(run(canton, 'accredit', { subject: 'did:tab:zug', kind: 'TI', credentialTypes: [TYPE], parent: tao }))
  return { ...net, rootTao, tao, ti }
}

describe('registry: trusted issuers and accreditation chains', () => {
  it('accepts a TI whose chain reaches a Root TAO, for the accredited type only', async () => {
    const { ledger, query, ti, tao, rootTao } = chainNetwork()
    const isAccredited = createRegistryIsAccredited(ledger)
    assert.equal(await isAccredited({ issuer: 'did:tab:zug', type: TYPE, termsOfUse: undefined }), true)
    const termsOfUse = { id: `https://node.example/v1/registry/accreditations/${ti}`, type: 'IssuanceCertificate' }
    assert.equal(await isAccredited({ issuer: 'did:tab:zug', type: TYPE, termsOfUse }), true)
    assert.equal(await isAccredited({ issuer: 'did:tab:zug', type: 'PermitCredential', termsOfUse }), false)
    // A TAO accredits; it does not issue.
    assert.equal(await isAccredited({ issuer: 'did:tab:canton-zug', type: TYPE, termsOfUse: undefined }), false)
    // termsOfUse naming someone else's accreditation does not count.
    const foreign = { id: `https://node.example/v1/registry/accreditations/${tao}` }
    assert.equal(await isAccredited({ issuer: 'did:tab:zug', type: TYPE, termsOfUse: foreign }), false)
    assert.deepEqual(
      query('accreditation', { id: ti }).chain.map((a: { id: string }) => a.id),
      [ti, tao, rootTao],
    )
  })

  it('refuses accreditations beyond the accreditor’s types, by non-controllers, and by a TI', () => {
    const { run, code, canton, city, root, register, tao, ti, rootTao } = chainNetwork()
    register(city, 'did:tab:baar')
    const accredit = (signer: typeof city, parent: string, types = [TYPE]) =>
      code(run(signer, 'accredit', { subject: 'did:tab:baar', kind: 'TI', credentialTypes: types, parent }))
    assert.equal(accredit(canton, tao, ['PermitCredential']), 'ISSUER_NOT_ACCREDITED')
    assert.equal(accredit(root, tao), 'NOT_OWNER')
    assert.equal(accredit(city, ti), 'UNAUTHORISED')
    assert.equal(
      code(run(canton, 'accredit', { subject: 'did:tab:baar', kind: 'RootTAO', credentialTypes: [TYPE] })),
      'UNAUTHORISED',
    )
    assert.equal(accredit(root, rootTao), 'ok')
  })

  it('breaks the chain from the time an accreditation above is revoked, not before', async () => {
    const { ledger, run, code, root, canton, tao } = chainNetwork()
    const at = (now: Date) => createRegistryIsAccredited(ledger, { now: () => now })
    assert.equal(code(run(canton, 'revokeAccreditation', { id: tao, reason: 'not ours' })), 'NOT_OWNER')
    const revoked = run(root, 'revokeAccreditation', { id: tao, reason: 'licence withdrawn' })
    assert.equal(code(revoked), 'ok')
    assert.equal(code(run(root, 'revokeAccreditation', { id: tao, reason: 'again' })), 'ALREADY_REVOKED')
    const revokedAt = new Date(revoked.ok ? revoked.time : 0)
    assert.equal(
      await at(new Date(revokedAt.getTime() + 1000))({ issuer: 'did:tab:zug', type: TYPE, termsOfUse: undefined }),
      false,
    )
    assert.equal(
      await at(new Date(revokedAt.getTime() - 1))({ issuer: 'did:tab:zug', type: TYPE, termsOfUse: undefined }),
      true,
    )
  })
})
