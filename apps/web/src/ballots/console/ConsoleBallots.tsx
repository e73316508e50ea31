import { Alert, Card, Loading, PageTitle } from '../../components/ui.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { listBallots, listPetitions } from '../api.js'
import { PetitionListCard, PhaseBadge, problemText, Schedule } from '../components.js'
import { tb } from '../i18n/tb.js'

/** The console's ballots and petitions, with links to create and manage them. */
export function ConsoleBallots() {
  const data = useAsync(() => Promise.all([listBallots(), listPetitions()]), [])
  return (
    <div class="tab-stack">
      <PageTitle title={tb('console.title')}>{tb('console.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{tb('console.intro')}</p>
      <p class="tab-actions">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={href('/console/ballots/new')}
        >
          {tb('console.newBallot')}
        </a>
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={href('/console/ballots/new-petition')}
        >
          {tb('console.newPetition')}
        </a>
      </p>
      {data.error ? <Alert type="error">{problemText(data.error)}</Alert> : null}
      {!data.data ? (
        <Loading />
      ) : (
        <div class="tab-grid tab-grid--wide">
          <Card title={tb('portal.ballots')}>
            {data.data[0].length === 0 ? (
              <p class="tab-empty">{tb('portal.noBallots')}</p>
            ) : (
              <ul class="tab-process-list">
                {data.data[0].map((b) => (
                  <li key={b.id}>
                    <a href={href(`/console/ballots/${encodeURIComponent(b.id)}`)}>{b.title}</a>{' '}
                    <PhaseBadge phase={b.status} />
                    <br />
                    <span class="tab-muted">
                      <Schedule opens={b.opens} closes={b.closes} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <PetitionListCard petitions={data.data[1]} />
        </div>
      )}
    </div>
  )
}
