// End-to-end test of the portal's verified recount in Debian's Chromium: a
// small election (2-of-3 trustees, two voters, the tally published) is run
// on a real ledger with the ballots test fixture, and served by the node's
// own HTTP app (createApp: /v1, /tlog tiles, the built web app). The portal
// recounts it in a Web Worker from the C2SP tiles, proved under the signed
// checkpoint, and says so. The same log served by a dishonest front — one
// that drops a ballot from an entry bundle, alters one, or points the recount
// past the ballot's creation — is caught.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { after, before, describe, test } from 'node:test'
import { getRequestListener } from '@hono/node-server'
import { toBase64 } from '@tabularium/core'
import { formatEntryBundle, parseEntryBundle } from '@tabularium/log'
import { electionOf } from '@tabularium/module-ballots'
import { prepareBallot } from '@tabularium/module-ballots/client'
import {
  codeHash,
  createIssuer,
  ephemeralSigner,
  obtainToken,
  openBallotsLedger,
  runCeremony,
} from '@tabularium/module-ballots/testing'
import { createApp, loadConfig } from '@tabularium/node'
import { partialDecrypt } from '@tabularium/voting'
import pino from 'pino'
import { launchBrowser, privateWebBuild, screenshots, seriousViolations } from '../scripts/browserTestSupport.mjs'

const HOUR = 3_600_000
const BALLOT = 'park'
let t
let webRoot
let browser
const servers = []

const question = {
  id: 'q',
  title: 'Trees?',
  type: 'single',
  options: [
    { id: 'y', title: 'Yes' },
    { id: 'n', title: 'No' },
  ],
}

const definition = (id, issuer) => ({
  id,
  title: id === BALLOT ? 'Park' : `Ballot ${id}`,
  questions: [question],
  opens: new Date(t.now() + HOUR).toISOString(),
  closes: new Date(t.now() + 2 * HOUR).toISOString(),
  census: { kind: 'list' },
  issuerKey: issuer.publicKey,
  trustees: ['leuven', 'gent', 'brugge'],
  threshold: 2,
})

const send = async (m, action, args) => assert.equal((await t.send(m, action, args)).code, 'ok', action)

// Entries of another ballot, so that the park's start in the log is not a tile boundary.
async function filler(count) {
  for (let i = 0; i < count; i++)
    await send(t.members[0], 'addCensusCodes', { process: 'other', codeHashes: [codeHash(`OTHER-${i}`)] })
}

// A small election on the fixture's ledger, as `tabularium recount`'s test runs it, between
// 300 entries of another ballot and 3 after its tally (the recount stops at the tally).
async function runElection() {
  t = await openBallotsLedger()
  const issuer = await createIssuer()
  await send(t.members[0], 'createBallot', definition('other', issuer))
  await filler(300)
  const codes = ['AAAA-0001', 'AAAA-0002']
  await send(t.members[0], 'createBallot', definition(BALLOT, issuer))
  await send(t.members[0], 'addCensusCodes', { process: BALLOT, codeHashes: codes.map(codeHash) })
  const shares = await runCeremony(t, BALLOT, 2)
  const tokens = []
  for (const code of codes) tokens.push(await obtainToken(t, { process: BALLOT, member: codeHash(code), issuer }))
  t.advance(HOUR)
  const ballot = t.ledger.query('ballots', 'ballot', { id: BALLOT })
  for (const [i, token] of tokens.entries()) {
    const choices = [i === 0 ? [1, 0] : [0, 1]]
    const args = prepareBallot({ ballot, publicKey: ballot.ceremony.publicKey, token, choices })
    assert.equal((await t.send(ephemeralSigner(), 'cast', args)).code, 'ok')
  }
  t.advance(HOUR)
  const { tally } = t.ledger.query('ballots', 'encryptedTally', { id: BALLOT })
  for (const i of [0, 1]) {
    const election = electionOf(BALLOT, ballot.questions[0], ballot.ceremony.publicKey)
    const partials = [partialDecrypt({ election, tally: tally[0], share: shares[i] })]
    await send(t.members[i], 'publishPartial', { ballot: BALLOT, partials })
  }
  await send(ephemeralSigner(), 'publishTally', { ballot: BALLOT, counts: [[1, 1]] })
  for (const id of ['later-1', 'later-2', 'later-3']) await send(t.members[0], 'createBallot', definition(id, issuer))
}

const entries = () => t.ledger.entries({ from: 0, limit: 1000 })
const ofPark = ({ tx }) => tx.module === 'ballots' && [tx.args.id, tx.args.ballot, tx.args.process].includes(BALLOT)
const indexOf = (action) => entries().find((e) => e.entry.tx.action === action && ofPark(e.entry)).index

/**
 * Serves the node's app on 127.0.0.1; `tamper(path, response)` may rewrite an
 * answer (entry bundles are asked for uncompressed so that it can).
 */
async function serve(tamper = async (_path, response) => response) {
  const app = createApp({
    ledger: t.ledger,
    config: loadConfig({ env: {}, argv: [] }),
    logger: pino({ level: 'silent' }),
    webRoot,
  })
  const listener = getRequestListener(async (request) => {
    const path = new URL(request.url).pathname
    if (!path.startsWith('/tlog/tile/entries/')) return tamper(path, await app.fetch(request))
    const plain = new Request(request.url, { headers: { accept: '*/*' } })
    return tamper(path, await app.fetch(plain))
  })
  const server = createServer(listener)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return `http://127.0.0.1:${server.address().port}`
}

// A bundle answer with the entry at log index `index` changed by `change` (entries → entries).
function bundleTamper(index, change) {
  return async (path, response) => {
    const bundle = Math.floor(index / 256)
    if (!path.startsWith(`/tlog/tile/entries/${String(bundle).padStart(3, '0')}`)) return response
    const leaves = parseEntryBundle(new Uint8Array(await response.arrayBuffer()))
    const body = formatEntryBundle(change(leaves, index % 256))
    return new Response(body, { status: 200, headers: { 'content-type': 'application/octet-stream' } })
  }
}

// Opens the ballot's portal page in a fresh context (its own HTTP cache: tiles are immutable) and recounts.
async function recountAt(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const workers = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.goto(`${url}/#/ballots/${BALLOT}`)
  await page.locator('main h1').first().waitFor()
  await page.click('#recount')
  await page.locator('#recount-verified, #recount-unverified').first().waitFor({ timeout: 60_000 })
  return { page, context, workers }
}

describe('the verified browser recount, in Chromium', { timeout: 240_000 }, () => {
  before(async () => {
    webRoot = privateWebBuild()
    await runElection()
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    for (const server of servers) server.close()
    await t?.close()
    if (webRoot) rmSync(webRoot, { recursive: true, force: true })
  })

  test('recounts every log entry from the ballot’s creation, proved under the checkpoint, in a worker', async () => {
    const url = await serve()
    const { page, context, workers } = await recountAt(url)
    const checkpoint = t.ledger.checkpoint()
    const start = indexOf('createBallot')
    const end = indexOf('publishTally') + 1
    assert.ok(start > 256 && end < checkpoint.treeSize, `${start}–${end} of ${checkpoint.treeSize}`)
    const verified = page.locator('#recount-verified')
    assert.equal(await verified.getAttribute('data-complete'), 'true')
    assert.equal(await verified.getAttribute('data-tree-size'), String(checkpoint.treeSize))
    const text = await verified.innerText()
    assert.ok(text.includes(`Checked ${end - start} log entries against checkpoint size ${checkpoint.treeSize}`), text)
    assert.ok(text.includes(`(root ${toBase64(checkpoint.rootHash)}), complete.`), text)
    await page.locator('#recount-outcome[data-matches="true"]').waitFor()
    assert.ok(
      workers.some((w) => w.includes('recount.worker')),
      `a recount worker ran: ${workers}`,
    )
    assert.deepEqual(await seriousViolations(page), [])
    await screenshots(page, 'ballots-recount-verified')
    await context.close()
  })

  test('a node that drops a ballot from an entry bundle is caught', async () => {
    const cast = indexOf('cast')
    const url = await serve(bundleTamper(cast, (leaves, at) => leaves.filter((_, i) => i !== at)))
    const { page, context } = await recountAt(url)
    const unverified = page.locator('#recount-unverified')
    assert.equal(await unverified.getAttribute('data-code'), 'INVALID_ENTRY_BUNDLE')
    assert.match(await unverified.innerText(), /does not verify/)
    assert.equal(await page.locator('#recount-outcome').count(), 0)
    await context.close()
  })

  test('a node that alters a ballot, or answers a shortened bundle as a consistent one, is caught', async () => {
    const cast = indexOf('cast')
    const altered = (leaves, at) =>
      leaves.map((leaf, i) =>
        i === at ? new TextEncoder().encode(new TextDecoder().decode(leaf).replace('"cast"', '"cast" ')) : leaf,
      )
    // Drops the ballot and repeats the next entry, so that the bundle keeps its length.
    const shifted = (leaves, at) => [...leaves.slice(0, at), ...leaves.slice(at + 1), leaves[leaves.length - 1]]
    for (const change of [altered, shifted]) {
      const { page, context } = await recountAt(await serve(bundleTamper(cast, change)))
      assert.equal(await page.locator('#recount-unverified').getAttribute('data-code'), 'INVALID_PROOF')
      await context.close()
    }
  })

  test('a node that points the recount past the ballot’s creation gets a recount with problems', async () => {
    const start = indexOf('createBallot')
    const url = await serve(async (path, response) => {
      if (path !== '/v1/modules/ballots/queries/entries') return response
      return Response.json({ id: BALLOT, indexes: [start + 1], next: null })
    })
    const { page, context } = await recountAt(url)
    await page.locator('#recount-outcome[data-matches="false"]').waitFor()
    assert.match(await page.locator('#recount-problems').innerText(), /no createBallot entry for park/)
    await context.close()
  })

  test('a node that names an earlier entry as the tally gets an incomplete recount, not a confirmation', async () => {
    const cast = indexOf('cast')
    const url = await serve(async (path, response) => {
      if (path !== '/v1/modules/ballots/queries/result') return response
      return Response.json({ ...(await response.json()), index: cast })
    })
    const { page, context } = await recountAt(url)
    assert.equal(await page.locator('#recount-verified').getAttribute('data-complete'), 'false')
    await page.locator('#recount-outcome[data-matches="false"]').waitFor()
    assert.match(await page.locator('#recount-problems').innerText(), /not this ballot's tally/)
    await context.close()
  })
})
