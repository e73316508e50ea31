import { useEffect, useState } from 'preact/hooks'
import { getCheckpoint } from '../api/client.js'
import type { CheckpointInfo } from '../api/types.js'

/**
 * The latest checkpoint, refreshed when the node announces committed entries
 * (server-sent events), with the checkpoints seen since the page opened.
 */
export function useLiveCheckpoint(): { latest?: CheckpointInfo; history: CheckpointInfo[]; error?: unknown } {
  const [history, setHistory] = useState<CheckpointInfo[]>([])
  const [error, setError] = useState<unknown>(undefined)
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = () =>
      getCheckpoint().then(
        (cp) => {
          if (!live) return
          setError(undefined)
          setHistory((h) => (h[0]?.note === cp.note ? h : [cp, ...h].slice(0, 10)))
        },
        (e: unknown) => live && setError(e),
      )
    void refresh()
    let source: EventSource | undefined
    if (typeof EventSource !== 'undefined') {
      source = new EventSource('/v1/events')
      source.addEventListener('committed', () => {
        // Many entries commit per second under load: refresh at most once a second.
        timer ??= setTimeout(() => {
          timer = undefined
          void refresh()
        }, 1000)
      })
    }
    return () => {
      live = false
      source?.close()
      if (timer) clearTimeout(timer)
    }
  }, [])
  const [latest] = history
  return latest ? { latest, history, error } : { history, error }
}
