import assert from 'node:assert/strict'
import { test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { fromBase64, toBase64 } from '@tabularium/core'
import type { TestNode } from '../createTestNode.js'
import { bundleEntries, leafHash, merkleRoot, tileHashes, tileIndexPath } from '../merkle.js'
import { expectError, submit } from '../requests.js'

async function bytes(response: Response): Promise<Uint8Array> {
  assert.equal(response.status, 200, response.url)
  assert.equal(response.headers.get('content-type'), 'application/octet-stream')
  assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable')
  const body = new Uint8Array(await response.arrayBuffer())
  // In-process responses keep the gzip encoding; fetch over HTTP decodes it.
  return response.headers.get('content-encoding') === 'gzip' && body[0] === 0x1f
    ? new Uint8Array(gunzipSync(body))
    : body
}

/** C2SP tlog-tiles: the checkpoint and tiles, checked against an independent RFC 6962 implementation. */
export function tlogSuite(node: () => TestNode): void {
  test('serves tiles and entry bundles whose hashes recompute the checkpoint root', async () => {
    const { fetch, net } = node()
    // Enough entries for a full level-0 tile and a level-1 tile.
    const batch = await submit(fetch, { transactions: Array.from({ length: 300 }, () => net.sign()) })
    assert.equal(batch.status, 200)
    const checkpoint = await fetch('/tlog/checkpoint')
    assert.equal(checkpoint.headers.get('content-type'), 'text/plain; charset=utf-8')
    assert.equal(checkpoint.headers.get('cache-control'), 'no-cache')
    const [origin, size, root] = (await checkpoint.text()).split('\n')
    assert.equal(origin, net.genesis.origin)
    const treeSize = Number(size)
    assert.ok(treeSize >= 300)
    const full = Math.floor(treeSize / 256)
    const partial = treeSize % 256
    const leaves: Uint8Array[] = []
    for (let n = 0; n <= full; n++) {
      if (n === full && partial === 0) break
      const suffix = n < full ? '' : `.p/${partial}`
      const tile = tileHashes(await bytes(await fetch(`/tlog/tile/0/${tileIndexPath(n)}${suffix}`)))
      const entries = bundleEntries(
        await bytes(
          await fetch(`/tlog/tile/entries/${tileIndexPath(n)}${suffix}`, { headers: { 'accept-encoding': 'gzip' } }),
        ),
      )
      assert.equal(tile.length, n < full ? 256 : partial)
      assert.deepEqual(entries.map(leafHash), tile)
      leaves.push(...tile)
    }
    assert.equal(toBase64(merkleRoot(leaves)), root)
    const level1 = tileHashes(await bytes(await fetch(`/tlog/tile/1/000.p/${full}`)))
    assert.deepEqual(level1[0], merkleRoot(leaves.slice(0, 256)))
    const first = (await (await fetch('/v1/entries/0')).json()) as { leaf: string }
    assert.deepEqual(leafHash(fromBase64(first.leaf)), leaves[0])
  })

  test('answers NOT_FOUND for tiles beyond the tree and for hostile tile paths', async () => {
    const { fetch } = node()
    const treeSize = Number((await (await fetch('/tlog/checkpoint')).text()).split('\n')[1])
    const beyond = Math.floor(treeSize / 256) + 1
    const wider = `/tlog/tile/0/${tileIndexPath(beyond - 1)}.p/${Math.min(255, (treeSize % 256) + 1)}`
    for (const path of [
      `/tlog/tile/0/${tileIndexPath(beyond)}`,
      wider,
      '/tlog/tile/5/000',
      '/tlog/tile/64/000',
      '/tlog/tile/0/x000/000',
      '/tlog/tile/..%2Fcheckpoint',
      '/tlog/tile/0/..%2F..%2F..%2Fdocs',
      '/tlog/tile/0/..%2F..%2Fetc',
      '/tlog/tile/entries/abc',
      '/tlog/tile/0/000.p/0',
      '/tlog/tile/',
      `/tlog/tile/0/${'x999/'.repeat(8)}999`,
      '/tlog/tile/%00/000',
      '/tlog/tile/0/000.p/1%00',
    ]) {
      const response = await fetch(path)
      assert.ok(response.status === 404 || response.status === 400, `${path}: ${response.status}`)
      const body = (await response.json()) as { error: { code: string } }
      assert.ok(['NOT_FOUND', 'INVALID_REQUEST'].includes(body.error.code))
    }
    await expectError(await fetch('/tlog/nothing'), 'NOT_FOUND')
  })
}
