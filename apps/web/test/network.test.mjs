// Unit tests of the network page's data shaping and of final receipts,
// bundled from src/ with esbuild and run in Node. Checkpoints are real signed
// notes: a sandbox network of three members made by the governance module,
// signed with the members' own node keys by @tabularium/log — so a
// cosignature is "verified" only if Ed25519 says so, never by construction.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import {
  addNoteSignatures,
  createEd25519Cosigner,
  createEd25519NoteSigner,
  createSignatureLine,
  formatCheckpoint,
  signNote,
} from '@tabularium/log'
import { createSandboxNetwork } from '@tabularium/module-governance'
import { build } from 'esbuild'
import { webDir } from '../scripts/browserTestSupport.mjs'

let m
let sandbox
let network

before(async () => {
  const outDir = join(webDir, 'test-output')
  mkdirSync(outDir, { recursive: true })
  const outfile = join(outDir, 'network.bundle.mjs')
  await build({
    stdin: {
      contents: `
        export { parseNetworkStatus } from './src/network/api.ts'
        export { memberRows, webUrl } from './src/network/memberRows.ts'
        export { checkFinalCheckpoint, signatureState } from './src/network/checkFinalCheckpoint.ts'
        export { checkWitness } from './src/network/checkWitness.ts'
        export { formatAgo } from './src/network/relativeTime.ts'
        export { haltReasonText } from './src/network/OwnHealth.tsx'
        export { fetchFinalReceipt, needsFinalReceipt } from './src/lib/finalReceipt.ts'
        export { ApiError } from './src/api/client.ts'
        export { networkFromGenesis } from './src/portal/genesis.ts'
        export { setLanguage } from './src/i18n/index.ts'
        import './src/network/i18n/pageMessages.ts'
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
  // setLanguage merges the feature catalogues; it also sets <html lang> and remembers the choice.
  globalThis.localStorage ??= { getItem: () => null, setItem: () => {} }
  globalThis.document ??= { documentElement: {} }
  await m.setLanguage('en')
  sandbox = createSandboxNetwork({ organisations: 3, now: Date.parse('2026-11-20T09:00:00Z') })
  network = m.networkFromGenesis(sandbox.genesis)
})

const seed = (base64url) => new Uint8Array(Buffer.from(base64url, 'base64url'))
const logSigner = (member) =>
  createEd25519NoteSigner({ name: member.nodeKeys.logKeyName, privateKey: seed(member.nodeKeys.logPrivateKey) })
const cosigner = (member, now = () => 1_795_000_000) =>
  createEd25519Cosigner({
    name: member.nodeKeys.witnessKeyName,
    privateKey: seed(member.nodeKeys.witnessPrivateKey),
    now,
  })
const root = (byte) => new Uint8Array(32).fill(byte)
const text = (treeSize, rootByte) =>
  formatCheckpoint({ origin: sandbox.genesis.origin, treeSize, rootHash: root(rootByte) })

// A final checkpoint as /v1/checkpoints/final/history lists it: organisation-1's
// node signs, and the members in `cosigners` cosign with their witness keys.
function finalCheckpoint({ treeSize = 7, rootByte = 1, cosigners = [0, 2], listed } = {}) {
  const [first] = sandbox.members
  const note = signNote({
    text: text(treeSize, rootByte),
    signers: [logSigner(first), ...cosigners.map((i) => cosigner(sandbox.members[i]))],
  })
  return {
    treeSize,
    rootHash: Buffer.from(root(rootByte)).toString('base64'),
    note,
    cosigners: listed ?? cosigners.map((i) => sandbox.members[i].id),
    time: '2026-11-20T10:00:00.000Z',
  }
}

const states = (checked) => Object.fromEntries(checked.members.map((c) => [c.id, c.state]))

describe('final checkpoints checked against the genesis keys', () => {
  test('marks each member’s cosignature verified or absent, and the quorum met', () => {
    const checked = m.checkFinalCheckpoint({ checkpoint: finalCheckpoint(), network })
    assert.equal(checked.logSignature, 'verified')
    assert.deepEqual(states(checked), {
      'organisation-1': 'verified',
      'organisation-2': 'absent',
      'organisation-3': 'verified',
    })
    assert.deepEqual(
      checked.members.map((c) => c.claimed),
      [true, false, true],
    )
    assert.equal(checked.verified, 2)
    assert.equal(checked.quorum, 2)
    assert.equal(checked.final, true)
  })

  test('a diverged member’s cosignature of another root does not verify on this checkpoint', () => {
    const checkpoint = finalCheckpoint()
    // organisation-2 executed the log differently: it cosigned another root at the same size.
    const theirs = createSignatureLine({ text: text(7, 2), signer: cosigner(sandbox.members[1]) })
    checkpoint.note = addNoteSignatures(checkpoint.note, [theirs])
    checkpoint.cosigners = ['organisation-1', 'organisation-2', 'organisation-3']
    const checked = m.checkFinalCheckpoint({ checkpoint, network })
    assert.deepEqual(states(checked), {
      'organisation-1': 'verified',
      'organisation-2': 'invalid',
      'organisation-3': 'verified',
    })
    assert.equal(checked.final, true, 'two valid cosignatures still make the quorum')
  })

  test('a cosigner the node lists without a signature in the note is not counted', () => {
    const checkpoint = finalCheckpoint({ cosigners: [0], listed: ['organisation-1', 'organisation-2'] })
    const checked = m.checkFinalCheckpoint({ checkpoint, network })
    const second = checked.members[1]
    assert.deepEqual([second.state, second.claimed], ['absent', true])
    assert.equal(checked.verified, 1)
    assert.equal(checked.final, false, 'one verified cosignature is below the quorum of 2')
  })

  test('refuses a checkpoint signed by a log key outside the genesis', () => {
    const stranger = createSandboxNetwork({ organisations: 1, now: Date.parse('2026-11-20T09:00:00Z') }).members[0]
    const checkpoint = finalCheckpoint()
    checkpoint.note = signNote({
      text: text(7, 1),
      signers: [logSigner(stranger), cosigner(sandbox.members[0]), cosigner(sandbox.members[2])],
    })
    const checked = m.checkFinalCheckpoint({ checkpoint, network })
    assert.equal(checked.logSignature, 'invalid')
    assert.equal(checked.problem, 'CHECKPOINT_SIGNATURE_MISSING')
    assert.equal(checked.final, false, 'member cosignatures alone do not make it final')
  })

  test('refuses a note for another size or root than the node lists', () => {
    const checkpoint = { ...finalCheckpoint(), treeSize: 8 }
    assert.equal(m.checkFinalCheckpoint({ checkpoint, network }).problem, 'CHECKPOINT_MISMATCH')
    const otherRoot = { ...finalCheckpoint(), rootHash: Buffer.from(root(9)).toString('base64') }
    assert.equal(m.checkFinalCheckpoint({ checkpoint: otherRoot, network }).problem, 'CHECKPOINT_MISMATCH')
  })

  test('a changed character in a cosignature makes it invalid, not absent', () => {
    const checkpoint = finalCheckpoint()
    const lines = checkpoint.note.split('\n')
    const i = lines.findIndex((l) => l.includes('/witness/organisation-3 '))
    const line = lines[i]
    const at = line.length - 10
    lines[i] = line.slice(0, at) + (line[at] === 'A' ? 'B' : 'A') + line.slice(at + 1)
    checkpoint.note = lines.join('\n')
    assert.equal(states(m.checkFinalCheckpoint({ checkpoint, network }))['organisation-3'], 'invalid')
  })
})

describe('outside witnesses', () => {
  const outside = () =>
    createEd25519Cosigner({
      name: 'witness.example/w1',
      privateKey: new Uint8Array(32).fill(7),
      now: () => 1_795_000_000,
    })

  test('a witness’s cosignature of this network’s checkpoint verifies with the key the node lists', () => {
    const w = outside()
    const { note } = finalCheckpoint()
    const witness = {
      url: 'https://witness.example',
      name: w.name,
      key: w.verifierKey,
      cosignedSize: 7,
      cosignedAt: '2026-11-20T10:00:01Z',
      note: addNoteSignatures(note, [createSignatureLine({ text: text(7, 1), signer: w })]),
      lastError: null,
    }
    assert.equal(m.checkWitness(witness, network), 'verified')
    assert.equal(m.checkWitness({ ...witness, cosignedSize: 6 }, network), 'invalid', 'not the size it claims')
    assert.equal(m.checkWitness({ ...witness, note: note }, network), 'absent')
    assert.equal(m.checkWitness({ ...witness, note: null, cosignedSize: null }, network), 'absent')
  })
})

// What /v1/network/status answers on organisation-1's node of a five-member network.
function status(overrides = {}) {
  return {
    network: 'devnet',
    orderer: 'etcd',
    health: { status: 'ok' },
    treeSize: 120,
    final: { treeSize: 118, cosigners: ['organisation-1', 'organisation-2'], time: '2026-11-20T10:00:00.000Z' },
    members: [
      { id: 'organisation-1', name: 'Leuven', url: 'https://ledger.leuven.example', status: 'self', treeSize: 120 },
      {
        id: 'organisation-2',
        name: 'Gent',
        url: 'javascript:alert(1)',
        status: 'diverged',
        treeSize: 117,
        seenAt: '2026-11-20T09:59:58.000Z',
        divergedAt: 117,
      },
      { id: 'organisation-3', name: 'Brugge', status: 'silent', treeSize: 96, seenAt: '2026-11-20T09:58:00.000Z' },
      {
        id: 'organisation-4',
        name: 'Zug',
        status: 'stopped',
        treeSize: 121,
        seenAt: '2026-11-20T10:00:01.000Z',
        haltReason: 'altered',
      },
      { id: 'organisation-5', name: 'Patras', status: 'unknown' },
    ],
    ...overrides,
  }
}

describe('members and health', () => {
  const now = Date.parse('2026-11-20T10:00:00.000Z')

  test('shapes each member node’s health, lag and last-heard time', () => {
    const rows = m.memberRows({ status: m.parseNetworkStatus(status()), now })
    assert.deepEqual(
      rows.map((r) => [r.id, r.status, r.tone, r.lag, r.seenAgoMs]),
      [
        ['organisation-1', 'self', 'ok', 0, undefined],
        ['organisation-2', 'diverged', 'error', 3, 2_000],
        ['organisation-3', 'silent', 'warning', 24, 120_000],
        ['organisation-4', 'stopped', 'error', -1, 0],
        ['organisation-5', 'unknown', 'info', undefined, undefined],
      ],
    )
    assert.equal(rows[1].divergedAt, 117)
    assert.equal(rows[3].haltReason, 'altered')
    assert.equal(m.haltReasonText(rows[3].haltReason), 'Its files were changed outside the node.')
  })

  test('links only to http(s) node addresses', () => {
    const rows = m.memberRows({ status: m.parseNetworkStatus(status()), now })
    assert.equal(rows[0].url, 'https://ledger.leuven.example/')
    assert.equal(rows[1].url, undefined, 'a javascript: URL is never a link')
    assert.equal(m.webUrl('ftp://x.example'), undefined)
  })

  test('reads a stopped node’s own health and drops what it cannot name', () => {
    const raw = status({
      health: {
        status: 'stopped',
        reason: 'diverged',
        message: "this node's root at tree size 120 differs from the network's",
        since: '2026-11-20T09:59:30.000Z',
        details: { member: 'organisation-2' },
      },
      members: [...status().members, { name: 'no id' }, { id: 'organisation-6', name: 'Odd', status: 'weird' }],
    })
    const parsed = m.parseNetworkStatus(raw)
    assert.deepEqual(parsed.health, {
      status: 'stopped',
      reason: 'diverged',
      message: "this node's root at tree size 120 differs from the network's",
      since: '2026-11-20T09:59:30.000Z',
    })
    assert.equal(parsed.members.length, 6)
    assert.equal(parsed.members[5].status, 'unknown')
    assert.throws(() => m.parseNetworkStatus({ network: 'x' }), /not a network status/)
  })

  test('says how long ago and why a node stopped in the active language', async () => {
    assert.equal(m.formatAgo(0), 'now')
    assert.equal(m.formatAgo(12_400), '12 seconds ago')
    assert.equal(m.formatAgo(90_000), '1 minute ago')
    assert.equal(m.formatAgo(-5_000), 'now', 'a clock ahead of the browser is not "in 5 seconds"')
    try {
      await m.setLanguage('es')
      assert.equal(m.formatAgo(90_000), 'hace 1 minuto')
      assert.equal(m.haltReasonText('commit-failed'), 'No se pudo guardar un bloque.')
      assert.equal(m.haltReasonText('unplugged'), 'Motivo: unplugged.')
    } finally {
      await m.setLanguage('en')
    }
  })
})

describe('final receipts', () => {
  const notFinal = () => new m.ApiError('NOT_FINAL', 'no final checkpoint holds entry 4 yet', 409)

  test('are needed when the genesis quorum is more than one member', () => {
    assert.equal(m.needsFinalReceipt({ witnessQuorum: 1 }), false)
    assert.equal(m.needsFinalReceipt({ witnessQuorum: 2 }), true)
  })

  test('are asked for again while the node answers NOT_FINAL', async () => {
    let calls = 0
    const waited = []
    const receipt = await m.fetchFinalReceipt({
      index: 4,
      fetchReceipt: async (index) => {
        calls++
        if (calls < 3) throw notFinal()
        return { index }
      },
      onWaiting: (attempt) => waited.push(attempt),
      sleep: async () => {},
    })
    assert.deepEqual(receipt, { index: 4 })
    assert.deepEqual(waited, [1, 2])
  })

  test('give up with NOT_FINAL after the last try, and pass other errors at once', async () => {
    let calls = 0
    await assert.rejects(
      m.fetchFinalReceipt({
        index: 4,
        attempts: 3,
        fetchReceipt: async () => {
          calls++
          throw notFinal()
        },
        sleep: async () => {},
      }),
      { code: 'NOT_FINAL' },
    )
    assert.equal(calls, 3)
    calls = 0
    await assert.rejects(
      m.fetchFinalReceipt({
        index: 4,
        fetchReceipt: async () => {
          calls++
          throw new m.ApiError('NOT_FOUND', 'no entry at that index', 404)
        },
        sleep: async () => {},
      }),
      { code: 'NOT_FOUND' },
    )
    assert.equal(calls, 1)
  })
})
