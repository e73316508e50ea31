import type { Database } from 'better-sqlite3'
import { readMeta } from '../store/meta.js'
import { type StateSum, stateSumFromHex, stateSumToHex } from './stateSum.js'

/** The `meta` key of the stored state sum: `{"sum":"<64 hex>","treeSize":n}`. */
export const STATE_SUM_KEY = 'integrity.stateSum'

/** The state sum as stored, with the tree size it belongs to. */
export interface StoredStateSum {
  treeSize: number
  sum: string
}

/** The `meta` value of a state sum. */
export function formatStoredStateSum(treeSize: number, sum: StateSum): string {
  return `{"sum":"${stateSumToHex(sum)}","treeSize":${treeSize}}`
}

/**
 * Reads the stored state sum; undefined when absent, and also when malformed
 * (the file is not trusted here: the caller decides what a bad value means).
 */
export function readStoredStateSum(db: Database): StoredStateSum | undefined {
  return parseStoredStateSum(readMeta(db, STATE_SUM_KEY))
}

/** Parses a stored state sum (`meta` value); undefined when absent or malformed. */
export function parseStoredStateSum(text: string | undefined): StoredStateSum | undefined {
  if (text === undefined) return undefined
  try {
    const value = JSON.parse(text) as Partial<StoredStateSum> | null
    const { sum, treeSize } = value ?? {}
    if (typeof sum !== 'string' || stateSumFromHex(sum) === undefined) return undefined
    if (!Number.isSafeInteger(treeSize) || (treeSize as number) < 0) return undefined
    return { sum, treeSize: treeSize as number }
  } catch {
    return undefined
  }
}
