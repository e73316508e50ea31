export type { Checkpoint } from './checkpoint/checkpoint.js'
export { formatCheckpoint, parseCheckpoint } from './checkpoint/checkpoint.js'
export type {
  CheckpointPolicy,
  VerifyCheckpointParameters,
  VerifyCheckpointResult,
} from './checkpoint/verifyCheckpoint.js'
export { verifyCheckpoint } from './checkpoint/verifyCheckpoint.js'
export type { LogErrorCode } from './errors.js'
export { LogError } from './errors.js'
export { EMPTY_ROOT, HASH_SIZE, hashChildren, hashLeaf } from './hash.js'
export type { NoteSignatureType, NoteVerifierKey } from './note/noteKey.js'
export {
  formatVerifierKey,
  NOTE_SIGNATURE_COSIGNATURE_V1,
  NOTE_SIGNATURE_ED25519,
  noteKeyId,
  parseVerifierKey,
} from './note/noteKey.js'
export type { Ed25519NoteSigner, NoteSigner } from './note/noteSigner.js'
export { createEd25519Cosigner, createEd25519NoteSigner } from './note/noteSigner.js'
export { MAX_NOTE_SIGNATURES, MAX_NOTE_SIZE } from './note/noteText.js'
export type { OpenedNote, VerifiedNoteSignature } from './note/openNote.js'
export { openNote } from './note/openNote.js'
export type { NoteSignerKey } from './note/signerKey.js'
export { formatSignerKey, parseSignerKey } from './note/signerKey.js'
export { addNoteSignatures, createSignatureLine, signNote } from './note/signNote.js'
export { MAX_PROOF_LENGTH } from './proof/assertProof.js'
export type { VerifyConsistencyParameters } from './proof/verifyConsistency.js'
export { verifyConsistency } from './proof/verifyConsistency.js'
export type { RootFromInclusionProofParameters, VerifyInclusionParameters } from './proof/verifyInclusion.js'
export { rootFromInclusionProof, verifyInclusion } from './proof/verifyInclusion.js'
export type { NodeCoordinates, VerifyLeafRangeParameters } from './proof/verifyLeafRange.js'
export { leafRangeNodes, verifyLeafRange } from './proof/verifyLeafRange.js'
export type { Receipt } from './receipt/receipt.js'
export { assertReceipt, createReceipt, MAX_RECEIPT_LEAF_SIZE } from './receipt/receipt.js'
export type { ReceiptTrust, VerifyReceiptResult } from './receipt/verifyReceipt.js'
export { verifyReceipt } from './receipt/verifyReceipt.js'
export { formatEntryBundle, MAX_ENTRY_SIZE, parseEntryBundle } from './tiles/entryBundle.js'
export type { FetchTile, ReadLeafRangeParameters } from './tiles/readLeafRange.js'
export { readLeafRange } from './tiles/readLeafRange.js'
export { readTile, tileWidth } from './tiles/readTile.js'
export type { NodeInTile } from './tiles/tileNodes.js'
export { nodeFromTile, tileOfNode } from './tiles/tileNodes.js'
export type { TileCoordinates } from './tiles/tilePath.js'
export { formatTilePath, parseTilePath, TILE_WIDTH } from './tiles/tilePath.js'
export { MAX_TREE_SIZE } from './tree/bits.js'
export type { ConsistencyProofParameters } from './tree/consistencyProof.js'
export { consistencyProof } from './tree/consistencyProof.js'
export type { MemoryTree } from './tree/createMemoryTree.js'
export { createMemoryTree } from './tree/createMemoryTree.js'
export type { AppendLeavesParameters, AppendLeavesResult, Frontier } from './tree/frontier.js'
export { appendLeaves, rootFromFrontier } from './tree/frontier.js'
export { frontierFromNodes } from './tree/frontierFromNodes.js'
export type { InclusionProofParameters } from './tree/inclusionProof.js'
export { inclusionProof } from './tree/inclusionProof.js'
export type { GetNode, TreeNode } from './tree/node.js'
export { rootHash } from './tree/rootHash.js'
export type { AddCheckpointParameters, AddCheckpointResult } from './witness/addCheckpoint.js'
export { addCheckpoint } from './witness/addCheckpoint.js'
export type { AddCheckpointRequest } from './witness/addCheckpointRequest.js'
export {
  formatAddCheckpointRequest,
  MAX_WITNESS_PROOF_LINES,
  parseAddCheckpointRequest,
} from './witness/addCheckpointRequest.js'
export {
  formatTlogSize,
  parseCosignatureLines,
  parseTlogSize,
  TLOG_SIZE_CONTENT_TYPE,
} from './witness/witnessResponse.js'
