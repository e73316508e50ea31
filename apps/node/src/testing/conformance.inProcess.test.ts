import { conformanceSuite } from './conformanceSuite.js'
import { createInProcessNode } from './createTestNode.js'

conformanceSuite({ name: 'in-process, app.request()', create: () => createInProcessNode({ heartbeatMs: 200 }) })
