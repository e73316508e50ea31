import { useEffect, useState } from 'preact/hooks'
import { tb } from '../ballots/i18n/tb.js'
import { FileDrop } from '../components/FileDrop.js'
import { Lazy } from '../components/Lazy.js'
import { QrCode } from '../components/QrCode.js'
import { Alert, Button, Card, Field, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatTime, t } from '../i18n/index.js'
import { IdentityWallet, isIdentityWalletRoute } from '../identity/wallet/IdentityWallet.js'
import { WalletCredentials } from '../identity/wallet/WalletCredentials.js'
import { BackupError, createBackup, restoreBackup } from '../lib/backup.js'
import { forgetKey, generateKey, loadKey, type StoredKey, storeKey } from '../lib/keys.js'
import { href, type Route } from '../lib/router.js'
import { allItems, type SavedReceipt } from '../lib/store.js'
import { entryOf } from '../lib/verify.js'
import { loadWalletVouchers } from '../vouchers/routes.js'
import { VoucherSummary } from '../vouchers/wallet/VoucherSummary.js'

/**
 * The citizen's wallet: a `did:key` made in this browser, its encrypted
 * backup, and what it holds. The wallet key is extractable (unlike the
 * console's) because a wallet one cannot back up would be lost with the device.
 */
export function WalletArea({ route }: { route: Route }) {
  const [key, setKey] = useState<StoredKey | null | undefined>(undefined)
  useEffect(() => {
    loadKey('wallet').then(
      (k) => setKey(k ?? null),
      () => setKey(null),
    )
  }, [])
  if (key === undefined) return <Loading />
  if (route.segments[1] === 'vouchers') return <Lazy key="vouchers" load={loadWalletVouchers} props={{ route }} />
  if (key && isIdentityWalletRoute(route)) return <IdentityWallet route={route} walletKey={key} />
  return (
    <div class="tab-stack">
      <PageTitle title={t('wallet.title')}>{t('wallet.title')}</PageTitle>
      {key ? (
        <Wallet walletKey={key} onForget={() => setKey(null)} />
      ) : (
        <NoWallet
          onReady={async (k) => {
            await storeKey('wallet', k)
            setKey(k)
          }}
        />
      )}
    </div>
  )
}

function NoWallet({ onReady }: { onReady: (key: StoredKey) => Promise<void> }) {
  const [file, setFile] = useState<File | undefined>(undefined)
  const [passphrase, setPassphrase] = useState('')
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const restore = async (e: Event) => {
    e.preventDefault()
    if (!file) return
    setBusy(true)
    setProblem(undefined)
    try {
      await onReady(await restoreBackup(await file.text(), passphrase))
    } catch (error) {
      setProblem(
        error instanceof BackupError && error.message === 'wrong-passphrase'
          ? t('wallet.wrongPassphrase')
          : t('wallet.notBackup'),
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('wallet.intro')}</p>
      <div class="tab-grid">
        <Card title={t('wallet.createTitle')}>
          <p>{t('wallet.createText')}</p>
          <Button
            id="wallet-create"
            onClick={async () => onReady(await generateKey({ extractable: true, algorithm: 'ES256' }))}
          >
            {t('wallet.create')}
          </Button>
        </Card>
        <Card title={t('wallet.restoreTitle')}>
          <form class="tab-stack" onSubmit={restore}>
            <FileDrop
              id="wallet-backup-file"
              label={t('wallet.backupFile')}
              accept=".json,application/json"
              onFile={setFile}
            />
            <Field id="wallet-restore-pass" label={t('wallet.passphrase')}>
              <input
                id="wallet-restore-pass"
                type="password"
                autocomplete="current-password"
                class="utrecht-textbox utrecht-textbox--html-input"
                value={passphrase}
                onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
              />
            </Field>
            <div class="tab-actions">
              <Button type="submit" appearance="secondary" disabled={!file || !passphrase || busy}>
                {busy ? t('wallet.working') : t('wallet.restore')}
              </Button>
            </div>
            {problem && <Alert type="error">{problem}</Alert>}
          </form>
        </Card>
      </div>
    </>
  )
}

function Wallet({ walletKey, onForget }: { walletKey: StoredKey; onForget: () => void }) {
  const [receipts, setReceipts] = useState<SavedReceipt[] | undefined>(undefined)
  useEffect(() => {
    allItems<SavedReceipt>('receipts').then(
      (items) => setReceipts(items.sort((a, b) => b.savedAt.localeCompare(a.savedAt))),
      () => setReceipts([]),
    )
  }, [])
  return (
    <>
      <div class="tab-grid">
        <Card title={t('wallet.identity')}>
          <p>{t('wallet.didText')}</p>
          <p class="tab-did">
            <Hash value={walletKey.did} full />
          </p>
          <figure class="tab-did-qr">
            <QrCode text={walletKey.did} label={t('wallet.qrLabel')} size={220} />
            <figcaption>{t('wallet.qrCaption')}</figcaption>
          </figure>
          <p class="tab-muted">{t('wallet.created', { time: formatTime(walletKey.createdAt) })}</p>
        </Card>
        <Card title={t('wallet.backupTitle')}>
          <BackupForm walletKey={walletKey} />
        </Card>
      </div>
      <Card title={t('wallet.holds')}>
        <h3 class="utrecht-heading-3">{t('wallet.credentials')}</h3>
        <WalletCredentials />
        <h3 class="utrecht-heading-3">{t('wallet.vouchers')}</h3>
        <VoucherSummary walletKey={walletKey} />
        <h3 class="utrecht-heading-3">{tb('nav.wallet')}</h3>
        <p>
          <a href={href('/wallet/ballots')}>{tb('wallet.vote')}</a>
        </p>
        <h3 class="utrecht-heading-3">{t('wallet.receipts')}</h3>
        {!receipts && <Loading />}
        {receipts && receipts.length === 0 && <p class="tab-empty">{t('wallet.noReceipts')}</p>}
        {receipts && receipts.length > 0 && (
          <ul class="tab-receipt-list">
            {receipts.map(({ receipt, savedAt, label }) => {
              const entry = entryOf(receipt)
              return (
                <li key={receipt.txid}>
                  <a href={href(`/receipt/${receipt.txid}`)}>
                    {t('wallet.receiptItem', {
                      what: entry ? `${entry.tx.module} · ${entry.tx.action}` : '?',
                      index: receipt.index,
                    })}
                  </a>
                  {label && <span> — {label}</span>}
                  <span class="tab-muted"> · {t('wallet.savedAt', { time: formatTime(savedAt) })}</span>
                </li>
              )
            })}
          </ul>
        )}
      </Card>
      <details class="tab-details">
        <summary>{t('wallet.removeTitle')}</summary>
        <p>{t('wallet.removeText')}</p>
        <Button
          appearance="secondary"
          onClick={async () => {
            if (!confirm(t('wallet.removeConfirm'))) return
            await forgetKey('wallet')
            onForget()
          }}
        >
          {t('wallet.remove')}
        </Button>
      </details>
    </>
  )
}

function BackupForm({ walletKey }: { walletKey: StoredKey }) {
  const [pass, setPass] = useState('')
  const [confirmPass, setConfirm] = useState('')
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'mismatch' | 'short'>('idle')
  const backup = async (e: Event) => {
    e.preventDefault()
    if (pass.length < 10) return setState('short')
    if (pass !== confirmPass) return setState('mismatch')
    setState('working')
    const file = await createBackup(walletKey, pass)
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = 'tabularium-wallet-backup.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
    setState('done')
  }
  return (
    <form class="tab-stack" onSubmit={backup}>
      <p>{t('wallet.backupText')}</p>
      <Field id="wallet-pass" label={t('wallet.passphrase')} description={t('wallet.passphraseHelp')}>
        <input
          id="wallet-pass"
          type="password"
          autocomplete="new-password"
          class="utrecht-textbox utrecht-textbox--html-input"
          aria-describedby="wallet-pass-description"
          value={pass}
          onInput={(e) => setPass((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field id="wallet-pass2" label={t('wallet.passphraseAgain')}>
        <input
          id="wallet-pass2"
          type="password"
          autocomplete="new-password"
          class="utrecht-textbox utrecht-textbox--html-input"
          value={confirmPass}
          onInput={(e) => setConfirm((e.target as HTMLInputElement).value)}
        />
      </Field>
      <div class="tab-actions">
        <Button type="submit" disabled={state === 'working'}>
          {state === 'working' ? t('wallet.working') : t('wallet.backup')}
        </Button>
      </div>
      <div aria-live="polite">
        {state === 'done' && <Alert type="ok">{t('wallet.backupDone')}</Alert>}
        {state === 'mismatch' && <Alert type="error">{t('wallet.mismatch')}</Alert>}
        {state === 'short' && <Alert type="error">{t('wallet.short')}</Alert>}
      </div>
    </form>
  )
}
