import { createRequire } from 'node:module'
import type { GroupBackend } from '../engine/groupBackend.js'

// Built from native/p256.c by `npm run build:native` (the root postinstall
// runs it): node-gyp against Node's own headers, linking nothing but the
// OpenSSL symbols the node binary exports.
const ADDON = '../../native/build/Release/tabularium_p256.node'

/**
 * The OpenSSL group backend, or `undefined` when the addon was not built or
 * does not load here (then use `nobleGroup`: same answers, slower).
 *
 * @example const group = loadOpensslGroup() ?? nobleGroup
 */
export function loadOpensslGroup(): GroupBackend | undefined {
  try {
    const addon = createRequire(import.meta.url)(ADDON) as Omit<GroupBackend, 'name'>
    return { name: 'openssl', combination: addon.combination, sumSlots: addon.sumSlots }
  } catch {
    return undefined
  }
}
