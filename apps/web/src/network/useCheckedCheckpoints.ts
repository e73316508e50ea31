import { useMemo, useRef } from 'preact/hooks'
import type { NetworkInfo } from '../api/types.js'
import type { FinalCheckpoint } from './api.js'
import { type CheckedCheckpoint, checkFinalCheckpoint } from './checkFinalCheckpoint.js'

/**
 * The final checkpoints checked in this browser. Each is checked once: a
 * poll that brings the same checkpoints again reuses the results, so only
 * new ones cost signature verifications.
 */
export function useCheckedCheckpoints(
  finals: FinalCheckpoint[] | undefined,
  network: NetworkInfo | undefined,
): CheckedCheckpoint[] {
  const cache = useRef(new Map<string, CheckedCheckpoint>())
  return useMemo(() => {
    if (!finals || !network) return []
    const next = new Map<string, CheckedCheckpoint>()
    const checked = finals.map((checkpoint) => {
      const key = JSON.stringify(checkpoint)
      const result = cache.current.get(key) ?? checkFinalCheckpoint({ checkpoint, network })
      next.set(key, result)
      return result
    })
    cache.current = next
    return checked
  }, [finals, network])
}
