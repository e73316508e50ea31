import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import type { NetworkInfo } from '../../api/types.js'
import { loadKey, type StoredKey } from '../../lib/keys.js'

/** The console's signed-in key and the network (undefined while loading; key null when signed out). */
export function useConsole(): { key: StoredKey | null | undefined; network: NetworkInfo | undefined; failed: boolean } {
  const [key, setKey] = useState<StoredKey | null | undefined>(undefined)
  const [network, setNetwork] = useState<NetworkInfo | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    loadKey('console').then(
      (k) => setKey(k ?? null),
      () => setKey(null),
    )
    getNetwork().then(setNetwork, () => setFailed(true))
  }, [])
  return { key, network, failed }
}

/** The member id of the signed-in organisation. */
export function memberIdOf(key: StoredKey, network: NetworkInfo): string | undefined {
  return network.members.find((m) => m.did === key.did)?.id
}

/** A datetime-local value (local time, seconds) for an instant. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 19)
}

/** An ISO instant (UTC, milliseconds) of a datetime-local value. */
export function fromLocalInput(value: string): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}
