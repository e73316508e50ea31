/** A row of state: key and the JCS text of its value. */
export type StateRow = [key: string, value: string]

/**
 * The state as the executor sees it: values are JCS text, `undefined` when
 * absent. The SQLite store, the block overlay and the transaction overlay all
 * implement it, layered.
 */
export interface StateView {
  get(module: string, key: string): string | undefined
  /** Rows of `module` whose key starts with `prefix` and sorts after `after`, in byte order. */
  list(module: string, prefix: string, after: string, limit: number): StateRow[]
}

/** A write of the state: a value (JCS text), or `null` for a deletion. */
export interface StateWrite {
  module: string
  key: string
  value: string | null
}
