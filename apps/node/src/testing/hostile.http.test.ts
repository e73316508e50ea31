import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createHttpNode, type TestNode } from './createTestNode.js'
import { runHostile } from './hostile/runHostile.js'

let node: TestNode
before(async () => {
  node = await createHttpNode()
})
after(() => node.close())

test('300 hostile requests over HTTP each get a 4xx with a catalogue code; the node stays up and still commits', async (t) => {
  const report = await runHostile({ node, runs: 300, http: true })
  t.diagnostic(`codes: ${JSON.stringify(report.codes)}; kinds: ${report.kinds}`)
  const health = await node.fetch('/healthz')
  assert.equal(health.status, 200)
})
