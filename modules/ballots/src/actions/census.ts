import { type ActionContext, defineAction } from '@tabularium/ledger'
import { fail } from '../fail.js'
import {
  ballotKey,
  censusKey,
  countersKey,
  ISSUER_ROLE,
  issuedKey,
  ORGANISER_ROLE,
  petitionKey,
  processKey,
} from '../keys.js'
import { phaseAt } from '../rules/schedule.js'
import { AddCensusCodesArgsSchema, IssueTokenArgsSchema } from '../schemas.js'
import type { BallotRecord, PetitionRecord } from '../types.js'
import { getCounters } from './read.js'

function processOf(ctx: ActionContext, id: string): { key: string; record: BallotRecord | PetitionRecord } {
  const kind = ctx.get<string>(processKey(id))
  const key = kind === 'ballot' ? ballotKey(id) : petitionKey(id)
  const record = kind === undefined ? undefined : ctx.get<never>(key)
  return record === undefined ? fail('NOT_FOUND', `no ballot or petition ${id}`, { process: id }) : { key, record }
}

/**
 * `ballots.addCensusCodes`: adds hashes of one-time postal codes to a list
 * census, before the process opens (the census is frozen from then on). The
 * codes themselves never reach the ledger.
 *
 * @example { process: 'pb-2026', codeHashes: ['9f86d081…', …] }
 */
export const addCensusCodes = defineAction({
  description: 'Adds SHA-256 hashes of one-time postal codes to a list census (before it opens).',
  args: AddCensusCodesArgsSchema,
  access: { roles: [ORGANISER_ROLE, 'member'] },
  execute(ctx, args) {
    const { key, record } = processOf(ctx, args.process)
    if (record.census.kind !== 'list') fail('CONFLICT', `${args.process} has a credential census, not a list`)
    if (phaseAt(record, ctx.time) !== 'scheduled')
      fail('BALLOT_NOT_OPEN', 'the census is frozen once the process opens', { status: 'open' })
    let added = 0
    for (const hash of new Set(args.codeHashes)) {
      if (ctx.get(censusKey(args.process, hash)) !== undefined) continue
      ctx.put(censusKey(args.process, hash), true)
      added++
    }
    ctx.put(key, { ...record, census: { kind: 'list', size: record.census.size + added } } as never)
    ctx.emit('censusExtended', { process: args.process, added, size: record.census.size + added })
  },
})

/**
 * `ballots.issueToken`: the token desk records that census member `member`
 * (a hash: of a one-time code, or of the credential subject) received its
 * eligibility token for a process — and nothing about the token, which the
 * desk saw only blinded. One token per census member.
 *
 * @example { process: 'pb-2026', member: '9f86d081…' }
 */
export const issueToken = defineAction({
  description: 'Records that a census member received its (blind-signed) eligibility token; one per member.',
  args: IssueTokenArgsSchema,
  access: { roles: [ISSUER_ROLE, 'member'] },
  execute(ctx, args) {
    const { record } = processOf(ctx, args.process)
    if (phaseAt(record, ctx.time) === 'closed')
      fail('BALLOT_NOT_OPEN', `${args.process} is closed`, { status: 'closed' })
    if (record.census.kind === 'list' && ctx.get(censusKey(args.process, args.member)) === undefined) {
      fail('NOT_IN_CENSUS', `this one-time code is not in the census of ${args.process}`, { process: args.process })
    }
    const key = issuedKey(args.process, args.member)
    if (ctx.get(key) !== undefined)
      fail('TOKEN_ALREADY_ISSUED', `this census member already has a token for ${args.process}`)
    ctx.put(key, true)
    const counters = getCounters(ctx, args.process)
    ctx.put(countersKey(args.process), { ...counters, issued: counters.issued + 1 })
    ctx.emit('tokenIssued', { process: args.process, member: args.member })
  },
})
