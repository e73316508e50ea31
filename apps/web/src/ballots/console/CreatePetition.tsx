import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Card, Field } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { tb } from '../i18n/tb.js'
import { ProcessFormPage, Text, useCommon, useCreateProcess } from './processForm.js'

/** The console's form for a new petition: text, schedule, census and the signature threshold. */
export function CreatePetition({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const common = useCommon()
  const [text, setText] = useState('')
  const [threshold, setThreshold] = useState('500')
  const { busy, problem, submit } = useCreateProcess({
    keyInfo,
    network,
    action: 'createPetition',
    id: () => common.id,
    args: (issuerKey) => ({
      id: common.id,
      title: common.title,
      text: text.trim(),
      threshold: Number(threshold),
      opens: common.opens,
      closes: common.closes,
      census: common.censusArgs(),
      issuerKey,
    }),
    openAfter: (id) => `/ballots/${encodeURIComponent(id)}`,
  })
  return (
    <ProcessFormPage
      title={tb('create.petitionTitle')}
      onSubmit={submit}
      busy={busy}
      problem={problem}
      submitId="create-petition"
      submitLabel={tb('create.submitPetition')}
    >
      <Card title={tb('create.about')}>
        {common.fields}
        <Field id="petition-text" label={tb('create.petitionText')}>
          <textarea
            id="petition-text"
            class="utrecht-textarea utrecht-textarea--html-textarea"
            rows={5}
            required
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </Field>
        <Text
          id="petition-threshold"
          label={tb('create.petitionThreshold')}
          description={tb('create.petitionThresholdHint')}
          type="number"
          min="1"
          value={threshold}
          onInput={setThreshold}
        />
      </Card>
    </ProcessFormPage>
  )
}
