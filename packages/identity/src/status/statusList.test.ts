import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { toBase64Url } from '@tabularium/core'
import { gzipSync } from 'fflate'
import { createBitstring, getBit, MIN_STATUS_LIST_LENGTH, setBit } from './bitstring.js'
import { decodeStatusList, encodeStatusList } from './encodedList.js'

function ebsiExample(name: string): string {
  const url = new URL(`../../../../vectors/identity/ebsi-statuslist/${name}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')).credentialSubject.encodedList
}

describe('status lists', () => {
  it("reads EBSI's published StatusList2021 examples (empty, and with a revoked entry)", () => {
    const empty = decodeStatusList({ encodedList: ebsiExample('issuer-revocation-empty-bitstring.json') })
    assert.equal(empty.length * 8, MIN_STATUS_LIST_LENGTH)
    assert.ok(empty.every((b) => b === 0))
    const revoked = decodeStatusList({ encodedList: ebsiExample('issuer-revocation-revoked-1-4-bitstring.json') })
    const set = [...Array(revoked.length * 8).keys()].filter((i) => getBit(revoked, i))
    // EBSI's verifier reads the same two indices (bit 0 = most significant bit of byte 0).
    assert.deepEqual(set, [15, 39])
  })

  it('sets and clears bits, index 0 being the left-most bit', () => {
    const bits = createBitstring()
    setBit(bits, 0, true)
    assert.equal(bits[0], 0x80)
    setBit(bits, 9, true)
    assert.equal(bits[1], 0x40)
    setBit(bits, 0, false)
    assert.equal(getBit(bits, 0), false)
    assert.equal(getBit(bits, 9), true)
  })

  it('round-trips both formats: base64 for StatusList2021, multibase base64url for Bitstring Status List', () => {
    const bits = setBit(createBitstring(), 123_456, true)
    const sl = encodeStatusList({ bits, format: 'StatusList2021' })
    const bsl = encodeStatusList({ bits, format: 'BitstringStatusList' })
    assert.match(sl, /^H4sI[A-Za-z0-9+/]+$/)
    assert.match(bsl, /^uH4sI[A-Za-z0-9_-]+$/)
    assert.deepEqual(decodeStatusList({ encodedList: sl }), bits)
    assert.deepEqual(decodeStatusList({ encodedList: bsl }), bits)
    assert.equal(encodeStatusList({ bits, format: 'StatusList2021' }), sl, 'encoding is deterministic')
  })

  it('refuses a GZIP bomb, truncated GZIP and an index beyond the list with STATUS_UNAVAILABLE', () => {
    const bomb = toBase64Url(gzipSync(new Uint8Array(32 * 1024 * 1024)))
    assert.throws(() => decodeStatusList({ encodedList: `u${bomb}` }), { code: 'STATUS_UNAVAILABLE' })
    assert.throws(() => decodeStatusList({ encodedList: `u${bomb.slice(0, 40)}` }), { code: 'STATUS_UNAVAILABLE' })
    assert.throws(() => decodeStatusList({ encodedList: 'not base64!' }), { code: 'STATUS_UNAVAILABLE' })
    assert.throws(() => getBit(createBitstring(), MIN_STATUS_LIST_LENGTH), { code: 'STATUS_UNAVAILABLE' })
  })
})
