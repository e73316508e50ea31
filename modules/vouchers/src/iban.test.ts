import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isValidIban, normaliseIban } from './iban.js'

describe('IBAN', () => {
  it('accepts the registry examples of several countries', () => {
    for (const iban of [
      'BE68539007547034',
      'NL91ABNA0417164300',
      'DE89370400440532013000',
      'FR1420041010050500013M02606',
      'GB82WEST12345698765432',
    ])
      assert.equal(isValidIban(iban), true, iban)
  })
  it('refuses a wrong check digit, a wrong length and an unknown country', () => {
    assert.equal(isValidIban('BE68539007547035'), false)
    assert.equal(isValidIban('BE685390075470'), false)
    assert.equal(isValidIban('ZZ68539007547034'), false)
    assert.equal(isValidIban('be68539007547034'), false)
  })
  it('normalises spaces and case', () => {
    assert.equal(normaliseIban('be68 5390 0754 7034'), 'BE68539007547034')
  })
})
