import { Alert, Loading, PageTitle } from '../../components/ui.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { listTrustedIssuers } from '../api.js'
import { ti } from '../i18n/ti.js'
import { TrustedIssuersTable } from '../registryTables.js'

/** The public trusted-issuers registry: who may issue which credentials, accredited by whom. */
export function IssuersPage() {
  const { data, error } = useAsync(listTrustedIssuers, [])
  return (
    <div class="tab-stack">
      <PageTitle title={ti('portal.issuersTitle')}>{ti('portal.issuersTitle')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('portal.issuersIntro')}</p>
      {error !== undefined && <Alert type="error">{ti('error.network')}</Alert>}
      {!data && error === undefined && <Loading />}
      {data && data.length === 0 && <p class="tab-empty">{ti('portal.noIssuers')}</p>}
      {data && data.length > 0 && <TrustedIssuersTable items={data} />}
      <p>
        <a href={href('/did')}>{ti('portal.lookupLink')}</a>
      </p>
    </div>
  )
}
