import type { BallotsMessages } from './tb.js'
import { ballotsEn } from './en.js'

/** es: TODO translate. */
export const ballotsEs: BallotsMessages = { ...ballotsEn }
