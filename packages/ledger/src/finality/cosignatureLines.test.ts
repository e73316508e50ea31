import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openNote, verifyCheckpoint } from '@tabularium/log'
import { createCheckpointSigner } from '../checkpoints/createCheckpointSigner.js'
import { createNodeKeys } from '../testing/fixtures.js'
import { cosignatureLine, verifiesCheckpoint, withCosignatures } from './cosignatureLines.js'

const origin = 'tabularium.test/lines'
const root = (fill: number) => new Uint8Array(32).fill(fill)

test('a member cosignature is found, verified with node:crypto as the pure-JS verifier does, and merged into another member’s note', () => {
  const a = createNodeKeys('a')
  const b = createNodeKeys('b')
  const signA = createCheckpointSigner({ origin, keys: a.keys })
  const signB = createCheckpointSigner({ origin, keys: b.keys })
  const noteA = signA({ treeSize: 7, rootHash: root(1), timeMs: 1_700_000_000_123 })
  const noteB = signB({ treeSize: 7, rootHash: root(1), timeMs: 1_700_000_000_123 })
  const lineB = cosignatureLine(noteB, b.witnessKey) ?? assert.fail('no cosignature line')
  assert.ok(lineB.startsWith('— b.witness '))
  assert.equal(cosignatureLine(noteB, a.witnessKey), undefined)
  assert.equal(cosignatureLine(noteB, b.logKey), undefined) // same text, another key: not a cosignature line
  const claim = { origin, treeSize: 7, rootHash: root(1), line: lineB }
  assert.equal(verifiesCheckpoint({ ...claim, witnessKey: b.witnessKey }), true)
  // The independent (pure-JS) verifier agrees.
  assert.equal(openNote({ note: noteB, verifiers: [b.witnessKey] }).verified[0]?.kind, 'cosignature')
  assert.equal(verifiesCheckpoint({ ...claim, witnessKey: a.witnessKey }), false)
  assert.equal(verifiesCheckpoint({ ...claim, rootHash: root(2), witnessKey: b.witnessKey }), false)
  assert.equal(verifiesCheckpoint({ ...claim, treeSize: 8, witnessKey: b.witnessKey }), false)
  assert.equal(verifiesCheckpoint({ ...claim, line: `${lineB.slice(0, -4)}AAA=`, witnessKey: b.witnessKey }), false)
  assert.equal(verifiesCheckpoint({ ...claim, line: 'garbage', witnessKey: b.witnessKey }), false)
  const merged = withCosignatures(noteA, [lineB, lineB])
  assert.equal(withCosignatures(merged, [lineB]), merged)
  const { cosigners } = verifyCheckpoint({
    note: merged,
    origin,
    logKeys: [a.logKey, b.logKey],
    witnessKeys: [a.witnessKey, b.witnessKey],
    witnessQuorum: 2,
  })
  assert.deepEqual(cosigners.sort(), ['a.witness', 'b.witness'])
})
