import fc from 'fast-check'
import { get, type HostileRequest } from './hostileRequest.js'

// Values that are never a canonical non-negative index.
const badIndex = fc.oneof(
  fc.integer({ max: -1 }).map(String),
  fc.string({ maxLength: 12 }).filter((s) => !/^(0|[1-9][0-9]*)$/.test(s)),
  fc.constantFrom(
    '1e3',
    '0x10',
    '01',
    '1.5',
    ' 1',
    '+1',
    'NaN',
    'Infinity',
    '9007199254740993',
    '99999999999999999999',
  ),
)
const q = (value: string) => encodeURIComponent(value)
const hex64 = /^[0-9a-f]{64}$/

/** GETs with bad paths and query parameters; every one names nothing valid. */
export function hostileQueries(): fc.Arbitrary<HostileRequest> {
  return fc.oneof(
    badIndex.map((v) => get('bad entries limit', `/v1/entries?limit=${q(v)}`)),
    fc.integer({ min: 1001, max: 1e9 }).map((v) => get('entries limit too large', `/v1/entries?limit=${v}`)),
    fc
      .string({ maxLength: 8 })
      .filter((k) => k !== 'from' && k !== 'limit' && k !== '')
      .map((k) => get('unknown entries param', `/v1/entries?${q(k)}=1`)),
    badIndex.filter((v) => v !== '').map((v) => get('bad entry index', `/v1/entries/${q(v)}`)),
    fc
      .integer({ min: 10_000_000, max: Number.MAX_SAFE_INTEGER })
      .map((v) => get('entry beyond the tree', `/v1/entries/${v}`)),
    badIndex.filter((v) => v !== '').map((v) => get('bad receipt index', `/v1/receipts/${q(v)}`)),
    fc
      .string({ maxLength: 70 })
      .filter((v) => !hex64.test(v) && v !== '')
      .map((v) => get('bad txid', `/v1/transactions/${q(v)}`)),
    fc.stringMatching(/^[0-9a-f]{64}$/).map((v) => get('unknown txid', `/v1/transactions/${v}`)),
    badIndex.map((v) => get('bad inclusion index', `/v1/proofs/inclusion?index=${q(v)}`)),
    fc
      .integer({ min: 10_000_000, max: 2 ** 40 })
      .map((v) => get('inclusion beyond the tree', `/v1/proofs/inclusion?index=0&treeSize=${v}`)),
    badIndex.map((v) => get('bad consistency from', `/v1/proofs/consistency?from=${q(v)}`)),
    fc
      .integer({ min: 10_000_000, max: 2 ** 40 })
      .map((v) => get('consistency beyond the tree', `/v1/proofs/consistency?from=1&to=${v}`)),
    fc
      .string({ maxLength: 70 })
      .filter((v) => !hex64.test(v))
      .map((v) => get('bad query param', `/v1/modules/notary/queries/byHash?hash=${q(v)}`)),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((m) => m !== 'notary' && m !== 'governance')
      .map((m) => get('unknown module', `/v1/modules/${q(m)}/queries/x`)),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((n) => !['byHash', 'list', 'stats'].includes(n))
      .map((n) => get('unknown query', `/v1/modules/notary/queries/${q(n)}`)),
    fc
      .array(
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s !== '.' && s !== '..'),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => `/v1/${parts.map(q).join('/')}`)
      .filter(
        (p) => !/^\/v1\/(transactions|entries|receipts|checkpoint|proofs|modules|network|events|config)(\/|$)/.test(p),
      )
      .map((p) => get('unknown route', p)),
  )
}
