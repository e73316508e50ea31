import { createRequire } from 'node:module'
import type { GroupBackend } from '../engine/groupBackend.js'

// Built from native/*.c by `npm run build:native` (the root postinstall
// runs it): node-gyp against Node's own headers, linking nothing but the
// OpenSSL symbols the node binary exports.
const ADDON = '../../native/build/Release/tabularium_p256.node'

type Functions = Omit<GroupBackend, 'name'>
// `name` and `generic` are absent from an addon built before they existed.
type Addon = Functions & { name?: string; generic?: Functions }

/**
 * The OpenSSL group backend, or `undefined` when the addon was not built or
 * does not load here (then use `nobleGroup`: same answers, slower). Its
 * `name` says which code runs: `openssl-nistz256`, a multi-scalar
 * multiplication on OpenSSL's x86-64 P-256 assembly (when the node binary
 * exports it), else `openssl`, OpenSSL's public EC API (`EC_POINTs_mul`).
 * `'generic'` asks for the latter wherever the former runs: the reference
 * the tests and benchmarks compare with.
 *
 * @example const group = loadOpensslGroup() ?? nobleGroup
 */
export function loadOpensslGroup(path: 'fastest' | 'generic' = 'fastest'): GroupBackend | undefined {
  let addon: Addon
  try {
    addon = createRequire(import.meta.url)(ADDON) as Addon
  } catch {
    return undefined
  }
  if (path === 'fastest')
    return { name: addon.name ?? 'openssl', combination: addon.combination, sumSlots: addon.sumSlots }
  const generic = addon.generic ?? addon
  return { name: 'openssl', combination: generic.combination, sumSlots: generic.sumSlots }
}
