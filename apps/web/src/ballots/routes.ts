import type { ComponentType } from 'preact'
import type { Route } from '../lib/router.js'
import { tb } from './i18n/tb.js'

/**
 * True for the routes of the ballots pages: `#/ballots[/:id]` (portal),
 * `#/wallet/ballots[/:id]` and `#/console/ballots[/new|/new-petition|/:id]`.
 */
export function isBallotsRoute(route: Route): boolean {
  const [first, second] = route.segments
  return first === 'ballots' || ((first === 'wallet' || first === 'console') && second === 'ballots')
}

/** The ballots pages, one lazy chunk (voting crypto included). */
export const loadBallots = () =>
  import('./BallotsArea.js').then((m) => m.BallotsArea as ComponentType<{ route: Route }>)

/** The portal's link to the ballots pages. */
export function ballotsPortalLink(): readonly ['/ballots', string] {
  return ['/ballots', tb('nav.ballots')]
}
