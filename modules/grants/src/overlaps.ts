import type { StateReader } from '@tabularium/ledger'
import { awardKey } from './keys.js'
import type { Award, Overlap, Period } from './types.js'

/** Normalised project reference, so `EU-Green 42` and `eu-green-42` match. */
export function projectRef(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** True when two cost periods (inclusive dates) share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to
}

/**
 * Every award on the network — from any funder — to the same organisation
 * or for the same project whose cost period overlaps: the evidence of a
 * possible double funding, shown to evaluators before the decision.
 *
 * @example findOverlaps(ctx, { organisation: 'BE0123456789', project: 'green-roofs', costPeriod })
 */
export function findOverlaps(
  ctx: StateReader,
  p: { organisation: string; project: string; costPeriod: Period; except?: string },
): Overlap[] {
  const ids = new Set<string>()
  for (const prefix of [`byOrganisation/${p.organisation}/`, `byProject/${projectRef(p.project)}/`])
    for (const { key } of ctx.list(prefix, { limit: 1000 })) ids.add(key.slice(prefix.length))
  const overlaps: Overlap[] = []
  for (const id of [...ids].sort()) {
    const award = ctx.get<Award>(awardKey(id))
    if (award === undefined || id === p.except || !periodsOverlap(award.costPeriod, p.costPeriod)) continue
    overlaps.push({
      award: id,
      call: award.call,
      funder: award.funder,
      organisation: award.organisation,
      project: award.project,
      costPeriod: award.costPeriod,
      amount: award.amount,
      sameOrganisation: award.organisation === p.organisation,
      sameProject: projectRef(award.project) === projectRef(p.project),
    })
  }
  return overlaps
}
