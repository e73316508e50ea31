import { useState } from 'preact/hooks'
import { getNetwork } from '../api/client.js'
import { FileDrop } from '../components/FileDrop.js'
import { Alert, Card, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatTime, t } from '../i18n/index.js'
import { hashFile } from '../lib/hashFile.js'
import { useAsync } from '../lib/useAsync.js'
import { memberName, memberNameById } from './members.js'
import { type Stamp, stampsOfHash } from './notary.js'
import { StampTable } from './StampTable.js'

type State =
  | { step: 'idle' }
  | { step: 'hashing' }
  | { step: 'looking'; hash: string }
  | { step: 'done'; hash: string; stamps: Stamp[] }
  | { step: 'error'; hash?: string }

/** "Is this document stamped?": hash a file locally and look the hash up. */
export function DocumentPage() {
  const [state, setState] = useState<State>({ step: 'idle' })
  const network = useAsync(getNetwork, [])
  const check = async (file: File) => {
    setState({ step: 'hashing' })
    let hash: string
    try {
      hash = await hashFile(file)
    } catch {
      setState({ step: 'error' })
      return
    }
    setState({ step: 'looking', hash })
    try {
      setState({ step: 'done', hash, stamps: await stampsOfHash(hash) })
    } catch {
      setState({ step: 'error', hash })
    }
  }
  return (
    <div class="tab-stack">
      <PageTitle title={t('document.title')}>{t('document.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('document.intro')}</p>
      <Alert type="info">
        <strong>{t('document.privacyTitle')}</strong> {t('document.privacy')}
      </Alert>
      <FileDrop id="document-file" label={t('document.choose')} onFile={check} />
      {state.step === 'hashing' && <Loading label={t('document.hashing')} />}
      {(state.step === 'looking' || state.step === 'done' || (state.step === 'error' && state.hash)) && (
        <p class="tab-hashline">
          {t('document.fingerprint')} <Hash value={(state as { hash: string }).hash} full />
        </p>
      )}
      {state.step === 'looking' && <Loading label={t('document.looking')} />}
      {state.step === 'error' && <Alert type="error">{t('common.nodeUnreachable')}</Alert>}
      {state.step === 'done' && state.stamps.length === 0 && (
        <Alert type="warning">
          <span id="document-result">{t('document.notStamped')}</span>
        </Alert>
      )}
      {state.step === 'done' && state.stamps.length > 0 && (
        <>
          <Alert type="ok">
            <span id="document-result">{stampSentence(state.stamps, network.data)}</span>
          </Alert>
          <Card title={t('document.stamps')}>
            <StampTable stamps={state.stamps} {...(network.data ? { network: network.data } : {})} />
          </Card>
        </>
      )}
    </div>
  )
}

function stampSentence(stamps: Stamp[], network: Parameters<typeof memberName>[1]): string {
  const first = stamps[0] as Stamp
  const who = memberNameById(first.organisation, network) ?? memberName(first.signer, network) ?? t('entry.someone')
  return t(stamps.length === 1 ? 'document.stampedOnce' : 'document.stampedMany', {
    who,
    time: first.time ? formatTime(first.time) : '—',
    count: stamps.length,
  })
}
