import type { UiConfig } from '../api/types.js'

// The organisation's colours become CSS custom properties that the NL Design
// System tokens (styles/tokens.css) read. Text colours are chosen for WCAG AA
// contrast against whatever background colour an organisation configures.

const KEYS: Record<string, string> = {
  primary: '--tab-primary',
  secondary: '--tab-accent',
  accent: '--tab-accent',
  background: '--tab-bg',
  text: '--tab-text',
}

/** Applies a theme to the document root. */
export function applyTheme(config: UiConfig, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(config.colors)) {
    const property = KEYS[name]
    if (!property || !isColor(value)) continue
    root.style.setProperty(property, value)
    if (name === 'primary') {
      root.style.setProperty('--tab-on-primary', readableOn(value))
      document.querySelector('meta[name="theme-color"]')?.setAttribute('content', value)
    }
    if (name === 'secondary' || name === 'accent') root.style.setProperty('--tab-on-accent', readableOn(value))
  }
}

function isColor(value: string): boolean {
  return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)
}

/** Black or white, whichever contrasts more with a hex colour. */
export function readableOn(hex: string): string {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex
  const [r, g, b] = [1, 3, 5].map((i) => channel(Number.parseInt(full.slice(i, i + 2), 16) / 255)) as [
    number,
    number,
    number,
  ]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff'
}

function channel(c: number): number {
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}
