import { didKeyFromJwk, fromBase64Url, type PrivateJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import type { NodeKeys } from '@tabularium/ledger'
import { formatVerifierKey, NOTE_SIGNATURE_COSIGNATURE_V1, NOTE_SIGNATURE_ED25519 } from '@tabularium/log'
import { formatIssues, type Genesis, GenesisSchema, ProtocolError } from '@tabularium/protocol'
import type { z } from 'zod'
import { memberIdsOf } from './memberIdsOf.js'

/** Options of `createSandboxNetwork`. */
export interface CreateSandboxNetworkParameters {
  network?: string
  /** C2SP checkpoint origin; default `tabularium.local/<network>`. */
  origin?: string
  /** How many member organisations, or their names. */
  organisations?: number | readonly string[]
  /** The genesis `createdAt`. */
  now: Date | number
  /**
   * Witness cosignatures a checkpoint needs; default a majority. A sandbox
   * served by one embedded node cosigns with one witness key only, so the
   * CLI's `init` asks for 1 until each member runs its own node.
   */
  witnessQuorum?: number
}

/** A sandbox member with every private key it needs. */
export interface SandboxMember {
  id: string
  name: string
  /** The organisation's Ed25519 key; signs its governance transactions. */
  privateJwk: PrivateJwk
  did: string
  /** Its node's log and witness keys. */
  nodeKeys: NodeKeys
}

/** What `createSandboxNetwork` returns. */
export interface CreateSandboxNetworkResult {
  genesis: Genesis
  members: SandboxMember[]
}

/**
 * A new sandbox network: for each organisation an Ed25519 organisation key
 * (its DID is the did:key), a node log key and a witness key, and a genesis
 * where a majority governs and witnesses, and every member may stamp.
 *
 * @example
 * const { genesis, members } = createSandboxNetwork({ organisations: ['Leuven', 'Gent', 'Brugge'], now: Date.now() })
 * const ledger = createLedger({ genesis, keys: members[0].nodeKeys, path, modules: [governance, notary] })
 */
export function createSandboxNetwork(p: CreateSandboxNetworkParameters): CreateSandboxNetworkResult {
  const { network = 'sandbox', organisations = 1 } = p
  const origin = p.origin ?? `tabularium.local/${network}`
  checkNames(network, origin)
  const names = typeof organisations === 'number' ? defaultNames(organisations) : [...organisations]
  const ids = memberIdsOf(names)
  const members = names.map((name, i) => createMember({ id: ids[i] as string, name, origin }))
  const majority = Math.floor(members.length / 2) + 1
  const parsed = GenesisSchema.safeParse({
    v: 1,
    network,
    origin,
    createdAt: new Date(p.now).toISOString(),
    members: members.map(({ genesisMember }) => genesisMember),
    governanceThreshold: majority,
    witnessQuorum: p.witnessQuorum ?? majority,
    roles: {},
    memberRoles: ['member', 'notary:stamper'],
  })
  if (!parsed.success) invalidOptions(parsed.error)
  return { genesis: parsed.data, members: members.map(({ genesisMember: _, ...member }) => member) }
}

// Checked before any key is made: the origin also names the log's note key,
// which may hold no whitespace or '+' (C2SP signed-note).
function checkNames(network: string, origin: string): void {
  const parsed = GenesisSchema.pick({ network: true, origin: true }).safeParse({ network, origin })
  if (!parsed.success) invalidOptions(parsed.error)
  if (!/^[^\s+]+$/u.test(origin)) {
    throw new ProtocolError('INVALID_REQUEST', 'the origin may hold no whitespace or +', {
      details: { issues: [{ path: 'origin', message: 'no whitespace or + in a note key name' }] },
    })
  }
}

function invalidOptions(error: z.ZodError): never {
  throw new ProtocolError('INVALID_REQUEST', 'sandbox options give an invalid genesis', {
    details: { issues: formatIssues(error) },
  })
}

function defaultNames(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError('organisations: 1 to 100')
  return Array.from({ length: count }, (_, i) => `Organisation ${i + 1}`)
}

function createMember(p: { id: string; name: string; origin: string }) {
  const organisation = generateKeyPair({ algorithm: 'EdDSA' })
  const did = didKeyFromJwk(organisation.publicJwk)
  const log = nodeKey({ name: p.origin, type: NOTE_SIGNATURE_ED25519 })
  const witness = nodeKey({ name: `${p.origin}/witness/${p.id}`, type: NOTE_SIGNATURE_COSIGNATURE_V1 })
  const nodeKeys: NodeKeys = {
    logKeyName: log.name,
    logPrivateKey: log.seed,
    witnessKeyName: witness.name,
    witnessPrivateKey: witness.seed,
  }
  const genesisMember = { id: p.id, name: p.name, did, logKey: log.vkey, witnessKey: witness.vkey }
  return { id: p.id, name: p.name, privateJwk: organisation.privateJwk, did, nodeKeys, genesisMember }
}

// The log key signs checkpoints under the origin's name, as C2SP
// tlog-checkpoint expects; each witness signs under a name of its own, with
// signature type 0x04 (tlog-cosignature) so its key id differs from a note key's.
function nodeKey(p: { name: string; type: typeof NOTE_SIGNATURE_ED25519 | typeof NOTE_SIGNATURE_COSIGNATURE_V1 }) {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm: 'EdDSA' })
  if (publicJwk.kty !== 'OKP') throw new TypeError('expected an Ed25519 key')
  const vkey = formatVerifierKey({ name: p.name, type: p.type, publicKey: fromBase64Url(publicJwk.x) })
  return { name: p.name, seed: privateJwk.d, vkey }
}
