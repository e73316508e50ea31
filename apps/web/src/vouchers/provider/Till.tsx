import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Scanner } from '../../components/Scanner.js'
import { Alert, Button, Field, PageTitle } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { getVoucher, type ProviderView } from '../api.js'
import { cardHandle, parseAuthorisation, pinProof } from '../crypto.js'
import { vt } from '../i18n/vt.js'
import { formatMoney, parseMoney } from '../money.js'
import { Refusal, reasonOf, sendTx } from '../submit.js'

/** What the provider's section pages share. */
export interface ProviderContext {
  keyInfo: StoredKey
  network: NetworkInfo
  provider: ProviderView
}

type Outcome = { ok: true; text: string } | { ok: false; text: string; detail?: string }

/**
 * The till: an amount (or one of the provider's offers), then the citizen's
 * QR code from the camera (or typed), or a printed card's number and PIN.
 * The ledger decides; a refusal says why in one sentence.
 */
export function Till({ keyInfo, network, provider }: ProviderContext) {
  const [amount, setAmount] = useState('')
  const [offer, setOffer] = useState('')
  const [category, setCategory] = useState(provider.categories[0] ?? '')
  const [mode, setMode] = useState<'qr' | 'card'>('qr')
  const [card, setCard] = useState({ number: '', pin: '' })
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const offers = provider.offers.filter((o) => o.active)
  const chosenOffer = offers.find((o) => o.id === offer)
  const cents = chosenOffer ? chosenOffer.price : parseMoney(amount)

  const redeem = async (
    voucherRef:
      | { authorisation: unknown; voucher: string }
      | { card: { handle: string; pinProof?: string }; voucher?: undefined },
  ) => {
    setProblem(undefined)
    if (cents === undefined) return setProblem(vt('till.needAmount'))
    setBusy(true)
    const args: Record<string, unknown> = {
      ...('authorisation' in voucherRef ? { authorisation: voucherRef.authorisation } : { card: voucherRef.card }),
      ...(chosenOffer ? { offer: chosenOffer.id } : { amount: cents, category }),
    }
    try {
      await sendTx({ key: keyInfo, network: network.network, action: 'redeem', args })
      const left = voucherRef.voucher ? await getVoucher(voucherRef.voucher).catch(() => undefined) : undefined
      setOutcome({
        ok: true,
        text: vt('till.accepted', { amount: formatMoney(cents) }),
        ...(left ? { detail: vt('till.left', { balance: formatMoney(left.balance) }) } : {}),
      })
    } catch (error) {
      setOutcome(await refusalOf(error, cents, voucherRef.voucher, 'card' in voucherRef))
    } finally {
      setBusy(false)
    }
  }

  const onScan = (text: string) => {
    const authorisation = parseAuthorisation(text)
    if (!authorisation) return setProblem(vt('till.notVoucher'))
    void redeem({ authorisation, voucher: authorisation.payload.voucher })
  }

  if (outcome)
    return (
      <div class="tab-stack">
        <PageTitle title={vt('till.title')}>{vt('till.title')}</PageTitle>
        <div aria-live="assertive" id="till-outcome" data-ok={String(outcome.ok)}>
          <Alert type={outcome.ok ? 'ok' : 'error'}>
            <p class="tab-outcome">{outcome.text}</p>
            {'detail' in outcome && outcome.detail && <p>{outcome.detail}</p>}
          </Alert>
        </div>
        <Button
          id="till-next"
          onClick={() => {
            setOutcome(undefined)
            setAmount('')
            setOffer('')
          }}
        >
          {vt('till.next')}
        </Button>
      </div>
    )

  return (
    <div class="tab-stack">
      <PageTitle title={vt('till.title')}>{vt('till.title')}</PageTitle>
      <p class="tab-muted">{vt('till.shop', { name: provider.name })}</p>
      {offers.length > 0 && (
        <Field id="till-offer" label={vt('till.offer')}>
          <select
            id="till-offer"
            class="utrecht-select utrecht-select--html-select"
            value={offer}
            onChange={(e) => setOffer((e.target as HTMLSelectElement).value)}
          >
            <option value="">{vt('till.anyAmount')}</option>
            {offers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} — {formatMoney(o.price)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {!chosenOffer && (
        <Field id="till-amount" label={vt('till.amount')}>
          <input
            id="till-amount"
            class="utrecht-textbox utrecht-textbox--html-input tab-amount-input"
            inputMode="decimal"
            autocomplete="off"
            value={amount}
            onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
          />
        </Field>
      )}
      {!chosenOffer && provider.categories.length > 1 && (
        <Field id="till-category" label={vt('till.category')}>
          <select
            id="till-category"
            class="utrecht-select utrecht-select--html-select"
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}
          >
            {provider.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset class="tab-segmented tab-fieldset">
        <legend class="tab-visually-hidden">{vt('till.how')}</legend>
        <Button
          appearance={mode === 'qr' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'qr'}
          onClick={() => setMode('qr')}
        >
          {vt('till.qr')}
        </Button>
        <Button
          appearance={mode === 'card' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'card'}
          onClick={() => setMode('card')}
        >
          {vt('till.card')}
        </Button>
      </fieldset>
      <div aria-live="polite">
        {problem && <Alert type="error">{problem}</Alert>}
        {busy && <Alert type="info">{vt('till.checking')}</Alert>}
      </div>
      {mode === 'qr' ? (
        cents === undefined ? (
          <p class="tab-muted">{vt('till.amountFirst')}</p>
        ) : (
          <Scanner id="till" onResult={onScan} manualLabel={vt('till.manual')} />
        )
      ) : (
        <form
          class="tab-stack"
          onSubmit={(e) => {
            e.preventDefault()
            const number = card.number.replace(/\s/g, '')
            void redeem({
              card: { handle: cardHandle(number), ...(card.pin ? { pinProof: pinProof(number, card.pin) } : {}) },
            })
          }}
        >
          <Field id="till-card" label={vt('till.cardNumber')}>
            <input
              id="till-card"
              class="utrecht-textbox utrecht-textbox--html-input tab-mono-input"
              inputMode="numeric"
              autocomplete="off"
              value={card.number}
              onInput={(e) => setCard({ ...card, number: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="till-pin" label={vt('till.pin')} description={vt('till.pinHelp')}>
            <input
              id="till-pin"
              type="password"
              inputMode="numeric"
              autocomplete="off"
              class="utrecht-textbox utrecht-textbox--html-input"
              aria-describedby="till-pin-description"
              maxLength={8}
              value={card.pin}
              onInput={(e) => setCard({ ...card, pin: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <div class="tab-actions">
            <Button type="submit" disabled={busy || cents === undefined || !card.number.trim()}>
              {vt('till.charge', { amount: cents === undefined ? '…' : formatMoney(cents) })}
            </Button>
          </div>
        </form>
      )}
    </div>
  )
}

// A refusal in words; above the balance, the balance that is left.
async function refusalOf(
  error: unknown,
  cents: number,
  voucher: string | undefined,
  byCard: boolean,
): Promise<Outcome> {
  if (byCard && error instanceof Refusal && error.code === 'WRONG_PIN')
    return { ok: false, text: vt('till.wrongPin'), detail: vt('till.nothingCharged') }
  if (error instanceof Refusal && error.code === 'INSUFFICIENT_BALANCE') {
    const left = voucher ? await getVoucher(voucher).catch(() => undefined) : undefined
    return {
      ok: false,
      text: left
        ? vt('till.refused.balance', { balance: formatMoney(left.balance), amount: formatMoney(cents) })
        : vt('reason.INSUFFICIENT_BALANCE'),
      detail: vt('till.nothingCharged'),
    }
  }
  return { ok: false, text: reasonOf(error), detail: vt('till.nothingCharged') }
}
