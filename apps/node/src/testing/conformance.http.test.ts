import { conformanceSuite } from './conformanceSuite.js'
import { createHttpNode } from './createTestNode.js'

conformanceSuite({ name: 'HTTP on 127.0.0.1, startNode()', create: () => createHttpNode({ heartbeatMs: 200 }) })
