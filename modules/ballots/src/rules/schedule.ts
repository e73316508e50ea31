import { fail } from '../fail.js'

/** Where a process stands at `time`: scheduled, open or closed (opens inclusive, closes exclusive). */
export function phaseAt(p: { opens: string; closes: string }, time: string): 'scheduled' | 'open' | 'closed' {
  const t = Date.parse(time)
  if (t < Date.parse(p.opens)) return 'scheduled'
  return t < Date.parse(p.closes) ? 'open' : 'closed'
}

/** Refuses with BALLOT_NOT_OPEN unless the process is open at `time`. */
export function assertOpen(p: { id: string; opens: string; closes: string }, time: string): void {
  const status = phaseAt(p, time)
  if (status === 'open') return
  const when = status === 'scheduled' ? `opens at ${p.opens}` : `closed at ${p.closes}`
  fail('BALLOT_NOT_OPEN', `${p.id} is not open: it ${when}`, { id: p.id, status, opens: p.opens, closes: p.closes })
}

/** Refuses with BALLOT_NOT_CLOSED before the close: results stay sealed until then. */
export function assertClosed(p: { id: string; closes: string }, time: string): void {
  if (Date.parse(time) >= Date.parse(p.closes)) return
  fail('BALLOT_NOT_CLOSED', `results of ${p.id} are sealed until it closes at ${p.closes}`, {
    id: p.id,
    closes: p.closes,
  })
}
