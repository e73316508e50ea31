import type { BallotsMessages } from './tb.js'
import { ballotsEn } from './en.js'

/** el: TODO translate. */
export const ballotsEl: BallotsMessages = { ...ballotsEn }
