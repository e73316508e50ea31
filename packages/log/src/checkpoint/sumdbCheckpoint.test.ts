import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toBase64 } from '@tabularium/core'
import { loadVector } from '../testing/vectors.js'
import { parseCheckpoint } from './checkpoint.js'
import { verifyCheckpoint } from './verifyCheckpoint.js'

type Sumdb = { vkey: string; checkpoints: { note: string; origin: string; treeSize: number; rootHash: string }[] }
const sumdb = loadVector<{ sumdb: Sumdb }>('signed-note.json').sumdb

describe('real checkpoints of the Go checksum database (sum.golang.org)', () => {
  it('verify under Go’s published key and parse to the stated tree head', () => {
    for (const v of sumdb.checkpoints) {
      const { checkpoint, cosigners } = verifyCheckpoint({ note: v.note, origin: v.origin, logKeys: [sumdb.vkey] })
      assert.equal(checkpoint.treeSize, v.treeSize)
      assert.equal(toBase64(checkpoint.rootHash), v.rootHash)
      assert.deepEqual(checkpoint.extensions, [])
      assert.deepEqual(cosigners, [])
    }
  })

  it('fail once the size is changed', () => {
    const v = sumdb.checkpoints[0] as Sumdb['checkpoints'][number]
    const forged = v.note.replace(`\n${v.treeSize}\n`, `\n${v.treeSize + 1}\n`)
    assert.throws(() => verifyCheckpoint({ note: forged, origin: v.origin, logKeys: [sumdb.vkey] }), {
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      message: 'the log signature by sum.golang.org does not verify',
    })
  })

  it('fail for another origin', () => {
    const v = sumdb.checkpoints[1] as Sumdb['checkpoints'][number]
    assert.throws(() => verifyCheckpoint({ note: v.note, origin: 'sum.golang.org', logKeys: [sumdb.vkey] }), {
      code: 'ORIGIN_MISMATCH',
      message: 'the checkpoint is for another log than sum.golang.org',
    })
    assert.equal(parseCheckpoint(v.note.slice(0, v.note.indexOf('\n\n') + 1)).origin, 'go.sum database tree')
  })
})
