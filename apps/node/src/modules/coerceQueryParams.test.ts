import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { z } from 'zod'
import { coerceQueryParams } from './coerceQueryParams.js'
import { toJsonSchema } from './toJsonSchema.js'

describe('coerceQueryParams', () => {
  const schema = toJsonSchema(
    z.object({
      limit: z.number().int().optional(),
      active: z.boolean().optional(),
      tags: z.array(z.string()).optional(),
      name: z.string().optional(),
      n: z.number().nullable().optional(),
    }),
  )

  test('converts numbers, booleans and repeated values by the schema', () => {
    const query = { limit: ['10'], active: ['false'], tags: ['a', 'b'], name: ['007'], n: ['-1.5'] }
    assert.deepEqual(coerceQueryParams({ schema, query }), {
      limit: 10,
      active: false,
      tags: ['a', 'b'],
      name: '007',
      n: -1.5,
    })
  })

  test('leaves what does not convert for the schema to report', () => {
    const query = { limit: ['1e3'], active: ['yes'], extra: ['1', '2'], constructor: ['x'] }
    assert.deepEqual(coerceQueryParams({ schema, query }), {
      limit: '1e3',
      active: 'yes',
      extra: '2',
      constructor: 'x',
    })
  })
})
