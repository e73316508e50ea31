// Unit tests of the web app's pure modules, bundled from src/ with esbuild
// (the TypeScript Vite compiles) and run in Node: the receipt link codec, the
// checkpoint note parser, search classification, theming contrast, the wallet
// backup (PBKDF2 + AES-GCM over WebCrypto) and the parsers of query results.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { webDir } from '../scripts/browserTestSupport.mjs'

let m

before(async () => {
  const outDir = join(webDir, 'test-output')
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'units.bundle.mjs')
  await build({
    stdin: {
      contents: `
        export * from './src/lib/receiptLink.ts'
        export * from './src/lib/note.ts'
        export * from './src/lib/receipt.ts'
        export * from './src/lib/backup.ts'
        export { generateKey, importPrivateJwk, signBytes } from './src/lib/keys.ts'
        export { classifyQuery } from './src/portal/search.ts'
        export { readableOn } from './src/lib/theme.ts'
        export { networkFromGenesis } from './src/portal/genesis.ts'
        export { normaliseStamps } from './src/portal/notary.ts'
        export { normaliseStats } from './src/console/stats.ts'
        export { classifyScan } from './src/provider/ProviderArea.tsx'
      `,
      resolveDir: webDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile,
    logLevel: 'error',
  })
  m = await import(pathToFileURL(outfile).href)
})

const NOTE =
  'tabularium.local/sandbox\n3\ncgX5QXHJctaaaaaaaaaaaaaaaaaaaaaaaaaaaaaXx+0s=\n\n' +
  '— tabularium.local/sandbox oBIeqEcVT8w6Vv8Wdpu2jvteqweXRJAVU55jhXZ6hrArNa8xwEHjYzA70ZyrK5iTa+ihFcoqGi+BKattd0lNq07ySg0=\n' +
  '— tabularium.local/sandbox/witness/organisation-1 pcYwJgAAAABrA4VGQ0WXL1PFg+liiw5H+odwOqF65oX3zgp6FEWK9bTizejs0MWcF9RcSCIJZk4j4kl0QoF/9USoJrX3QN34w0DqCw==\n'

function sampleReceipt() {
  const entry = {
    v: 1,
    txid: 'ab'.repeat(32),
    tx: { module: 'notary', action: 'stamp', args: { hash: 'cd'.repeat(32) } },
  }
  return {
    v: 1,
    txid: entry.txid,
    leaf: Buffer.from(JSON.stringify(entry)).toString('base64'),
    index: 4,
    treeSize: 9,
    inclusionProof: [Buffer.alloc(32, 1).toString('base64'), Buffer.alloc(32, 2).toString('base64')],
    checkpoint: NOTE,
  }
}

describe('receipt links', () => {
  test('a receipt survives the round trip through a deflated link parameter exactly', async () => {
    const receipt = sampleReceipt()
    const param = await m.encodeReceiptParam(receipt)
    assert.match(param, /^z[A-Za-z0-9_-]+$/)
    assert.deepEqual(await m.decodeReceiptParam(param), receipt)
  })

  test('the link is shorter than the receipt JSON', async () => {
    const receipt = sampleReceipt()
    assert.ok((await m.encodeReceiptParam(receipt)).length < JSON.stringify(receipt).length)
  })

  test('keeps a txid that differs from the leaf’s, so verification can refuse it', async () => {
    const receipt = { ...sampleReceipt(), txid: 'ef'.repeat(32) }
    assert.equal((await m.decodeReceiptParam(await m.encodeReceiptParam(receipt))).txid, 'ef'.repeat(32))
  })

  test('a damaged parameter is refused as a bad link', async () => {
    const param = await m.encodeReceiptParam(sampleReceipt())
    await assert.rejects(m.decodeReceiptParam(`${param.slice(0, 10)}!!${param.slice(12)}`), { message: 'bad-link' })
    await assert.rejects(m.decodeReceiptParam('zAAAA'), { message: 'bad-link' })
    await assert.rejects(m.decodeReceiptParam('x123'), { message: 'bad-link' })
  })

  test('finds the parameter in a scanned portal URL', () => {
    assert.equal(m.receiptParamOf('https://ledger.example/#/verify?r=zAbC_-9'), 'zAbC_-9')
    assert.equal(m.receiptParamOf('{"v":1}'), undefined)
  })
})

describe('checkpoint notes', () => {
  test('parses origin, size, root and tells the log signature from the cosignature', () => {
    const parsed = m.parseCheckpointNote(NOTE)
    assert.equal(parsed.origin, 'tabularium.local/sandbox')
    assert.equal(parsed.treeSize, 3)
    assert.deepEqual(
      parsed.signatures.map((s) => [s.name, s.keyId, s.kind]),
      [
        ['tabularium.local/sandbox', 'a0121ea8', 'signature'],
        ['tabularium.local/sandbox/witness/organisation-1', 'a5c63026', 'cosignature'],
      ],
    )
    assert.ok(parsed.signatures[1].timestamp > 1_700_000_000)
  })

  test('refuses a note without a signature block', () => {
    assert.throws(() => m.parseCheckpointNote('origin\n3\nroot\n'))
  })

  test('parses a verifier key into name and key id', () => {
    assert.deepEqual(m.parseVerifierKey('tabularium.local/sandbox+A0121EA8+AQBS'), {
      name: 'tabularium.local/sandbox',
      keyId: 'a0121ea8',
    })
  })
})

describe('small parsers', () => {
  test('classifies search queries', () => {
    assert.equal(m.classifyQuery('42'), 'index')
    assert.equal(m.classifyQuery('AB'.repeat(32)), 'hash')
    assert.equal(m.classifyQuery('did:key:z6Mk'), 'signer')
    assert.equal(m.classifyQuery('notary'), 'module')
  })

  test('picks readable text colours for any theme colour', () => {
    assert.equal(m.readableOn('#1f3a5f'), '#ffffff')
    assert.equal(m.readableOn('#ffbf47'), '#000000')
    assert.equal(m.readableOn('#fff'), '#000000')
  })

  test('reads notary lookups and statistics', () => {
    const stamps = m.normaliseStamps(
      {
        hash: 'h',
        stamps: [{ txid: 't', index: 3, time: 'x', organisation: 'org', docType: 'permit', status: 'revoked' }],
      },
      'h',
    )
    assert.deepEqual(stamps, [
      { hash: 'h', txid: 't', index: 3, time: 'x', organisation: 'org', type: 'permit', status: 'revoked' },
    ])
    assert.deepEqual(m.normaliseStamps({ hash: 'h', stamps: [] }, 'h'), [])
    const stats = m.normaliseStats({
      total: 3,
      revoked: 1,
      byDay: [{ day: '2026-03-01', count: 3 }],
      byOrganisation: [{ organisation: null, count: 3 }],
      byDocType: [],
    })
    assert.deepEqual(stats.perOrganisation, [{ organisation: null, count: 3 }])
    assert.equal(stats.total, 3)
  })

  test('reads a genesis file as a trust anchor and refuses anything else', () => {
    const network = m.networkFromGenesis({ network: 'sandbox', origin: 'o', members: [], witnessQuorum: 2 })
    assert.equal(network.witnessQuorum, 2)
    assert.throws(() => m.networkFromGenesis({ hello: 1 }))
  })

  test('classifies scanned codes for the provider page', () => {
    assert.equal(m.classifyScan('https://x/#/verify?r=zAB').kind, 'receipt')
    assert.equal(m.classifyScan('did:key:z6MkabcDEF').kind, 'did')
    assert.equal(m.classifyScan('https://example.org').kind, 'url')
    assert.equal(m.classifyScan('hello').kind, 'text')
  })
})

describe('wallet backup', () => {
  test('an encrypted backup restores the same did:key with the right passphrase only', async () => {
    const key = await m.generateKey({ extractable: true })
    const backup = await m.createBackup(key, 'correct horse battery')
    const text = JSON.stringify(backup)
    assert.equal(backup.did, key.did)
    assert.ok(!text.includes('"d"'))
    const restored = await m.restoreBackup(text, 'correct horse battery')
    assert.equal(restored.did, key.did)
    await assert.rejects(m.restoreBackup(text, 'wrong passphrase!'), { message: 'wrong-passphrase' })
    await assert.rejects(m.restoreBackup(text.replace(key.did, `${key.did}x`), 'correct horse battery'), {
      message: 'wrong-passphrase',
    })
    await assert.rejects(m.restoreBackup('{}', 'x'), { message: 'not-backup' })
  })

  test('an imported private JWK signs, and a public-only JWK is refused', async () => {
    const key = await m.generateKey({ extractable: true })
    const jwk = await crypto.subtle.exportKey('jwk', key.key)
    const imported = await m.importPrivateJwk(JSON.stringify(jwk))
    assert.equal(imported.did, key.did)
    assert.equal(imported.key.extractable, false)
    assert.equal((await m.signBytes(imported, new Uint8Array([1, 2, 3]))).length, 64)
    await assert.rejects(m.importPrivateJwk(JSON.stringify({ ...key.publicJwk })), { message: 'public-only' })
    await assert.rejects(m.importPrivateJwk('nope'), { message: 'not-json' })
  })
})
