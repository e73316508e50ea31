import { useEffect, useState } from 'preact/hooks'

/** The latest answer of a polled load, kept while a later poll fails. */
export interface PollState<T> {
  data: T | undefined
  /** The error of the latest poll, if it failed. */
  error: unknown
}

/**
 * Runs `load` now and again `intervalMs` after each answer, but not while
 * the tab is hidden: polling stops then and resumes at once when the tab is
 * shown again. Polls never overlap.
 *
 * @example const { data, error } = usePolling(loadNetworkView, 5_000)
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number): PollState<T> {
  const [state, setState] = useState<PollState<T>>({ data: undefined, error: undefined })
  useEffect(() => {
    let live = true
    let running = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      timer = undefined
      if (running || document.hidden) return
      running = true
      try {
        const data = await load()
        if (live) setState({ data, error: undefined })
      } catch (error) {
        if (live) setState((s) => ({ data: s.data, error }))
      } finally {
        running = false
        if (live && !document.hidden) timer = setTimeout(poll, intervalMs)
      }
    }
    const onVisibility = () => {
      if (document.hidden) {
        if (timer) clearTimeout(timer)
        timer = undefined
      } else if (!timer) void poll()
    }
    document.addEventListener('visibilitychange', onVisibility)
    void poll()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [load, intervalMs])
  return state
}
