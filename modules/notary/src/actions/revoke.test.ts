import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hashOf, newDid, notaryNetwork } from '../testSupport.js'

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)
type Stored = { txid: string; revocation: { signer: string; reason: string; time: string } | null }

describe('notary.revoke', () => {
  it("revokes the signer's latest active stamp and keeps the history", () => {
    const { ledger, leuven, stamp, revoke } = notaryNetwork()
    const hash = hashOf('permit')
    const first = stamp(leuven, { hash })
    const second = stamp(leuven, { hash })
    const result = revoke(leuven, { hash, reason: 'issued in error' })
    assert.ok(first.ok && second.ok && result.ok)
    const stamps = ledger.state('notary', `hashes/${hash}`) as Stored[]
    assert.equal(stamps.length, 2)
    assert.equal(stamps[0]?.revocation, null)
    assert.deepEqual(stamps[1]?.revocation, {
      txid: result.txid,
      index: result.index,
      time: result.time,
      signer: leuven,
      reason: 'issued in error',
    })
    assert.deepEqual(
      result.events.map((e) => [e.type, e.data]),
      [
        [
          'revoked',
          { hash, stamp: second.txid, stampIndex: second.index, organisation: 'leuven', reason: 'issued in error' },
        ],
      ],
    )
    assert.equal(codeOf(revoke(leuven, { hash, reason: 'again' })), 'ok')
    assert.equal(codeOf(revoke(leuven, { hash, reason: 'and again' })), 'ALREADY_REVOKED')
  })

  it('revokes a named stamp, and refuses ALREADY_REVOKED the second time', () => {
    const { ledger, leuven, stamp, revoke } = notaryNetwork()
    const hash = hashOf('permit')
    const first = stamp(leuven, { hash })
    stamp(leuven, { hash })
    assert.ok(first.ok)
    assert.equal(codeOf(revoke(leuven, { hash, stamp: first.txid, reason: 'superseded' })), 'ok')
    assert.equal((ledger.state('notary', `hashes/${hash}`) as Stored[])[0]?.revocation?.reason, 'superseded')
    assert.equal(codeOf(revoke(leuven, { hash, stamp: first.txid, reason: 'superseded' })), 'ALREADY_REVOKED')
  })

  it('refuses NOT_OWNER to another organisation, with or without a stamp id', () => {
    const { ledger, leuven, gent, stamp, revoke } = notaryNetwork()
    const hash = hashOf('permit')
    const stamped = stamp(leuven, { hash })
    assert.ok(stamped.ok)
    const named = revoke(gent, { hash, stamp: stamped.txid, reason: 'not ours' })
    assert.deepEqual(!named.ok && [named.code, named.message], [
      'NOT_OWNER',
      'only the organisation that stamped it may revoke a stamp',
    ])
    assert.equal(codeOf(revoke(gent, { hash, reason: 'not ours' })), 'NOT_OWNER')
    assert.equal((ledger.state('notary', `hashes/${hash}`) as Stored[])[0]?.revocation, null)
  })

  it("lets a clerk revoke its own stamp but not its organisation's, nor another clerk's", () => {
    const { leuven, grant, stamp, revoke } = notaryNetwork()
    const [clerk, other] = [newDid(), newDid()]
    grant(clerk)
    grant(other)
    const hash = hashOf('register extract')
    stamp(leuven, { hash })
    stamp(clerk, { hash })
    assert.equal(codeOf(revoke(other, { hash, reason: 'x' })), 'NOT_OWNER')
    assert.equal(codeOf(revoke(clerk, { hash, reason: 'typo' })), 'ok')
    assert.equal(codeOf(revoke(clerk, { hash, reason: 'typo' })), 'ALREADY_REVOKED')
  })

  it('refuses NOT_FOUND for an unknown hash or stamp', () => {
    const { leuven, stamp, revoke } = notaryNetwork()
    const hash = hashOf('permit')
    assert.equal(codeOf(revoke(leuven, { hash, reason: 'x' })), 'NOT_FOUND')
    stamp(leuven, { hash })
    assert.equal(codeOf(revoke(leuven, { hash, stamp: 'f'.repeat(64), reason: 'x' })), 'NOT_FOUND')
  })

  it('refuses INVALID_ARGS without a reason, and UNAUTHORISED without the role', () => {
    const { leuven, stamp, revoke } = notaryNetwork()
    const hash = hashOf('permit')
    stamp(leuven, { hash })
    assert.equal(codeOf(revoke(leuven, { hash })), 'INVALID_ARGS')
    assert.equal(codeOf(revoke(leuven, { hash, reason: '' })), 'INVALID_ARGS')
    assert.equal(codeOf(revoke(leuven, { hash, reason: 'r'.repeat(501) })), 'INVALID_ARGS')
    assert.equal(codeOf(revoke(newDid(), { hash, reason: 'x' })), 'UNAUTHORISED')
  })
})
