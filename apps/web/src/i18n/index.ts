import { en, type MessageKey, type Messages } from './en.js'
import { FEATURE_CATALOGUES, LATE_ENGLISH } from './features.js'
// Feature catalogues: one line each (the feature's i18n/register.ts registers itself).
import '../identity/i18n/register.js'
import '../vouchers/i18n/register.js'
import '../ballots/i18n/register.js'
import '../network/i18n/register.js'

/** Languages of the pilot cities, English first. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'el', name: 'Ελληνικά' },
  { code: 'nl', name: 'Nederlands' },
] as const

/** A supported language code. */
export type Language = (typeof LANGUAGES)[number]['code']

const loaders: Record<Language, () => Promise<Messages>> = {
  en: async () => en,
  es: async () => (await import('./es.js')).es,
  el: async () => (await import('./el.js')).el,
  nl: async () => (await import('./nl.js')).nl,
}

let current: Readonly<Record<string, string>> = en
let currentLanguage: Language = 'en'

/** The active language. */
export function language(): Language {
  return currentLanguage
}

/** True for a supported language code. */
export function isLanguage(code: string): code is Language {
  return LANGUAGES.some((l) => l.code === code)
}

/** The language to start in: saved choice, then the browser's, then English. */
export function initialLanguage(fallback?: string): Language {
  const saved = localStorage.getItem('tabularium.lang') ?? ''
  if (isLanguage(saved)) return saved
  for (const tag of navigator.languages ?? []) {
    const code = tag.slice(0, 2).toLowerCase()
    if (isLanguage(code)) return code
  }
  return fallback && isLanguage(fallback) ? fallback : 'en'
}

/** Loads a language's catalogue, makes it current and sets `<html lang>`. */
export async function setLanguage(code: Language): Promise<void> {
  const [base, ...features] = await Promise.all([
    loaders[code](),
    ...FEATURE_CATALOGUES.map((c) => (code === 'en' ? c.en : c.load(code))),
  ])
  // English feature messages first, so a missing translation falls back to English.
  current = Object.assign({}, ...FEATURE_CATALOGUES.map((c) => c.en), base, ...features)
  currentLanguage = code
  document.documentElement.lang = code
  localStorage.setItem('tabularium.lang', code)
}

/**
 * A translated message; `{name}` placeholders are replaced from `params`.
 *
 * @example t('explorer.showing', { from: 1, to: 50, total: 120 })
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return translate(key, params)
}

/**
 * A message of any registered catalogue by key (features wrap it with their
 * own typed key, e.g. `ti` of identity); the key itself when unknown.
 */
export function translate(key: string, params: Record<string, string | number> = {}): string {
  const text = current[key] ?? LATE_ENGLISH[key] ?? (en as Readonly<Record<string, string>>)[key] ?? key
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name]
    if (value === undefined) return m
    return typeof value === 'number' ? formatNumber(value) : value
  })
}

/** A number in the active language. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage).format(value)
}

/** A date and time in the active language. */
export function formatTime(iso: string | number): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  return new Intl.DateTimeFormat(currentLanguage, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
}

/** A date in the active language. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(currentLanguage, { dateStyle: 'medium' }).format(date)
}

/** A short day (`23 Nov`) of a `YYYY-MM-DD` date, in UTC. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(currentLanguage, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date)
}

/** A list (`A, B and C`) in the active language. */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(currentLanguage, { type: 'conjunction' }).format(items)
}

export type { MessageKey }
