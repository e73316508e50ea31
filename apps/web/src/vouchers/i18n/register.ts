import { registerCatalogue } from '../../i18n/features.js'
import { vouchersEn } from './en.js'

// Every key is namespaced `vouchers.` in the app's merged catalogue (so that
// `wallet.title` here never shadows the app's own). English is bundled with
// the entry; the other languages are chunks loaded with the language.
const namespaced = (messages: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [`vouchers.${k}`, v]))

registerCatalogue({
  en: namespaced(vouchersEn),
  async load(code) {
    if (code === 'es') return namespaced((await import('./es.js')).vouchersEs)
    if (code === 'el') return namespaced((await import('./el.js')).vouchersEl)
    if (code === 'nl') return namespaced((await import('./nl.js')).vouchersNl)
    return namespaced(vouchersEn)
  },
})
