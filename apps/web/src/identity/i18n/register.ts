import { registerCatalogue } from '../../i18n/features.js'
import { identityEn } from './en.js'
import { prefixed } from './prefix.js'

// English is bundled with the entry; the other languages are chunks loaded with the language.
registerCatalogue({
  en: prefixed(identityEn),
  async load(code) {
    if (code === 'es') return prefixed((await import('./es.js')).identityEs)
    if (code === 'el') return prefixed((await import('./el.js')).identityEl)
    if (code === 'nl') return prefixed((await import('./nl.js')).identityNl)
    return prefixed(identityEn)
  },
})
