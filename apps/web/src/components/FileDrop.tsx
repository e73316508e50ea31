import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'

/**
 * A file picker that also accepts a dropped file. The native input stays the
 * keyboard and screen-reader path; the drop zone is an extra for the mouse.
 */
export function FileDrop({
  id,
  label,
  hint,
  accept,
  onFile,
}: {
  id: string
  label: string
  hint?: string
  accept?: string
  onFile: (file: File) => void
}) {
  const [over, setOver] = useState(false)
  const [name, setName] = useState<string | undefined>(undefined)
  const take = (file: File | undefined | null) => {
    if (!file) return
    setName(file.name)
    onFile(file)
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: drag-and-drop needs a drop target; the labelled file input inside is the keyboard path
    <div
      class={`tab-drop${over ? ' tab-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        take(e.dataTransfer?.files[0])
      }}
    >
      <label for={id} class="tab-drop__label">
        <span class="tab-drop__title">{label}</span>
        <span class="tab-drop__hint">{hint ?? t('file.hint')}</span>
      </label>
      <input
        id={id}
        type="file"
        class="tab-drop__input"
        {...(accept ? { accept } : {})}
        onChange={(e) => take((e.target as HTMLInputElement).files?.[0])}
      />
      {name && (
        <p class="tab-drop__name" aria-live="polite">
          {t('file.chosen', { name })}
        </p>
      )}
    </div>
  )
}
