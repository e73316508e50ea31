import type { NetworkInfo } from '../../api/types.js'
import { Button } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import type { BallotView } from '../api.js'
import { tb } from '../i18n/tb.js'
import type { Act } from './CeremonyCard.js'
import { closeKeyCeremony } from './ceremony.js'

/**
 * The close of the key ceremony, for the organiser and the trustees: from
 * the deadline, the trustees that have not dealt are disqualified as absent
 * and the others finish without them (the ledger refuses it earlier).
 */
export function CloseCeremony(p: {
  ballot: BallotView
  keyInfo: StoredKey
  network: NetworkInfo
  busy: boolean
  act: Act
}) {
  const { ballot } = p
  const due = Date.now() >= Date.parse(ballot.ceremonyDeadline)
  const done = (absent: unknown) =>
    tb('manage.closedDone', { absent: (absent as string[]).join(', ') || tb('manage.none') })
  return (
    <div class="tab-stack">
      <p>{tb('manage.closeBefore', { deadline: formatTime(ballot.ceremonyDeadline) })}</p>
      <div class="tab-actions">
        <Button
          id="ceremony-close"
          disabled={!due || p.busy}
          onClick={p.act('close', () => closeKeyCeremony({ key: p.keyInfo, network: p.network, ballot }), done)}
        >
          {tb('manage.close')}
        </Button>
      </div>
    </div>
  )
}
