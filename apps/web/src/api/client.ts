import type { Receipt } from '../lib/receipt.js'
import type { CheckpointInfo, EntryRow, MemberInfo, NetworkInfo, SubmitResult, UiConfig } from './types.js'

/** An error answer of the node: `{ error: { code, message } }`, or a network failure. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** GETs JSON from the node that serves this app (same origin). */
export async function getJson<T>(path: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } })
  } catch (cause) {
    throw new ApiError('NETWORK', String(cause), 0)
  }
  return readJson<T>(response)
}

async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError('INVALID_RESPONSE', `the node answered ${response.status} without JSON`, response.status)
  }
  if (!response.ok && response.status !== 207) {
    const error = (body as { error?: { code?: string; message?: string } }).error
    throw new ApiError(error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`, response.status)
  }
  return body as T
}

let networkPromise: Promise<NetworkInfo> | undefined

/** The network summary (cached for the page's life: it is the trust anchor). */
export function getNetwork(): Promise<NetworkInfo> {
  networkPromise ??= getJson<Record<string, unknown>>('/v1/network').then(normaliseNetwork)
  networkPromise.catch(() => {
    networkPromise = undefined
  })
  return networkPromise
}

function normaliseNetwork(raw: Record<string, unknown>): NetworkInfo {
  const genesis = (raw.genesis as Record<string, unknown> | undefined) ?? raw
  const members = (genesis.members as MemberInfo[] | undefined) ?? []
  const quorum = genesis.witnessQuorum ?? genesis.quorum ?? raw.witnessQuorum ?? 1
  const info: NetworkInfo = {
    network: String(genesis.network ?? raw.network ?? ''),
    origin: String(genesis.origin ?? raw.origin ?? ''),
    members,
    witnessQuorum: Number(quorum),
    governanceThreshold: Number(genesis.governanceThreshold ?? raw.governanceThreshold ?? 1),
  }
  const createdAt = genesis.createdAt ?? raw.createdAt
  if (typeof createdAt === 'string') info.createdAt = createdAt
  return info
}

/** The latest checkpoint. */
export function getCheckpoint(): Promise<CheckpointInfo> {
  return getJson('/v1/checkpoint')
}

/** A page of entries. */
export function getEntries(from: number, limit: number): Promise<{ entries: EntryRow[]; treeSize: number }> {
  return getJson(`/v1/entries?from=${from}&limit=${limit}`)
}

/** One entry by index. */
export function getEntry(index: number): Promise<EntryRow & { leaf?: string }> {
  return getJson(`/v1/entries/${index}`)
}

/** One transaction by id, with its receipt. */
export function getTransaction(txid: string): Promise<EntryRow & { receipt: Receipt }> {
  return getJson(`/v1/transactions/${encodeURIComponent(txid)}`)
}

/**
 * A receipt for an entry against the latest checkpoint, or with `final`
 * against the latest checkpoint cosigned by a quorum of members (409
 * `NOT_FINAL` while none holds the entry yet).
 */
export function getReceipt(index: number, { final = false }: { final?: boolean } = {}): Promise<Receipt> {
  return getJson(`/v1/receipts/${index}${final ? '?final=true' : ''}`)
}

/** Runs a module query. */
export function query<T>(module: string, name: string, params: Record<string, string | number> = {}): Promise<T> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
  const qs = search.toString()
  return getJson(`/v1/modules/${module}/queries/${name}${qs ? `?${qs}` : ''}`)
}

/**
 * Submits one signed transaction and waits for its receipt; with `final`,
 * for a receipt against a checkpoint cosigned by a quorum of members (the
 * node waits up to 10 s, then answers `final: false` with its own receipt).
 */
export async function submitTransaction(
  signed: unknown,
  { final = false }: { final?: boolean } = {},
): Promise<SubmitResult> {
  let response: Response
  try {
    response = await fetch(`/v1/transactions?wait=${final ? 'final' : 'true'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(signed),
    })
  } catch (cause) {
    throw new ApiError('NETWORK', String(cause), 0)
  }
  const body = await readJson<{ results: SubmitResult[] }>(response)
  const result = body.results?.[0]
  if (!result) throw new ApiError('INVALID_RESPONSE', 'the node returned no result', response.status)
  return result
}

/** The organisation's theme (`{ network, origin, theme: { name, logoUrl, colors } }`); defaults when absent. */
export async function getUiConfig(): Promise<UiConfig> {
  try {
    const raw = await getJson<Record<string, unknown>>('/v1/config/ui')
    const theme = (raw.theme ?? raw) as Record<string, unknown>
    const colors = (theme.colors ?? theme.colours ?? {}) as Record<string, string>
    const config: UiConfig = { colors }
    if (typeof theme.name === 'string') config.name = theme.name
    const logo = theme.logoUrl ?? theme.logo
    if (typeof logo === 'string') config.logo = logo
    if (Array.isArray(theme.languages)) config.languages = theme.languages as string[]
    if (typeof theme.defaultLanguage === 'string') config.defaultLanguage = theme.defaultLanguage
    return config
  } catch {
    return { colors: {} }
  }
}
