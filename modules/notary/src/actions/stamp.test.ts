import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hashOf, newDid, notaryNetwork } from '../testSupport.js'

const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)

describe('notary.stamp', () => {
  it("records the stamp with the signer's organisation and emits `stamped`", () => {
    const { ledger, leuven, stamp } = notaryNetwork()
    const hash = hashOf('permit P-2026-17')
    const result = stamp(leuven, {
      hash,
      docType: 'permit',
      title: 'Building permit',
      metadata: { ref: 'P-2026-17', pages: 4 },
    })
    assert.ok(result.ok)
    assert.deepEqual(ledger.state('notary', `hashes/${hash}`), [
      {
        txid: result.txid,
        index: result.index,
        time: result.time,
        signer: leuven,
        organisation: 'leuven',
        docType: 'permit',
        title: 'Building permit',
        metadata: { ref: 'P-2026-17', pages: 4 },
        revocation: null,
      },
    ])
    assert.deepEqual(
      result.events.map((e) => [e.type, e.data]),
      [
        [
          'stamped',
          {
            hash,
            organisation: 'leuven',
            docType: 'permit',
            title: 'Building permit',
            metadata: { ref: 'P-2026-17', pages: 4 },
          },
        ],
      ],
    )
  })

  it('keeps every stamp of a hash, oldest first', () => {
    const { ledger, leuven, gent, stamp } = notaryNetwork()
    const hash = hashOf('minutes')
    stamp(leuven, { hash })
    stamp(gent, { hash, docType: 'minutes' })
    stamp(leuven, { hash })
    const stamps = ledger.state('notary', `hashes/${hash}`) as { organisation: string; docType: string | null }[]
    assert.deepEqual(
      stamps.map((s) => [s.organisation, s.docType]),
      [
        ['leuven', null],
        ['gent', 'minutes'],
        ['leuven', null],
      ],
    )
  })

  it('refuses LIMIT_EXCEEDED beyond 32 stamps of one hash', () => {
    const { leuven, stamp } = notaryNetwork()
    const hash = hashOf('popular')
    for (let i = 0; i < 32; i++) assert.equal(codeOf(stamp(leuven, { hash })), 'ok')
    const result = stamp(leuven, { hash })
    assert.deepEqual(!result.ok && [result.code, result.details], ['LIMIT_EXCEEDED', { hash, limit: 32 }])
  })

  it('refuses UNAUTHORISED to a DID without notary:stamper', () => {
    const { stamp } = notaryNetwork()
    assert.equal(codeOf(stamp(newDid(), { hash: hashOf('x') })), 'UNAUTHORISED')
  })

  it('lets a clerk stamp once governance grants it notary:stamper, with no organisation', () => {
    const { ledger, grant, stamp } = notaryNetwork()
    const clerk = newDid()
    assert.equal(codeOf(stamp(clerk, { hash: hashOf('x') })), 'UNAUTHORISED')
    assert.equal(codeOf(grant(clerk)), 'ok')
    assert.equal(codeOf(stamp(clerk, { hash: hashOf('x') })), 'ok')
    const [record] = ledger.state('notary', `hashes/${hashOf('x')}`) as { signer: string; organisation: null }[]
    assert.deepEqual([record?.signer, record?.organisation], [clerk, null])
  })

  it('refuses INVALID_ARGS for bad hashes, document types, titles and metadata', () => {
    const { leuven, stamp } = notaryNetwork()
    const hash = hashOf('x')
    const cases: unknown[] = [
      {},
      { hash: hash.toUpperCase() },
      { hash: hash.slice(2) },
      { hash, extra: 1 },
      { hash, docType: '' },
      { hash, docType: 'has space' },
      { hash, docType: 'x'.repeat(65) },
      { hash, title: '' },
      { hash, title: 't'.repeat(201) },
      { hash, metadata: { nested: { a: 1 } } },
      { hash, metadata: { list: [1] } },
      { hash, metadata: { ok: true } },
      { hash, metadata: { '1bad': 'key' } },
      { hash, metadata: { long: 'v'.repeat(257) } },
      { hash, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i])) },
      { hash, metadata: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v'.repeat(250)])) },
    ]
    for (const args of cases)
      assert.equal(codeOf(stamp(leuven, args)), 'INVALID_ARGS', JSON.stringify(args).slice(0, 80))
  })
})
