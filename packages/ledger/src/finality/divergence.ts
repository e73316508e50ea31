/** What a node knows at one tree size: members with its root, members with another. */
export interface SizeVotes {
  agree: ReadonlySet<string>
  disagree: ReadonlySet<string>
  members: readonly string[]
  quorum: number
}

/**
 * True when this node must consider itself the diverged one at a tree size:
 * a quorum of members signed another root, or so many did that its own root
 * can no longer gather a quorum. With a majority quorum, one altered node
 * among three stops while the other two only flag it; with a quorum that
 * needs everyone, both sides of a split stop — safe, as neither could become
 * final anyway.
 *
 * @example isOutvoted({ agree: new Set(['a']), disagree: new Set(['b', 'c']), members: ['a', 'b', 'c'], quorum: 2 }) // true
 */
export function isOutvoted(v: SizeVotes): boolean {
  if (v.disagree.size >= v.quorum) return true
  const undecided = v.members.filter((m) => !v.agree.has(m) && !v.disagree.has(m)).length
  return v.agree.size + undecided < v.quorum
}
