import { fromBase64Url, jwkFromDidKey, verifyBytes } from '@tabularium/core'
import type { Ledger } from '@tabularium/ledger'
import { ProtocolError, SignedTransactionSchema, transactionSigningInput } from '@tabularium/protocol'
import { parseInput } from '../http/parseInput.js'
import type { TtlStore } from './ttlStore.js'

/** The pseudo-module name of signed commands (never submitted to the ledger). */
export const COMMAND_MODULE = 'oid4vci'
const MAX_AHEAD_MS = 10 * 60 * 1000

/**
 * Checks a signed command: a transaction envelope (`module: 'oid4vci'`,
 * `action`) signed like a transaction, so the console signs it with the
 * SDK's `signTransaction`, but executed by the node, not the ledger. Checks
 * network, action, expiry (at most 10 minutes ahead), replay of the nonce,
 * the signature of the signer's did:key, and that the signer holds one of
 * `roles` in governance state (unless `roles` is `'anyone'`). Returns the signer and the args.
 *
 * @example const { signer, args } = verifySignedCommand({ body, ledger, action: 'approveRequest', roles, nonces })
 */
export function verifySignedCommand(p: {
  body: unknown
  ledger: Ledger
  action: string
  /** Governance roles of which the signer needs one; `'anyone'` for a citizen proving control of a did:key. */
  roles: readonly string[] | 'anyone'
  nonces: TtlStore<true>
  now?: number
  /** The envelope's pseudo-module (default `oid4vci`). */
  module?: string
}): { signer: string; args: Record<string, unknown> } {
  const now = p.now ?? Date.now()
  const module = p.module ?? COMMAND_MODULE
  const signed = parseInput({ schema: SignedTransactionSchema, input: p.body, what: 'body' })
  const { tx } = signed
  if (tx.network !== p.ledger.genesis.network)
    throw new ProtocolError('WRONG_NETWORK', 'the command names another network')
  if (tx.module !== module || tx.action !== p.action) {
    throw new ProtocolError('INVALID_REQUEST', `expected a signed ${module}.${p.action} command`)
  }
  const expires = Date.parse(tx.expires)
  if (!(expires > now)) throw new ProtocolError('EXPIRED', 'the command has expired')
  if (expires > now + MAX_AHEAD_MS) throw new ProtocolError('EXPIRY_TOO_FAR', 'a command expires within 10 minutes')
  const publicJwk = jwkFromDidKey(tx.signer)
  const signature = fromBase64Url(signed.sig)
  if (!verifyBytes({ publicJwk, data: transactionSigningInput(tx), signature })) {
    throw new ProtocolError('INVALID_SIGNATURE', 'the command signature does not verify')
  }
  const nonce = `${tx.signer}\n${tx.nonce}`
  if (p.nonces.get(nonce) !== undefined) throw new ProtocolError('REPLAYED', 'this command was already accepted')
  const { roles } = p
  if (
    roles !== 'anyone' &&
    !roles.some((role) => p.ledger.state('governance', `roles/${role}/${tx.signer}`) === true)
  ) {
    throw new ProtocolError('UNAUTHORISED', `the signer needs one of: ${roles.join(', ')}`)
  }
  p.nonces.set(nonce, true, expires - now)
  return { signer: tx.signer, args: tx.args as Record<string, unknown> }
}
