import { ti } from '../i18n/ti.js'

/** The portal's identity pages in the portal nav: trusted issuers and DID lookup. */
export function identityPortalLinks(): (readonly [string, string])[] {
  return [
    ['/issuers', ti('nav.issuers')],
    ['/did', ti('nav.did')],
  ]
}
