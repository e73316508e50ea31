// End-to-end tests of the web app in Debian's Chromium against a real node
// started from the built CLI: stamp in the console, find the document in the
// portal, open and verify the receipt (and its QR code), see tampering
// rejected, and check every page with axe-core at phone and desktop width.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import jsQR from 'jsqr'
import {
  buildWeb,
  launchBrowser,
  screenshots,
  seed,
  seriousViolations,
  startNode,
  webDir,
  writeQrVideo,
} from '../scripts/browserTestSupport.mjs'

const DOCUMENT = {
  name: 'permit-2026-17.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from('Building permit 2026/17, Main Street 5\n'),
}
const OTHER = { name: 'other.txt', mimeType: 'text/plain', buffer: Buffer.from('A document nobody stamped\n') }

let node
let browser
let context
let page
let receiptTxid
let receiptText
let qrUrl

async function expectAccessible(name) {
  const violations = await seriousViolations(page)
  assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}`)
}

async function visit(path) {
  await page.goto(`${node.url}/#${path}`)
  await page.locator('main h1').first().waitFor()
}

// Drops a file on a drop zone the way a browser does: a DataTransfer on a drop event.
async function dropFile(selector, file) {
  const data = await page.evaluateHandle(
    ({ name, type, bytes }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }))
      return dt
    },
    { name: file.name, type: file.mimeType, bytes: [...file.buffer] },
  )
  await page.dispatchEvent(selector, 'drop', { dataTransfer: data })
}

// Changes one character in the middle of a base64 field of a receipt's JSON text.
function tamper(text, field) {
  const receipt = JSON.parse(text)
  const value = receipt[field]
  const i = Math.floor(value.length / 2)
  const replacement = value[i] === 'A' ? 'B' : 'A'
  const changed = value.slice(0, i) + replacement + value.slice(i + 1)
  return text.replace(value, changed)
}

describe('web app in Chromium against a real node', { timeout: 300_000 }, () => {
  before(async () => {
    buildWeb()
    node = await startNode()
    seed(node, [
      { name: 'minutes-council-2026-11.txt', text: 'Minutes of the council, November 2026\n', type: 'minutes' },
      { name: 'decision-2026-311.txt', text: 'Decision 2026/311 on the park\n', type: 'decision' },
      { name: 'permit-2026-16.txt', text: 'Building permit 2026/16\n', type: 'permit' },
      { name: 'note.txt', text: 'An internal note\n' },
    ])
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    page = await context.newPage()
    page.on('pageerror', (error) => {
      throw new Error(`page error: ${error.message}`)
    })
    page.on('dialog', (dialog) => dialog.accept())
  })

  after(async () => {
    await browser?.close()
    await node?.stop()
  })

  test('the portal shows the network, its members and the cosigned checkpoint', async () => {
    await visit('/')
    await page.getByRole('heading', { name: 'The public ledger' }).waitFor()
    await page.getByText('Organisation 1', { exact: true }).first().waitFor()
    await page.getByText('Cosignature (witness)').waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await expectAccessible('portal overview')
    await screenshots(page, 'portal-overview')
  })

  test('the network page of a one-member sandbox: its node, quorum 1 and verified cosignatures', async () => {
    await visit('/network')
    await page.getByText('This node is writing normally.').waitFor()
    await page.getByText('1 of 1 members must cosign', { exact: true }).waitFor()
    await page.getByText('One node orders the transactions', { exact: true }).waitFor()
    await page.locator('#network-members tr[data-member="organisation-1"][data-status="self"]').waitFor()
    const newest = page.locator('#final-checkpoints tbody tr').first()
    await newest.locator('td[data-member="organisation-1"]').getByText('Verified').waitFor()
    await newest.getByText('Met: 1 cosigned, 1 needed').waitFor()
    await expectAccessible('network page (sandbox)')
    await screenshots(page, 'network-sandbox')
  })

  test('the portal’s first load fetches only the entry chunks, under 200 KB of gzip JS', async () => {
    const fresh = await browser.newContext()
    const first = await fresh.newPage()
    const scripts = []
    first.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await first.goto(`${node.url}/`)
    await first.getByText('Cosignature (witness)').waitFor()
    await fresh.close()
    const manifest = JSON.parse(readFileSync(join(webDir, 'dist', '.vite', 'manifest.json'), 'utf8'))
    const entry = manifest['index.html']
    const expected = [entry.file, ...(entry.imports ?? []).map((k) => manifest[k].file)].map((f) => `/${f}`)
    assert.deepEqual(
      scripts.sort(),
      expected.sort(),
      'no console, wallet, provider, verifier or QR chunk on first load',
    )
    const size = JSON.parse(execFileSync(process.execPath, [join(webDir, 'scripts', 'size.mjs')], { encoding: 'utf8' }))
    assert.equal(size.name, 'web.portal_first_load_js_gzip')
    assert.ok(size.value > 0 && size.value < 200_000, `first load is ${size.value} bytes`)
  })

  test('the skip link is the first tab stop and moves focus to the main content', async () => {
    await visit('/')
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.textContent)
    assert.equal(first, 'Skip to main content')
    await page.keyboard.press('Enter')
    // The fragment navigation moves focus after the key event: wait for it (a loaded CI machine once asserted too early).
    await page.waitForFunction(() => document.activeElement?.id === 'main', null, { timeout: 5000 }).catch(() => {})
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
  })

  test('the console signs in with the organisation key file as a non-extractable key', async () => {
    await visit('/console')
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor()
    await expectAccessible('console sign-in')
    await screenshots(page, 'console-signin')
    await page.setInputFiles('#key-file', node.keyFile)
    await page.getByText('Signed in as Organisation 1.').waitFor()
    const extractable = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('tabularium')
          open.onsuccess = () => {
            const get = open.result.transaction('keys').objectStore('keys').get('console')
            get.onsuccess = () => resolve({ extractable: get.result.key.extractable, type: get.result.key.type })
          }
        }),
    )
    assert.deepEqual(extractable, { extractable: false, type: 'private' })
  })

  test('the console stamps a file: hashed and signed in the browser, with a receipt link', async () => {
    await visit('/console/stamp')
    await page.setInputFiles('#stamp-file', DOCUMENT)
    await page.fill('#stamp-type', 'permit')
    await expectAccessible('console stamp')
    await page.getByRole('button', { name: 'Sign and stamp' }).click()
    await page.locator('#stamp-result').waitFor()
    assert.match(await page.locator('#stamp-result').innerText(), /Stamped: recorded as entry \d+\./)
    const href = await page.locator('#stamp-receipt-link').getAttribute('href')
    receiptTxid = /#\/receipt\/([0-9a-f]{64})$/.exec(href)?.[1]
    assert.ok(receiptTxid, href)
    await screenshots(page, 'console-stamp')
  })

  test('the portal finds the stamped document by dropping the same file, hashed locally', async () => {
    await visit('/document')
    await page.getByText('Your file stays on this device.').waitFor()
    const requests = []
    page.on('request', (r) => requests.push(r))
    await dropFile('.tab-drop', DOCUMENT)
    await page.locator('#document-result').waitFor()
    assert.match(await page.locator('#document-result').innerText(), /stamped by Organisation 1 on/)
    // Only the hash went to the node: no request carried a body.
    assert.ok(requests.every((r) => r.postData() === null))
    assert.ok(requests.some((r) => r.url().includes('/queries/byHash?hash=')))
    await page.getByRole('cell', { name: 'permit' }).waitFor()
    await expectAccessible('document check (stamped)')
    await screenshots(page, 'portal-document-stamped')
    await dropFile('.tab-drop', OTHER)
    await page.getByText('This document has not been stamped').waitFor()
  })

  test('the receipt page shows the receipt, checked in the browser, with a QR code', async () => {
    await visit('/document')
    await dropFile('.tab-drop', DOCUMENT)
    await page.locator('.tab-receipt-link').first().click()
    await page.getByRole('heading', { name: /Receipt for entry \d+/ }).waitFor()
    await page.locator('[data-testid="verify-result"][data-valid="true"]').waitFor()
    await page.locator('.tab-qr svg').waitFor()
    await expectAccessible('receipt page')
    await screenshots(page, 'receipt')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('.tab-header').isVisible(), false, 'the header is hidden in print')
    assert.equal(await page.locator('.tab-qr').isVisible(), true, 'the QR code is printed')
    await page.emulateMedia({ media: 'screen' })
  })

  test('the QR code on the receipt page decodes (jsQR) to a portal link that verifies', async () => {
    const image = await page.evaluate(async () => {
      const svg = document.querySelector('.tab-qr svg')
      const url = URL.createObjectURL(new Blob([svg.outerHTML], { type: 'image/svg+xml' }))
      const img = new Image()
      img.src = url
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 1000
      const ctx = canvas.getContext('2d')
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, 1000, 1000)
      ctx.drawImage(img, 0, 0, 1000, 1000)
      return { data: [...ctx.getImageData(0, 0, 1000, 1000).data], width: 1000, height: 1000 }
    })
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
    assert.ok(code, 'the QR code decodes')
    qrUrl = code.data
    assert.ok(qrUrl.startsWith(`${node.url}/#/verify?r=`), qrUrl)
    await page.goto(qrUrl)
    const result = page.locator('[data-testid="verify-result"]')
    await result.waitFor()
    assert.equal(await result.getAttribute('data-valid'), 'true')
    assert.match(
      await result.innerText(),
      /Valid receipt\. Entry \d+ is in the log of network “sandbox” at tree size \d+, signed by Organisation 1 and cosigned by Organisation 1\./,
    )
    await screenshots(page, 'portal-verify-from-qr')
  })

  test('a QR link with one character changed is rejected with the reason', async () => {
    const param = new URL(qrUrl.replace('/#/', '/')).searchParams.get('r')
    const i = Math.floor(param.length / 2)
    const tampered = qrUrl.replace(param, param.slice(0, i) + (param[i] === 'A' ? 'B' : 'A') + param.slice(i + 1))
    await page.goto('about:blank')
    await page.goto(tampered)
    const result = page.locator('[data-testid="verify-result"]')
    await result.waitFor()
    assert.equal(await result.getAttribute('data-valid'), 'false')
    assert.match(await result.innerText(), /This receipt is not valid\./)
    await expectAccessible('verify (tampered link)')
  })

  test('a pasted receipt verifies in the browser, without asking the node', async () => {
    const response = await fetch(`${node.url}/v1/transactions/${receiptTxid}`)
    receiptText = JSON.stringify((await response.json()).receipt, null, 2)
    await visit('/verify')
    await page.locator('#receipt-text').waitFor()
    const requests = []
    page.on('request', (r) => requests.push(r.url()))
    await page.fill('#receipt-text', receiptText)
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    const result = page.locator('[data-testid="verify-result"]')
    await result.waitFor()
    assert.equal(await result.getAttribute('data-valid'), 'true')
    assert.match(await result.innerText(), /Valid receipt\. Entry \d+ is in the log/)
    assert.deepEqual(
      requests.filter((u) => u.includes('/v1/')),
      [],
      'verification made no API request',
    )
    await expectAccessible('verify (valid)')
    await screenshots(page, 'portal-verify-valid')
  })

  test('a receipt with one character of its leaf changed is rejected: the proof fails', async () => {
    await page.fill('#receipt-text', tamper(receiptText, 'leaf'))
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    const result = page.locator('[data-testid="verify-result"][data-valid="false"]')
    await result.waitFor()
    assert.match(
      await result.innerText(),
      /This receipt is not valid\. The inclusion proof does not lead to the checkpoint’s root hash/,
    )
    await expectAccessible('verify (invalid)')
    await screenshots(page, 'portal-verify-invalid')
  })

  test('a receipt with one character of its checkpoint signature changed is rejected', async () => {
    const receipt = JSON.parse(receiptText)
    const line = receipt.checkpoint.split('\n').find((l) => l.startsWith('— ') && !l.includes('/witness/'))
    const sig = line.slice(line.lastIndexOf(' ') + 1)
    const i = 20
    const changedLine = line.replace(sig, sig.slice(0, i) + (sig[i] === 'A' ? 'B' : 'A') + sig.slice(i + 1))
    const tampered = JSON.stringify({ ...receipt, checkpoint: receipt.checkpoint.replace(line, changedLine) })
    await page.fill('#receipt-text', tampered)
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    const result = page.locator('[data-testid="verify-result"][data-valid="false"]')
    await result.waitFor()
    assert.match(await result.innerText(), /checkpoint’s signature does not verify|no signature of a node/)
  })

  test('a receipt file can be uploaded and verified', async () => {
    await visit('/verify')
    await page.setInputFiles('#receipt-file', {
      name: 'receipt.json',
      mimeType: 'application/json',
      buffer: Buffer.from(receiptText),
    })
    await page.locator('[data-testid="verify-result"][data-valid="true"]').waitFor()
    await page.getByRole('button', { name: 'Save to my wallet' }).click()
    await page.getByText('Saved in your wallet on this device.').waitFor()
  })

  test('the explorer lists entries and finds a transaction, a document hash, a signer and a module', async () => {
    await visit('/explorer')
    await page.locator('table.tab-entries tbody tr').first().waitFor()
    await expectAccessible('explorer')
    await screenshots(page, 'portal-explorer')
    await page.fill('#explorer-q', receiptTxid)
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('heading', { name: 'Transaction' }).waitFor()
    const hash = (await import('node:crypto')).createHash('sha256').update(DOCUMENT.buffer).digest('hex')
    await visit(`/explorer?q=${hash}`)
    await page.getByRole('heading', { name: 'Stamps of this document' }).waitFor()
    await visit(`/explorer?q=${encodeURIComponent(node.genesis.members[0].did)}`)
    await page.getByText(/matching entries among the latest/).waitFor()
    await visit('/explorer?q=notary')
    await page.getByText(/matching entries among the latest/).waitFor()
    await page.locator('table.tab-entries tbody tr a').first().click()
    await page.getByRole('heading', { name: /^Entry \d+$/ }).waitFor()
    await expectAccessible('entry')
    await screenshots(page, 'portal-entry')
  })

  test('governance: a member proposes a role grant, executed at the threshold', async () => {
    await visit('/console/governance')
    await page.getByRole('heading', { name: 'Propose a change' }).waitFor()
    await page.fill('#gov-role', 'notary:stamper')
    await page.fill('#gov-did', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
    await page.fill('#gov-reason', 'Registry clerk of the town hall')
    await page.getByRole('button', { name: 'Sign and propose' }).click()
    await page.getByText('Your proposal was recorded.').waitFor()
    await page.getByRole('cell', { name: /Grant role notary:stamper/ }).waitFor()
    await expectAccessible('governance')
    await screenshots(page, 'console-governance')
  })

  test('the dashboard draws charts with a table alternative', async () => {
    await visit('/console/dashboard')
    await page.locator('#chart-days-title').waitFor()
    await page.locator('.tab-chart__svg').first().waitFor()
    assert.ok((await page.locator('.tab-chart__bar').count()) >= 2)
    assert.ok((await page.locator('.tab-chart table').count()) >= 2)
    await expectAccessible('dashboard')
    await screenshots(page, 'console-dashboard')
  })

  test('the wallet creates a did:key, backs it up encrypted, restores it and lists receipts', async () => {
    await visit('/wallet')
    await expectAccessible('wallet (empty)')
    await screenshots(page, 'wallet-new')
    await page.getByRole('button', { name: 'Create my wallet' }).click()
    const did = await page.locator('.tab-did code').innerText()
    assert.match(did, /^did:key:z/)
    await page.locator('.tab-did-qr svg').waitFor()
    await page.getByText(/notary · stamp, entry \d+/).waitFor()
    await expectAccessible('wallet')
    await screenshots(page, 'wallet')
    await page.fill('#wallet-pass', 'correct horse battery')
    await page.fill('#wallet-pass2', 'correct horse battery')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download encrypted backup' }).click(),
    ])
    const backup = readFileSync(await download.path(), 'utf8')
    assert.equal(JSON.parse(backup).did, did)
    assert.ok(!backup.includes('"d"'), 'the private key is not in clear')
    await page.getByText('Remove this wallet from this device').click()
    await page.getByRole('button', { name: 'Remove wallet' }).click()
    await page.getByRole('button', { name: 'Create my wallet' }).waitFor()
    await page.setInputFiles('#wallet-backup-file', {
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    })
    await page.fill('#wallet-restore-pass', 'wrong passphrase')
    await page.getByRole('button', { name: 'Restore' }).click()
    await page.getByText('The passphrase is not right for this backup.').waitFor()
    await page.fill('#wallet-restore-pass', 'correct horse battery')
    await page.getByRole('button', { name: 'Restore' }).click()
    assert.equal(await page.locator('.tab-did code').innerText(), did)
  })

  test('the provider page scans by manual entry and recognises a receipt link', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await visit('/provider')
    await expectAccessible('provider')
    await screenshots(page, 'provider')
    await page.fill('#provider-manual', qrUrl)
    await page.getByRole('button', { name: 'Use this text' }).click()
    await page.getByText('This is a receipt.').waitFor()
    await page.getByRole('link', { name: 'Verify this receipt' }).click()
    await page.locator('[data-testid="verify-result"][data-valid="true"]').waitFor()
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  test('the camera scanner decodes a QR code from the (fake) camera', async () => {
    const did = node.genesis.members[0].did
    const video = join(node.dir, 'qr.y4m')
    await writeQrVideo(did, video)
    const cameraBrowser = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ])
    try {
      const camera = await cameraBrowser.newPage({ viewport: { width: 390, height: 844 } })
      await camera.goto(`${node.url}/#/provider`)
      await camera.getByRole('button', { name: 'Start the camera' }).click()
      await camera.getByText('This is a personal identifier (DID):').waitFor({ timeout: 20_000 })
      assert.equal(await camera.locator('main code').innerText(), did)
    } finally {
      await cameraBrowser.close()
    }
  })

  test('the language switcher translates the page and updates <html lang>', async () => {
    for (const [code, heading] of [
      ['el', 'Το δημόσιο μητρώο'],
      ['es', 'El registro público'],
      ['nl', 'Het openbare register'],
    ]) {
      await visit('/')
      await page.selectOption('#tab-lang-select', code)
      await page.getByRole('heading', { name: heading }).waitFor()
      assert.equal(await page.getAttribute('html', 'lang'), code)
      await expectAccessible(`portal overview (${code})`)
    }
    await screenshots(page, 'portal-overview-nl')
    await page.selectOption('#tab-lang-select', 'en')
  })
})
