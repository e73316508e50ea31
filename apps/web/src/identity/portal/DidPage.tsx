import { useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Button, Card, DataList, Field, Hash, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import { navigate, type Route } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { memberName } from '../../portal/members.js'
import { codeOf, didHistory, listDids, resolveDidDocument } from '../api.js'
import { IssuerName } from '../components.js'
import { reasonOf } from '../errors.js'
import { ti } from '../i18n/ti.js'
import { DidHistoryTable } from '../registryTables.js'

async function lookUp(did: string, at: string) {
  const [resolution, versions] = await Promise.all([
    resolveDidDocument(did, at ? new Date(at).toISOString() : undefined),
    didHistory(did),
  ])
  return { resolution, versions }
}

/** DID lookup: resolve a did:tab DID (as now, or as it was at a time) with its full history. */
export function DidPage({ route }: { route: Route }) {
  const did = route.params.get('d') ?? ''
  const at = route.params.get('at') ?? ''
  const [input, setInput] = useState(did)
  const [when, setWhen] = useState(at)
  const known = useAsync(listDids, [])
  const network = useAsync(getNetwork, [])
  const result = useAsync(() => (did ? lookUp(did, at) : Promise.resolve(undefined)), [did, at])
  const go = (e: Event) => {
    e.preventDefault()
    const params = new URLSearchParams({ d: input.trim(), ...(when ? { at: when } : {}) })
    navigate(`/did?${params}`)
  }
  const doc = result.data?.resolution.didDocument
  const meta = result.data?.resolution.didDocumentMetadata
  return (
    <div class="tab-stack">
      <PageTitle title={ti('portal.didTitle')}>{ti('portal.didTitle')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('portal.didIntro')}</p>
      <form class="tab-stack tab-narrow" onSubmit={go}>
        <Field id="did-input" label={ti('portal.didLabel')}>
          <input
            id="did-input"
            class="utrecht-textbox utrecht-textbox--html-input"
            list="did-known"
            value={input}
            onInput={(e) => setInput((e.target as HTMLInputElement).value)}
          />
        </Field>
        <datalist id="did-known">
          {(known.data ?? []).map((d) => (
            <option key={d.did} value={d.did} />
          ))}
        </datalist>
        <Field id="did-at" label={ti('portal.didAt')} description={ti('portal.didAtHelp')}>
          <input
            id="did-at"
            type="datetime-local"
            class="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="did-at-description"
            value={when}
            onInput={(e) => setWhen((e.target as HTMLInputElement).value)}
          />
        </Field>
        <div class="tab-actions">
          <Button type="submit" disabled={!input.trim()}>
            {ti('portal.didResolve')}
          </Button>
        </div>
      </form>
      {!did && known.data && known.data.length > 0 && (
        <Card title={ti('portal.didKnown')}>
          <ul>
            {known.data.map((d) => (
              <li key={d.did}>
                <a href={`#/did?d=${encodeURIComponent(d.did)}`}>{d.did}</a>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {did && result.loading && <Loading />}
      {did && result.error !== undefined && (
        <Alert type="error">{reasonOf(codeOf(result.error), (result.error as Error).message)}</Alert>
      )}
      {result.data && meta && (
        <>
          <Card title={did}>
            {meta.deactivated && <Alert type="warning">{ti('portal.didDeactivated')}</Alert>}
            <DataList
              items={[
                [ti('portal.didOrganisation'), <IssuerName did={did} key="o" />],
                [ti('portal.didVersion'), String(meta.version ?? '—')],
                [ti('portal.didCreated'), meta.created ? formatTime(meta.created) : '—'],
                [ti('portal.didUpdated'), meta.updated ? formatTime(meta.updated) : '—'],
                [
                  ti('portal.didKeys'),
                  (doc?.verificationMethod ?? []).map((m) => (
                    <div key={m.id}>
                      <Hash value={m.id} full /> <span class="tab-muted">({m.publicKeyJwk?.crv ?? m.type})</span>
                    </div>
                  )),
                ],
                [
                  ti('portal.didControllers'),
                  (doc?.controller ?? []).map((c) => (
                    <div key={c}>{memberName(c, network.data) ?? <Hash value={c} />}</div>
                  )),
                ],
              ]}
            />
          </Card>
          <DidHistoryTable versions={result.data.versions} />
        </>
      )}
    </div>
  )
}
