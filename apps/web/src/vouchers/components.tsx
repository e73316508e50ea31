import type { ComponentChildren } from 'preact'
import { formatNumber } from '../i18n/index.js'
import { formatMoney } from './money.js'

/** Headline figures (budget, spent…) as a labelled list. */
export function Figures({ label, items }: { label: string; items: [string, string][] }) {
  return (
    <ul class="tab-figures" aria-label={label}>
      {items.map(([name, value]) => (
        <li key={name}>
          <span class="tab-figure__value">{value}</span>
          <span class="tab-figure__label">{name}</span>
        </li>
      ))}
    </ul>
  )
}

/** A money amount. */
export function Money({ cents }: { cents: number }) {
  return <span class="tab-money">{formatMoney(cents)}</span>
}

/** A count. */
export const count = (n: number) => formatNumber(n)

/** A table that becomes labelled cards on a phone (`data-label` per cell). */
export function Table({
  caption,
  head,
  rows,
  id,
}: {
  caption: string
  head: string[]
  rows: { key: string; cells: ComponentChildren[] }[]
  id?: string
}) {
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive" id={id}>
        <caption class="tab-visually-hidden">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th key={h} class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr class="utrecht-table__row" key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={head[i]} class="utrecht-table__header-cell" scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={head[i]} class="utrecht-table__cell" data-label={head[i]}>
                    <span class="tab-cell">{cell}</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A progress bar of money used out of a budget, with its text. */
export function BudgetBar({ used, budget, label }: { used: number; budget: number; label: string }) {
  const share = budget > 0 ? Math.min(100, Math.round((used / budget) * 100)) : 0
  return (
    <div class="tab-budget">
      <div class="tab-budget__bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      <p class="tab-budget__text">{label}</p>
    </div>
  )
}
