import { Alert, Card, Loading, PageTitle } from '../../components/ui.js'
import { useAsync } from '../../lib/useAsync.js'
import { listSchemas, listStatusLists, listTrustedIssuers } from '../api.js'
import { ti } from '../i18n/ti.js'
import { SchemasTable, StatusListsTable, TrustedIssuersTable } from '../registryTables.js'

async function loadRegistry() {
  const [issuers, schemas] = await Promise.all([listTrustedIssuers(), listSchemas()])
  const issuerDids = [...new Set(issuers.filter((a) => a.kind === 'TI').map((a) => a.subject))]
  const lists = (await Promise.all(issuerDids.map(listStatusLists))).flat()
  return { issuers, schemas, lists }
}

/** The identity registries at a glance: issuers and their accreditations, schemas, status lists. */
export function RegistryPage() {
  const { data, error } = useAsync(loadRegistry, [])
  return (
    <div class="tab-stack">
      <PageTitle title={ti('registry.title')}>{ti('registry.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('registry.intro')}</p>
      {error !== undefined && <Alert type="error">{ti('error.network')}</Alert>}
      {!data && error === undefined && <Loading />}
      {data && (
        <>
          <Card title={ti('registry.issuers')}>
            <TrustedIssuersTable items={data.issuers} />
          </Card>
          <Card title={ti('registry.lists')}>
            <StatusListsTable items={data.lists} />
          </Card>
          <Card title={ti('registry.schemas')}>
            <SchemasTable items={data.schemas} />
          </Card>
        </>
      )}
    </div>
  )
}
