import { equalBytes, toHex } from '@tabularium/core'
import type { Database } from 'better-sqlite3'
import type { LedgerLogger } from '../sequencer/logger.js'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import { cosignatureFinder, verifiesCheckpoint, withCosignatures } from './cosignatureLines.js'
import type { Health } from './createHealth.js'
import { isOutvoted } from './divergence.js'
import { createFinalStore, type FinalCheckpoint } from './finalStore.js'
import { createFinalWaiters } from './finalWaiters.js'
import type { MemberSet, NetworkMember } from './members.js'
import { type MemberRecord, type MemberView, memberViews } from './memberViews.js'
import { throttledWriter } from './throttledWriter.js'

/** One member's statement: "I executed the log up to `treeSize` and its root is `rootHash`", cosigned. */
export interface Claim {
  treeSize: number
  rootHash: Uint8Array
  stateDigest: string
  /** The member's tlog-cosignature line on the checkpoint (origin, treeSize, rootHash). */
  cosignature: string
}

/** Quorum finality of a node's checkpoints. */
export interface Finality {
  /** This node's member record, when its witness key is a member's. */
  self(): NetworkMember | undefined
  latest(): FinalCheckpoint | undefined
  list(limit: number): FinalCheckpoint[]
  /** Resolves with the first final checkpoint holding entry `index`; NOT_FINAL after `timeoutMs`. */
  whenFinal(index: number, timeoutMs: number): Promise<FinalCheckpoint>
  /** A block this node committed. */
  onOwnCheckpoint(checkpoint: CheckpointRow): void
  /** Another member's claims (already parsed; not yet verified). */
  onClaims(memberId: string, claims: readonly Claim[]): void
  /** Another member announced that its node stopped writing (unsigned, so shown, never acted on). */
  onHalted(memberId: string, reason: string): void
  /** This node's claims not yet published, oldest first, at most `max` (the newest). */
  unpublished(max: number): Claim[]
  /** The claims up to `treeSize` reached the other members. */
  published(treeSize: number): void
  members(): MemberView[]
  close(): void
}

/** Parameters of `createFinality`. */
export interface CreateFinalityParameters {
  db: Database
  origin: string
  /** This node's witness verifier key (its cosignatures count when it is a member's). */
  witnessKey: string
  members: (treeSize: number) => MemberSet
  health: Health
  logger: LedgerLogger
  clock?: () => number
  /** Final checkpoints are written to the file at most this often (the latest is always in memory). */
  persistEveryMs?: number
}

const MAX_OPEN_SIZES = 50_000
const MAX_UNPUBLISHED = 2_000

/**
 * Tracks which checkpoints are final (DESIGN §2.4): each member's node
 * cosigns every checkpoint it executed; when `quorum` distinct members
 * cosigned the same (size, root), that checkpoint is final and its note
 * carries all their cosignatures. A member that signed another root at the
 * same size has diverged — and when that outvotes this node (see
 * `isOutvoted`), it is this node that diverged: it halts, stops cosigning and
 * stops writing, loudly.
 *
 * Signatures are checked only where they matter: the lines of a checkpoint
 * about to become final, and a claim of another root before it is believed.
 *
 * @example const finality = createFinality({ db, origin, witnessKey, members, health, logger })
 */
export function createFinality(p: CreateFinalityParameters): Finality {
  const clock = p.clock ?? Date.now
  const store = createFinalStore(p.db)
  const ownLine = cosignatureFinder(p.witnessKey)
  const ownAt = p.db.prepare('SELECT root, note, time FROM checkpoints WHERE tree_size = ?')
  const agreements = new Map<number, Map<string, string>>() // size → member → cosignature line
  const ahead = new Map<number, Map<string, Claim>>() // claims for sizes this node has not reached
  const records = new Map<string, MemberRecord>()
  const candidates = new Set<number>() // sizes this node reached with a quorum of agreeing cosignatures
  const unpublished: Claim[] = []
  const waiters = createFinalWaiters()
  let latest = store.latest()
  let ownSize = 0
  // Each write is its own fsync: at most one a second (the first at once), the latest always in memory.
  const writer = throttledWriter({
    write: (final: FinalCheckpoint) => store.add(final),
    everyMs: p.persistEveryMs ?? 1_000,
    clock,
  })
  const memberSet = () => p.members(ownSize)
  const self = () => memberSet().members.find((m) => m.witnessKey === p.witnessKey)
  const witnessKeyOf = (id: string) => memberSet().members.find((m) => m.id === id)?.witnessKey

  const agree = (size: number, member: string, line: string) => {
    if (latest !== undefined && size <= latest.treeSize) return
    let votes = agreements.get(size)
    if (votes === undefined) {
      votes = new Map()
      agreements.set(size, votes)
      if (agreements.size > MAX_OPEN_SIZES) agreements.delete(agreements.keys().next().value as number)
    }
    votes.set(member, line)
    if (size <= ownSize && votes.size >= memberSet().quorum) candidates.add(size)
  }

  const judge = (member: string, claim: Claim, own: { root: Uint8Array }) => {
    if (equalBytes(own.root, claim.rootHash)) return agree(claim.treeSize, member, claim.cosignature)
    const witnessKey = witnessKeyOf(member)
    const signed =
      witnessKey !== undefined &&
      verifiesCheckpoint({ line: claim.cosignature, witnessKey, origin: p.origin, ...claim })
    if (!signed) {
      p.logger.warn(
        { member, treeSize: claim.treeSize },
        'a claim of another root carries no valid cosignature: ignored',
      )
      return
    }
    onDisagreement(member, claim, own.root)
  }

  const onDisagreement = (member: string, claim: Claim, ownRoot: Uint8Array) => {
    const record = records.get(member)
    if (record !== undefined && record.divergedAt === undefined) record.divergedAt = claim.treeSize
    const details = {
      member,
      treeSize: claim.treeSize,
      ownRoot: toHex(ownRoot),
      theirRoot: toHex(claim.rootHash),
      theirState: claim.stateDigest,
    }
    p.logger.error(details, 'a member cosigned another root at the same tree size')
    if (latest !== undefined && claim.treeSize <= latest.treeSize) return // this root was final: they diverged
    const { members, quorum } = memberSet()
    const votes = agreements.get(claim.treeSize) ?? new Map()
    const disagree = new Set(
      [...records].filter(([, r]) => r.divergedAt !== undefined && r.divergedAt <= claim.treeSize).map(([id]) => id),
    )
    const ids = members.map((m) => m.id)
    if (isOutvoted({ agree: new Set(votes.keys()), disagree, members: ids, quorum })) {
      p.health.halt('diverged', `this node's root at tree size ${claim.treeSize} differs from the network's`, details)
    }
  }

  const tryFinalize = () => {
    const { members, quorum } = memberSet()
    for (const size of [...candidates].sort((a, b) => b - a)) {
      candidates.delete(size)
      if (finalize(size, members, quorum)) break
    }
  }

  const finalize = (size: number, members: readonly NetworkMember[], quorum: number): boolean => {
    const own = ownAt.get(size) as { root: Buffer; note: string; time: string } | undefined
    const votes = agreements.get(size)
    if (own === undefined || votes === undefined) return false
    const selfId = self()?.id
    for (const [member, line] of votes) {
      if (member === selfId) continue
      const witnessKey = members.find((m) => m.id === member)?.witnessKey
      if (
        witnessKey === undefined ||
        !verifiesCheckpoint({ line, witnessKey, origin: p.origin, treeSize: size, rootHash: own.root })
      ) {
        p.logger.warn({ member, treeSize: size }, 'an invalid cosignature was dropped')
        votes.delete(member)
      }
    }
    if (votes.size < quorum) return false
    const final: FinalCheckpoint = {
      treeSize: size,
      rootHash: new Uint8Array(own.root),
      note: withCosignatures(
        own.note,
        [...votes].filter(([m]) => m !== selfId).map(([, line]) => line),
      ),
      cosigners: [...votes.keys()].sort(),
      time: own.time,
    }
    latest = final
    writer.offer(final)
    for (const s of agreements.keys()) if (s <= size) agreements.delete(s)
    for (const s of candidates) if (s <= size) candidates.delete(s)
    waiters.settle(final)
    return true
  }

  return {
    self,
    latest: () => latest,
    list: (limit) => {
      writer.flush()
      return store.list(limit)
    },
    whenFinal(index, timeoutMs) {
      if (latest !== undefined && index < latest.treeSize) return Promise.resolve(latest)
      return waiters.wait(index, timeoutMs)
    },
    onOwnCheckpoint(checkpoint) {
      if (p.health.halted || checkpoint.treeSize === 0) return
      ownSize = checkpoint.treeSize
      const me = self()
      const line = me === undefined ? undefined : ownLine(checkpoint.note)
      if (me !== undefined && line !== undefined) {
        agree(ownSize, me.id, line)
        unpublished.push({ ...checkpoint, cosignature: line })
        if (unpublished.length > MAX_UNPUBLISHED) unpublished.shift()
      }
      const early = ahead.get(ownSize)
      ahead.delete(ownSize)
      for (const [member, claim] of early ?? []) judge(member, claim, { root: checkpoint.rootHash })
      if (!p.health.halted) tryFinalize()
    },
    onClaims(memberId, claims) {
      if (p.health.halted || witnessKeyOf(memberId) === undefined || memberId === self()?.id) return
      const record = records.get(memberId) ?? { treeSize: 0, seenAtMs: 0 }
      records.set(memberId, record)
      record.seenAtMs = clock()
      for (const claim of claims) {
        record.treeSize = Math.max(record.treeSize, claim.treeSize)
        if (claim.treeSize > ownSize) {
          holdAhead(ahead, memberId, claim)
          continue
        }
        const own = ownAt.get(claim.treeSize) as { root: Buffer } | undefined
        if (own !== undefined) judge(memberId, claim, own)
      }
      if (!p.health.halted) tryFinalize()
    },
    onHalted(memberId, reason) {
      const record = records.get(memberId)
      if (record !== undefined) record.halted = reason
    },
    unpublished: (max) => unpublished.slice(-max),
    published(treeSize) {
      while ((unpublished[0]?.treeSize ?? Number.POSITIVE_INFINITY) <= treeSize) unpublished.shift()
    },
    members: () =>
      memberViews({
        members: memberSet().members,
        selfId: self()?.id,
        ownSize,
        health: p.health.current(),
        records,
        now: clock(),
      }),
    close() {
      writer.close()
      waiters.close()
    },
  }
}

function holdAhead(ahead: Map<number, Map<string, Claim>>, member: string, claim: Claim): void {
  let byMember = ahead.get(claim.treeSize)
  if (byMember === undefined) {
    byMember = new Map()
    ahead.set(claim.treeSize, byMember)
    if (ahead.size > MAX_OPEN_SIZES) ahead.delete(ahead.keys().next().value as number)
  }
  byMember.set(member, claim)
}
