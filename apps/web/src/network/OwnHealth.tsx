import { Alert } from '../components/ui.js'
import type { NodeHealth } from './api.js'
import { type NetworkKey, tn } from './i18n/tn.js'
import { formatAgo, msSince } from './relativeTime.js'

const REASONS: Record<string, NetworkKey> = {
  diverged: 'self.reason.diverged',
  altered: 'self.reason.altered',
  'commit-failed': 'self.reason.commit-failed',
}

/** One sentence for why a node stopped writing. */
export function haltReasonText(reason: string): string {
  const key = REASONS[reason]
  return key ? tn(key) : tn('self.reason.other', { reason })
}

/** This node's own health: a short confirmation, or a prominent alert when it stopped writing. */
export function OwnHealth({ health, now }: { health: NodeHealth; now: number }) {
  if (health.status === 'ok') return <Alert type="ok">{tn('self.ok')}</Alert>
  return (
    <Alert type="error" id="node-stopped">
      <p>
        <strong>{tn('self.stopped', { ago: formatAgo(msSince(health.since, now)) })}</strong>
      </p>
      <p>{haltReasonText(health.reason)}</p>
      <p>{tn('self.readOnly')}</p>
      {health.message && (
        <details>
          <summary>{tn('self.technical')}</summary>
          <p>
            <code>{health.message}</code>
          </p>
        </details>
      )}
    </Alert>
  )
}
