import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { ERROR_CATALOGUE, isErrorCode, statusOf } from './errorCatalogue.js'

describe('error catalogue', () => {
  it('maps every code to a 4xx or 5xx status with a meaning', () => {
    for (const [code, { status, meaning }] of Object.entries(ERROR_CATALOGUE)) {
      assert.match(code, /^[A-Z][A-Z0-9_]+$/)
      assert.ok(status >= 400 && status < 600, code)
      assert.ok(meaning.length > 10, code)
    }
  })

  it('gives 500 for a code not in the catalogue', () => {
    assert.equal(statusOf('NO_SUCH_CODE'), 500)
    assert.equal(isErrorCode('toString'), false)
    assert.equal(statusOf('REPLAYED'), 409)
  })

  it('is documented in docs/errors.md (regenerate with npm run docs:errors)', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE)) {
      assert.ok(doc.includes(`| \`${code}\` | ${status} |`), `docs/errors.md lacks ${code}`)
    }
  })
})
