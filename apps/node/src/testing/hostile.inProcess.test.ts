import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createInProcessNode, type TestNode } from './createTestNode.js'
import { runHostile } from './hostile/runHostile.js'

let node: TestNode
before(async () => {
  node = await createInProcessNode()
})
after(() => node.close())

test('10,000 hostile requests in-process each get a 4xx with a catalogue code; the log is unchanged and the node still commits', async (t) => {
  const report = await runHostile({ node, runs: 10_000, http: false })
  t.diagnostic(`codes: ${JSON.stringify(report.codes)}; kinds: ${report.kinds}`)
  assert.ok(Object.keys(report.codes).length >= 15, JSON.stringify(report.codes))
})
