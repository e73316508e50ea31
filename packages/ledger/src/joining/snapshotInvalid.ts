import { ProtocolError } from '@tabularium/protocol'

/**
 * The error of a snapshot that failed verification: the message says what
 * was wrong first; nothing of the snapshot is installed.
 *
 * @example throw snapshotInvalid('the file holds a trigger', { object: 'x' })
 */
export function snapshotInvalid(reason: string, details: Record<string, unknown> = {}): ProtocolError {
  return new ProtocolError('SNAPSHOT_INVALID', `the snapshot failed verification: ${reason}`, {
    details: { reason, ...details },
  })
}
