import { G, type GroupPoint, Point } from '../election/group.js'
import { VotingError } from '../errors.js'

const tables = new Map<number, { step: number; babies: Map<string, number>; giant: GroupPoint }>()

/**
 * Recovers each count m from g^m by baby-step giant-step (Shanks), for
 * 0 <= m <= maxVotes: about 2·sqrt(maxVotes) point operations per count
 * (~1,000 for a million ballots). A point with no such m — a tally decrypted
 * with wrong or too few shares — throws `TALLY_OUT_OF_RANGE`.
 *
 * @example decodeTally({ points, maxVotes: ballots.length }) // [412, 96, 0, 7]
 */
export function decodeTally(params: { points: GroupPoint[]; maxVotes: number }): number[] {
  const { points, maxVotes } = params
  if (!Number.isInteger(maxVotes) || maxVotes < 0 || maxVotes > 2 ** 40) {
    throw new VotingError('INVALID_PARAMETERS', 'maxVotes must be an integer in [0, 2^40]')
  }
  const { step, babies, giant } = tableFor(maxVotes)
  return points.map((point, k) => {
    let current = point
    for (let i = 0; i * step <= maxVotes; i++) {
      const j = babies.get(keyOf(current))
      if (j !== undefined && i * step + j <= maxVotes) return i * step + j
      current = current.subtract(giant)
    }
    throw new VotingError('TALLY_OUT_OF_RANGE', `count ${k} is not a number of votes up to ${maxVotes}`, {
      details: { index: k, maxVotes },
    })
  })
}

function tableFor(maxVotes: number) {
  const step = Math.max(1, Math.ceil(Math.sqrt(maxVotes + 1)))
  const cached = tables.get(step)
  if (cached !== undefined) return cached
  const babies = new Map<string, number>()
  let p = Point.ZERO
  for (let j = 0; j < step; j++) {
    babies.set(keyOf(p), j)
    p = p.add(G)
  }
  const table = { step, babies, giant: p }
  tables.set(step, table)
  return table
}

function keyOf(point: GroupPoint): string {
  return point.is0() ? '0' : point.toHex(true)
}
