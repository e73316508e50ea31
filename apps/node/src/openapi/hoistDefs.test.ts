import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { hoistDefs } from './hoistDefs.js'

describe('hoistDefs', () => {
  test('moves $defs to components and rewrites their references', () => {
    const schemas: Record<string, Record<string, unknown>> = {}
    hoistDefs({
      name: 'm.a.args',
      schema: {
        type: 'object',
        properties: { node: { $ref: '#/$defs/Node' }, self: { $ref: '#' } },
        $defs: { Node: { anyOf: [{ $ref: '#/$defs/Node' }] } },
      },
      schemas,
    })
    assert.deepEqual(schemas, {
      'm.a.args': {
        type: 'object',
        properties: {
          node: { $ref: '#/components/schemas/m.a.args.Node' },
          self: { $ref: '#/components/schemas/m.a.args' },
        },
      },
      'm.a.args.Node': { anyOf: [{ $ref: '#/components/schemas/m.a.args.Node' }] },
    })
  })
})
