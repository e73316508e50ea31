import { dealEncryptedShares, type EncryptedDealing } from '@tabularium/voting'

/**
 * A dealing for the ledger when some trustees registered no ceremony key
 * (allowed from the ceremony deadline): share j is encrypted to trustee j's
 * key, and is '' for a trustee without one. Those shares are sealed to the
 * dealer's own key, then dropped, so the indexes stay the ballot's and
 * nothing about them is published.
 *
 * @example dealToRegistered({ ballot: 'pb-2026', dealer: 'gent', secret, threshold: 2, trustees: ['leuven', 'gent', 'brugge'], keys })
 */
export function dealToRegistered(p: {
  ballot: string
  dealer: string
  secret: string
  threshold: number
  trustees: string[]
  keys: Record<string, string>
}): EncryptedDealing {
  const own = p.keys[p.dealer]
  if (own === undefined) throw new Error(`${p.dealer} has not registered its ceremony key`)
  const trustees = p.trustees.map((id) => ({ id, key: p.keys[id] ?? own }))
  const dealing = dealEncryptedShares({ ...p, trustees })
  const encryptedShares = dealing.encryptedShares.map((s, j) => (p.keys[p.trustees[j] as string] ? s : ''))
  return { ...dealing, encryptedShares }
}
