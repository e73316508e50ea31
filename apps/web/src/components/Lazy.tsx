import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { Alert, Loading } from './ui.js'

/**
 * Renders a component from a code-split chunk, so that the portal's first load
 * carries neither the console, the wallet, the provider nor the QR libraries.
 */
export function Lazy<P extends object>({ load, props }: { load: () => Promise<ComponentType<P>>; props: P }) {
  const [Component, setComponent] = useState<ComponentType<P> | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    load().then(
      (c) => live && setComponent(() => c),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [load])
  if (failed) return <Alert type="error">{t('common.chunkFailed')}</Alert>
  if (!Component) return <Loading />
  return <Component {...props} />
}
