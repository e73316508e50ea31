import './ballots.css'
import { Alert, Loading, PageTitle } from '../components/ui.js'
import { t } from '../i18n/index.js'
import { href, type Route } from '../lib/router.js'
import { ConsoleBallots } from './console/ConsoleBallots.js'
import { CreateBallot } from './console/CreateBallot.js'
import { CreatePetition } from './console/CreatePetition.js'
import { ManageBallot } from './console/ManageBallot.js'
import { useConsole } from './console/useConsole.js'
import { tb } from './i18n/tb.js'
import { PortalBallots, PortalProcess } from './portal/PortalBallots.js'
import { WalletBallots } from './wallet/WalletBallots.js'
import { WalletProcess } from './wallet/WalletProcess.js'

/** The ballots and petitions pages of the portal, the wallet and the console (one lazy chunk). */
export function BallotsArea({ route }: { route: Route }) {
  const [first, , third] = route.segments
  if (first === 'ballots') {
    const id = route.segments[1]
    return id === undefined ? <PortalBallots /> : <PortalProcess id={id} />
  }
  if (first === 'wallet') return third === undefined ? <WalletBallots /> : <WalletProcess id={third} />
  return <ConsoleRoute page={third} />
}

function ConsoleRoute({ page }: { page: string | undefined }) {
  const { key, network, failed } = useConsole()
  if (failed) return <Alert type="error">{t('common.nodeUnreachable')}</Alert>
  if (key === undefined || !network) return <Loading />
  if (key === null) {
    return (
      <div class="tab-stack">
        <PageTitle title={tb('console.title')}>{tb('console.title')}</PageTitle>
        <Alert type="info">
          {tb('console.signInFirst')} <a href={href('/console')}>{tb('console.signIn')}</a>
        </Alert>
      </div>
    )
  }
  if (page === undefined) return <ConsoleBallots />
  if (page === 'new') return <CreateBallot keyInfo={key} network={network} />
  if (page === 'new-petition') return <CreatePetition keyInfo={key} network={network} />
  return <ManageBallot id={page} keyInfo={key} network={network} />
}
