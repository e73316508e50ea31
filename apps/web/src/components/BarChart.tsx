import { formatNumber, t } from '../i18n/index.js'

/** One bar. */
export interface Bar {
  label: string
  value: number
}

/**
 * A small SVG bar chart drawn here (no chart library), with its data as a
 * table right below for screen readers and anyone who prefers numbers.
 */
export function BarChart({ title, bars, id, valueLabel }: { title: string; bars: Bar[]; id: string; valueLabel: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const rowHeight = 28
  const labelWidth = 120
  const width = 480
  const height = Math.max(1, bars.length) * rowHeight + 8
  const total = bars.reduce((sum, b) => sum + b.value, 0)
  return (
    <figure class="tab-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="tab-chart__title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p>{t('chart.noData')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={t('chart.summary', { title, count: bars.length, total })}
            class="tab-chart__svg"
          >
            {bars.map((b, i) => {
              const w = Math.max(2, ((width - labelWidth - 60) * b.value) / max)
              const y = i * rowHeight + 4
              return (
                <g key={b.label}>
                  <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="tab-chart__label">
                    {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
                  </text>
                  <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 10} rx="3" class="tab-chart__bar" />
                  <text x={labelWidth + w + 6} y={y + 17} class="tab-chart__value">
                    {formatNumber(b.value)}
                  </text>
                </g>
              )
            })}
          </svg>
          <details class="tab-details">
            <summary>{t('chart.asTable')}</summary>
            <table class="utrecht-table utrecht-table--html-table">
              <caption class="tab-visually-hidden">{title}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('chart.label')}
                  </th>
                  <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">
                    {valueLabel}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {bars.map((b) => (
                  <tr class="utrecht-table__row" key={b.label}>
                    <th class="utrecht-table__header-cell" scope="row">
                      {b.label}
                    </th>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{formatNumber(b.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  )
}
