import type { Route } from '../../lib/router.js'
import '../identity.css'
import { DidPage } from './DidPage.js'
import { IssuersPage } from './IssuersPage.js'

/** The portal's identity pages (`#/issuers`, `#/did`), one code-split chunk. */
export function IdentityPortal({ route }: { route: Route }) {
  return route.segments[0] === 'did' ? <DidPage route={route} /> : <IssuersPage />
}
