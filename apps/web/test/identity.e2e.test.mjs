// The residency flow of Zug in Debian's Chromium against a real node from
// the built CLI: a citizen's wallet asks for a residency certificate, the
// clerk approves it in the console, the wallet receives it (OpenID4VCI,
// pre-authorised code + transaction code), then shows a service only
// "resident of" and "over 16" (OpenID4VP, SD-JWT VC). Every new page is
// checked with axe-core and photographed at phone and desktop width.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import {
  launchBrowser,
  privateWebBuild,
  screenshots,
  seriousViolations,
  startNode,
} from '../scripts/browserTestSupport.mjs'

let node
let webRoot
let browser
let citizen
let clerk
let reference

async function expectAccessible(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `axe found serious or critical violations on ${name}`)
}

async function visit(page, path) {
  await page.goto(`${node.url}/#${path}`)
  await page.locator('main h1').first().waitFor()
}

async function api(path, body) {
  const response = await fetch(`${node.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: await response.json() }
}

// The wallet's credentials as stored in IndexedDB.
function storedCredentials(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tabularium-identity')
        open.onsuccess = () => {
          const all = open.result.transaction('credentials').objectStore('credentials').getAll()
          all.onsuccess = () => resolve(all.result)
          all.onerror = () => reject(all.error)
        }
      }),
  )
}

function newPage(context) {
  return context.newPage().then((page) => {
    page.on('pageerror', (error) => {
      throw new Error(`page error: ${error.message}`)
    })
    page.on('dialog', (dialog) => dialog.accept())
    return page
  })
}

describe('the residency flow of Zug in Chromium', { timeout: 120_000 }, () => {
  before(async () => {
    webRoot = privateWebBuild()
    node = await startNode({ webRoot })
    browser = await launchBrowser()
    citizen = await newPage(await browser.newContext({ viewport: { width: 390, height: 844 } }))
    clerk = await newPage(await browser.newContext({ viewport: { width: 1280, height: 800 } }))
  })

  after(async () => {
    await browser?.close()
    await node?.stop()
    if (webRoot) rmSync(webRoot, { recursive: true, force: true })
  })

  test('the citizen creates a P-256 wallet and asks for a residency certificate', async () => {
    await visit(citizen, '/wallet')
    await citizen.getByRole('button', { name: 'Create my wallet' }).click()
    const did = await citizen.locator('.tab-did code').textContent()
    // EBSI profile: a P-256 did:key in the jwk_jcs-pub form.
    assert.match(did, /^did:key:z2dmzD81cgPx8Vki7JbuuMmFYrWPgYoytykUZ3eyqht1j9Kb/)
    await citizen.getByText('No credentials yet.', { exact: false }).waitFor()
    await citizen.getByRole('link', { name: /Who used my data/ }).click()
    await citizen.locator('#data-use-empty').waitFor()
    await visit(citizen, '/wallet')
    await citizen.getByRole('link', { name: /Ask for a residency certificate/ }).click()
    await citizen.getByRole('heading', { name: 'Ask for a residency certificate', level: 1 }).waitFor()
    await expectAccessible(citizen, 'wallet residency request')
    await screenshots(citizen, 'identity-wallet-request')
    await citizen.fill('#residency-given', 'Anna')
    await citizen.fill('#residency-family', 'Muster')
    await citizen.fill('#residency-birthdate', '2001-04-01')
    await citizen.click('#residency-submit')
    await citizen.getByText('Show this reference at the desk:').waitFor()
    await citizen.locator('#residency-reference').waitFor()
    reference = (await citizen.locator('#residency-reference').textContent()).trim()
    assert.match(reference, /^[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    await citizen.getByText('Waiting for the clerk to approve', { exact: false }).waitFor()
    await expectAccessible(citizen, 'wallet residency pending')
    await screenshots(citizen, 'identity-wallet-pending')
  })

  test('the clerk sees the request by its reference and approves it, getting the code to hand over', async () => {
    await visit(clerk, '/console')
    await clerk.setInputFiles('#key-file', node.keyFile)
    await clerk.getByText('Signed in as Organisation 1.').waitFor()
    await clerk.getByRole('link', { name: 'Residency requests' }).click()
    const card = clerk.locator('article', {
      has: clerk.getByRole('heading', { name: `Reference ${reference}`, exact: true }),
    })
    await card.waitFor()
    await card.getByText('Anna').waitFor()
    await card.getByText('Over 16').waitFor()
    await expectAccessible(clerk, 'console residency queue')
    await screenshots(clerk, 'identity-console-queue')
    await card.getByLabel('Resident of').fill('Zug')
    await card.getByRole('button', { name: 'Approve and show the code' }).click()
    await card.getByText('Confirm that you checked', { exact: false }).waitFor()
    await card.getByLabel('I have checked this person’s identity document and address.').check()
    await card.getByRole('button', { name: 'Approve and show the code' }).click()
    const code = (await clerk.locator('#clerk-tx-code').textContent()).replace(/\s/g, '')
    assert.match(code, /^[0-9]{6}$/)
    await expectAccessible(clerk, 'console residency approved')
    await screenshots(clerk, 'identity-console-approved')
    await clerk.getByText('No requests are waiting.').waitFor()

    // The wallet noticed the approval by polling; a wrong code is refused with a sentence, the right one works.
    await citizen.getByText('Approved. Type the 6-digit code', { exact: false }).waitFor()
    await citizen.fill('#residency-code', code === '000000' ? '111111' : '000000')
    await citizen.click('#residency-receive')
    await citizen.getByText('The code is wrong or was already used.', { exact: false }).waitFor()
    await citizen.fill('#residency-code', code)
    await citizen.click('#residency-receive')
    await citizen.locator('#residency-received').waitFor()
  })

  test('the wallet lists both credentials as cards, valid by their live status', async () => {
    await visit(citizen, '/wallet')
    const cards = citizen.locator('#wallet-credentials article')
    await cards.nth(1).waitFor()
    assert.equal(await cards.count(), 2)
    await citizen.getByText('Valid', { exact: true }).nth(1).waitFor()
    assert.equal(await citizen.getByText('Issued by Organisation 1', { exact: false }).count(), 2)
    const stored = await storedCredentials(citizen)
    assert.deepEqual(stored.map((c) => c.format).sort(), ['jwt_vc_json', 'vc+sd-jwt'])
    await expectAccessible(citizen, 'wallet with credentials')
    await screenshots(citizen, 'identity-wallet-credentials')
  })

  test('“Who used my data” lists the clerk’s and the issuer’s reads, each a ledger entry with its purpose', async () => {
    await visit(citizen, '/wallet')
    await citizen.getByRole('link', { name: /Who used my data/ }).click()
    await citizen.getByRole('heading', { name: 'Who used my data', level: 1 }).waitFor()
    const rows = citizen.locator('#data-use tbody tr')
    await rows.first().waitFor()
    // One read when the clerk opened the request, one per credential issued (JWT VC and SD-JWT VC).
    assert.equal(await rows.count(), 3)
    // The organisation's name comes from the registry (the read was signed with its issuer key).
    await citizen.waitForFunction(() =>
      [...document.querySelectorAll('#data-use tbody td:nth-child(2)')].every(
        (td) => td.textContent === 'Organisation 1',
      ),
    )
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents()
      assert.equal(cells[1], 'Organisation 1')
      assert.match(cells[2], /Issuing your residency certificate \(“residency credential issuance”\)/)
      assert.match(cells[3], /^Entry \d+$/)
    }
    const receipt = await rows.first().getByRole('link').getAttribute('href')
    assert.match(receipt, /^#\/receipt\/[0-9a-f]{64}$/)
    await expectAccessible(citizen, 'wallet who used my data')
    await screenshots(citizen, 'identity-wallet-data-use')
  })

  test('the citizen shows a service only “resident of” and “over 16”, not the birth date', async () => {
    const created = await api('/v1/oid4vp/requests', {})
    assert.equal(created.status, 201)
    await visit(citizen, `/wallet/present?request=${encodeURIComponent(created.body.link)}`)
    await citizen.getByRole('heading', { name: /asks to see/ }).waitFor()
    const shared = await citizen.locator('#present-shared dt').allTextContents()
    assert.deepEqual(shared, ['Resident of', 'Over 16'])
    assert.deepEqual(await citizen.locator('#present-shared dd').allTextContents(), ['Zug', 'Yes'])
    const withheld = await citizen.locator('#present-withheld li').allTextContents()
    assert.ok(withheld.includes('Date of birth'), withheld.join())
    await expectAccessible(citizen, 'wallet consent')
    await screenshots(citizen, 'identity-wallet-consent')
    await citizen.click('#present-share')
    await citizen.locator('#present-done').waitFor()

    const outcome = await api(`/v1/oid4vp/requests/${created.body.state}`)
    assert.equal(outcome.body.status, 'verified')
    assert.deepEqual(outcome.body.result.credentials[0].claims, { resident_of: 'Zug', age_over_16: true })
  })

  test('the console shows the registries and revokes the JWT VC; the wallet then shows it revoked', async () => {
    await visit(clerk, '/console/registry')
    await clerk.locator('#trusted-issuers').waitFor()
    await clerk.getByText('May issue').first().waitFor()
    await expectAccessible(clerk, 'console registries')
    await screenshots(clerk, 'identity-console-registry')
    const jwt = (await storedCredentials(citizen)).find((c) => c.format === 'jwt_vc_json').credential
    await visit(clerk, '/console/revoke')
    await clerk.fill('#revoke-credential', jwt)
    await clerk.getByRole('button', { name: 'Show what it is' }).click()
    await clerk.locator('#revoke-button').waitFor()
    await expectAccessible(clerk, 'console revoke')
    await screenshots(clerk, 'identity-console-revoke')
    await clerk.click('#revoke-button')
    await clerk.locator('#revoke-done').waitFor()
    await visit(citizen, '/wallet')
    await citizen.getByText('Revoked', { exact: true }).waitFor()
  })

  test('the portal lists the trusted issuers and resolves the issuer’s DID with its history', async () => {
    const portal = await newPage(await browser.newContext({ viewport: { width: 1280, height: 800 } }))
    await visit(portal, '/issuers')
    await portal.locator('#trusted-issuers tbody tr').nth(1).waitFor()
    await expectAccessible(portal, 'portal trusted issuers')
    await screenshots(portal, 'identity-portal-issuers')
    await visit(portal, '/did?d=did:tab:organisation-1')
    await portal.locator('#did-history tbody tr').first().waitFor()
    await portal.getByText('May be changed by').waitFor()
    await expectAccessible(portal, 'portal DID lookup')
    await screenshots(portal, 'identity-portal-did')
  })
})
