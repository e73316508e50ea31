import type { ButtonHTMLAttributes, ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n/index.js'

/** The page's `<h1>`, which also sets the document title and takes focus on navigation. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
    // Screen reader users hear the new page after a hash navigation.
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus()
  }, [title])
  return (
    <h1 class="utrecht-heading-1" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  )
}

/** An NL Design System alert; `role=alert` for errors, `status` otherwise. */
export function Alert({
  type = 'info',
  children,
  id,
}: {
  type?: 'info' | 'ok' | 'warning' | 'error'
  children: ComponentChildren
  id?: string
}) {
  return (
    <div
      id={id}
      class={`utrecht-alert utrecht-alert--${type} tab-alert tab-alert--${type}`}
      role={type === 'error' ? 'alert' : 'status'}
    >
      <span class="tab-alert__icon" aria-hidden="true">
        {type === 'ok' ? '✓' : type === 'error' ? '✗' : type === 'warning' ? '!' : 'i'}
      </span>
      <div class="utrecht-alert__message">{children}</div>
    </div>
  )
}

/** A labelled form field wrapping one control. */
export function Field({
  label,
  id,
  description,
  children,
}: {
  label: string
  id: string
  description?: string
  children: ComponentChildren
}) {
  return (
    <div class="utrecht-form-field tab-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {description && (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  )
}

/** A button in the NL Design System style. */
export function Button({
  appearance = 'primary',
  children,
  ...rest
}: { appearance?: 'primary' | 'secondary' | 'subtle' } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" class={`utrecht-button utrecht-button--${appearance}-action`} {...rest}>
      {children}
    </button>
  )
}

/** Rows of term → value. */
export function DataList({ items }: { items: (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="tab-datalist">
      {items.map(([term, value]) => (
        <div class="tab-datalist__item" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A long identifier (hash, DID), shortened for reading with the full value available. */
export function Hash({ value, full = false }: { value: string; full?: boolean }) {
  if (full || value.length <= 20) return <code class="tab-hash tab-hash--full">{value}</code>
  return (
    <code class="tab-hash" title={value}>
      <span aria-hidden="true">
        {value.slice(0, 10)}…{value.slice(-6)}
      </span>
      <span class="tab-visually-hidden">{value}</span>
    </code>
  )
}

/** A section with a heading, as a card. */
export function Card({
  title,
  children,
  headingLevel = 2,
  id,
}: {
  title: string
  children: ComponentChildren
  headingLevel?: 2 | 3
  id?: string
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section class="tab-card" aria-labelledby={id ?? undefined}>
      <Heading class={`utrecht-heading-${headingLevel}`} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  )
}

/** A polite loading line. */
export function Loading({ label }: { label?: string }) {
  return (
    <p class="tab-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  )
}
