import { BaseError } from '@tabularium/core'

/** Codes raised by the node itself at startup (never on the wire: they are not HTTP errors). */
export type NodeErrorCode = 'INVALID_CONFIG' | 'INVALID_DATA_DIR'

/**
 * An error of `@tabularium/node` outside a request: bad configuration or an
 * unusable data directory.
 *
 * @example throw new NodeError('INVALID_CONFIG', 'port: expected a number', { details: { issues } })
 */
export class NodeError extends BaseError<NodeErrorCode> {}
