import type { Database } from 'better-sqlite3'
import { expectSame, LedgerAlteredError } from './alteration.js'
import { checkNote, readHead } from './checkHead.js'
import { checkLogRange, type LogWalk, type RangeContext, startLogWalk } from './checkLogRange.js'
import { createNoteVerifier, type NoteKeys, type NoteVerifier } from './createNoteVerifier.js'
import { type CheckpointRowRaw, createLogReader, type LogReader } from './logReader.js'
import { readLedgerIdentity } from './readLedgerIdentity.js'
import { rootOfFrontier } from './treeHashes.js'

/** Work per pass of the log scrubber. */
export interface LogScrubBudget {
  /** Entries the cycle over the whole log checks per pass. */
  leavesPerPass: number
  /** Entries appended since the last pass checked per pass at most (the rest next time). */
  newLeavesPerPass: number
  /** Old checkpoint notes whose signatures are verified per pass. */
  notesPerPass: number
}

/** Where the log scrubber stands after a pass. */
export interface LogPassResult {
  treeSize: number
  /** Every entry below this was checked since the scrubber started (appended ones first). */
  checkedUpTo: number
  /** The cycle over the whole log: the next entry it checks, where this cycle ends, how many completed. */
  cycle: { at: number; end: number; completed: number }
}

/** Checks a ledger file's log pass by pass, each pass in one read transaction. */
export interface LogScrubber {
  /** One pass; throws LedgerAlteredError. */
  pass(): LogPassResult
}

/** Entries read per range check: bounds the memory of a pass. */
const CHUNK = 4096

/**
 * The log half of the integrity scrubber, over its own read-only connection:
 * every pass reads one snapshot and checks the entries appended since the
 * last pass, the latest checkpoint (and its signatures when it changed), a
 * slice of a cycle over the whole log, and a few old notes' signatures.
 * The tree and entries up to the size it starts at are trusted only once the
 * cycle has been over them; its starting frontier must match the signed root.
 *
 * @example const scrubber = createLogScrubber({ db, budget }); scrubber.pass()
 */
export function createLogScrubber(p: {
  db: Database
  budget: LogScrubBudget
  noteKeys?: NoteKeys | undefined
}): LogScrubber {
  const reader = createLogReader(p.db)
  const start = p.db.transaction(() => startState(reader, p.noteKeys))()
  const { identity, verifyNote } = start
  const newest = start.newest
  let cycle = startLogWalk()
  // Each cycle covers the log as it was when the cycle began; what is
  // appended meanwhile is the newest walk's, and the next cycle's. (Chasing
  // the growing end, a cycle slower than the writer would never wrap.)
  let cycleEnd = newest.size
  let cycles = 0
  const notes: NoteCycle = { at: 0, end: newest.size }
  let verifiedHeadNote = start.headNote
  return {
    pass: p.db.transaction((): LogPassResult => {
      const head = readHead(reader, identity)
      const context: RangeContext = { reader, origin: identity.origin, head: { treeSize: head[0], root: head[2] } }
      if (head[4] !== verifiedHeadNote) verifiedHeadNote = checkNote(verifyNote, head)
      advance(context, newest, Math.min(head[0], newest.size + p.budget.newLeavesPerPass))
      if (cycle.size >= cycleEnd) {
        if (cycleEnd > 0) cycles++
        cycle = startLogWalk()
        cycleEnd = newest.size
      }
      advance(context, cycle, Math.min(cycleEnd, cycle.size + p.budget.leavesPerPass))
      checkOldNotes(reader, verifyNote, notes, p.budget.notesPerPass, head[0])
      return {
        treeSize: head[0],
        checkedUpTo: newest.size,
        cycle: { at: cycle.size, end: cycleEnd, completed: cycles },
      }
    }),
  }
}

function startState(reader: LogReader, noteKeys: NoteKeys | undefined) {
  const identity = readLedgerIdentity(reader, noteKeys)
  const verifyNote = createNoteVerifier(identity.noteKeys)
  const head = readHead(reader, identity)
  const headNote = checkNote(verifyNote, head)
  return { identity, verifyNote, headNote, newest: walkAt(reader, head) }
}

/** A walk standing at the latest checkpoint, its frontier read from the stored tree and held to the signed root. */
function walkAt(reader: LogReader, head: CheckpointRowRaw): LogWalk {
  const [treeSize, block, root] = head
  const frontier: Buffer[] = []
  let at = 0
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level
    if (at + width > treeSize) continue
    const node = reader.node(level, at / width)
    if (node === undefined) {
      throw new LedgerAlteredError({
        code: 'LEDGER_ALTERED',
        table: 'nodes',
        row: { level, index: at / width },
        column: 'row',
        expected: 'present',
        found: 'missing',
        message: `tree node (${level}, ${at / width}) is missing`,
      })
    }
    frontier.push(node)
    at += width
  }
  const where = { table: 'nodes' as const, row: { treeSize }, column: 'hash' }
  expectSame(
    where,
    root.toString('hex'),
    rootOfFrontier(frontier).toString('hex'),
    `the stored tree does not lead to the root signed at size ${treeSize}`,
  )
  return { size: treeSize, frontier, lastBlock: block }
}

function advance(context: RangeContext, walk: LogWalk, to: number): void {
  while (walk.size < to) checkLogRange(context, walk, Math.min(to, walk.size + CHUNK))
}

/** The cycle over checkpoint notes: the next size, and the head when the cycle began (as for entries). */
interface NoteCycle {
  at: number
  end: number
}

/** Verifies the signatures of the cycle's next `count` notes. */
function checkOldNotes(reader: LogReader, verify: NoteVerifier, cycle: NoteCycle, count: number, head: number): void {
  if (cycle.at > cycle.end) {
    cycle.at = 0
    cycle.end = head
  }
  const rows = reader.checkpointsFrom(cycle.at, count).filter(([treeSize]) => treeSize <= cycle.end)
  for (const row of rows) checkNote(verify, row)
  const last = rows[rows.length - 1]
  cycle.at = rows.length < count || last === undefined ? cycle.end + 1 : last[0] + 1
}
