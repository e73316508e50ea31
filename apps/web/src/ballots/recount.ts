import { type ExportedEntry, type RecountResult, recountFromEntries } from '@tabularium/module-ballots/client'
import { getEntries, query } from '../api/client.js'

/**
 * The entries of one ballot or petition, fetched from the log (`entries`
 * query for the indexes, then `/v1/entries` pages over each run of
 * consecutive indexes).
 */
export async function fetchProcessEntries(id: string): Promise<ExportedEntry[]> {
  const indexes: number[] = []
  let after = -1
  for (;;) {
    const page = await query<{ indexes: number[]; next: number | null }>('ballots', 'entries', { id, after })
    indexes.push(...page.indexes)
    if (page.next === null) break
    after = page.next
  }
  const wanted = new Set(indexes)
  const out: ExportedEntry[] = []
  let i = 0
  while (i < indexes.length) {
    const from = indexes[i] as number
    let to = from
    while (i + 1 < indexes.length && indexes[i + 1] === to + 1 && to - from < 999) to = indexes[++i] as number
    i++
    const page = await getEntries(from, to - from + 1)
    for (const row of page.entries) if (wanted.has(row.index)) out.push(row as unknown as ExportedEntry)
  }
  return out
}

/** Recounts a ballot in this browser from its log entries (proofs included). */
export async function recountInBrowser(id: string): Promise<RecountResult & { entries: number; ms: number }> {
  const entries = await fetchProcessEntries(id)
  const started = performance.now()
  // Let the "recounting…" status paint before the CPU-bound part.
  await new Promise((r) => setTimeout(r, 30))
  const result = recountFromEntries(entries, { ballot: id })
  return { ...result, entries: entries.length, ms: Math.round(performance.now() - started) }
}
