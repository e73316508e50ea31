import { registerCatalogue } from '../../i18n/features.js'
import { ballotsEn } from './en.js'

// Keys are prefixed `ballots.` in the shared table, so they never collide with another feature's.
const prefixed = (messages: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [`ballots.${k}`, v]))

// English is bundled with the entry; the other languages are chunks loaded with the language.
registerCatalogue({
  en: prefixed(ballotsEn),
  async load(code) {
    if (code === 'es') return prefixed((await import('./es.js')).ballotsEs)
    if (code === 'el') return prefixed((await import('./el.js')).ballotsEl)
    if (code === 'nl') return prefixed((await import('./nl.js')).ballotsNl)
    return prefixed(ballotsEn)
  },
})
