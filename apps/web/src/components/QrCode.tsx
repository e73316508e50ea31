import { useEffect, useState } from 'preact/hooks'
import QRCode from 'qrcode'

/**
 * A QR code as inline SVG (sharp on screen and on paper). Uses the lowest
 * error-correction level that still fits long contents such as receipt links.
 */
export function QrCode({ text, label, size = 280 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | undefined>(undefined)
  const [tooLong, setTooLong] = useState(false)
  useEffect(() => {
    let live = true
    qrSvg(text).then(
      (markup) => live && setSvg(markup),
      () => live && setTooLong(true),
    )
    return () => {
      live = false
    }
  }, [text])
  if (tooLong) return null
  return (
    <div
      class="tab-qr"
      role="img"
      aria-label={label}
      style={{ width: `${size}px`, maxWidth: '100%' }}
      // The markup comes from the qrcode library, not from user input.
      dangerouslySetInnerHTML={{ __html: svg ?? '' }}
    />
  )
}

/** SVG markup of a QR code; tries error-correction M, then L for long texts. */
export async function qrSvg(text: string): Promise<string> {
  try {
    return await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  } catch {
    return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 4 })
  }
}
