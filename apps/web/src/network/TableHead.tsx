// The network pages' tables share their header row; kept here (a lazy page)
// rather than in components/ui.tsx so the first load does not grow.
/** A table's `<thead>`: one column header per label. */
export function TableHead({ labels }: { labels: readonly string[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {labels.map((label, i) => (
          <th class="utrecht-table__header-cell" scope="col" key={`${i}-${label}`}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
