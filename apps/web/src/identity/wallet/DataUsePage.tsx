import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Hash, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { memberNameById } from '../../portal/members.js'
import { type AccessLogItem, codeOf, listMyDataUse } from '../api.js'
import { IssuerName } from '../components.js'
import { reasonOf } from '../errors.js'
import { type IdentityKey, ti } from '../i18n/ti.js'

interface Row extends AccessLogItem {
  organisationName: string | undefined
}

/**
 * "Who used my data" (issue 4): the reads of the citizen's personal data by
 * organisations, each a `vault.accessLogged` event on the ledger — when,
 * which organisation, for what — with a link to the entry's receipt. The
 * wallet proves its did:key with a signed command to get them.
 */
export function DataUsePage({ walletKey }: { walletKey: StoredKey }) {
  const [rows, setRows] = useState<Row[] | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  useEffect(() => {
    let live = true
    getNetwork()
      .then(async (network) => {
        const items = await listMyDataUse(walletKey, network.network)
        return items.map((i) => ({ ...i, organisationName: memberNameById(i.organisation, network) }))
      })
      .then(
        (list) => live && setRows(list),
        (error) => live && setProblem(reasonOf(codeOf(error), (error as Error).message)),
      )
    return () => {
      live = false
    }
  }, [walletKey.did])
  return (
    <div class="tab-stack">
      <PageTitle title={ti('dataUse.title')}>{ti('dataUse.title')}</PageTitle>
      <p>
        <a href={href('/wallet')}>{ti('common.backToWallet')}</a>
      </p>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('dataUse.intro')}</p>
      {problem && <Alert type="error">{problem}</Alert>}
      {!problem && rows === undefined && <Loading />}
      {rows && rows.length === 0 && (
        <p class="tab-empty" id="data-use-empty">
          {ti('dataUse.empty')}
        </p>
      )}
      {rows && rows.length > 0 && <DataUseTable rows={rows} />}
    </div>
  )
}

function DataUseTable({ rows }: { rows: Row[] }) {
  const cols = [ti('dataUse.when'), ti('dataUse.organisation'), ti('dataUse.purpose'), ti('dataUse.entry')]
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive" id="data-use">
        <caption class="tab-visually-hidden">{ti('dataUse.title')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {cols.map((c) => (
              <th class="utrecht-table__header-cell" scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => (
            <tr class="utrecht-table__row" key={r.txid}>
              <Cell label={cols[0] as string}>
                <time dateTime={r.time}>{formatTime(r.time)}</time>
              </Cell>
              <Cell label={cols[1] as string}>
                {r.organisationName ??
                  (r.organisationDid === undefined ? (
                    <Hash value={r.organisation} />
                  ) : (
                    <IssuerName did={r.organisationDid} />
                  ))}
              </Cell>
              <Cell label={cols[2] as string}>
                <Purpose item={r} />
              </Cell>
              <Cell label={cols[3] as string}>
                <a href={href(`/receipt/${r.txid}`)}>{ti('dataUse.entryLink', { index: r.index })}</a>
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

// Purposes the node logs, in the reader's language (shown with the words the organisation logged).
const PURPOSES: Record<string, IdentityKey> = { 'residency credential issuance': 'dataUse.purpose.residency' }

function Purpose({ item }: { item: AccessLogItem }) {
  if (item.type === 'erased') return <>{ti('dataUse.erased')}</>
  const stated = item.purpose ?? ''
  const key = Object.hasOwn(PURPOSES, stated) ? PURPOSES[stated] : undefined
  return (
    <span class="data-use-purpose">
      {key === undefined ? stated : ti(key)}
      {key !== undefined && <span class="tab-muted"> (“{stated}”)</span>}
    </span>
  )
}

function Cell({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <td class="utrecht-table__cell" data-label={label}>
      <div class="tab-cell">{children}</div>
    </td>
  )
}
