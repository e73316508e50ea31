import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { utf8 } from '@tabularium/core'
import { flipBit } from '../testing/vectors.js'
import { createMemoryTree, type MemoryTree } from '../tree/createMemoryTree.js'
import { formatEntryBundle, parseEntryBundle } from './entryBundle.js'
import { readLeafRange } from './readLeafRange.js'
import { readTile, tileWidth } from './readTile.js'
import { nodeFromTile, tileOfNode } from './tileNodes.js'
import { parseTilePath } from './tilePath.js'

type Log = { tree: MemoryTree; leaves: Uint8Array[] }

function logOf(size: number, leaf = (i: number) => `entry ${i}`): Log {
  const tree = createMemoryTree()
  const leaves = Array.from({ length: size }, (_, i) => utf8(leaf(i)))
  for (const l of leaves) tree.append(l)
  return { tree, leaves }
}

// What a tlog-tiles server of `log` answers, refusing tiles beyond its size as the node does.
function tilesOf(log: Log, requested: string[] = []) {
  return async (path: string): Promise<Uint8Array> => {
    requested.push(path)
    const { level, index, width } = parseTilePath(path)
    if (level === 'entries') {
      if (index * 256 + width > log.leaves.length) throw new Error(`404 ${path}`)
      return formatEntryBundle(log.leaves.slice(index * 256, index * 256 + width))
    }
    return readTile({ level, index, width, getNode: log.tree.getNode })
  }
}

const read = (log: Log, p: { start: number; end: number; treeSize: number }, fetchTile = tilesOf(log)) =>
  readLeafRange({ ...p, rootHash: log.tree.root({ treeSize: p.treeSize }), fetchTile })

describe('tileOfNode and nodeFromTile', () => {
  const log = logOf(70_000)
  it('find every complete node of a tree in the tile that holds it', () => {
    for (const [level, index] of [
      [0, 0],
      [0, 69_999],
      [3, 5],
      [8, 3],
      [9, 1],
      [12, 16],
      [16, 0],
      [15, 1],
    ] as const) {
      const place = tileOfNode({ level, index, treeSize: 70_000 })
      const bytes = readTile({ ...place.tile, getNode: log.tree.getNode })
      assert.deepEqual(nodeFromTile({ ...place, bytes }), log.tree.getNode(level, index), `${level}/${index}`)
    }
    assert.deepEqual(tileOfNode({ level: 9, index: 1, treeSize: 1024 }), {
      tile: { level: 1, index: 0, width: 4 },
      offset: 2,
      count: 2,
    })
    assert.throws(() => tileOfNode({ level: 4, index: 4375, treeSize: 70_000 }), { code: 'INVALID_TREE_SIZE' })
    const place = tileOfNode({ level: 8, index: 1, treeSize: 70_000 })
    assert.throws(() => nodeFromTile({ ...place, bytes: new Uint8Array(32) }), { code: 'INVALID_PROOF' })
  })
})

describe('readLeafRange (c2sp.org/tlog-tiles)', () => {
  const log = logOf(1000)

  it('reads and proves ranges: the whole log, within a bundle, across bundles, up to an earlier end', async () => {
    for (const [start, end, treeSize] of [
      [0, 1000, 1000],
      [999, 1000, 1000],
      [300, 700, 1000],
      [300, 700, 800],
      [256, 512, 900],
      [5, 6, 7],
      [511, 513, 513],
    ] as const) {
      const leaves = await read(log, { start, end, treeSize })
      assert.deepEqual(leaves, log.leaves.slice(start, end), `${start}–${end} of ${treeSize}`)
    }
  })

  it('fetches the bundles of the range and a few hash tiles, and reports progress', async () => {
    const big = logOf(70_000)
    const requested: string[] = []
    const progress: number[] = []
    const leaves = await readLeafRange({
      start: 65_000,
      end: 66_000,
      treeSize: 69_999,
      rootHash: big.tree.root({ treeSize: 69_999 }),
      fetchTile: tilesOf(big, requested),
      onProgress: (readSoFar, total) => {
        assert.equal(total, 1000)
        progress.push(readSoFar)
      },
    })
    assert.deepEqual(leaves, big.leaves.slice(65_000, 66_000))
    assert.equal(progress.at(-1), 1000)
    assert.deepEqual(requested.filter((p) => p.startsWith('tile/entries/')).sort(), [
      'tile/entries/253',
      'tile/entries/254',
      'tile/entries/255',
      'tile/entries/256',
      'tile/entries/257',
    ])
    assert.ok(requested.length <= 5 + 6, requested.join(' '))
  })

  it('refuses a node that leaves out, alters, reorders or adds an entry, or serves a wrong hash tile', async () => {
    const honest = tilesOf(log)
    const bundleChange = (change: (entries: Uint8Array[]) => Uint8Array[]) => async (path: string) => {
      const bytes = await honest(path)
      return path.startsWith('tile/entries/001') ? formatEntryBundle(change(parseEntryBundle(bytes))) : bytes
    }
    const range = { start: 300, end: 1000, treeSize: 1000 }
    const bundle = { code: 'INVALID_ENTRY_BUNDLE' }
    const proof = { code: 'INVALID_PROOF' }
    await assert.rejects(
      read(
        log,
        range,
        bundleChange((e) => e.filter((_, i) => i !== 100)),
      ),
      bundle,
    )
    await assert.rejects(
      read(
        log,
        range,
        bundleChange((e) => [...e.slice(0, 255), utf8('more')]),
      ),
      proof,
    )
    await assert.rejects(
      read(
        log,
        range,
        bundleChange((e) => [...e.slice(0, 100), e[101], e[100], ...e.slice(102)] as Uint8Array[]),
      ),
      proof,
    )
    await assert.rejects(
      read(
        log,
        range,
        bundleChange((e) => e.map((x, i) => (i === 200 ? flipBit(x, 0) : x))),
      ),
      proof,
    )
    const wrongTile = async (path: string) => {
      const bytes = await honest(path)
      return path.startsWith('tile/0/') ? flipBit(bytes, 8 * 32 * 40) : bytes
    }
    await assert.rejects(read(log, range, wrongTile), proof)
    const shortTile = async (path: string) => (await honest(path)).slice(0, path.startsWith('tile/0/') ? 64 : undefined)
    await assert.rejects(read(log, range, shortTile), proof)
  })

  it('refuses another log served consistently, and passes on a failed fetch', async () => {
    const other = logOf(1000, (i) => (i === 640 ? 'entry 640 (changed)' : `entry ${i}`))
    await assert.rejects(read(log, { start: 300, end: 1000, treeSize: 1000 }, tilesOf(other)), {
      code: 'INVALID_PROOF',
    })
    const down = async () => {
      throw new Error('network down')
    }
    await assert.rejects(read(log, { start: 0, end: 10, treeSize: 10 }, down), /network down/)
    assert.equal(tileWidth({ level: 0, index: 3, treeSize: 1000 }), 232)
  })
})
