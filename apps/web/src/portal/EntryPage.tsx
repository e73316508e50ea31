import { getEntry, getNetwork } from '../api/client.js'
import { Alert, Card, DataList, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatNumber, formatTime, t } from '../i18n/index.js'
import { href } from '../lib/router.js'
import { useAsync } from '../lib/useAsync.js'
import { OutcomeBadge } from './EntryTable.js'
import { memberName } from './members.js'

/** One log entry, explained: what happened, who signed it, its outcome, and a link to its receipt. */
export function EntryPage({ index }: { index: number }) {
  const state = useAsync(() => getEntry(index), [index])
  const network = useAsync(getNetwork, [])
  const title = t('entry.title', { index: Number.isSafeInteger(index) ? index : '?' })
  return (
    <div class="tab-stack">
      <PageTitle title={title}>{title}</PageTitle>
      {state.error ? <Alert type="error">{t('entry.notFound')}</Alert> : null}
      {!state.data && !state.error && <Loading />}
      {state.data && <EntryDetails row={state.data} network={network.data} />}
      <p>
        <a href={href('/explorer')}>{t('entry.back')}</a>
      </p>
    </div>
  )
}

function EntryDetails({
  row,
  network,
}: {
  row: Awaited<ReturnType<typeof getEntry>>
  network: Awaited<ReturnType<typeof getNetwork>> | undefined
}) {
  const { entry } = row
  const signerName = memberName(entry.tx.signer, network)
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {t('entry.sentence', {
          what: `${entry.tx.module} · ${entry.tx.action}`,
          who: signerName ?? t('entry.someone'),
          time: formatTime(entry.time),
        })}
      </p>
      <p>
        <a class="utrecht-button-link utrecht-button-link--primary-action" href={href(`/receipt/${row.txid}`)}>
          {t('entry.receipt')}
        </a>
      </p>
      <Card title={t('entry.details')}>
        <DataList
          items={[
            [t('entry.outcome'), <OutcomeBadge outcome={entry.outcome} />],
            [t('entry.txid'), <Hash value={row.txid} full />],
            [t('entry.module'), entry.tx.module],
            [t('entry.action'), entry.tx.action],
            [
              t('entry.signer'),
              signerName ? `${signerName} (${entry.tx.signer})` : <Hash value={entry.tx.signer} full />,
            ],
            [t('entry.time'), formatTime(entry.time)],
            [t('entry.block'), formatNumber(entry.block)],
            [t('entry.network'), entry.tx.network],
            ...(entry.outcome.status === 'rejected'
              ? ([[t('entry.reason'), `${entry.outcome.code}: ${entry.outcome.message}`]] as [string, string][])
              : []),
          ]}
        />
      </Card>
      <Card title={t('entry.arguments')}>
        <ArgsList args={entry.tx.args} />
      </Card>
    </>
  )
}

/** A transaction's arguments as a definition list (nested values as compact text). */
export function ArgsList({ args }: { args: Record<string, unknown> }) {
  const items = Object.entries(args)
  if (items.length === 0) return <p>{t('entry.noArguments')}</p>
  return (
    <DataList
      items={items.map(([key, value]) => [
        key,
        typeof value === 'string' ? (
          /^[0-9a-f]{64}$/.test(value) ? (
            <Hash value={value} full />
          ) : (
            value
          )
        ) : (
          <code>{JSON.stringify(value)}</code>
        ),
      ])}
    />
  )
}
