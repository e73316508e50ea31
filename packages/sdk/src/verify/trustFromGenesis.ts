import { parseVerifierKey, type ReceiptTrust } from '@tabularium/log'
import { formatIssues, type Genesis, GenesisSchema } from '@tabularium/protocol'
import { SdkError } from '../errors.js'

/** The trust a genesis gives, plus who each witness key belongs to. */
export interface GenesisTrust extends ReceiptTrust {
  /** Witness key name → member id, to say *who* cosigned. */
  witnessMembers: Record<string, string>
}

/**
 * The keys and policy a receipt verifier trusts, read from the network's
 * genesis: every member's log key, every member's witness key, and the
 * witness quorum. The genesis is checked against its schema first (it is
 * often a file a user passed on the command line).
 *
 * @example verifyReceipt({ receipt, trust: trustFromGenesis(genesis) })
 */
export function trustFromGenesis(genesis: Genesis | unknown): GenesisTrust {
  const parsed = GenesisSchema.safeParse(genesis)
  if (!parsed.success) {
    throw new SdkError('INVALID_REQUEST', 'not a valid genesis', { details: { issues: formatIssues(parsed.error) } })
  }
  const { origin, members, witnessQuorum } = parsed.data
  const witnessMembers: Record<string, string> = {}
  for (const member of members) witnessMembers[witnessName(member.witnessKey)] = member.id
  return {
    origin,
    // Any member's node may sign a checkpoint (one log, many operators), so every log key is trusted.
    logKeys: unique(members.map((m) => m.logKey)),
    witnessKeys: unique(members.map((m) => m.witnessKey)),
    witnessQuorum,
    witnessMembers,
  }
}

function witnessName(vkey: string): string {
  try {
    return parseVerifierKey(vkey).name
  } catch (cause) {
    throw new SdkError('INVALID_KEY', 'a witness key in the genesis is not a note verifier key', { cause })
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
