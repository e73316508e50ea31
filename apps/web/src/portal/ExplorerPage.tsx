import { useState } from 'preact/hooks'
import { getEntries, getNetwork } from '../api/client.js'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../components/ui.js'
import { formatNumber, t } from '../i18n/index.js'
import { href, navigate, type Route } from '../lib/router.js'
import { useAsync } from '../lib/useAsync.js'
import { EntryTable } from './EntryTable.js'
import { StampTable } from './StampTable.js'
import { search } from './search.js'

const PAGE_SIZE = 25

/** The explorer: the newest entries, paged, and a search box. */
export function ExplorerPage({ route }: { route: Route }) {
  const q = route.params.get('q')?.trim() ?? ''
  const page = Math.max(0, Number(route.params.get('page') ?? 0) || 0)
  const [draft, setDraft] = useState(q)
  const network = useAsync(getNetwork, [])
  const onSubmit = (e: Event) => {
    e.preventDefault()
    const value = draft.trim()
    if (/^\d+$/.test(value)) navigate(`/entry/${value}`)
    else navigate(value ? `/explorer?q=${encodeURIComponent(value)}` : '/explorer')
  }
  return (
    <div class="tab-stack">
      <PageTitle title={t('explorer.title')}>{t('explorer.title')}</PageTitle>
      <p class="utrecht-paragraph">{t('explorer.intro')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; role=search on a form is */}
      <form role="search" class="tab-search" onSubmit={onSubmit} aria-label={t('explorer.searchLabel')}>
        <Field id="explorer-q" label={t('explorer.searchLabel')} description={t('explorer.searchHelp')}>
          <div class="tab-search__row">
            <input
              id="explorer-q"
              class="utrecht-textbox utrecht-textbox--html-input"
              type="search"
              value={draft}
              aria-describedby="explorer-q-description"
              spellcheck={false}
              autocomplete="off"
              onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            />
            <Button type="submit">{t('explorer.search')}</Button>
          </div>
        </Field>
      </form>
      {q ? <SearchResults q={q} network={network.data} /> : <LatestEntries page={page} network={network.data} />}
    </div>
  )
}

function LatestEntries({ page, network }: { page: number; network: Parameters<typeof EntryTable>[0]['network'] }) {
  const state = useAsync(async () => {
    const { treeSize } = await getEntries(0, 1)
    const end = Math.max(0, treeSize - page * PAGE_SIZE)
    const from = Math.max(0, end - PAGE_SIZE)
    const rows = end > from ? (await getEntries(from, end - from)).entries.reverse() : []
    return { treeSize, rows, from, end }
  }, [page])
  if (state.error) return <Alert type="error">{t('common.nodeUnreachable')}</Alert>
  if (!state.data) return <Loading />
  const { treeSize, rows, from, end } = state.data
  const pages = Math.max(1, Math.ceil(treeSize / PAGE_SIZE))
  if (treeSize === 0) return <Alert>{t('explorer.empty')}</Alert>
  return (
    <>
      <EntryTable
        rows={rows}
        {...(network ? { network } : {})}
        caption={t('explorer.showing', { from: from + 1, to: end, total: treeSize })}
      />
      <nav class="tab-pagination" aria-label={t('explorer.pages')}>
        {page > 0 ? (
          <a
            class="utrecht-button-link utrecht-button-link--secondary-action"
            href={href(`/explorer?page=${page - 1}`)}
          >
            {t('explorer.newer')}
          </a>
        ) : (
          <span />
        )}
        <span>{t('explorer.pageOf', { page: page + 1, pages })}</span>
        {page + 1 < pages ? (
          <a
            class="utrecht-button-link utrecht-button-link--secondary-action"
            href={href(`/explorer?page=${page + 1}`)}
          >
            {t('explorer.older')}
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>
  )
}

function SearchResults({ q, network }: { q: string; network: Parameters<typeof EntryTable>[0]['network'] }) {
  const state = useAsync(() => search(q), [q])
  if (state.error) return <Alert type="error">{t('common.nodeUnreachable')}</Alert>
  if (!state.data) return <Loading label={t('explorer.searching')} />
  const r = state.data
  const nothing = !r.transaction && r.stamps.length === 0 && r.entries.length === 0
  return (
    <div class="tab-stack" aria-live="polite">
      {nothing && <Alert type="warning">{t('explorer.noResults', { q })}</Alert>}
      {r.transaction && (
        <Card title={t('explorer.transaction')}>
          <EntryTable rows={[r.transaction]} {...(network ? { network } : {})} caption={t('explorer.txCaption')} />
        </Card>
      )}
      {r.stamps.length > 0 && (
        <Card title={t('explorer.documentStamps')}>
          <StampTable stamps={r.stamps} {...(network ? { network } : {})} />
        </Card>
      )}
      {r.entries.length > 0 && (
        <EntryTable
          rows={r.entries}
          {...(network ? { network } : {})}
          caption={t('explorer.matches', { count: r.entries.length, scanned: formatNumber(r.scanned) })}
        />
      )}
    </div>
  )
}
