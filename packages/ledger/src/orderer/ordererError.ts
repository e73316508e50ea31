import { BaseError } from '@tabularium/core'

/** Codes of orderer failures; they stop a node at start or are logged, never sent to clients. */
export type OrdererErrorCode = 'ETCD_UNREACHABLE' | 'ETCD_VERSION' | 'ETCD_REQUEST_FAILED' | 'ETCD_COMPACTED'

/**
 * A failure of the ordering service (etcd unreachable, wrong version, a
 * request refused). The `cause` carries the lower-level error.
 *
 * @example throw new OrdererError('ETCD_VERSION', 'etcd 3.3.1 is too old; 3.4 or later is needed')
 */
export class OrdererError extends BaseError<OrdererErrorCode> {
  override readonly name = 'OrdererError'
}
