import { MAX_ADD_CHECKPOINT_BYTES } from '../routes/witnessRoutes.js'
import type { ApiResponse, ApiRoute } from './apiRoutes.js'

const text = (status: number, description: string, contentType = 'text/plain'): ApiResponse => ({
  status,
  description,
  contentType,
})

/**
 * The C2SP tlog-witness endpoint and the witnesses' state. add-checkpoint
 * answers in the protocol's terms (status codes, plain text), not with
 * catalogue errors.
 *
 * @example WITNESS_ROUTES.map((r) => r.path) // ['/add-checkpoint', '/v1/witnesses']
 */
export const WITNESS_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/add-checkpoint',
    operationId: 'addCheckpoint',
    tag: 'witness',
    summary: 'C2SP tlog-witness add-checkpoint: cosign a checkpoint consistent with the last one recorded',
    description:
      "This node as a witness (c2sp.org/tlog-witness) of its own network's log and of the logs in `witness.logs`. Answers follow the specification, not the error catalogue: plain-text bodies, and a 409 with the recorded size as `text/x.tlog.size` when `old` is not it. Check order: form (400), origin (404), a log signature (403), `old` ≤ the checkpoint size (400), `old` = the recorded size (409 + size), same size ⇒ same root (409, equivocation), the consistency proof (422); for this node's own network, that its own log holds the checkpoint (503 not executed that far yet, 409 another root); then the checkpoint is recorded durably and cosigned.",
    textBody: {
      contentType: 'text/plain',
      description: `\`old <size>\\n\`, 0–63 lines of base64 consistency proof hashes (none when old is 0), an empty line, then the signed checkpoint note. At most ${MAX_ADD_CHECKPOINT_BYTES} bytes.`,
    },
    responses: [
      text(200, 'One tlog-cosignature line (`— <witness key name> <base64>`) by this node’s witness key'),
      text(400, 'Malformed body, old size larger than the checkpoint, or body too large'),
      text(403, 'No valid signature by a key this witness trusts for the origin'),
      text(404, 'Unknown log origin'),
      text(
        409,
        '`old` is not the recorded size (body: that size, `text/x.tlog.size`), or another root at the recorded size (equivocation, text/plain)',
        'text/x.tlog.size|text/plain',
      ),
      text(422, 'The consistency proof does not verify'),
      text(
        503,
        "This node's own network: it has not executed the log that far yet, or it has stopped (`Retry-After: 1`)",
      ),
    ],
    errors: [],
  },
  {
    method: 'get',
    path: '/v1/witnesses',
    operationId: 'getWitnesses',
    tag: 'witness',
    summary: "What this node witnesses, and outside witnesses' cosignatures of its checkpoints",
    description:
      "`{ witness: { key, logs: [{ origin, treeSize, rootHash, recordedAt }] } | null, witnesses: [{ url, name, key, cosignedSize, cosignedAt, note, lastError, cosignatures, failures }] }`: `witnesses` are the outside witnesses of `witness.push`; `note` is this node's checkpoint of `cosignedSize` with that witness's cosignature appended. Outside cosignatures are extra evidence: they do not count towards the members' witness quorum.",
    responses: [{ status: 200, description: 'The witnesses' }],
    errors: [],
  },
]
