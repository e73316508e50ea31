import { type MessageKey, t } from '../i18n/index.js'

const KNOWN: Record<string, MessageKey> = {
  UNAUTHORISED: 'error.UNAUTHORISED',
  NOT_A_MEMBER: 'error.NOT_A_MEMBER',
  INVALID_SIGNATURE: 'error.INVALID_SIGNATURE',
  ALREADY_EXISTS: 'error.ALREADY_EXISTS',
  ALREADY_APPROVED: 'error.ALREADY_APPROVED',
  PROPOSAL_CLOSED: 'error.PROPOSAL_CLOSED',
  INVALID_ARGS: 'error.INVALID_ARGS',
  OVERLOADED: 'error.OVERLOADED',
  NETWORK: 'common.nodeUnreachable',
}

/** A sentence for an error code from the node, with the node's message for the rest. */
export function reasonForCode(code: string, message: string): string {
  const key = KNOWN[code]
  return key ? t(key) : t('error.other', { code, message })
}
