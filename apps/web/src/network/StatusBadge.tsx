import type { MemberStatus } from './api.js'
import { tn } from './i18n/tn.js'
import { TONE_ICONS, type Tone } from './memberRows.js'

/** A member node's status as a badge: icon and text, never colour alone. */
export function StatusBadge({ status, tone }: { status: MemberStatus; tone: Tone }) {
  return (
    <span class={`utrecht-status-badge tab-badge tab-badge--${tone}`}>
      <span aria-hidden="true">{TONE_ICONS[tone]}</span> {tn(`status.${status}`)}
    </span>
  )
}
