import { language } from '../i18n/index.js'

/** Cents as euros in the active language: `€ 12,50`. */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat(language(), { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

/** Euros typed by a person (`12,50`, `12.5`, `1.250,00`) as cents; undefined when not an amount. */
export function parseMoney(text: string): number | undefined {
  const clean = text.replace(/[€\s]/g, '')
  if (!/^\d{1,9}([.,]\d{3})*([.,]\d{1,2})?$/.test(clean)) return undefined
  const decimal = /[.,]\d{1,2}$/.exec(clean)
  const whole = (decimal ? clean.slice(0, decimal.index) : clean).replace(/[.,]/g, '')
  const fraction = decimal ? decimal[0].slice(1).padEnd(2, '0') : '00'
  const cents = Number(whole) * 100 + Number(fraction)
  return Number.isSafeInteger(cents) && cents > 0 ? cents : undefined
}

/** A slug id (`a-z0-9-`, ≤ 24) from a name. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '')
  return slug || 'fund'
}
