import { registerCatalogue } from '../../i18n/features.js'
import { networkEn } from './en.js'
import { prefixed } from './prefix.js'

// Keys are prefixed `network.` in the shared table, so they never collide with
// another feature's. Only the nav label and the overview's link are bundled in
// English (the page's English comes with the page: pageMessages.ts); the other
// languages are chunks loaded with the language, with every key.
registerCatalogue({
  en: prefixed(networkEn),
  async load(code) {
    if (code === 'es') return prefixed((await import('./es.js')).networkEs)
    if (code === 'el') return prefixed((await import('./el.js')).networkEl)
    if (code === 'nl') return prefixed((await import('./nl.js')).networkNl)
    return prefixed(networkEn)
  },
})
