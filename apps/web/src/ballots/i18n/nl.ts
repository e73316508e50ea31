import type { BallotsMessages } from './tb.js'
import { ballotsEn } from './en.js'

/** nl: TODO translate. */
export const ballotsNl: BallotsMessages = { ...ballotsEn }
