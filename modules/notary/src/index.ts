export { revoke } from './actions/revoke.js'
export { stamp } from './actions/stamp.js'
export { hashKey, MAX_STAMPS_PER_HASH, NOTARY, STAMPER_ROLE } from './keys.js'
export { notary } from './notary.js'
export { notaryProjection } from './projection.js'
export { byHash, viewOf } from './queries/byHash.js'
export { list } from './queries/list.js'
export { stats } from './queries/stats.js'
export {
  DocTypeSchema,
  HashSchema,
  MetadataSchema,
  RevokeArgsSchema,
  STAMP_LIMITS,
  StampArgsSchema,
  TxidSchema,
} from './schemas.js'
export type { Metadata, Revocation, Stamp, StampView } from './types.js'
