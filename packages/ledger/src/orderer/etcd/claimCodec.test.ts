import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeClaims, encodeClaims, MAX_CLAIMS_PER_MESSAGE } from './claimCodec.js'

const claim = (treeSize: number) => ({
  treeSize,
  rootHash: new Uint8Array(32).fill(treeSize % 256),
  stateDigest: 'ab'.repeat(32),
  cosignature: '— a.witness AAAA',
})

test('a cosignature message round-trips, with or without a halt announcement', () => {
  const claims = [claim(1), claim(2)]
  assert.deepEqual(decodeClaims(encodeClaims('org-a', claims)), { member: 'org-a', claims })
  const halted = { reason: 'diverged', message: 'root differs at 2' }
  assert.deepEqual(decodeClaims(encodeClaims('org-a', [], halted)), { member: 'org-a', halted, claims: [] })
})

test('hostile cosignature messages from etcd are refused as a whole (undefined), never half-read', () => {
  const valid = JSON.parse(encodeClaims('org-a', [claim(3)]).toString()) as Record<string, unknown>
  const hostile: unknown[] = [
    'not json {',
    null,
    [],
    { ...valid, v: 2 },
    { ...valid, member: '' },
    { ...valid, member: 'x'.repeat(65) },
    { ...valid, extra: true },
    { ...valid, claims: [[0, 'A'.repeat(44), '', '']] }, // size 0
    { ...valid, claims: [[1.5, 'A'.repeat(44), '', '']] },
    { ...valid, claims: [[1, 'not base64 at all, forty-four characters!!', '', '']] },
    { ...valid, claims: [[1, 'AAAA', '', '']] }, // not 32 bytes
    { ...valid, claims: [[1, 'A'.repeat(44), 'x'.repeat(129), '']] },
    { ...valid, claims: [[1, 'A'.repeat(44), '', 'x'.repeat(513)]] },
    { ...valid, claims: [[1, 'A'.repeat(44), '']] },
    { ...valid, claims: Array.from({ length: MAX_CLAIMS_PER_MESSAGE + 1 }, () => [1, 'A'.repeat(44), '', '']) },
    { ...valid, halted: { reason: 'x'.repeat(33), message: '' } },
  ]
  for (const value of hostile) {
    const bytes = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
    assert.equal(decodeClaims(bytes), undefined, JSON.stringify(value)?.slice(0, 80))
  }
})
