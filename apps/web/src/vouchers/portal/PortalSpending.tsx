import '../vouchers.css'
import { BarChart } from '../../components/BarChart.js'
import { Alert, Card, Loading, PageTitle } from '../../components/ui.js'
import { formatDate, formatNumber } from '../../i18n/index.js'
import { useAsync } from '../../lib/useAsync.js'
import { getPortal } from '../api.js'
import { BudgetBar, Figures } from '../components.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { reasonOf } from '../submit.js'

/**
 * Public spending of every voucher fund, in aggregate only (the `portal`
 * query has no person, no voucher and no single purchase): budget, money
 * committed and spent, shops taking part, and spending by category.
 */
export function PortalSpending() {
  const funds = useAsync(getPortal, [])
  return (
    <div class="tab-stack">
      <PageTitle title={vt('portal.title')}>{vt('portal.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{vt('portal.intro')}</p>
      {funds.error ? <Alert type="error">{reasonOf(funds.error)}</Alert> : null}
      {!funds.data && !funds.error && <Loading />}
      {funds.data?.length === 0 && <p class="tab-empty">{vt('portal.none')}</p>}
      {funds.data?.map((f) => (
        <Card key={f.id} title={f.name}>
          <p class="tab-muted">
            {formatDate(f.opensAt)} – {formatDate(f.closesAt)} · {vt(f.status === 'open' ? 'fund.open' : 'fund.closed')}
          </p>
          <Figures
            label={vt('portal.figures', { fund: f.name })}
            items={[
              [vt('fund.budget'), formatMoney(f.budget)],
              [vt('fund.spent'), formatMoney(f.redeemed + f.reimbursed)],
              [vt('portal.beneficiaries'), formatNumber(f.vouchers)],
              [vt('portal.providers'), formatNumber(f.providers)],
            ]}
          />
          <BudgetBar
            used={f.redeemed + f.reimbursed}
            budget={f.budget}
            label={vt('portal.used', { spent: formatMoney(f.redeemed + f.reimbursed), budget: formatMoney(f.budget) })}
          />
          <div class="tab-chart-box">
            <BarChart
              id={`portal-${f.id}`}
              title={vt('chart.byCategoryTitle')}
              valueLabel={vt('chart.euros')}
              bars={f.byCategory.map((c) => ({ label: c.category, value: Math.round(c.amount) / 100 }))}
            />
          </div>
        </Card>
      ))}
      <p class="tab-muted">{vt('portal.privacy')}</p>
    </div>
  )
}
