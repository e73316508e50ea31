import { ApiError, getJson } from '../api/client.js'

/** How a member's node looks from this node (`/v1/network/status`, apps/node README). */
export type MemberStatus = 'self' | 'stopped' | 'ok' | 'silent' | 'diverged' | 'unknown'

/** One member as `/v1/network/status` lists it. */
export interface MemberView {
  id: string
  name: string
  url?: string
  status: MemberStatus
  /** The largest tree size it cosigned (this node's own size for `self`). */
  treeSize?: number
  seenAt?: string
  divergedAt?: number
  haltReason?: string
}

/** This node's own health: writing, or stopped for good with a reason. */
export type NodeHealth = { status: 'ok' } | { status: 'stopped'; reason: string; message: string; since: string }

/** `GET /v1/network/status`. */
export interface NetworkStatus {
  network: string
  orderer: string
  health: NodeHealth
  treeSize: number
  final: { treeSize: number; cosigners: string[]; time: string } | null
  members: MemberView[]
}

/** A checkpoint cosigned by a quorum of members (`/v1/checkpoints/final/history`). */
export interface FinalCheckpoint {
  treeSize: number
  rootHash: string
  note: string
  /** Member ids the node says cosigned it (the browser checks the note itself). */
  cosigners: string[]
  time: string
}

/** An outside witness this node pushes its checkpoints to (`GET /v1/witnesses`). */
export interface OutsideWitness {
  url: string
  name: string
  key: string
  cosignedSize: number | null
  cosignedAt: string | null
  note: string | null
  lastError: { code: string; message: string; at: string } | null
}

const STATUSES: readonly MemberStatus[] = ['self', 'stopped', 'ok', 'silent', 'diverged', 'unknown']

/** This node's view of the network; `NOT_FOUND` from a node without it. */
export async function getNetworkStatus(): Promise<NetworkStatus> {
  return parseNetworkStatus(await getJson<unknown>('/v1/network/status'))
}

/** The latest final checkpoints, newest first. */
export async function getFinalHistory(limit: number): Promise<FinalCheckpoint[]> {
  const body = await getJson<{ checkpoints?: unknown }>(`/v1/checkpoints/final/history?limit=${limit}`)
  return Array.isArray(body.checkpoints) ? body.checkpoints.flatMap(parseFinalCheckpoint) : []
}

/** The outside witnesses; none from a node that does not list them. */
export async function getOutsideWitnesses(): Promise<OutsideWitness[]> {
  try {
    const body = await getJson<{ witnesses?: unknown }>('/v1/witnesses')
    return Array.isArray(body.witnesses) ? body.witnesses.flatMap(parseOutsideWitness) : []
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return []
    throw error
  }
}

// The node's answers are read defensively: unknown fields are dropped, a
// wrong type becomes "absent", so the page never shows what it cannot name.
/** Reads `/v1/network/status`; throws `INVALID_RESPONSE` when it is not one. */
export function parseNetworkStatus(raw: unknown): NetworkStatus {
  const r = record(raw)
  if (!r || !Array.isArray(r.members) || typeof r.treeSize !== 'number') {
    throw new ApiError('INVALID_RESPONSE', 'not a network status', 200)
  }
  const final = record(r.final)
  return {
    network: text(r.network) ?? '',
    orderer: text(r.orderer) ?? '',
    health: parseHealth(r.health),
    treeSize: r.treeSize,
    final:
      final && typeof final.treeSize === 'number'
        ? { treeSize: final.treeSize, cosigners: strings(final.cosigners), time: text(final.time) ?? '' }
        : null,
    members: r.members.flatMap(parseMember),
  }
}

function parseHealth(raw: unknown): NodeHealth {
  const h = record(raw)
  if (h?.status !== 'stopped') return { status: 'ok' }
  return {
    status: 'stopped',
    reason: text(h.reason) ?? '',
    message: text(h.message) ?? '',
    since: text(h.since) ?? '',
  }
}

function parseMember(raw: unknown): MemberView[] {
  const m = record(raw)
  const id = text(m?.id)
  if (!m || id === undefined) return []
  const status = STATUSES.find((s) => s === m.status) ?? 'unknown'
  const view: MemberView = { id, name: text(m.name) ?? id, status }
  const url = text(m.url)
  const seenAt = text(m.seenAt)
  const haltReason = text(m.haltReason)
  if (url !== undefined) view.url = url
  if (typeof m.treeSize === 'number') view.treeSize = m.treeSize
  if (seenAt !== undefined) view.seenAt = seenAt
  if (typeof m.divergedAt === 'number') view.divergedAt = m.divergedAt
  if (haltReason !== undefined) view.haltReason = haltReason
  return [view]
}

function parseFinalCheckpoint(raw: unknown): FinalCheckpoint[] {
  const c = record(raw)
  const note = text(c?.note)
  if (!c || note === undefined || typeof c.treeSize !== 'number') return []
  return [
    {
      treeSize: c.treeSize,
      rootHash: text(c.rootHash) ?? '',
      note,
      cosigners: strings(c.cosigners),
      time: text(c.time) ?? '',
    },
  ]
}

function parseOutsideWitness(raw: unknown): OutsideWitness[] {
  const w = record(raw)
  const key = text(w?.key)
  if (!w || key === undefined) return []
  const error = record(w.lastError)
  return [
    {
      url: text(w.url) ?? '',
      name: text(w.name) ?? key.split('+')[0] ?? key,
      key,
      cosignedSize: typeof w.cosignedSize === 'number' ? w.cosignedSize : null,
      cosignedAt: text(w.cosignedAt) ?? null,
      note: text(w.note) ?? null,
      lastError: error
        ? { code: text(error.code) ?? '', message: text(error.message) ?? '', at: text(error.at) ?? '' }
        : null,
    },
  ]
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}
