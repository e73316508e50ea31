import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isErrorCode, statusOf } from '@tabularium/protocol'
import { IDENTITY_ERROR_CODES, IdentityError } from './errors.js'

describe('IdentityError', () => {
  it('uses only codes of the error catalogue, each with a 4xx or 5xx status', () => {
    for (const code of IDENTITY_ERROR_CODES) {
      assert.ok(isErrorCode(code), `${code} is missing from packages/protocol/src/errorCatalogue.ts`)
      assert.ok(statusOf(code) >= 400, code)
    }
  })

  it('serialises to code, message and details, never the cause', () => {
    const error = new IdentityError('REVOKED', 'credential is revoked', {
      details: { index: 7 },
      cause: new Error('secret'),
    })
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      code: 'REVOKED',
      message: 'credential is revoked',
      details: { index: 7 },
    })
  })
})
