// The smart-voucher workflow end to end in Debian's Chromium against a real
// node started from the built CLI (issue 5): a civil servant creates a
// credential fund in the console; a citizen whose wallet holds a residency
// credential (OpenID4VCI from the sandbox issuer, bound to the wallet's key)
// applies and receives a voucher; a provider signs up, is approved, scans the
// wallet's QR code with the camera (Chromium's fake camera playing a Y4M of
// the code) and redeems part of it; a second redemption above the balance
// (the wallet's next code, typed into the scanner's manual entry) is refused
// with a clear message; a settlement batch is exported and its SEPA file
// validates against the pain.001.001.03 XSD. For residents without a
// smartphone, a list fund issues printed cards (number and PIN made in the
// browser, only hashes on the ledger) that the till redeems, refusing a wrong
// PIN; a wallet's reimbursement request is approved in the console. axe-core
// on every new page, screenshots at phone and desktop width.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { signBytes } from '@tabularium/core/node'
import { signJwt } from '@tabularium/identity'
import { transactionSigningInput } from '@tabularium/protocol'
import { validateXML } from 'xmllint-wasm'
import {
  buildWeb,
  launchBrowser,
  repoRoot,
  screenshotDir,
  screenshots,
  seriousViolations,
  startNode,
  writeQrVideo,
} from '../scripts/browserTestSupport.mjs'

const XSD = readFileSync(join(repoRoot, 'vectors', 'sepa', 'pain.001.001.03.xsd'), 'utf8')
const RESIDENCY_VCT = 'https://schemas.tabularium.org/residency/v1'
const FUND_NAME = 'Stadjerspas 2026'
const LIST_FUND = 'Kindpakket 2026'

let node
let browser
let camera
let page
let shop
let fundId
let firstCode
let listFundId
let cards

async function expectAccessible(target, name) {
  assert.deepEqual(await seriousViolations(target), [], `axe found serious or critical violations on ${name}`)
}

async function visit(target, path) {
  await target.goto(`${node.url}/#${path}`)
  await target.locator('main h1').first().waitFor()
}

const toB64u = (bytes) => Buffer.from(bytes).toString('base64url')

// A signed `oid4vci` command of the console's organisation key (createOffer).
function command(action, args) {
  const privateJwk = JSON.parse(readFileSync(node.keyFile, 'utf8'))
  const tx = {
    v: 1,
    network: node.genesis.network,
    module: 'oid4vci',
    action,
    args,
    signer: node.genesis.members[0].did,
    nonce: toB64u(randomBytes(12)),
    expires: new Date(Date.now() + 5 * 60_000).toISOString(),
  }
  return { tx, sig: toB64u(signBytes({ privateJwk, data: transactionSigningInput(tx) })) }
}

async function post(path, body, { form = false, bearer } = {}) {
  const response = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  })
  const json = await response.json()
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

// The residency credential through the identity flow's API (a clerk's
// pre-authorised offer, token, proof of possession signed with the wallet's
// own key, read out of this browser's IndexedDB where it is extractable).
async function residencyCredentialFor(walletPage) {
  const wallet = await walletPage.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tabularium')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get('wallet')
          get.onsuccess = async () =>
            resolve({ jwk: await crypto.subtle.exportKey('jwk', get.result.key), did: get.result.did })
        }
      }),
  )
  const { kty, crv, x, y, d } = wallet.jwk
  const privateJwk = kty === 'EC' ? { kty, crv, x, y, d } : { kty, crv, x, d }
  const publicJwk = kty === 'EC' ? { kty, crv, x, y } : { kty, crv, x }
  const offer = await post(
    '/v1/oid4vci/offers',
    command('createOffer', {
      configurationIds: ['ResidencyCredential_sd_jwt'],
      claims: { resident_of: 'Groningen', given_name: 'Anna', family_name: 'de Vries', age_over_16: true },
    }),
  )
  const code = Object.values(offer.offer.grants)[0]['pre-authorized_code']
  const token = await post(
    '/v1/oid4vci/token',
    {
      grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
      'pre-authorized_code': code,
      tx_code: offer.txCode,
    },
    { form: true },
  )
  const alg = kty === 'EC' ? 'ES256' : 'EdDSA'
  const proof = await signJwt({
    header: { typ: 'openid4vci-proof+jwt', jwk: publicJwk },
    payload: { aud: node.url, nonce: token.c_nonce, iat: Math.floor(Date.now() / 1000) },
    alg,
    sign: (data) => signBytes({ privateJwk, data }),
  })
  const { credential } = await post(
    '/v1/oid4vci/credential',
    { format: 'vc+sd-jwt', vct: RESIDENCY_VCT, proof: { proof_type: 'jwt', jwt: proof } },
    { bearer: token.access_token },
  )
  return credential
}

// Keeps the credential where the wallet's identity pages keep theirs.
async function holdInWallet(walletPage, credential) {
  const stored = {
    id: `residency-${Date.now()}`,
    format: 'vc+sd-jwt',
    credential,
    configurationId: 'ResidencyCredential_sd_jwt',
    receivedAt: new Date().toISOString(),
  }
  await walletPage.evaluate(
    (item) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tabularium-identity', 1)
        open.onupgradeneeded = () => {
          for (const name of ['credentials', 'requests'])
            if (!open.result.objectStoreNames.contains(name)) open.result.createObjectStore(name)
        }
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('credentials', 'readwrite')
          tx.objectStore('credentials').put(item, item.id)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
        }
      }),
    stored,
  )
}

describe('smart vouchers in Chromium against a real node', { timeout: 180_000 }, () => {
  before(async () => {
    buildWeb()
    node = await startNode()
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    page = await context.newPage()
    page.on('pageerror', (error) => {
      throw new Error(`page error: ${error.message}`)
    })
  })

  after(async () => {
    await camera?.close()
    await browser?.close()
    await node?.stop()
  })

  test('a civil servant creates a credential fund in the console', async () => {
    await visit(page, '/console')
    await page.setInputFiles('#key-file', node.keyFile)
    await page.getByRole('link', { name: 'Vouchers' }).click()
    await page.getByRole('heading', { name: 'Voucher funds' }).waitFor()
    await page.fill('#fund-name', FUND_NAME)
    await page.fill('#fund-budget', '10000')
    await page.fill('#fund-amount', '25')
    await page.fill('#fund-categories', 'food, sport')
    await page.fill('#fund-debtor', 'Gemeente Groningen')
    await page.fill('#fund-iban', 'NL91 ABNA 0417 1643 00')
    await expectAccessible(page, 'console vouchers')
    await screenshots(page, 'vouchers-console-funds')
    await page.getByRole('button', { name: 'Sign and create the fund' }).click()
    await page.getByRole('heading', { name: FUND_NAME }).waitFor({ timeout: 15_000 })
    fundId = /#\/console\/vouchers\/([a-z0-9-]+)$/.exec(page.url())?.[1]
    assert.ok(fundId, page.url())
    await page.getByText('€10,000.00 of €10,000.00 not yet committed').waitFor()
  })

  test('a list fund issues printed cards: number and PIN on paper, only their hashes on the ledger', async () => {
    await visit(page, '/console/vouchers')
    await page.fill('#fund-name', LIST_FUND)
    await page.fill('#fund-budget', '5000')
    await page.fill('#fund-amount', '20')
    await page.selectOption('#fund-eligibility', 'list')
    await page.fill('#fund-debtor', 'Gemeente Groningen')
    await page.fill('#fund-iban', 'NL91 ABNA 0417 1643 00')
    await page.getByRole('button', { name: 'Sign and create the fund' }).click()
    await page.getByRole('heading', { name: LIST_FUND }).waitFor({ timeout: 15_000 })
    listFundId = /#\/console\/vouchers\/([a-z0-9-]+)$/.exec(page.url())?.[1]
    assert.ok(listFundId, page.url())
    await page.setInputFiles('#eligibility-file', {
      name: 'residents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id;children\n100000001;1\n100000002;2\n100000003;0\n'),
    })
    await page.getByText('3 residents added to the list.').waitFor({ timeout: 15_000 })
    await page.getByRole('link', { name: 'Issue printed cards' }).click()
    await page.getByRole('heading', { name: `Printed cards — ${LIST_FUND}` }).waitFor()
    // Not on the list: refused as a whole, nothing issued.
    await page.fill('#cards-ids', '999999999')
    await page.getByRole('button', { name: 'Sign and issue the cards' }).click()
    await page
      .getByText(/^Not issued: at least one of these residents is not on the fund’s list\./)
      .waitFor({ timeout: 15_000 })
    await page.fill('#cards-ids', '100000001\n100000002')
    await expectAccessible(page, 'console printed cards')
    await screenshots(page, 'vouchers-console-cards-form')
    let submitted = ''
    page.on('request', (request) => {
      if (request.method() === 'POST') submitted += request.postData() ?? ''
    })
    await page.getByRole('button', { name: 'Sign and issue the cards' }).click()
    await page.locator('#card-sheet li').nth(1).waitFor({ timeout: 15_000 })
    cards = await page.locator('#card-sheet li').evaluateAll((items) =>
      items.map((li) => ({
        number: li.querySelector('[data-card-number]').dataset.cardNumber,
        pin: li.querySelector('[data-pin]').dataset.pin,
      })),
    )
    assert.equal(cards.length, 2)
    for (const card of cards) {
      assert.match(card.number, /^\d{16}$/)
      assert.match(card.pin, /^\d{4}$/)
      assert.ok(!submitted.includes(card.number), 'the card number never leaves the browser')
      assert.ok(!submitted.includes(`"${card.pin}"`), 'the PIN never leaves the browser')
    }
    await page.getByText('Print the sheet now').waitFor()
    assert.match(await page.locator('#card-sheet').innerText(), /€20\.00/)
    await expectAccessible(page, 'console printed card sheet')
    await screenshots(page, 'vouchers-console-cards-sheet')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.tab-console__bar, .tab-header').first().isVisible(), false)
    await page.screenshot({ path: join(screenshotDir, 'vouchers-console-cards-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
  })

  test('a citizen with a residency credential applies and receives a voucher in the wallet', async () => {
    await visit(page, '/wallet')
    await page.locator('#wallet-create').click()
    await page.locator('.tab-did code').waitFor()
    await holdInWallet(page, await residencyCredentialFor(page))
    await visit(page, '/wallet/vouchers')
    await page.getByRole('link', { name: `Apply for ${FUND_NAME}` }).click()
    await page.getByText(/Residency certificate · received/).waitFor()
    await expectAccessible(page, 'wallet apply')
    await screenshots(page, 'vouchers-wallet-apply')
    await page.getByRole('button', { name: 'Apply with this credential' }).click()
    await page.getByText('Your voucher of €25.00 is in your wallet.').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('#voucher-balance').innerText(), '€25.00')
    await page.locator('.tab-voucher-qr svg').waitFor()
    firstCode = await page.locator('#voucher-code-text').textContent()
    assert.equal(JSON.parse(firstCode).payload.v, 1)
    await expectAccessible(page, 'wallet voucher')
    await screenshots(page, 'vouchers-wallet-voucher')
  })

  test('a provider signs up, is approved, scans the QR code with the camera and redeems part of it', async () => {
    const video = join(node.dir, 'voucher.y4m')
    await writeQrVideo(firstCode, video)
    camera = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ])
    shop = await camera.newPage({ viewport: { width: 390, height: 844 } })
    shop.on('pageerror', (error) => {
      throw new Error(`provider page error: ${error.message}`)
    })
    await visit(shop, '/provider/vouchers')
    await shop.getByRole('heading', { name: 'Take vouchers in your shop' }).waitFor()
    await shop.fill('#provider-name', 'Sportwinkel Oost')
    await shop.fill('#provider-categories', 'sport')
    await shop.fill('#provider-iban', 'BE68 5390 0754 7034')
    await shop.getByLabel(FUND_NAME).check()
    await shop.getByLabel(LIST_FUND).check()
    await expectAccessible(shop, 'provider sign-up')
    await screenshots(shop, 'vouchers-provider-signup')
    await shop.getByRole('button', { name: 'Sign up' }).click()
    await shop.getByRole('heading', { name: 'Take a payment' }).waitFor({ timeout: 15_000 })

    await visit(page, `/console/vouchers/${fundId}`)
    await page.getByRole('button', { name: 'Approve Sportwinkel Oost' }).click()
    await page.getByRole('button', { name: 'Suspend Sportwinkel Oost' }).waitFor()
    await visit(page, `/console/vouchers/${listFundId}`)
    await page.getByRole('button', { name: 'Approve Sportwinkel Oost' }).click()
    await page.getByRole('button', { name: 'Suspend Sportwinkel Oost' }).waitFor()

    await shop.fill('#till-amount', '12,50')
    await expectAccessible(shop, 'provider till')
    await screenshots(shop, 'vouchers-provider-till')
    await shop.getByRole('button', { name: 'Start the camera' }).click()
    await shop.locator('#till-outcome[data-ok="true"]').waitFor({ timeout: 20_000 })
    assert.match(await shop.locator('#till-outcome').innerText(), /Paid: €12\.50\.\s+Left on the voucher: €12\.50\./)
    await screenshots(shop, 'vouchers-provider-paid')
  })

  test('a second redemption above the balance is refused with a clear message', async () => {
    // The wallet notices the payment and shows a new code (the first one's nonce is spent).
    await page.goto(`${node.url}/#/wallet/vouchers`)
    await page.locator('#wallet-vouchers a').first().click()
    await page.locator('#voucher-balance').filter({ hasText: '€12.50' }).waitFor()
    const code = await page.locator('#voucher-code-text').textContent()
    assert.notEqual(code, firstCode)
    await shop.getByRole('button', { name: 'Next customer' }).click()
    await shop.fill('#till-amount', '20')
    await shop.fill('#till-manual', code)
    await shop.getByRole('button', { name: 'Use this text' }).click()
    await shop.locator('#till-outcome[data-ok="false"]').waitFor({ timeout: 15_000 })
    assert.equal(
      await shop.locator('#till-outcome .tab-outcome').innerText(),
      'Refused: the voucher has only €12.50 left, and €20.00 was asked.',
    )
    await shop.getByText('Nothing was charged.').waitFor()
    await expectAccessible(shop, 'provider refusal')
    await screenshots(shop, 'vouchers-provider-refused')
  })

  test('the till redeems a printed card by number and PIN, and refuses a wrong PIN', async () => {
    const [card] = cards
    const wrong = String((Number(card.pin) + 1) % 10_000).padStart(4, '0')
    await shop.getByRole('button', { name: 'Next customer' }).click()
    await shop.getByRole('button', { name: 'Card and PIN' }).click()
    await shop.fill('#till-amount', '8')
    await shop.fill('#till-card', card.number.replace(/(\d{4})(?=\d)/g, '$1 '))
    await shop.fill('#till-pin', wrong)
    await shop.getByRole('button', { name: 'Charge €8.00' }).click()
    await shop.locator('#till-outcome[data-ok="false"]').waitFor({ timeout: 15_000 })
    assert.equal(
      await shop.locator('#till-outcome .tab-outcome').innerText(),
      'Refused: the PIN does not match this card.',
    )
    await shop.getByText('Nothing was charged.').waitFor()
    await screenshots(shop, 'vouchers-provider-card-refused')
    await shop.getByRole('button', { name: 'Next customer' }).click()
    await shop.fill('#till-amount', '8')
    await shop.fill('#till-pin', card.pin)
    await expectAccessible(shop, 'provider till (card)')
    await screenshots(shop, 'vouchers-provider-card')
    await shop.getByRole('button', { name: 'Charge €8.00' }).click()
    await shop.locator('#till-outcome[data-ok="true"]').waitFor({ timeout: 15_000 })
    assert.equal(await shop.locator('#till-outcome .tab-outcome').innerText(), 'Paid: €8.00.')
  })

  test('a settlement batch is exported and its SEPA file validates against the pain.001 XSD', async () => {
    await visit(page, `/console/vouchers/${fundId}`)
    await page.locator('#fund-payable').waitFor()
    await page.locator('#settle-create').click()
    const link = page.getByRole('link', { name: 'SEPA file (pain.001)' })
    await link.waitFor({ timeout: 15_000 })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    const xml = readFileSync(await download.path(), 'utf8')
    const result = await validateXML({
      xml: { fileName: 'batch.xml', contents: xml },
      schema: { fileName: 'pain.001.001.03.xsd', contents: XSD },
    })
    assert.deepEqual(result.errors, [])
    assert.equal(result.valid, true)
    assert.match(xml, /<CtrlSum>12\.50<\/CtrlSum>/)
    assert.match(xml, /<IBAN>BE68539007547034<\/IBAN>/)
    await page.locator('#chart-provider-title').waitFor()
    await expectAccessible(page, 'console fund')
    await screenshots(page, 'vouchers-console-fund')
  })

  test('the portal shows each fund’s spending in aggregate, and the pages speak four languages', async () => {
    await visit(page, '/spending')
    await page.getByRole('heading', { name: FUND_NAME }).waitFor()
    await page.getByText('€12.50 spent of €10,000.00').waitFor()
    const text = await page.locator('main').innerText()
    assert.doesNotMatch(text, /did:key|v-[0-9a-f]{24}/, 'no holder or voucher on the portal')
    await expectAccessible(page, 'portal spending')
    await screenshots(page, 'vouchers-portal')
    for (const [code, heading] of [
      ['es', 'Gasto público de los fondos de vales'],
      ['el', 'Δημόσιες δαπάνες των ταμείων κουπονιών'],
      ['nl', 'Openbare uitgaven van de tegoedfondsen'],
    ]) {
      await page.selectOption('#tab-lang-select', code)
      await page.getByRole('heading', { name: heading }).waitFor()
      await expectAccessible(page, `portal spending (${code})`)
    }
    await screenshots(page, 'vouchers-portal-nl')
    await page.selectOption('#tab-lang-select', 'en')
  })

  test('a wallet asks for a reimbursement; it appears in the console and is approved', async () => {
    await visit(page, '/wallet/vouchers')
    await page.locator('#wallet-vouchers a').first().click()
    await page.getByRole('link', { name: 'Ask for a reimbursement' }).click()
    await page.getByRole('heading', { name: 'Ask for a reimbursement' }).waitFor()
    await page.fill('#reimburse-amount', '5')
    await page.selectOption('#reimburse-category', 'sport')
    await page.fill('#reimburse-shop', 'Zwembad De Parrel')
    await page.setInputFiles('#reimburse-photo', {
      name: 'receipt.jpg',
      mimeType: 'image/jpeg',
      buffer: randomBytes(2048),
    })
    await expectAccessible(page, 'wallet reimbursement')
    await screenshots(page, 'vouchers-wallet-reimburse')
    for (const [code, heading] of [
      ['es', 'Pedir un reembolso'],
      ['el', 'Αίτηση επιστροφής χρημάτων'],
      ['nl', 'Terugbetaling aanvragen'],
    ]) {
      await page.selectOption('#tab-lang-select', code)
      await page.getByRole('heading', { name: heading }).waitFor()
      await expectAccessible(page, `wallet reimbursement (${code})`)
    }
    await page.selectOption('#tab-lang-select', 'en')
    await page.getByRole('button', { name: 'Sign and send the request' }).click()
    await page.locator('#reimburse-sent').getByText('Your request for €5.00 was sent').waitFor({ timeout: 15_000 })

    await visit(page, `/console/vouchers/${fundId}`)
    const reimbursements = page.locator('section, .tab-card').filter({ hasText: 'Reimbursement requests' }).last()
    await reimbursements.getByText('Waiting for a decision').waitFor({ timeout: 15_000 })
    await reimbursements.getByRole('button', { name: 'Approve', exact: true }).click()
    await reimbursements.getByText('Approved', { exact: true }).waitFor({ timeout: 15_000 })
    await page.getByText('€17.50', { exact: false }).first().waitFor()
  })
})
