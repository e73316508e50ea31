import './network.css'
import './i18n/pageMessages.js'
import { ApiError } from '../api/client.js'
import { Alert, Loading, PageTitle } from '../components/ui.js'
import { formatTime } from '../i18n/index.js'
import { FinalCheckpointTable } from './FinalCheckpointTable.js'
import { tn } from './i18n/tn.js'
import { loadNetworkView } from './loadNetworkView.js'
import { MemberTable } from './MemberTable.js'
import { memberRows } from './memberRows.js'
import { NetworkSummary } from './NetworkSummary.js'
import { OutsideWitnesses } from './OutsideWitnesses.js'
import { OwnHealth } from './OwnHealth.js'
import { useCheckedCheckpoints } from './useCheckedCheckpoints.js'
import { usePolling } from './usePolling.js'

/** How often the page asks the node again (while the tab is visible). */
export const POLL_INTERVAL_MS = 4_000

const load = () => loadNetworkView()

/**
 * The portal's network page: this node's health, the members and their
 * nodes as this node sees them, the quorum, and who cosigned each recent
 * final checkpoint (verified here against the genesis keys). Refreshed live.
 */
export function NetworkPage() {
  const { data: view, error } = usePolling(load, POLL_INTERVAL_MS)
  const checked = useCheckedCheckpoints(view?.finals, view?.network)
  return (
    <div class="tab-stack tab-network">
      <PageTitle title={tn('title')}>{tn('title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{tn('intro')}</p>
      {error ? (
        <Alert type="warning">
          {error instanceof ApiError && error.code === 'NOT_FOUND' ? tn('unsupported') : tn('unreachable')}
        </Alert>
      ) : null}
      {!view && !error && <Loading />}
      {view && (
        <>
          <OwnHealth health={view.status.health} now={view.at} />
          <NetworkSummary status={view.status} network={view.network} latest={checked[0]} now={view.at} />
          <MemberTable rows={memberRows({ status: view.status, now: view.at })} />
          <FinalCheckpointTable checked={checked} network={view.network} />
          {view.witnesses.length > 0 && (
            <OutsideWitnesses witnesses={view.witnesses} network={view.network} now={view.at} />
          )}
          <p class="tab-network__updated">{tn('updated', { time: formatTime(view.at) })}</p>
        </>
      )}
    </div>
  )
}
