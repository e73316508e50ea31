import { canonicalize } from '@tabularium/core'
import type { SignedTransaction } from '@tabularium/protocol'
import fc from 'fast-check'
import { parseTilePath } from '../../tlog/parseTilePath.js'
import type { TestNetwork } from '../createTestNetwork.js'
import { hostileQueries } from './hostileQueries.js'
import { bigStream, get, type HostileRequest, post } from './hostileRequest.js'

/** What the generators need: the network, and transactions already committed (for replays). */
export interface HostileContext {
  net: TestNetwork
  committed: SignedTransaction[]
  /** Over real HTTP, bodies that the client cannot send as such (lying lengths) are left out. */
  http: boolean
}

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('{', '[', '{"tx":', 'null', '"\\ud800"', '{"a":1e999}', '\u0000', '{"__proto__":{"x":1}}'),
)
const jsonValue = fc.jsonValue({ maxDepth: 4 })

/** Refusals of a signed transaction: each yields a body whose every item admission must refuse. */
function signedRefusals(ctx: HostileContext): fc.Arbitrary<{ kind: string; make: () => unknown }> {
  const { net } = ctx
  const replayed = fc.constantFrom(...ctx.committed)
  const hour = 3_600_000
  return fc.oneof(
    replayed.map((tx) => ({ kind: 'replay', make: () => tx })),
    name
      .filter((n) => n !== net.genesis.network)
      .map((network) => ({ kind: 'wrong network', make: () => net.sign({ network }) })),
    fc
      .integer({ min: 1, max: 1000 * hour })
      .map((ago) => ({ kind: 'expired', make: () => net.sign({ expires: new Date(Date.now() - ago).toISOString() }) })),
    fc.integer({ min: 25 * hour, max: 10_000 * hour }).map((ahead) => ({
      kind: 'expiry too far',
      make: () => net.sign({ expires: new Date(Date.now() + ahead).toISOString() }),
    })),
    name
      .filter((n) => n !== 'notary' && n !== 'governance')
      .map((module) => ({ kind: 'unknown module', make: () => net.sign({ module }) })),
    fc
      .stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,20}$/)
      .filter((a) => !['stamp', 'revoke'].includes(a))
      .map((action) => ({ kind: 'unknown action', make: () => net.sign({ action }) })),
    fc
      .dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 4 })
      .map((args) => ({ kind: 'invalid args', make: () => net.sign({ args }) })),
    fc.constant({
      kind: 'unauthorised role',
      make: () => net.sign({ privateJwk: net.outsider.privateJwk, signer: net.outsider.did }),
    }),
    fc.constant({ kind: 'forged signer', make: () => net.sign({ privateJwk: net.outsider.privateJwk }) }),
    fc
      .stringMatching(/^[A-Za-z0-9_-]{16,256}$/)
      .map((sig) => ({ kind: 'bad signature', make: () => ({ ...net.sign(), sig }) })),
    fc.tuple(replayed, fc.nat(85), fc.integer({ min: 1, max: 63 })).map(([tx, at, flip]) => ({
      kind: 'flipped signature',
      make: () => ({ tx: tx.tx, sig: flipChar(tx.sig, at, flip) }),
    })),
    fc
      .tuple(
        replayed,
        fc.constantFrom('v', 'network', 'module', 'action', 'args', 'signer', 'nonce', 'expires', 'extra'),
        jsonValue,
      )
      .filter(
        ([tx, field, value]) =>
          canonicalize((tx.tx as Record<string, unknown>)[field] ?? null) !== canonicalize(value ?? null),
      )
      .map(([tx, field, value]) => ({
        kind: `mutated ${field}`,
        make: () => ({ tx: { ...tx.tx, [field]: value }, sig: tx.sig }),
      })),
    fc.tuple(replayed, fc.constantFrom('tx', 'sig')).map(([tx, drop]) => ({
      kind: `missing ${drop}`,
      make: () => (drop === 'tx' ? { sig: tx.sig } : { tx: tx.tx }),
    })),
  )
}

function flipChar(sig: string, at: number, flip: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const i = at % sig.length
  const next = alphabet[(alphabet.indexOf(sig[i] as string) + flip) % 64] as string
  return sig.slice(0, i) + next + sig.slice(i + 1)
}

/** Every kind of hostile request, weighted so that all are well represented. */
export function hostileArbitrary(ctx: HostileContext): fc.Arbitrary<HostileRequest> {
  const refusal = signedRefusals(ctx)
  return fc.oneof(
    { weight: 6, arbitrary: refusal.map((r) => post(r.kind, r.make())) },
    {
      weight: 2,
      arbitrary: fc
        .array(refusal, { minLength: 1, maxLength: 5 })
        .map((rs) => post(`batch of ${rs.map((r) => r.kind).join(', ')}`, { transactions: rs.map((r) => r.make()) })),
    },
    { weight: 2, arbitrary: hostileText.map((text) => post('bad JSON', text)) },
    { weight: 2, arbitrary: jsonValue.map((value) => post('JSON of the wrong shape', value)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json-patch+json',
            'multipart/form-data; boundary=x',
            'application/jsonp',
            '',
          ),
          hostileText,
        )
        .map(([type, body]) => post('wrong content type', body, type === '' ? {} : { 'content-type': type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ maxLength: 20 })
        .filter((w) => w !== 'true' && w !== 'false')
        .map((wait) => post('bad wait', ctx.net.sign(), undefined, `?wait=${encodeURIComponent(wait)}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1001, max: 3000 })
        .map((n) => post('batch too long', { transactions: Array.from({ length: n }, () => ({})) })),
    },
    { weight: 1, arbitrary: hugeBody(ctx) },
    { weight: 3, arbitrary: hostileQueries() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('PUT', 'DELETE', 'PATCH'),
          fc.constantFrom('/v1/transactions', '/v1/checkpoint', '/v1/entries', '/healthz', '/tlog/checkpoint'),
        )
        .map(([method, path]) => ({ kind: 'wrong method', path, init: { method } })),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 8 })
        .map((parts) => parts.map(encodeURIComponent).join('/'))
        .filter((tile) => parseTilePath(tile) === undefined)
        .map((tile) => get('bad tile path', `/tlog/tile/${tile}`)),
    },
  )
}

function hugeBody(ctx: HostileContext): fc.Arbitrary<HostileRequest> {
  const declared = fc.integer({ min: 8 * 1024 * 1024 + 1, max: 2 ** 40 }).map((length) => ({
    kind: 'declared huge body',
    path: '/v1/transactions',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length) },
      body: '{}',
    },
  }))
  const streamed = fc.integer({ min: 129, max: 300 }).map((chunks) => ({
    kind: 'streamed huge body',
    path: '/v1/transactions',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigStream(chunks),
      duplex: 'half',
    } as RequestInit,
  }))
  return ctx.http ? streamed : fc.oneof(declared, streamed)
}
