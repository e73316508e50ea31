// Test support only: never imported by the library (it uses node:fs).
import { readFileSync } from 'node:fs'
import { fromHex } from '@tabularium/core'
import type { GetNode, TreeNode } from '../tree/node.js'

/** Parses a JSON file of the repository's shared vectors/log/ folder. */
export function loadVector<T>(name: string): T {
  const url = new URL(`../../../../vectors/log/${name}`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as T
}

/** Hex strings to byte arrays. */
export function hexes(values: string[]): Uint8Array[] {
  return values.map((value) => fromHex(value))
}

/** A Map-backed node store with a counter of reads, as the ledger's SQLite store behaves. */
export function createNodeStore(): { put(nodes: TreeNode[]): void; getNode: GetNode; reads: () => number } {
  const map = new Map<string, Uint8Array>()
  let reads = 0
  return {
    put(nodes) {
      for (const node of nodes) map.set(`${node.level}/${node.index}`, node.hash)
    },
    getNode(level, index) {
      reads++
      const hash = map.get(`${level}/${index}`)
      if (hash === undefined) throw new Error(`missing node ${level}/${index}`)
      return hash
    },
    reads: () => reads,
  }
}

/** Copy of `bytes` with one bit flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes)
  copy[Math.floor(bit / 8) % copy.length] = (copy[Math.floor(bit / 8) % copy.length] as number) ^ (1 << (bit % 8))
  return copy
}
