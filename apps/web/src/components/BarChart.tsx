import type { ComponentChildren } from 'preact'
import { formatNumber, t } from '../i18n/index.js'

/** One bar. */
export interface Bar {
  label: string
  value: number
}

interface ChartProps {
  title: string
  bars: Bar[]
  id: string
  valueLabel: string
}

/**
 * Horizontal bars for categories (organisations, document types), drawn as
 * SVG here (no chart library), with the data as a table for screen readers
 * and anyone who prefers numbers.
 */
export function BarChart({ title, bars, id, valueLabel }: ChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const row = 30
  const labelWidth = 130
  const width = 400
  const height = Math.max(1, bars.length) * row + 4
  return (
    <ChartFrame id={id} title={title} bars={bars} valueLabel={valueLabel}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary(title, bars)} class="tab-chart__svg">
        {bars.map((b, i) => {
          const w = Math.max(2, ((width - labelWidth - 50) * b.value) / max)
          const y = i * row + 2
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 19} text-anchor="end" class="tab-chart__label">
                {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={w} height={row - 10} rx="3" class="tab-chart__bar" />
              <text x={labelWidth + w + 6} y={y + 19} class="tab-chart__value">
                {formatNumber(b.value)}
              </text>
            </g>
          )
        })}
      </svg>
    </ChartFrame>
  )
}

/** Vertical columns for a time series (stamps per day), oldest on the left. */
export function ColumnChart({ title, bars, id, valueLabel }: ChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const width = 400
  const height = 200
  const top = 22
  const bottom = 34
  const slot = (width - 20) / Math.max(1, bars.length)
  const barWidth = Math.min(44, slot * 0.7)
  const every = Math.ceil(bars.length / 6)
  return (
    <ChartFrame id={id} title={title} bars={bars} valueLabel={valueLabel}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary(title, bars)} class="tab-chart__svg">
        <line x1="10" x2={width - 10} y1={height - bottom} y2={height - bottom} class="tab-chart__axis" />
        {bars.map((b, i) => {
          const h = Math.max(2, ((height - top - bottom) * b.value) / max)
          const x = 10 + i * slot + (slot - barWidth) / 2
          return (
            <g key={b.label}>
              <rect x={x} y={height - bottom - h} width={barWidth} height={h} rx="3" class="tab-chart__bar" />
              <text x={x + barWidth / 2} y={height - bottom - h - 6} text-anchor="middle" class="tab-chart__value">
                {formatNumber(b.value)}
              </text>
              {i % every === 0 && (
                <text x={x + barWidth / 2} y={height - bottom + 20} text-anchor="middle" class="tab-chart__label">
                  {b.label}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </ChartFrame>
  )
}

function summary(title: string, bars: Bar[]): string {
  return t('chart.summary', { title, count: bars.length, total: bars.reduce((sum, b) => sum + b.value, 0) })
}

function ChartFrame({ id, title, bars, valueLabel, children }: ChartProps & { children: ComponentChildren }) {
  return (
    <figure class="tab-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="tab-chart__title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p class="tab-empty">{t('chart.noData')}</p>
      ) : (
        <>
          {children}
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
