import { getNetwork } from '../api/client.js'
import { Alert, Card, DataList, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatDate, formatNumber, formatTime, t } from '../i18n/index.js'
import { href } from '../lib/router.js'
import { useAsync } from '../lib/useAsync.js'
import { tn } from '../network/i18n/tn.js'
import { CheckpointView } from './CheckpointView.js'
import { useLiveCheckpoint } from './useLiveCheckpoint.js'

/** The portal's overview: what this network is, who runs it, and its latest checkpoint. */
export function PortalHome() {
  const network = useAsync(getNetwork, [])
  const { latest, history, error } = useLiveCheckpoint()
  const n = network.data
  return (
    <div class="tab-stack">
      <PageTitle title={t('portal.title')}>{t('portal.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('portal.intro')}</p>
      <ul class="tab-tasks" aria-label={t('portal.tasks')}>
        <li>
          <a class="tab-task" href={href('/verify')}>
            <span class="tab-task__title">{t('nav.verify')}</span>
            <span class="tab-task__text">{t('portal.verifyTask')}</span>
          </a>
        </li>
        <li>
          <a class="tab-task" href={href('/document')}>
            <span class="tab-task__title">{t('nav.document')}</span>
            <span class="tab-task__text">{t('portal.documentTask')}</span>
          </a>
        </li>
        <li>
          <a class="tab-task" href={href('/explorer')}>
            <span class="tab-task__title">{t('nav.explorer')}</span>
            <span class="tab-task__text">{t('portal.explorerTask')}</span>
          </a>
        </li>
      </ul>
      <div class="tab-grid">
        <Card title={t('portal.network')} id="network-heading">
          {network.error ? <Alert type="error">{t('common.nodeUnreachable')}</Alert> : null}
          {!n && !network.error && <Loading />}
          {n && (
            <DataList
              items={[
                [t('portal.networkName'), n.network],
                [t('portal.origin'), <code>{n.origin}</code>],
                [t('portal.members'), formatNumber(n.members.length)],
                [t('portal.quorum'), t('portal.quorumValue', { q: n.witnessQuorum, n: n.members.length })],
                [
                  t('portal.governance'),
                  t('portal.governanceValue', { m: n.governanceThreshold, n: n.members.length }),
                ],
                ...(n.createdAt ? ([[t('portal.since'), formatDate(n.createdAt)]] as [string, string][]) : []),
              ]}
            />
          )}
          <p>
            <a href={href('/network')}>{tn('home.link')}</a>
          </p>
        </Card>
        <Card title={t('portal.latestCheckpoint')} id="checkpoint-heading">
          {error ? <Alert type="error">{t('common.nodeUnreachable')}</Alert> : null}
          {!latest && !error && <Loading />}
          {latest && <CheckpointView checkpoint={latest} {...(n ? { network: n } : {})} />}
        </Card>
      </div>
      {n && (
        <Card title={t('portal.memberOrganisations')} id="members-heading">
          <div class="tab-table-wrap">
            <table class="utrecht-table utrecht-table--html-table tab-responsive">
              <caption class="tab-visually-hidden">{t('portal.memberOrganisations')}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('portal.organisation')}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('portal.did')}
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('portal.node')}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {n.members.map((m) => (
                  <tr class="utrecht-table__row" key={m.id}>
                    <th class="utrecht-table__header-cell" scope="row">
                      {m.name}
                    </th>
                    <td class="utrecht-table__cell" data-label={t('portal.did')}>
                      <div class="tab-cell">
                        <Hash value={m.did} />
                      </div>
                    </td>
                    <td class="utrecht-table__cell" data-label={t('portal.node')}>
                      <div class="tab-cell">{m.url ? <a href={m.url}>{m.url}</a> : t('portal.noUrl')}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {history.length > 1 && (
        <Card title={t('portal.recentCheckpoints')} id="history-heading">
          <ol class="tab-history">
            {history.map((cp) => (
              <li key={cp.note}>{t('portal.checkpointLine', { size: cp.treeSize, time: formatTime(cp.time) })}</li>
            ))}
          </ol>
        </Card>
      )}
    </div>
  )
}
