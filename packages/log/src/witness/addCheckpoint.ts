import { LogError } from '../errors.js'
import { type AddCheckpointRequest, formatAddCheckpointRequest } from './addCheckpointRequest.js'
import { parseCosignatureLines, parseTlogSize, TLOG_SIZE_CONTENT_TYPE } from './witnessResponse.js'

/** Parameters of {@link addCheckpoint}. */
export type AddCheckpointParameters = AddCheckpointRequest & {
  /** The witness's submission prefix; the request goes to `<url>/add-checkpoint`. */
  url: string
  /** Defaults to the global fetch; a parameter so that servers and tests can pass their own. */
  fetch?: typeof globalThis.fetch
  signal?: AbortSignal
}

/**
 * What a witness answered: its cosignature lines (not yet verified: check
 * them against the witness's key, e.g. with `verifyCheckpoint`), or its
 * latest size when `oldSize` was not it, so that the caller can retry with a
 * consistency proof from that size.
 */
export type AddCheckpointResult =
  | { status: 'cosigned'; signatures: string[] }
  | { status: 'size-mismatch'; witnessSize: number }

// A witness's answer is a few signature lines or a size: anything much larger is not one.
const MAX_ANSWER_BYTES = 65_536

/**
 * Submits a checkpoint to a witness (c2sp.org/tlog-witness, add-checkpoint)
 * and reads its answer. Throws `INVALID_WITNESS_REQUEST` before sending a
 * malformed request, `WITNESS_UNREACHABLE` when no answer came,
 * `WITNESS_REFUSED` for any other status (details: `status`, `reason`), and
 * `WITNESS_RESPONSE_INVALID` for an answer that is not what the protocol says.
 *
 * @example
 * const answer = await addCheckpoint({ url: 'https://witness.example', oldSize: 5, proof, note })
 * if (answer.status === 'size-mismatch') retryFrom(answer.witnessSize)
 */
export async function addCheckpoint({
  url,
  oldSize,
  proof,
  note,
  fetch = globalThis.fetch,
  signal,
}: AddCheckpointParameters): Promise<AddCheckpointResult> {
  const body = formatAddCheckpointRequest({ oldSize, proof, note })
  const response = await send({ fetch, url: endpointOf(url), body, signal })
  const text = await readAnswer(response)
  if (response.status === 200) return { status: 'cosigned', signatures: parseCosignatureLines(text) }
  // A 409 with a size means "not your old size"; a 409 without one is the same size with another root.
  if (response.status === 409 && mediaType(response) === TLOG_SIZE_CONTENT_TYPE)
    return { status: 'size-mismatch', witnessSize: parseTlogSize(text) }
  throw new LogError('WITNESS_REFUSED', `the witness answered ${response.status}`, {
    details: { status: response.status, reason: text.slice(0, 200).trim() },
  })
}

async function send(p: {
  fetch: typeof globalThis.fetch
  url: string
  body: string
  signal: AbortSignal | undefined
}): Promise<Response> {
  try {
    return await p.fetch(p.url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: p.body,
      ...(p.signal === undefined ? {} : { signal: p.signal }),
    })
  } catch (cause) {
    throw new LogError('WITNESS_UNREACHABLE', `no answer from the witness at ${p.url}`, { cause })
  }
}

async function readAnswer(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (reader === undefined) return ''
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > MAX_ANSWER_BYTES) {
        await reader.cancel().catch(() => undefined)
        throw new LogError('WITNESS_RESPONSE_INVALID', `the witness answered more than ${MAX_ANSWER_BYTES} bytes`)
      }
      chunks.push(value)
    }
  } catch (cause) {
    if (cause instanceof LogError) throw cause
    throw new LogError('WITNESS_UNREACHABLE', 'the witness answer was cut off', { cause })
  }
  return decodeUtf8(chunks)
}

function decodeUtf8(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode()
  } catch (cause) {
    throw new LogError('WITNESS_RESPONSE_INVALID', 'the witness answer is not UTF-8', { cause })
  }
}

// The submission prefix may be written with a trailing slash.
function endpointOf(prefix: string): string {
  let end = prefix.length
  while (end > 0 && prefix[end - 1] === '/') end--
  return `${prefix.slice(0, end)}/add-checkpoint`
}

function mediaType(response: Response): string | undefined {
  return response.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase()
}
