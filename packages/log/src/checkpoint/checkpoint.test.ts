import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromBase64 } from '@tabularium/core'
import { EMPTY_ROOT } from '../hash.js'
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js'

const root = fromBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=')

describe('formatCheckpoint and parseCheckpoint (c2sp.org/tlog-checkpoint)', () => {
  it('write and read the example of the specification', () => {
    const body = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'
    assert.equal(formatCheckpoint({ origin: 'example.com/behind-the-sofa', treeSize: 20852163, rootHash: root }), body)
    assert.deepEqual(parseCheckpoint(body), {
      origin: 'example.com/behind-the-sofa',
      treeSize: 20852163,
      rootHash: root,
      extensions: [],
    })
  })

  it('keep extension lines and the empty tree', () => {
    const body = formatCheckpoint({
      origin: 'o',
      treeSize: 0,
      rootHash: EMPTY_ROOT,
      extensions: ['ext one', 'ext two'],
    })
    assert.deepEqual(parseCheckpoint(body).extensions, ['ext one', 'ext two'])
  })

  it('refuse what the specification does not allow', () => {
    const bad = [
      'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', // no final newline
      'o\n1\n', // no root
      '\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', // empty origin
      'o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', // leading zero
      'o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
      'o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
      'o\n9007199254740992\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n', // 2^53
      'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n', // unpadded
      'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n', // non-canonical last character
      'o\n1\nAAAA\n', // 3 bytes
      'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n', // empty extension line
      'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\r\n',
    ]
    for (const body of bad)
      assert.throws(() => parseCheckpoint(body), { code: 'INVALID_CHECKPOINT' }, JSON.stringify(body))
    assert.throws(() => formatCheckpoint({ origin: 'a\nb', treeSize: 1, rootHash: root }), {
      code: 'INVALID_CHECKPOINT',
    })
    assert.throws(() => formatCheckpoint({ origin: 'o', treeSize: 1, rootHash: new Uint8Array(31) }), {
      code: 'INVALID_CHECKPOINT',
    })
    assert.throws(() => formatCheckpoint({ origin: 'o', treeSize: -1, rootHash: root }), { code: 'INVALID_CHECKPOINT' })
  })
})
