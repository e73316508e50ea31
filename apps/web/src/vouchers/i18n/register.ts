import { registerCatalogue } from '../../i18n/features.js'
import { vouchersEn } from './en.js'

// English is bundled with the entry; the other languages are chunks loaded with the language.
registerCatalogue({
  en: vouchersEn,
  async load(code) {
    if (code === 'es') return (await import('./es.js')).vouchersEs
    if (code === 'el') return (await import('./el.js')).vouchersEl
    if (code === 'nl') return (await import('./nl.js')).vouchersNl
    return vouchersEn
  },
})
