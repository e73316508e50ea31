import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { memberIdsOf } from './memberIdsOf.js'

describe('memberIdsOf', () => {
  it('makes ASCII slugs, unique with a suffix', () => {
    assert.deepEqual(memberIdsOf(['Stad Leuven', 'Ville de Liège', 'Stad Leuven', '  --  ', 'Ψ']), [
      'stad-leuven',
      'ville-de-liege',
      'stad-leuven-2',
      'org-4',
      'org-5',
    ])
  })

  it('keeps ids within 64 characters', () => {
    const [id] = memberIdsOf(['x'.repeat(100)])
    assert.equal(id?.length, 64)
  })
})
