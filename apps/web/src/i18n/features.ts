/** A feature's own message catalogue (identity, vouchers, ballots…). */
export interface FeatureCatalogue {
  /** The feature's English messages, bundled with the entry so first paint needs no fetch. */
  en: Readonly<Record<string, string>>
  /** The other languages, loaded on demand (English answers `en`). */
  load(code: string): Promise<Readonly<Record<string, string>>>
}

/**
 * The registered feature catalogues. A feature registers itself from its own
 * `i18n/register.ts`, imported by ONE line in `i18n/index.ts`; this module
 * imports nothing, so that registration has no import cycle.
 */
export const FEATURE_CATALOGUES: FeatureCatalogue[] = []

/** Registers a feature's catalogue; `setLanguage` merges it over the app's messages. */
export function registerCatalogue(catalogue: FeatureCatalogue): void {
  FEATURE_CATALOGUES.push(catalogue)
}

/**
 * English messages that arrive with a lazy chunk — a page's own text, which
 * the first load need not carry. `translate` falls back to them when the
 * active catalogue lacks a key; the other languages' feature catalogues
 * hold every key anyway.
 */
export const LATE_ENGLISH: Record<string, string> = {}

/**
 * Adds the English messages a lazy chunk brings (call it at the chunk's top level).
 *
 * @example addEnglishMessages(prefixed(networkPageEn))
 */
export function addEnglishMessages(messages: Readonly<Record<string, string>>): void {
  Object.assign(LATE_ENGLISH, messages)
}
