import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatDate } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { type FundView, getFund, getVoucher, pseudonymise } from '../api.js'
import { cardForLedger, groupDigits, newCard, voucherIdOf } from '../crypto.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { Refusal, reasonOf, sendTx } from '../submit.js'
import { pseudonymKey } from './FundPage.js'

/** Most cards on one sheet (one `issueVouchers` transaction). */
const MAX_CARDS = 100

/** A printed card as it goes on paper: the number and PIN live only in this page's memory. */
interface PrintedCard {
  number: string
  pin: string
  value: number
  expiresAt: string
}

/**
 * Printed cards for residents without a smartphone, on a list fund (listed
 * residents) or a clerk fund (whom the clerk approves at the desk): the clerk
 * types municipal ids, the node pseudonymises them with this browser's key
 * (as for the list upload), this page makes a card number and PIN for each and
 * signs `issueVouchers` with only the card's handle and the PIN's salted hash.
 * The sheet is printed; leaving the page forgets the PINs.
 */
export function CardsPage({ fundId, keyInfo, network }: { fundId: string; keyInfo: StoredKey; network: NetworkInfo }) {
  const fund = useAsync(() => getFund(fundId), [fundId])
  const [ids, setIds] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [cards, setCards] = useState<PrintedCard[] | undefined>(undefined)
  if (fund.error) return <Alert type="error">{reasonOf(fund.error)}</Alert>
  if (!fund.data) return <Loading />
  const f = fund.data
  const title = vt('cards.title', { fund: f.name })

  const issue = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    const lines = ids
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
    if (lines.length === 0) return setProblem(vt('cards.needIds'))
    if (lines.length > MAX_CARDS) return setProblem(vt('cards.tooMany', { max: MAX_CARDS }))
    setBusy(true)
    try {
      const csv = `id;units\n${lines.map((line) => (line.includes(';') ? line : `${line};0`)).join('\n')}\n`
      const { entries } = await pseudonymise(f.id, csv, await pseudonymKey())
      const made = entries.map((entry) => ({ entry, card: newCard() }))
      await sendTx({
        key: keyInfo,
        network: network.network,
        action: 'issueVouchers',
        args: {
          fund: f.id,
          vouchers: made.map(({ entry, card }) => ({
            beneficiary: entry.beneficiary,
            ...(f.eligibility.kind === 'clerk' ? { units: entry.units } : {}),
            card: cardForLedger(card),
          })),
        },
      })
      const issued = await Promise.all(
        made.map(async ({ entry, card }) => {
          const voucher = await getVoucher(voucherIdOf(f.id, entry.beneficiary))
          return { ...card, value: voucher.value, expiresAt: voucher.expiresAt }
        }),
      )
      setIds('')
      setCards(issued)
    } catch (error) {
      setProblem(error instanceof Refusal && error.code === 'NOT_ELIGIBLE' ? vt('cards.notListed') : reasonOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="tab-stack">
      <p class="tab-no-print">
        <a href={href(`/console/vouchers/${f.id}`)}>← {f.name}</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      {f.eligibility.kind === 'credential' ? (
        <Alert type="info">{vt('cards.notHere')}</Alert>
      ) : cards ? (
        <Sheet fund={f} cards={cards} onDone={() => setCards(undefined)} />
      ) : (
        <Card title={vt('cards.issueTitle')}>
          <p>{vt(f.eligibility.kind === 'list' ? 'cards.textList' : 'cards.textClerk')}</p>
          <form class="tab-stack" id="cards-form" onSubmit={issue}>
            <Field id="cards-ids" label={vt('cards.ids')} description={vt('cards.idsHelp')}>
              <textarea
                id="cards-ids"
                class="utrecht-textarea utrecht-textarea--html-textarea tab-mono-input"
                aria-describedby="cards-ids-description"
                rows={5}
                value={ids}
                onInput={(e) => setIds((e.target as HTMLTextAreaElement).value)}
              />
            </Field>
            <div class="tab-actions">
              <Button type="submit" disabled={busy}>
                {busy ? vt('common.working') : vt('cards.issue')}
              </Button>
            </div>
          </form>
          <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
        </Card>
      )}
    </div>
  )
}

function Sheet({ fund, cards, onDone }: { fund: FundView; cards: PrintedCard[]; onDone: () => void }) {
  return (
    <>
      <div class="tab-no-print tab-stack" aria-live="polite">
        <Alert type="warning">
          <p>{vt('cards.issued', { count: cards.length })}</p>
          <p>{vt('cards.printNow')}</p>
        </Alert>
        <div class="tab-actions">
          <Button onClick={() => window.print()}>{vt('cards.print')}</Button>
          <Button appearance="secondary" onClick={onDone}>
            {vt('cards.more')}
          </Button>
        </div>
      </div>
      <ul class="tab-card-sheet" id="card-sheet" aria-label={vt('cards.sheet')}>
        {cards.map((card) => (
          <li key={card.number} class="tab-printed-card">
            <p class="tab-printed-card__fund">{fund.name}</p>
            <dl class="tab-printed-card__data">
              <dt>{vt('cards.number')}</dt>
              <dd class="tab-printed-card__number" data-card-number={card.number}>
                {groupDigits(card.number)}
              </dd>
              <dt>{vt('cards.pin')}</dt>
              <dd class="tab-printed-card__pin" data-pin={card.pin}>
                {card.pin}
              </dd>
              <dt>{vt('cards.value')}</dt>
              <dd>{formatMoney(card.value)}</dd>
              <dt>{vt('voucher.validThrough')}</dt>
              <dd>{formatDate(card.expiresAt)}</dd>
            </dl>
            <p class="tab-printed-card__note">{vt('cards.keepPin')}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
