import type { Token } from '@tabularium/voting'
import { tokenNullifier } from '@tabularium/voting'
import { useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Button } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import { needsFinalReceipt } from '../../lib/finalReceipt.js'
import type { PetitionView } from '../api.js'
import { problemText } from '../components.js'
import { tb } from '../i18n/tb.js'
import { saveVote } from '../store.js'
import { throwAwayKey } from './throwAwayKey.js'

/** The petition form: sign with the token, under a throw-away key. */
export function SignForm({
  petition,
  token,
  onSigned,
}: {
  petition: PetitionView
  token: Token
  onSigned: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const sign = async () => {
    setBusy(true)
    setProblem(undefined)
    try {
      const [network, key] = await Promise.all([getNetwork(), throwAwayKey()])
      const result = await signAndSubmit({
        key,
        network: network.network,
        module: 'ballots',
        action: 'signPetition',
        args: { petition: petition.id, token },
        final: needsFinalReceipt(network),
      })
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
      if (result.outcome.status !== 'accepted')
        throw Object.assign(new Error(result.outcome.message), { code: result.outcome.code })
      if (result.receipt)
        await saveVote({
          process: petition.id,
          kind: 'petition',
          title: petition.title,
          nullifier: tokenNullifier({ ballotId: petition.id, token }),
          receipt: result.receipt,
          castAt: new Date().toISOString(),
        })
      onSigned()
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <p class="tab-prewrap">{petition.text}</p>
      <p>{tb('sign.explain')}</p>
      {problem && <Alert type="error">{problem}</Alert>}
      <div class="tab-actions">
        <Button id="sign-petition" onClick={sign} disabled={busy}>
          {busy ? tb('sign.busy') : tb('sign.sign')}
        </Button>
      </div>
    </div>
  )
}
