import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseTilePath, tileExists } from './parseTilePath.js'

describe('parseTilePath', () => {
  test('parses full and partial hash tiles and entry bundles', () => {
    assert.deepEqual(parseTilePath('0/000'), { level: 0, index: 0, width: 256 })
    assert.deepEqual(parseTilePath('0/x001/x234/067'), { level: 0, index: 1234067, width: 256 })
    assert.deepEqual(parseTilePath('2/005.p/17'), { level: 2, index: 5, width: 17 })
    assert.deepEqual(parseTilePath('entries/x001/000.p/255'), { level: 'entries', index: 1000, width: 255 })
    assert.deepEqual(parseTilePath('63/000'), { level: 63, index: 0, width: 256 })
  })

  test('refuses every non-canonical or hostile spelling', () => {
    for (const path of [
      '',
      '0',
      '0/',
      '00/000',
      '64/000',
      '-1/000',
      '0/0',
      '0/0000',
      '0/x000/005',
      '0/001/002',
      '0/x001',
      '0/000.p/0',
      '0/000.p/256',
      '0/000.p/01',
      '0/000.p/',
      '0/000.p',
      '../000',
      '0/../000',
      '0/x00a/000',
      'entries/',
      'entries/000/extra',
      '0/x1/000',
      '0/000.p/1/2',
      'tile/0/000',
      '0/ 000',
      '0/000%2F',
      `0/${'x999/'.repeat(7)}999`,
      '1e1/000',
      '0x1/000',
    ]) {
      assert.equal(parseTilePath(path), undefined, path)
    }
  })
})

describe('tileExists', () => {
  test('a full tile needs its end index within the tree', () => {
    assert.equal(tileExists({ level: 0, index: 0, width: 256 }, 255), false)
    assert.equal(tileExists({ level: 0, index: 0, width: 256 }, 256), true)
    assert.equal(tileExists({ level: 1, index: 0, width: 256 }, 65_535), false)
    assert.equal(tileExists({ level: 1, index: 0, width: 256 }, 65_536), true)
  })

  test('a partial tile exists once the tree has reached its width', () => {
    // C2SP example: a tree of 70,000 has a level-0 partial of 112 and a level-1 partial of 17.
    assert.equal(tileExists({ level: 0, index: 273, width: 112 }, 70_000), true)
    assert.equal(tileExists({ level: 0, index: 273, width: 113 }, 70_000), false)
    assert.equal(tileExists({ level: 1, index: 1, width: 17 }, 70_000), true)
    assert.equal(tileExists({ level: 2, index: 0, width: 1 }, 70_000), true)
    assert.equal(tileExists({ level: 2, index: 0, width: 2 }, 70_000), false)
    assert.equal(tileExists({ level: 'entries', index: 0, width: 1 }, 0), false)
    assert.equal(tileExists({ level: 63, index: 0, width: 1 }, Number.MAX_SAFE_INTEGER), false)
  })
})
