import '../identity.css'
import type { NetworkInfo } from '../../api/types.js'
import type { StoredKey } from '../../lib/keys.js'
import { ti } from '../i18n/ti.js'
import { ClerkQueuePage } from './ClerkQueuePage.js'
import { RegistryPage } from './RegistryPage.js'
import { RevokePage } from './RevokePage.js'

/** The console's identity sections (`#/console/<id>`) and their nav labels. */
export function identityConsoleSections(): (readonly [string, string])[] {
  return [
    ['residency', ti('console.residency')],
    ['registry', ti('console.registry')],
    ['revoke', ti('console.revoke')],
  ]
}

/** True for a console section of the identity pages. */
export function isIdentityConsoleSection(section: string): boolean {
  return section === 'residency' || section === 'registry' || section === 'revoke'
}

/** The identity page of a console section. */
export function IdentityConsole(p: { section: string; keyInfo: StoredKey; network: NetworkInfo }) {
  if (p.section === 'residency') return <ClerkQueuePage keyInfo={p.keyInfo} network={p.network} />
  if (p.section === 'revoke') return <RevokePage keyInfo={p.keyInfo} network={p.network} />
  return <RegistryPage />
}
