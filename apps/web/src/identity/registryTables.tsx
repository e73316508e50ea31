import { Hash } from '../components/ui.js'
import { formatDate, formatTime } from '../i18n/index.js'
import type { AccreditationView, DidVersionView, SchemaView, StatusListView } from './api.js'
import { IssuerName, typeName } from './components.js'
import { ti } from './i18n/ti.js'

const KIND: Record<AccreditationView['kind'], 'kind.RootTAO' | 'kind.TAO' | 'kind.TI'> = {
  RootTAO: 'kind.RootTAO',
  TAO: 'kind.TAO',
  TI: 'kind.TI',
}

function Cell({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <td class="utrecht-table__cell" data-label={label}>
      <div class="tab-cell">{children}</div>
    </td>
  )
}

function Head({ columns }: { columns: string[] }) {
  return (
    <thead class="utrecht-table__header">
      <tr class="utrecht-table__row">
        {columns.map((c) => (
          <th class="utrecht-table__header-cell" scope="col" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** The trusted-issuers registry as a table (cards on a phone). */
export function TrustedIssuersTable({ items }: { items: AccreditationView[] }) {
  const cols = [ti('tir.organisation'), ti('tir.role'), ti('tir.types'), ti('tir.since'), ti('tir.status')]
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive" id="trusted-issuers">
        <caption class="utrecht-table__caption">{ti('tir.caption', { count: items.length })}</caption>
        <Head columns={cols} />
        <tbody class="utrecht-table__body">
          {items.map((a) => (
            <tr class="utrecht-table__row" key={a.id}>
              <Cell label={cols[0] as string}>
                <IssuerName did={a.subject} />
              </Cell>
              <Cell label={cols[1] as string}>{ti(KIND[a.kind])}</Cell>
              <Cell label={cols[2] as string}>{[...new Set(a.credentialTypes.map(typeName))].join(', ')}</Cell>
              <Cell label={cols[3] as string}>{formatDate(a.validFrom)}</Cell>
              <Cell label={cols[4] as string}>
                <span class={`utrecht-status-badge tab-badge tab-badge--${a.valid ? 'ok' : 'error'}`}>
                  {a.valid ? ti('tir.valid') : a.revoked ? ti('tir.revoked') : ti('tir.invalid')}
                </span>
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Registered credential schemas. */
export function SchemasTable({ items }: { items: SchemaView[] }) {
  const cols = [ti('schemas.name'), ti('schemas.id'), ti('schemas.registered')]
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive">
        <caption class="utrecht-table__caption">{ti('schemas.caption', { count: items.length })}</caption>
        <Head columns={cols} />
        <tbody class="utrecht-table__body">
          {items.map((s) => (
            <tr class="utrecht-table__row" key={s.hash}>
              <Cell label={cols[0] as string}>{s.title ?? typeName(s.id)}</Cell>
              <Cell label={cols[1] as string}>
                <code class="tab-hash tab-hash--full">{s.id}</code>
              </Cell>
              <Cell label={cols[2] as string}>{formatTime(s.time)}</Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** An issuer's status lists: purpose, how many indexes are in use and how many are set. */
export function StatusListsTable({ items }: { items: StatusListView[] }) {
  const cols = [ti('lists.issuer'), ti('lists.name'), ti('lists.purpose'), ti('lists.issued'), ti('lists.set')]
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive">
        <caption class="utrecht-table__caption">{ti('lists.caption', { count: items.length })}</caption>
        <Head columns={cols} />
        <tbody class="utrecht-table__body">
          {items.map((l) => (
            <tr class="utrecht-table__row" key={`${l.issuer}/${l.list}`}>
              <Cell label={cols[0] as string}>
                <IssuerName did={l.issuer} />
              </Cell>
              <Cell label={cols[1] as string}>{l.list}</Cell>
              <Cell label={cols[2] as string}>
                {l.purpose === 'revocation' ? ti('lists.revocation') : ti('lists.suspension')}
              </Cell>
              <Cell label={cols[3] as string}>{String(l.allocated)}</Cell>
              <Cell label={cols[4] as string}>{String(l.set?.length ?? 0)}</Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The versions of a DID document, newest first: when each became valid and its keys. */
export function DidHistoryTable({ versions }: { versions: DidVersionView[] }) {
  const cols = [ti('did.version'), ti('did.validFrom'), ti('did.keys'), ti('did.entry')]
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive" id="did-history">
        <caption class="utrecht-table__caption">{ti('did.historyCaption', { count: versions.length })}</caption>
        <Head columns={cols} />
        <tbody class="utrecht-table__body">
          {[...versions].reverse().map((v) => (
            <tr class="utrecht-table__row" key={v.version}>
              <Cell label={cols[0] as string}>
                {v.deactivated ? ti('did.deactivatedVersion', { version: v.version }) : String(v.version)}
              </Cell>
              <Cell label={cols[1] as string}>{formatTime(v.validFrom)}</Cell>
              <Cell label={cols[2] as string}>
                {(v.document?.verificationMethod ?? []).map((m) => m.id.split('#')[1] ?? m.id).join(', ') || '—'}
              </Cell>
              <Cell label={cols[3] as string}>
                <Hash value={v.txid} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
