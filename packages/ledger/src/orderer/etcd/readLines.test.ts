import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readLines } from './readLines.js'

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  const lines: string[] = []
  for await (const line of readLines(
    (async function* () {
      yield* chunks
    })(),
  ))
    lines.push(line)
  return lines
}

describe('readLines', () => {
  it('splits lines across and within chunks, trims them, skips empty ones', async () => {
    const text = '{"a":1}\n\n  {"b":"é€𝄞"}  \r\n{"c":3}\n{"partial'
    const bytes = Buffer.from(text)
    const whole = await collect([bytes])
    assert.deepEqual(whole, ['{"a":1}', '{"b":"é€𝄞"}', '{"c":3}'])
    // Every split point, multi-byte characters cut in two included.
    for (let cut = 1; cut < bytes.length; cut++) {
      assert.deepEqual(await collect([bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut at ${cut}`)
    }
    assert.deepEqual(await collect([...bytes].map((b) => new Uint8Array([b]))), whole)
  })
})
