import type { Json, StateReader } from '../module/defineModule.js'
import type { StateView } from './stateView.js'

/** Most rows one `list` call returns, whatever `limit` asks. */
export const MAX_LIST_LIMIT = 1000

/**
 * The read half of a module's context: its own keys, parsed from JCS, and
 * read-only access to other modules' state through `of`.
 *
 * @example createStateReader({ view, module: 'notary' }).get('doc/ab…')
 */
export function createStateReader({ view, module }: { view: StateView; module: string }): StateReader {
  return {
    get<T extends Json = Json>(key: string): T | undefined {
      const text = view.get(module, key)
      // Parsed afresh on every read, so a module mutating what it read
      // cannot change the state behind the executor's back.
      return text === undefined ? undefined : (JSON.parse(text) as T)
    },
    list<T extends Json = Json>(prefix: string, options: { limit?: number; after?: string } = {}) {
      const { limit = 100, after = '' } = options
      const bounded = Math.max(0, Math.min(Math.floor(limit), MAX_LIST_LIMIT))
      return view.list(module, prefix, after, bounded).map(([key, text]) => ({ key, value: JSON.parse(text) as T }))
    },
    of: (other: string) => createStateReader({ view, module: other }),
  }
}
