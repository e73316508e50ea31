import { after, before, describe } from 'node:test'
import { eventsSuite } from './conformance/eventsSuite.js'
import { opsSuite } from './conformance/opsSuite.js'
import { readSuite } from './conformance/readSuite.js'
import { submitSuite } from './conformance/submitSuite.js'
import { tlogSuite } from './conformance/tlogSuite.js'
import type { TestNode } from './createTestNode.js'

/**
 * The node's conformance suite (CONVENTIONS #16): the same tests against a
 * node reached in-process and over HTTP, each with a real ledger and SQLite.
 *
 * @example conformanceSuite({ name: 'in-process', create: () => createInProcessNode({ heartbeatMs: 200 }) })
 */
export function conformanceSuite({ name, create }: { name: string; create: () => Promise<TestNode> }): void {
  describe(`node conformance (${name})`, () => {
    let node: TestNode | undefined
    const current = (): TestNode => {
      if (node === undefined) throw new Error('the node is not started')
      return node
    }
    before(async () => {
      node = await create()
    })
    after(async () => {
      await node?.close()
    })
    describe('transactions', () => submitSuite(current))
    describe('reads', () => readSuite(current))
    describe('tlog-tiles', () => tlogSuite(current))
    describe('events', () => eventsSuite(current))
    describe('operations', () => opsSuite(current))
  })
}
