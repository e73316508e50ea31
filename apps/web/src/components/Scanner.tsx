import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { Alert, Button, Field } from './ui.js'

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null

/**
 * A QR code scanner: the camera (getUserMedia + jsQR, decoded in this
 * browser), with a manual entry fallback for devices without a camera or users
 * who prefer to type or paste. Later services reuse it: scan → text → `onResult`.
 *
 * @example <Scanner id="provider" onResult={(text) => handle(text)} />
 */
export function Scanner({
  id,
  onResult,
  manualLabel,
}: {
  id: string
  onResult: (text: string) => void
  manualLabel?: string
}) {
  const video = useRef<HTMLVideoElement>(null)
  const [active, setActive] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [manual, setManual] = useState('')
  const stop = useRef<() => void>(() => {})

  useEffect(() => () => stop.current(), [])

  const start = async () => {
    setProblem(undefined)
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t('scanner.noCamera'))
      return
    }
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
    } catch {
      setProblem(t('scanner.denied'))
      return
    }
    const { default: jsQR } = (await import('jsqr')) as unknown as { default: Decode }
    const element = video.current
    if (!element) return
    element.srcObject = stream
    await element.play().catch(() => {})
    setActive(true)
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d', { willReadFrequently: true })
    let frame = 0
    let running = true
    const tick = () => {
      if (!running) return
      if (context && element.readyState >= 2 && element.videoWidth > 0) {
        canvas.width = element.videoWidth
        canvas.height = element.videoHeight
        context.drawImage(element, 0, 0)
        const image = context.getImageData(0, 0, canvas.width, canvas.height)
        const code = jsQR(image.data, image.width, image.height)
        if (code?.data) {
          halt()
          onResult(code.data)
          return
        }
      }
      frame = requestAnimationFrame(tick)
    }
    const halt = () => {
      running = false
      cancelAnimationFrame(frame)
      for (const track of stream.getTracks()) track.stop()
      element.srcObject = null
      setActive(false)
    }
    stop.current = halt
    frame = requestAnimationFrame(tick)
  }

  return (
    <div class="tab-scanner">
      <div class={`tab-scanner__view${active ? ' tab-scanner__view--active' : ''}`}>
        <video ref={video} muted playsInline aria-label={t('scanner.video')} />
        {!active && <p class="tab-scanner__idle">{t('scanner.idle')}</p>}
      </div>
      <div class="tab-actions">
        {active ? (
          <Button appearance="secondary" onClick={() => stop.current()}>
            {t('scanner.stop')}
          </Button>
        ) : (
          <Button onClick={start}>{t('scanner.start')}</Button>
        )}
      </div>
      {active && <p role="status">{t('scanner.looking')}</p>}
      {problem && <Alert type="warning">{problem}</Alert>}
      <form
        class="tab-stack"
        onSubmit={(e) => {
          e.preventDefault()
          if (manual.trim()) onResult(manual.trim())
        }}
      >
        <Field id={`${id}-manual`} label={manualLabel ?? t('scanner.manual')}>
          <textarea
            id={`${id}-manual`}
            class="utrecht-textarea utrecht-textarea--html-textarea"
            rows={3}
            value={manual}
            spellcheck={false}
            onInput={(e) => setManual((e.target as HTMLTextAreaElement).value)}
          />
        </Field>
        <div class="tab-actions">
          <Button type="submit" appearance="secondary">
            {t('scanner.use')}
          </Button>
        </div>
      </form>
    </div>
  )
}
