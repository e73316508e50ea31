import type { BallotRecord, BallotResult, PetitionRecord } from '@tabularium/module-ballots/client'
import { buildTransaction, signTransaction } from '@tabularium/sdk'
import type { Ciphertext, ReceivedDealing, TokenPublicKey } from '@tabularium/voting'
import { ApiError, getJson, query } from '../api/client.js'
import { type StoredKey, signBytes } from '../lib/keys.js'

/** Where a process stands. */
export type Phase = 'scheduled' | 'open' | 'closed'

/** The `ballot` query. */
export type BallotView = BallotRecord & {
  /** Always given by the query (filled in for ballots from before the deadline). */
  ceremonyDeadline: string
  status: Phase
  ceremony: {
    registered: string[]
    /** Each registered trustee's ceremony encryption key. */
    keys: Record<string, string>
    dealt: string[]
    confirmed: string[]
    disqualified: Record<string, { by: string; reason: string }>
    qualified: string[] | null
    failed: string | null
    /** Who closed the ceremony after its deadline, and when. */
    closed: { by: string; at: string } | null
    publicKey: string | null
    commitments: string[] | null
  }
  counters: { issued: number; cast: number; counted: number; replaced: number }
  result: BallotResult | null
}

/** The `petition` query. */
export type PetitionView = PetitionRecord & { status: Phase; tokensIssued: number }

/** A row of the `ballots` query. */
export interface BallotSummary {
  id: string
  title: string
  opens: string
  closes: string
  status: Phase
  counters: BallotView['counters']
  published: boolean
}

/** A row of the `petitions` query. */
export interface PetitionSummary {
  id: string
  title: string
  signatures: number
  threshold: number
  reachedAt: string | null
  closes: string
}

/** The `turnout` query. */
export interface Turnout {
  issued: number
  cast: number
  counted: number
  replaced: number
  censusSize: number | null
  turnout: number | null
  byHour: { hour: string; ballots: number }[]
}

/** The `result` query. */
export type ResultView =
  | { status: 'sealed' | 'decrypting'; trusteesDecrypted: string[]; threshold: number }
  | {
      status: 'published'
      ballots: number
      txid: string
      index: number
      questions: { id: string; title: string; options: { id: string; title: string; votes: number }[] }[]
    }

export const listBallots = () => query<{ items: BallotSummary[] }>('ballots', 'ballots').then((r) => r.items)
export const listPetitions = () => query<{ items: PetitionSummary[] }>('ballots', 'petitions').then((r) => r.items)
export const getBallot = (id: string) => query<BallotView>('ballots', 'ballot', { id })
/** The `encryptedShares` query: the shares dealt to one trustee, encrypted, with each dealer's key and commitments. */
export const getEncryptedShares = (ballot: string, trustee: string) =>
  query<{ index: number; dealings: ReceivedDealing[] }>('ballots', 'encryptedShares', { ballot, trustee })
export const getPetition = (id: string) => query<PetitionView>('ballots', 'petition', { id })
export const getTurnout = (id: string) => query<Turnout>('ballots', 'turnout', { id })
export const getResult = (id: string) => query<ResultView>('ballots', 'result', { id })
export const getEncryptedTally = (id: string) =>
  query<{ tally: Ciphertext[][] | null; counted: number }>('ballots', 'encryptedTally', { id })

/** Which kind of process an id names, or undefined. */
export async function processKind(id: string): Promise<'ballot' | 'petition' | undefined> {
  try {
    await getBallot(id)
    return 'ballot'
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error
  }
  try {
    await getPetition(id)
    return 'petition'
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined
    throw error
  }
}

/** The desk's public key of a process and the audience a census presentation names. */
export const getTokenKey = (id: string) =>
  getJson<{ publicKey: TokenPublicKey; audience: string }>(`/v1/ballots/${encodeURIComponent(id)}/token-key`)

/** POSTs JSON to the node and reads the answer (errors as ApiError). */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError('NETWORK', String(cause), 0)
  }
  const parsed = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }
  if (!response.ok) {
    throw new ApiError(
      parsed.error?.code ?? 'HTTP_ERROR',
      parsed.error?.message ?? `HTTP ${response.status}`,
      response.status,
    )
  }
  return parsed as T
}

/** Asks the node (signed by the organisation's console key) to make a process's blind-signing key. */
export async function createTokenKey(p: { key: StoredKey; network: string; process: string }) {
  const tx = buildTransaction({
    network: p.network,
    module: 'ballots-desk',
    action: 'createTokenKey',
    args: { process: p.process },
    signer: p.key.did,
  })
  const signed = await signTransaction({ tx, sign: (bytes) => signBytes(p.key, bytes) })
  return postJson<{ publicKey: TokenPublicKey; audience: string }>(
    `/v1/ballots/${encodeURIComponent(p.process)}/token-key`,
    signed,
  )
}
