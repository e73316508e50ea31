import assert from 'node:assert/strict'
import { test } from 'node:test'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createVerifierPool } from './createVerifierPool.js'

function items(count: number) {
  const ed = generateKeyPair({ algorithm: 'EdDSA' })
  const p256 = generateKeyPair({ algorithm: 'ES256' })
  return Array.from({ length: count }, (_, i) => {
    const pair = i % 3 === 0 ? p256 : ed
    const data = Buffer.from(`message ${i}`)
    const signature = signBytes({ privateJwk: pair.privateJwk, data })
    // Every fifth signature is for another message.
    return { publicJwk: pair.publicJwk, data: i % 5 === 4 ? Buffer.from('other') : data, signature }
  })
}

for (const threads of [0, 1, 2]) {
  test(`verifies a batch in order with ${threads} worker thread(s)`, async () => {
    const pool = createVerifierPool({ threads })
    try {
      const batch = items(150)
      const flags = await pool.verify(batch)
      assert.deepEqual(
        flags,
        batch.map((_, i) => i % 5 !== 4),
      )
      assert.deepEqual(await pool.verify([]), [])
      assert.deepEqual(await pool.verify([{ ...batch[0], signature: new Uint8Array(3) } as (typeof batch)[0]]), [false])
    } finally {
      await pool.close()
    }
  })
}

const doubler = new URL('../testing/precheckDoubler.js', import.meta.url).href

for (const threads of [0, 1, 2]) {
  test(`runs a module's prechecks in order with ${threads} worker thread(s), null where one throws`, async () => {
    const pool = createVerifierPool({ threads })
    try {
      const answers = await pool.precheck(doubler, [{ n: 1 }, { n: -1 }, { n: 3 }, { n: 4 }])
      // Without workers nothing runs ahead: the action checks inline.
      assert.deepEqual(answers, threads === 0 ? [null, null, null, null] : [2, null, 6, 8])
      assert.deepEqual(await pool.precheck(doubler, []), [])
      const missing = new URL('../testing/noSuchModule.js', import.meta.url).href
      assert.deepEqual(await pool.precheck(missing, [{ n: 1 }]), [null])
    } finally {
      await pool.close()
    }
  })
}
