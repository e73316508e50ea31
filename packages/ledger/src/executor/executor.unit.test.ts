import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canonicalize } from '@tabularium/core'
import { compareKeys } from './compareKeys.js'
import { createOverlay } from './createOverlay.js'
import { deriveRandom } from './deriveRandom.js'
import { writeSetJcs } from './digests.js'
import { eventJcs, leafJcs } from './leafJcs.js'
import type { StateRow, StateView } from './stateView.js'

function memoryView(rows: Record<string, string>): StateView {
  const keys = Object.keys(rows).sort(compareKeys)
  return {
    get: (_module, key) => rows[key],
    list: (_module, prefix, after, limit) =>
      keys
        .filter((k) => k.startsWith(prefix) && compareKeys(k, after) > 0)
        .slice(0, limit)
        .map((k) => [k, rows[k]] as StateRow),
  }
}

test('orders keys by code point, as SQLite orders UTF-8 bytes', () => {
  const keys = ['b', '\u{1F600}', '\uFFFD', 'a', 'ab']
  assert.deepEqual([...keys].sort(compareKeys), ['a', 'ab', 'b', '\uFFFD', '\u{1F600}'])
  const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))
  assert.deepEqual([...keys].sort(compareKeys), bytes)
})

test('an overlay lists base and own writes merged, deletions hidden, limit kept', () => {
  const overlay = createOverlay({ base: memoryView({ 'p/a': '1', 'p/b': '2', 'p/c': '3', 'q/a': '4' }) })
  overlay.put('m', 'p/b', null)
  overlay.put('m', 'p/ab', '5')
  overlay.put('m', 'p/d', '6')
  assert.deepEqual(overlay.list('m', 'p/', '', 10), [
    ['p/a', '1'],
    ['p/ab', '5'],
    ['p/c', '3'],
    ['p/d', '6'],
  ])
  assert.deepEqual(overlay.list('m', 'p/', 'p/a', 2), [
    ['p/ab', '5'],
    ['p/c', '3'],
  ])
  assert.equal(overlay.get('m', 'p/b'), undefined)
})

test('assembles the JCS of entries, events and write-sets without re-serialising', () => {
  const outcome = { status: 'rejected' as const, code: 'CONFLICT', message: 'no "way" \u2028' }
  const tx = {
    v: 1,
    network: 'n',
    module: 'm',
    action: 'a',
    args: { z: 1, a: [1.5, 'é'] },
    signer: 'did:key:z',
    nonce: '1',
    expires: 'x',
  }
  const parts = { txid: 'ab', txJcs: canonicalize(tx), sig: 'sig-_', time: 't', block: 3, state: 'cd', outcome }
  const entry = { v: 1, txid: 'ab', tx, sig: 'sig-_', time: 't', block: 3, outcome, state: 'cd' }
  assert.equal(leafJcs(parts), canonicalize(entry))
  const accepted = { status: 'accepted' as const, events: 'ef' }
  assert.equal(leafJcs({ ...parts, outcome: accepted }), canonicalize({ ...entry, outcome: accepted }))
  assert.equal(
    eventJcs({ module: 'm', type: 't', data: canonicalize({ b: 1, a: 2 }) }),
    canonicalize({ type: 't', module: 'm', data: { a: 2, b: 1 } }),
  )
  const writes = [
    { module: 'z', key: 'a', value: '1' },
    { module: 'a', key: 'k\u{1F600}', value: null },
    { module: 'a', key: 'k\uFFFD', value: canonicalize({ y: 1, x: 2 }) },
  ]
  assert.equal(
    writeSetJcs(writes),
    canonicalize([
      ['a', 'k\uFFFD', { x: 2, y: 1 }],
      ['a', 'k\u{1F600}', null],
      ['z', 'a', 1],
    ]),
  )
})

test('derives the same random bytes for the same txid and label only', () => {
  const a = deriveRandom({ txid: '00', label: 'x', length: 40 })
  assert.equal(a.length, 40)
  assert.deepEqual(a, deriveRandom({ txid: '00', label: 'x', length: 40 }))
  assert.notDeepEqual(a, deriveRandom({ txid: '00', label: 'y', length: 40 }))
  assert.throws(() => deriveRandom({ txid: '00', label: 'x', length: 5000 }))
})
