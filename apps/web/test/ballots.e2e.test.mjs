// End-to-end test of the ballots pages in Debian's Chromium against a real
// node started from the built CLI: the organisation creates a ballot with a
// participatory-budget question in the console and runs the key ceremony
// (a ceremony key, shares encrypted on the ledger, the check and confirmation); a
// citizen obtains a residency credential (OpenID4VCI over the API, the proof
// signed by the wallet key in the browser), gets an anonymous token with a
// selective-disclosure presentation, is told clearly when the projects break
// the budget, votes, and checks the receipt in the portal; after the close
// the trustee, in a fresh browser with nothing stored, restores its key file
// (the backup offered at registration) and reveals, and the console
// publishes; the portal shows the result and a recount in the browser
// equals it; so does `tabularium recount`.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { toBase64Url } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import { transactionSigningInput } from '@tabularium/protocol'
import {
  buildWeb,
  launchBrowser,
  repoRoot,
  screenshots,
  seriousViolations,
  startNode,
} from '../scripts/browserTestSupport.mjs'

const cli = join(repoRoot, 'apps', 'cli', 'dist', 'main.js')
const BALLOT = 'park-2026'
let node
let browser
let page
let opensAt
let closesAt
let trusteeKeyFile

async function expectAccessible(name) {
  assert.deepEqual(await seriousViolations(page), [], `axe found serious or critical violations on ${name}`)
}

async function visit(path) {
  await page.goto(`${node.url}/#${path}`)
  await page.locator('main h1').first().waitFor()
}

const localInput = (ms) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 19)

async function api(path, init = {}, status = 200) {
  const response = await fetch(`${node.url}${path}`, init)
  const body = await response.json()
  assert.equal(response.status, status, `${path}: ${JSON.stringify(body)}`)
  return body
}
const post = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

function memberCommand(action, args) {
  const privateJwk = JSON.parse(readFileSync(node.keyFile, 'utf8'))
  const signer = node.genesis.members[0].did
  const tx = {
    v: 1,
    network: node.genesis.network,
    module: 'oid4vci',
    action,
    args,
    signer,
    nonce: toBase64Url(randomBytes(12)),
    expires: new Date(Date.now() + 120_000).toISOString(),
  }
  return { tx, sig: toBase64Url(signBytes({ privateJwk, data: transactionSigningInput(tx) })) }
}

// The wallet key signs in the browser (it never leaves it): an OpenID4VCI proof JWT.
async function proofFromWallet(nonce) {
  return page.evaluate(
    async ({ aud, nonce }) => {
      const stored = await new Promise((resolve, reject) => {
        const open = indexedDB.open('tabularium')
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get('wallet')
          get.onsuccess = () => resolve(get.result)
          get.onerror = () => reject(get.error)
        }
      })
      const b64 = (bytes) =>
        btoa(String.fromCharCode(...new Uint8Array(bytes)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '')
      const text = (o) => b64(new TextEncoder().encode(JSON.stringify(o)))
      const ec = stored.publicJwk.kty === 'EC'
      const header = {
        typ: 'openid4vci-proof+jwt',
        alg: ec ? 'ES256' : 'EdDSA',
        kid: `${stored.did}#${stored.did.slice(8)}`,
      }
      const input = `${text(header)}.${text({ aud, nonce, iat: Math.floor(Date.now() / 1000) })}`
      const algorithm = ec ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' }
      const sig = await crypto.subtle.sign(algorithm, stored.key, new TextEncoder().encode(input))
      return `${input}.${b64(sig)}`
    },
    { aud: node.url, nonce },
  )
}

describe('ballots in Chromium against a real node', { timeout: 180_000 }, () => {
  before(async () => {
    buildWeb()
    node = await startNode()
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    page = await context.newPage()
  })
  after(async () => {
    await browser?.close()
    await node?.stop()
  })

  test('the console creates a ballot with a participatory budget and runs the key ceremony', async () => {
    await visit('/console')
    await page.setInputFiles('#key-file', node.keyFile)
    await page.getByText('Signed in as Organisation 1.').waitFor()
    await visit('/console/ballots/new')
    opensAt = Date.now() + 18_000
    closesAt = opensAt + 20_000
    await page.fill('#process-id', BALLOT)
    await page.fill('#process-title', 'Park and budget 2026')
    await page.fill('#process-opens', localInput(opensAt))
    await page.fill('#process-closes', localInput(closesAt))
    await page.fill('#census-resident-of', 'Zug')
    await page.fill('#q0-title', 'Keep the old oak trees?')
    await page.fill('#q0-o0-title', 'Yes')
    await page.fill('#q0-o1-title', 'No')
    await page.click('#add-question')
    await page.fill('#q1-title', 'Projects for 2026')
    await page.selectOption('#q1-type', 'budget')
    await page.fill('#q1-min', '1')
    await page.fill('#q1-max', '2')
    await page.fill('#q1-budget', '1000')
    await page.click('#q1-add-option')
    for (const [j, title, cost] of [
      [0, 'Playground', '600'],
      [1, 'Bike lanes', '500'],
      [2, 'Benches', '300'],
    ]) {
      await page.fill(`#q1-o${j}-title`, title)
      await page.fill(`#q1-o${j}-cost`, cost)
    }
    await expectAccessible('console new ballot')
    await screenshots(page, 'ballots-console-new')
    await page.click('#create-ballot')
    await page.getByRole('heading', { name: 'Park and budget 2026' }).waitFor()
    // The ceremony on the ledger: a ceremony key (kept in the browser, offered as a backup file), a dealing
    // whose shares are encrypted to the registered keys, then the check of the shares received and the confirmation.
    await page.click('#ceremony-register')
    const backup = await page.locator('#ceremony-key-backup').getAttribute('href')
    await page.locator('#ceremony-deal:not([disabled])').waitFor()
    await page.click('#ceremony-deal')
    await page.locator('#ceremony-confirm:not([disabled])').waitFor()
    await page.click('#ceremony-confirm')
    await page.getByText('Ready: voters can encrypt').waitFor()
    await expectAccessible('console manage ballot')
    await screenshots(page, 'ballots-console-manage')
    const ballot = await api(`/v1/modules/ballots/queries/ballot?id=${BALLOT}`)
    assert.equal(ballot.questions[1].type, 'budget')
    assert.equal(ballot.census.kind, 'credential')
    assert.ok(ballot.ceremony.publicKey)
    const self = ballot.trustees[0]
    assert.deepEqual(ballot.ceremony.qualified, [self])
    const keyFile = JSON.parse(decodeURIComponent(backup.slice(backup.indexOf(',') + 1)))
    assert.equal(keyFile.ceremonyKey.publicKey, ballot.ceremony.keys[self])
    trusteeKeyFile = join(node.dir, 'trustee-key.json')
    writeFileSync(trusteeKeyFile, JSON.stringify(keyFile))
    const shares = await api(`/v1/modules/ballots/queries/encryptedShares?ballot=${BALLOT}&trustee=${self}`)
    assert.equal(shares.dealings.length, 1)
    assert.match(shares.dealings[0].ciphertext, /^[A-Za-z0-9_-]{80}$/)
    assert.ok(Date.now() < opensAt, 'the console took too long: the ballot opened before the ceremony ended')
  })

  test('a citizen with a residency credential gets an anonymous token and votes from the wallet', async () => {
    await visit('/wallet')
    await page.click('#wallet-create')
    await page
      .locator('main')
      .getByText(/did:key:/)
      .first()
      .waitFor()
    // The residency credential, as the identity pages obtain it: request, clerk approval, OpenID4VCI.
    const claims = { resident_of: 'Zug', given_name: 'Anna', birthdate: '2001-04-01', age_over_16: true }
    const request = await api(
      '/v1/oid4vci/requests',
      post({ configurationId: 'ResidencyCredential_sd_jwt', claims }),
      201,
    )
    const { txCode } = await api(
      `/v1/oid4vci/requests/${request.id}/approve`,
      post(memberCommand('approveRequest', { id: request.id })),
    )
    const polled = await api(`/v1/oid4vci/requests/${request.id}`)
    const offer = await api(polled.offer.uri.slice(node.url.length))
    const code = Object.values(offer.grants)[0]['pre-authorized_code']
    const token = await api('/v1/oid4vci/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
        'pre-authorized_code': code,
        tx_code: txCode,
      }).toString(),
    })
    const jwt = await proofFromWallet(token.c_nonce)
    const issued = await api('/v1/oid4vci/credential', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({
        format: 'vc+sd-jwt',
        vct: 'https://schemas.tabularium.org/residency/v1',
        proof: { proof_type: 'jwt', jwt },
      }),
    })
    await page.evaluate(async (credential) => {
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('tabularium-identity', 1)
        open.onupgradeneeded = () => {
          for (const name of ['credentials', 'requests'])
            if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name)
        }
        open.onsuccess = () => {
          const tx = open.result.transaction('credentials', 'readwrite')
          tx.objectStore('credentials').put(
            {
              id: 'residency-1',
              format: 'vc+sd-jwt',
              credential,
              configurationId: 'ResidencyCredential_sd_jwt',
              receivedAt: new Date().toISOString(),
            },
            'residency-1',
          )
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      })
    }, issued.credential)

    await visit('/wallet/ballots')
    await page.getByRole('link', { name: 'Park and budget 2026' }).click()
    await page.getByRole('heading', { name: 'Park and budget 2026' }).waitFor()
    await page.getByText('Shared with the desk: age_over_16 = true, resident_of = Zug.').waitFor()
    await page.click('#get-token')
    await page.locator('#token-held').waitFor()
    const turnout = await api(`/v1/modules/ballots/queries/turnout?id=${BALLOT}`)
    assert.equal(turnout.issued, 1)
    // The page looks again by itself when the ballot opens.
    await page.locator('#cast-vote').waitFor({ timeout: Math.max(5_000, opensAt - Date.now() + 8_000) })
    await page.check('fieldset[data-question="q2"] input[value="o1"]')
    await page.check('fieldset[data-question="q2"] input[value="o2"]')
    await page
      .getByText('The selected projects cost 1,100, more than the budget of 1,000. Remove a project.')
      .first()
      .waitFor()
    await page.click('#cast-vote')
    assert.match(await page.locator('#vote-problem').innerText(), /Projects for 2026: .*more than the budget/)
    await page.check('fieldset[data-question="q1"] input[value="o1"]')
    await page.uncheck('fieldset[data-question="q2"] input[value="o2"]')
    await page.check('fieldset[data-question="q2"] input[value="o3"]')
    await expectAccessible('wallet ballot')
    await screenshots(page, 'ballots-wallet-vote')
    await page.click('#cast-vote')
    await page.locator('#vote-done').waitFor({ timeout: 20_000 })
    await screenshots(page, 'ballots-wallet-voted')
  })

  test('the voter checks in the portal that the ballot is counted unchanged; the result stays sealed', async () => {
    await visit(`/ballots/${BALLOT}`)
    await page.getByText('The result is sealed until the ballot closes').waitFor()
    await page.click('#check-receipt')
    await page.locator('#receipt-outcome[data-status="counted"]').waitFor({ timeout: 20_000 })
    await expectAccessible('portal ballot (open)')
    await screenshots(page, 'ballots-portal-open')
    const result = await api(`/v1/modules/ballots/queries/result?id=${BALLOT}`)
    assert.equal(result.status, 'sealed')
  })

  test('after the close the trustee restores its key file in a fresh browser, reveals and publishes', async () => {
    await page.waitForTimeout(Math.max(0, closesAt - Date.now() + 500))
    // Another browser: no console key, no ceremony key — only the two files the organisation kept.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const other = await fresh.newPage()
    await other.goto(`${node.url}/#/console`)
    await other.setInputFiles('#key-file', node.keyFile)
    await other.getByText('Signed in as Organisation 1.').waitFor()
    await other.goto(`${node.url}/#/console/ballots/${BALLOT}`)
    await other.getByText('This browser does not hold').first().waitFor()
    assert.ok(await other.locator('#ceremony-reveal[disabled]').isVisible())
    await other.setInputFiles('input#ceremony-key-restore', trusteeKeyFile)
    await other.getByText('Ceremony key restored').first().waitFor()
    await other.locator('#ceremony-reveal:not([disabled])').click()
    await other.locator('#publish-result:not([disabled])').waitFor()
    const result = await api(`/v1/modules/ballots/queries/result?id=${BALLOT}`)
    assert.equal(result.trusteesDecrypted.length, 1)
    await other.click('#publish-result')
    await other.getByText('The result is published.').first().waitFor({ timeout: 20_000 })
    await fresh.close()
  })

  test('the portal shows the result and recounts it', async () => {
    await visit(`/ballots/${BALLOT}`)
    await page.locator('#result-status').waitFor()
    const cells = await page.locator('table[data-question="q2"] tbody td').allInnerTexts()
    assert.deepEqual(
      cells.filter((_, i) => i % 2 === 0),
      ['1', '0', '1'],
    )
    await page.click('#recount')
    await page.locator('#recount-outcome[data-matches="true"]').waitFor({ timeout: 20_000 })
    await page.click('#check-receipt')
    await page.locator('#receipt-outcome[data-status="counted"]').waitFor({ timeout: 20_000 })
    await expectAccessible('portal ballot (published)')
    await screenshots(page, 'ballots-portal-result')
    const published = await api(`/v1/modules/ballots/queries/result?id=${BALLOT}`)
    assert.deepEqual(
      published.questions.map((q) => q.options.map((o) => o.votes)),
      [
        [1, 0],
        [1, 0, 1],
      ],
    )
  })

  test('tabularium recount equals the published tally, from the node and from an export', () => {
    const live = spawnSync(process.execPath, [cli, 'recount', BALLOT, '--url', node.url, '--json'], {
      encoding: 'utf8',
    })
    assert.equal(live.status, 0, live.stderr + live.stdout)
    assert.deepEqual(JSON.parse(live.stdout).counts, [
      [1, 0],
      [1, 0, 1],
    ])
    const file = join(node.dir, 'export.json')
    const exported = spawnSync(process.execPath, [cli, 'entries', '--export', file, '--url', node.url, '--json'], {
      encoding: 'utf8',
    })
    assert.equal(exported.status, 0, exported.stderr)
    const offline = spawnSync(process.execPath, [cli, 'recount', BALLOT, '--entries', file], { encoding: 'utf8' })
    assert.equal(offline.status, 0, offline.stderr)
    assert.match(offline.stdout, /the recount equals the published tally/)
  })

  test('the lists of ballots in the portal, the wallet and the console are accessible', async () => {
    for (const [path, name] of [
      ['/ballots', 'ballots-portal-list'],
      ['/wallet/ballots', 'ballots-wallet-list'],
      ['/console/ballots', 'ballots-console-list'],
    ]) {
      await visit(path)
      await page.getByText('Park and budget 2026').first().waitFor()
      await expectAccessible(path)
      await screenshots(page, name)
    }
  })
})
