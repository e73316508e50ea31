import { fromBase64Url, type PublicJwk } from '@tabularium/core'
import { formatIssues, type Genesis, LIMITS, ProtocolError } from '@tabularium/protocol'
import { createStateReader } from '../executor/createStateReader.js'
import { sha256Hex } from '../executor/digests.js'
import type { OrderedTransaction } from '../executor/executeTransaction.js'
import { isAllowed, type RoleChecker } from '../executor/roles.js'
import type { StateView } from '../executor/stateView.js'
import type { Json, ModuleDefinition } from '../module/defineModule.js'
import { checkShape } from './checkShape.js'
import type { NonceGuard } from './createNonceGuard.js'
import { createSignerResolver } from './createSignerResolver.js'

/** A transaction that passed every check but its signature, its nonce reserved. */
export interface Admitted extends OrderedTransaction {
  publicJwk: PublicJwk
  /** `tabularium/transaction/v1\n` ‖ JCS(tx): what the signature covers. */
  signingInput: Uint8Array
  signature: Uint8Array
  expiresMs: number
  /** The action's precheck job for a worker thread, when it declares one. */
  precheck?: PrecheckJob
}

/** A precheck to run: the worker module, its job, and where its answer goes. */
export interface PrecheckJob {
  worker: string
  job: Json
  accept(result: Json): void
}

/** Parameters of `createAdmission`. */
export interface CreateAdmissionParameters {
  genesis: Genesis
  modules: ReadonlyMap<string, ModuleDefinition>
  clock: () => number
  /** The committed state, for access checks. */
  state: StateView
  hasRole: RoleChecker
  nonces: NonceGuard
}

const SIGNING_PREFIX = Buffer.from('tabularium/transaction/v1\n')

/** The answer of admission: admitted, or refused (with the txid once the shape was valid). */
export type AdmissionResult = { ok: true; admitted: Admitted } | { ok: false; error: unknown; txid?: string }

/**
 * The synchronous admission checks, in order: shape, size, network, expiry,
 * signer, module, action, arguments, access, replay. Each refusal is a
 * ProtocolError with its catalogue code. On success the nonce is reserved;
 * the caller releases it if the signature then fails.
 *
 * @example const admit = createAdmission({ genesis, modules, clock, state, hasRole, nonces }); admit(body)
 */
export function createAdmission(p: CreateAdmissionParameters): (value: unknown) => AdmissionResult {
  const resolveSigner = createSignerResolver()
  return (value) => {
    let shaped: ReturnType<typeof checkShape>
    try {
      shaped = checkShape(value)
    } catch (error) {
      return { ok: false, error }
    }
    const txid = sha256Hex(shaped.signedJcs)
    try {
      return { ok: true, admitted: admit(p, resolveSigner, shaped, txid) }
    } catch (error) {
      return { ok: false, error, txid }
    }
  }
}

function admit(
  p: CreateAdmissionParameters,
  resolveSigner: (did: string) => PublicJwk,
  { signed, txJcs }: ReturnType<typeof checkShape>,
  txid: string,
): Admitted {
  {
    const { tx } = signed
    if (tx.network !== p.genesis.network) {
      throw new ProtocolError('WRONG_NETWORK', `this node serves network ${p.genesis.network}`, {
        details: { expected: p.genesis.network },
      })
    }
    const expiresMs = checkExpiry(tx.expires, p.clock())
    const publicJwk = resolveSigner(tx.signer)
    const args = checkAction(p, tx.module, tx.action, tx.args, tx.signer)
    if (p.nonces.isUsed(tx.signer, tx.nonce) || !p.nonces.reserve(tx.signer, tx.nonce)) {
      throw new ProtocolError('REPLAYED', 'this (signer, nonce) pair was already used', {
        details: { nonce: tx.nonce },
      })
    }
    const precheck = precheckOf(p, tx.module, tx.action, args)
    return {
      ...(precheck === undefined ? {} : { precheck }),
      txid,
      tx,
      sig: signed.sig,
      txJcs,
      args,
      publicJwk,
      signingInput: signingInputOf(txJcs),
      signature: decodeSignature(signed.sig),
      expiresMs,
    }
  }
}

function checkExpiry(expires: string, now: number): number {
  const expiresMs = Date.parse(expires)
  if (!(expiresMs > now)) throw new ProtocolError('EXPIRED', '`expires` is in the past', { details: { expires } })
  if (expiresMs > now + LIMITS.maxExpiryMs) {
    throw new ProtocolError('EXPIRY_TOO_FAR', `\`expires\` may be at most ${LIMITS.maxExpiryMs / 1000} s ahead`, {
      details: { expires, maxExpiryMs: LIMITS.maxExpiryMs },
    })
  }
  return expiresMs
}

function checkAction(
  p: CreateAdmissionParameters,
  moduleName: string,
  actionName: string,
  args: unknown,
  signer: string,
) {
  const module = p.modules.get(moduleName)
  if (module === undefined) throw new ProtocolError('UNKNOWN_MODULE', `no module ${moduleName} on this network`)
  const action = Object.hasOwn(module.actions, actionName) ? module.actions[actionName] : undefined
  if (action === undefined)
    throw new ProtocolError('UNKNOWN_ACTION', `module ${moduleName} has no action ${actionName}`)
  const parsed = action.args.safeParse(args)
  if (!parsed.success) {
    throw new ProtocolError('INVALID_ARGS', `the arguments of ${moduleName}.${actionName} do not match its schema`, {
      details: { issues: formatIssues(parsed.error) },
    })
  }
  if (!isAllowed({ access: action.access, view: p.state, signer, hasRole: p.hasRole })) {
    throw new ProtocolError('UNAUTHORISED', `the signer holds no role that ${moduleName}.${actionName} requires`)
  }
  return parsed.data
}

// A precheck only saves work: one that cannot be prepared is skipped, and
// the action then checks everything inline.
function precheckOf(p: CreateAdmissionParameters, module: string, action: string, args: unknown) {
  const precheck = p.modules.get(module)?.actions[action]?.precheck
  if (precheck === undefined) return undefined
  try {
    const job = precheck.job(createStateReader({ view: p.state, module }), args)
    if (job === undefined) return undefined
    return { worker: precheck.worker, job, accept: (result: Json) => precheck.accept(args, job, result) }
  } catch {
    return undefined
  }
}

// One allocation: the domain prefix, then JCS(tx) encoded in place.
function signingInputOf(txJcs: string): Buffer {
  const input = Buffer.allocUnsafe(SIGNING_PREFIX.length + Buffer.byteLength(txJcs))
  SIGNING_PREFIX.copy(input, 0)
  input.write(txJcs, SIGNING_PREFIX.length)
  return input
}

function decodeSignature(sig: string): Uint8Array {
  try {
    return fromBase64Url(sig)
  } catch {
    // Undecodable is the same as not verifying: the signature check refuses it.
    return new Uint8Array(0)
  }
}
