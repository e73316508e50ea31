import { Alert, Card, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { listBallots, listPetitions } from '../api.js'
import { PhaseBadge, problemText, Schedule } from '../components.js'
import { tb } from '../i18n/tb.js'
import { listVotes } from '../store.js'

/** The wallet's ballots: what is open to vote or sign, and the votes kept on this device. */
export function WalletBallots() {
  const data = useAsync(() => Promise.all([listBallots(), listPetitions(), listVotes().catch(() => [])]), [])
  return (
    <div class="tab-stack">
      <PageTitle title={tb('wallet.title')}>{tb('wallet.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{tb('wallet.intro')}</p>
      <p>
        <a href={href('/wallet')}>{tb('wallet.back')}</a>
      </p>
      {data.error ? <Alert type="error">{problemText(data.error)}</Alert> : null}
      {!data.data ? (
        <Loading />
      ) : (
        <div class="tab-grid tab-grid--wide">
          <Card title={tb('wallet.open')}>
            {data.data[0].filter((b) => b.status !== 'closed').length + data.data[1].length === 0 ? (
              <p class="tab-empty">{tb('wallet.nothingOpen')}</p>
            ) : (
              <ul class="tab-process-list">
                {data.data[0]
                  .filter((b) => b.status !== 'closed')
                  .map((b) => (
                    <li key={b.id}>
                      <a href={href(`/wallet/ballots/${encodeURIComponent(b.id)}`)}>{b.title}</a>{' '}
                      <PhaseBadge phase={b.status} />
                      <br />
                      <span class="tab-muted">
                        <Schedule opens={b.opens} closes={b.closes} />
                      </span>
                    </li>
                  ))}
                {data.data[1].map((p) => (
                  <li key={p.id}>
                    <a href={href(`/wallet/ballots/${encodeURIComponent(p.id)}`)}>{p.title}</a>{' '}
                    <span class="tab-muted">{tb('wallet.petition')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={tb('wallet.myVotes')}>
            {data.data[2].length === 0 ? (
              <p class="tab-empty">{tb('wallet.noVotes')}</p>
            ) : (
              <ul class="tab-process-list">
                {data.data[2].map((v) => (
                  <li key={v.process}>
                    {v.title} — {formatTime(v.castAt)}
                    <br />
                    <a href={href(`/ballots/${encodeURIComponent(v.process)}`)}>{tb('wallet.checkInPortal')}</a>
                    {' · '}
                    <a href={href(`/receipt/${v.receipt.txid}`)}>{tb('wallet.receipt')}</a>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </div>
  )
}
