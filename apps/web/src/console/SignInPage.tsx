import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../api/types.js'
import { FileDrop } from '../components/FileDrop.js'
import { Alert, PageTitle } from '../components/ui.js'
import { type MessageKey, t } from '../i18n/index.js'
import { importPrivateJwk, KeyFileError, type StoredKey, storeKey } from '../lib/keys.js'

const PROBLEMS: Record<string, MessageKey> = {
  'not-json': 'signin.notJson',
  'not-a-key': 'signin.notKey',
  'public-only': 'signin.publicOnly',
}

/** Sign in by importing the organisation's key file into a non-extractable WebCrypto key. */
export function SignInPage({ network, onSignedIn }: { network: NetworkInfo; onSignedIn: (key: StoredKey) => void }) {
  const [problem, setProblem] = useState<MessageKey | undefined>(undefined)
  const onFile = async (file: File) => {
    setProblem(undefined)
    try {
      const key = await importPrivateJwk(await file.text(), { extractable: false })
      await storeKey('console', key)
      onSignedIn(key)
    } catch (error) {
      setProblem(error instanceof KeyFileError ? (PROBLEMS[error.message] ?? 'signin.notKey') : 'signin.notKey')
    }
  }
  return (
    <div class="tab-stack tab-narrow">
      <PageTitle title={t('signin.title')}>{t('signin.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('signin.intro', { network: network.network })}</p>
      <FileDrop id="key-file" label={t('signin.choose')} accept=".json,application/json" onFile={onFile} />
      {problem && <Alert type="error">{t(problem)}</Alert>}
      <Alert type="info">{t('signin.safety')}</Alert>
    </div>
  )
}
