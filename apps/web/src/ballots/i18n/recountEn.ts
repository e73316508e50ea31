/**
 * English messages of the verified recount's progress and outcome: they come
 * with the ballots chunk (`recountMessages.ts`), not the first load; the other
 * languages' ballots catalogues hold them like every other key.
 */
export const recountEn = {
  'recount.stageCheckpoint': 'Verifying the log’s checkpoint…',
  'recount.stageEntries': 'Reading and proving log entries: {read} of {total}…',
  'recount.stageCount': 'Recounting from {entries} verified log entries…',
  'recount.verified': 'Checked {entries} log entries against checkpoint size {size} (root {root}), complete.',
  'recount.incomplete':
    'Checked {entries} log entries against checkpoint size {size} (root {root}), but the node pointed to the wrong end of the ballot: the recount may be incomplete.',
  'recount.notFinal': 'This checkpoint is signed by the node, but not yet cosigned by a quorum of members.',
  'recount.unverified': 'The log data this node served does not verify, so nothing it shows can be trusted: {message}',
  'recount.range': 'Log indexes checked',
} as const
