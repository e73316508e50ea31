import { getCheckpoint } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { BarChart, ColumnChart } from '../components/BarChart.js'
import { Alert, Card, Loading, PageTitle } from '../components/ui.js'
import { formatDay, formatNumber, t } from '../i18n/index.js'
import { useAsync } from '../lib/useAsync.js'
import { memberNameById } from '../portal/members.js'
import { stampStats } from './stats.js'

/** The activity dashboard: totals and charts of stamps per day and per organisation. */
export function DashboardPage({ network }: { network: NetworkInfo }) {
  const stats = useAsync(stampStats, [])
  const checkpoint = useAsync(getCheckpoint, [])
  return (
    <div class="tab-stack">
      <PageTitle title={t('dash.title')}>{t('dash.title')}</PageTitle>
      <ul class="tab-figures" aria-label={t('dash.figures')}>
        <li>
          <span class="tab-figure__value">{checkpoint.data ? formatNumber(checkpoint.data.treeSize) : '…'}</span>
          <span class="tab-figure__label">{t('dash.entries')}</span>
        </li>
        <li>
          <span class="tab-figure__value">{stats.data ? formatNumber(stats.data.total) : '…'}</span>
          <span class="tab-figure__label">{t('dash.stamps')}</span>
        </li>
        <li>
          <span class="tab-figure__value">{formatNumber(network.members.length)}</span>
          <span class="tab-figure__label">{t('dash.members')}</span>
        </li>
      </ul>
      {stats.error ? <Alert type="error">{t('dash.noStats')}</Alert> : null}
      {!stats.data && !stats.error && <Loading />}
      {stats.data && (
        <div class="tab-grid tab-grid--wide">
          <Card title={t('dash.perDay')}>
            <ColumnChart
              id="chart-days"
              title={t('dash.perDayChart')}
              valueLabel={t('dash.stamps')}
              bars={stats.data.perDay.slice(-14).map((d) => ({ label: formatDay(d.day), value: d.count }))}
            />
          </Card>
          <Card title={t('dash.perOrganisation')}>
            <BarChart
              id="chart-orgs"
              title={t('dash.perOrganisationChart')}
              valueLabel={t('dash.stamps')}
              bars={stats.data.perOrganisation.map((o) => ({
                label: memberNameById(o.organisation, network) ?? o.organisation ?? t('dash.otherSigners'),
                value: o.count,
              }))}
            />
          </Card>
          <Card title={t('dash.perDocType')}>
            <BarChart
              id="chart-types"
              title={t('dash.perDocTypeChart')}
              valueLabel={t('dash.stamps')}
              bars={stats.data.perDocType.map((d) => ({ label: d.docType ?? t('stamps.noType'), value: d.count }))}
            />
          </Card>
        </div>
      )}
    </div>
  )
}
