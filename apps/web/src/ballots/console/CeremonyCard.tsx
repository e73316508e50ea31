import { awaitedDealers } from '@tabularium/module-ballots/client'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, DataList, Field } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import type { BallotView } from '../api.js'
import { tb } from '../i18n/tb.js'
import type { TrusteeRecord } from '../store.js'
import { CloseCeremony } from './CloseCeremony.js'
import { checkAndConfirm, deal, registerKey, restoreKey, trusteeKeyFile } from './ceremony.js'

/** Runs a step with the page's busy flag and message; `done` may depend on the step's result. */
export type Act = (
  name: string,
  run: () => Promise<unknown>,
  done: string | ((result: unknown) => string),
) => () => Promise<void>

/** The key ceremony card: progress for everyone; for a trustee, its three steps and its key file. */
export function CeremonyCard(p: {
  ballot: BallotView
  self: string | undefined
  trustee: TrusteeRecord | undefined
  keyInfo: StoredKey
  network: NetworkInfo
  busy: boolean
  act: Act
}) {
  const { ballot, self } = p
  const c = ballot.ceremony
  const n = ballot.trustees.length
  const disqualified = Object.entries(c.disqualified)
  const open = ballot.status === 'scheduled' && c.failed === null && c.publicKey === null
  const closer = self !== undefined && (ballot.trustees.includes(self) || self === ballot.organisation)
  return (
    <Card title={tb('manage.ceremony')}>
      <p>{tb('manage.ceremonyText', { t: ballot.threshold, n })}</p>
      <DataList
        items={[
          [tb('manage.registered'), `${c.registered.length} / ${n}`],
          [tb('manage.dealt'), `${c.dealt.length} / ${n}`],
          [tb('manage.confirmed'), `${c.confirmed.length} / ${n}`],
          [
            tb('manage.disqualified'),
            disqualified.length === 0
              ? tb('manage.none')
              : disqualified
                  .map(([dealer, d]) =>
                    tb(d.reason === 'absent' ? 'manage.absentBy' : 'manage.disqualifiedBy', { dealer, by: d.by }),
                  )
                  .join(', '),
          ],
          [tb('manage.deadline'), formatTime(ballot.ceremonyDeadline)],
          [tb('manage.electionKey'), c.publicKey ? tb('manage.keyReady') : tb('manage.keyPending')],
        ]}
      />
      {c.failed && <Alert type="error">{tb('manage.failed', { reason: c.failed })}</Alert>}
      {open && closer && c.closed === null && <CloseCeremony {...p} />}
      {self === undefined || !ballot.trustees.includes(self) ? (
        <p class="tab-muted">{tb('manage.notTrustee')}</p>
      ) : (
        <TrusteeSteps {...p} self={self} />
      )}
    </Card>
  )
}

function TrusteeSteps(p: Parameters<typeof CeremonyCard>[0] & { self: string }) {
  const { ballot, self, trustee, busy, act } = p
  const c = ballot.ceremony
  const step = { key: p.keyInfo, network: p.network, ballot, self }
  const registered = c.registered.includes(self)
  const dealt = c.dealt.includes(self)
  const confirmed = c.confirmed.includes(self)
  const n = ballot.trustees.length
  const open = ballot.status === 'scheduled' && c.failed === null && c.publicKey === null
  // From the deadline a dealing goes to the keys registered; a confirmation waits for the dealings still possible.
  const canDeal = c.closed === null && (c.registered.length === n || Date.now() >= Date.parse(ballot.ceremonyDeadline))
  const dealings = Object.fromEntries(c.dealt.map((d) => [d, []]))
  const awaited = awaitedDealers(ballot, { keys: c.keys, dealings, disqualified: c.disqualified })
  const confirmedText = (accused: unknown) =>
    (accused as string[]).length === 0
      ? tb('manage.confirmedDone')
      : tb('manage.complained', { dealers: (accused as string[]).join(', ') })
  return (
    <div class="tab-stack">
      {open && (
        <div class="tab-actions">
          <Button
            id="ceremony-register"
            disabled={registered || busy}
            onClick={act('register', () => registerKey(step), tb('manage.registeredDone'))}
          >
            {registered ? tb('manage.registeredDone') : tb('manage.register')}
          </Button>
          <Button
            id="ceremony-deal"
            disabled={!registered || dealt || busy || !canDeal || !trustee}
            onClick={act('deal', () => deal(step), tb('manage.dealtDone'))}
          >
            {dealt ? tb('manage.dealtDone') : tb('manage.deal')}
          </Button>
          <Button
            id="ceremony-confirm"
            disabled={!dealt || confirmed || busy || awaited.length > 0 || !trustee}
            onClick={act('confirm', () => checkAndConfirm(step), confirmedText)}
          >
            {confirmed ? tb('manage.confirmedDone') : tb('manage.confirm')}
          </Button>
        </div>
      )}
      {trustee?.ceremonyKey ? (
        <p>
          <a
            id="ceremony-key-backup"
            download={`trustee-key-${ballot.id}.json`}
            href={`data:application/json;charset=utf-8,${encodeURIComponent(trusteeKeyFile(trustee))}`}
          >
            {tb('manage.backupKey')}
          </a>
        </p>
      ) : (
        registered && <KeyRestore ballot={ballot} self={self} act={act} />
      )}
    </div>
  )
}

function KeyRestore({ ballot, self, act }: { ballot: BallotView; self: string; act: Act }) {
  const onFile = (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0]
    if (file)
      void act('restore', async () => restoreKey({ ballot, self, text: await file.text() }), tb('manage.restored'))()
  }
  return (
    <div class="tab-stack">
      <Alert type="warning">{tb('manage.noKeyHere')}</Alert>
      <Field id="ceremony-key-restore" label={tb('manage.restoreKey')}>
        <input id="ceremony-key-restore" type="file" accept="application/json,.json" onChange={onFile} />
      </Field>
    </div>
  )
}
