import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { utf8 } from '@tabularium/core'
import { hashChildren, hashLeaf } from '../hash.js'
import { createMemoryTree } from '../tree/createMemoryTree.js'
import { formatEntryBundle, parseEntryBundle } from './entryBundle.js'
import { readTile, tileWidth } from './readTile.js'
import { formatTilePath, parseTilePath } from './tilePath.js'

describe('tile paths (c2sp.org/tlog-tiles)', () => {
  it('write the index in x-prefixed 3-digit groups, with .p/<W> for partial tiles', () => {
    assert.equal(formatTilePath({ level: 0, index: 1234, width: 17 }), 'tile/0/x001/234.p/17')
    assert.equal(formatTilePath({ level: 2, index: 1234067 }), 'tile/2/x001/x234/067')
    assert.equal(formatTilePath({ level: 'entries', index: 0, width: 1 }), 'tile/entries/000.p/1')
    assert.equal(formatTilePath({ level: 63, index: 999 }), 'tile/63/999')
    assert.deepEqual(parseTilePath('tile/0/x001/234.p/17'), { level: 0, index: 1234, width: 17 })
    assert.deepEqual(parseTilePath('tile/entries/x001/x234/067'), { level: 'entries', index: 1234067, width: 256 })
  })

  it('accept only the canonical form of a path', () => {
    const bad = [
      'tile/0/1234',
      'tile/0/x001/234/',
      '/tile/0/000',
      'tile/00/000',
      'tile/64/000',
      'tile/0/x000/001',
      'tile/0/001/234',
      'tile/0/x01/234',
      'tile/0/000.p/0',
      'tile/0/000.p/256',
      'tile/0/000.p/017',
      'tile/0/000.p/',
      'tile/0/000.p',
      'tile/0/abc',
      'tile/entries',
      'tile/-1/000',
      'tile/0/x001/x-01/000',
      'tiles/0/000',
      'tile/0/000.p/17/',
      'tile/0/../000',
      `tile/0/${'x001/'.repeat(40)}000`,
    ]
    for (const path of bad) assert.throws(() => parseTilePath(path), { code: 'INVALID_TILE_PATH' }, path)
    assert.throws(() => formatTilePath({ level: 0, index: -1 }), { code: 'INVALID_TILE_PATH' })
    assert.throws(() => formatTilePath({ level: 0, index: 0, width: 0 }), { code: 'INVALID_TILE_PATH' })
  })
})

describe('tiles of a tree of 70,000 entries (the example of c2sp.org/tlog-tiles)', () => {
  const tree = createMemoryTree()
  for (let i = 0; i < 70_000; i++) tree.append(utf8(`entry ${i}`))
  const getNode = tree.getNode

  it('has the widths the specification lists', () => {
    assert.equal(tileWidth({ level: 0, index: 272, treeSize: 70_000 }), 256)
    assert.equal(tileWidth({ level: 0, index: 273, treeSize: 70_000 }), 112)
    assert.equal(tileWidth({ level: 0, index: 274, treeSize: 70_000 }), 0)
    assert.equal(tileWidth({ level: 1, index: 0, treeSize: 70_000 }), 256)
    assert.equal(tileWidth({ level: 1, index: 1, treeSize: 70_000 }), 17)
    assert.equal(tileWidth({ level: 2, index: 0, treeSize: 70_000 }), 1)
  })

  it('serves level-0 hashes of the entries, and level-1 hashes of full level-0 tiles', () => {
    const level0 = readTile({ level: 0, index: 3, width: 256, getNode })
    assert.equal(level0.length, 8192)
    assert.deepEqual(level0.slice(0, 32), hashLeaf(utf8(`entry ${3 * 256}`)))
    // Hashing the 256 hashes of a tile as the leaves of an 8-level tree gives its entry in the tile above.
    let row: Uint8Array[] = Array.from({ length: 256 }, (_, i) => level0.slice(i * 32, i * 32 + 32))
    while (row.length > 1)
      row = Array.from({ length: row.length / 2 }, (_, i) =>
        hashChildren(row[2 * i] as Uint8Array, row[2 * i + 1] as Uint8Array),
      )
    const level1 = readTile({ level: 1, index: 0, width: 256, getNode })
    assert.deepEqual(level1.slice(3 * 32, 4 * 32), row[0])
    assert.equal(readTile({ level: 1, index: 1, width: 17, getNode }).length, 17 * 32)
    assert.deepEqual(readTile({ level: 2, index: 0, width: 1, getNode }), tree.getNode(16, 0))
    assert.throws(() => readTile({ level: 0, index: 273, width: 113, getNode }), { code: 'MISSING_NODE' })
  })
})

describe('entry bundles', () => {
  it('prefix each entry with its length as a big-endian uint16', () => {
    assert.deepEqual(
      formatEntryBundle([utf8('a'), utf8('bc'), new Uint8Array(0)]),
      new Uint8Array([0, 1, 97, 0, 2, 98, 99, 0, 0]),
    )
    const entries = Array.from({ length: 256 }, (_, i) => new Uint8Array(i * 200).fill(i))
    assert.deepEqual(parseEntryBundle(formatEntryBundle(entries)), entries)
    assert.deepEqual(parseEntryBundle(formatEntryBundle([new Uint8Array(0xffff)]))[0]?.length, 0xffff)
  })

  it('reject cut, overlong or oversized bundles', () => {
    const bundle = formatEntryBundle([utf8('abc'), utf8('de')])
    assert.throws(() => parseEntryBundle(bundle.slice(0, -1)), {
      code: 'INVALID_ENTRY_BUNDLE',
      message: 'invalid entry bundle: an entry is cut short',
    })
    assert.throws(() => parseEntryBundle(new Uint8Array([...bundle, 0])), {
      code: 'INVALID_ENTRY_BUNDLE',
      message: 'invalid entry bundle: a length prefix is cut short',
    })
    assert.throws(() => parseEntryBundle(new Uint8Array(257 * 2)), { code: 'INVALID_ENTRY_BUNDLE' })
    assert.throws(() => formatEntryBundle([new Uint8Array(0x10000)]), { code: 'INVALID_ENTRY_BUNDLE' })
    assert.throws(() => formatEntryBundle(Array.from({ length: 257 }, () => new Uint8Array(0))), {
      code: 'INVALID_ENTRY_BUNDLE',
    })
  })
})
