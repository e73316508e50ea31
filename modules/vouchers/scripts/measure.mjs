#!/usr/bin/env node
// Measures voucher redemptions on a real ledger with the benchmark's own code
// (scripts/bench/vouchers.mjs: SQLite on disk, every signature verified,
// durable group commit), at sizes of your choice. Prints one JSON object.
// Options: --beneficiaries N --providers N --sustained N --rate R --seconds S.
import { parseArgs } from 'node:util'
import { measureVouchers } from '../../../scripts/bench/vouchers.mjs'

const { values } = parseArgs({
  options: {
    beneficiaries: { type: 'string', default: '100000' },
    providers: { type: 'string', default: '1000' },
    sustained: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
  },
})
const sizes = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Number(value)]))
const result = await measureVouchers(sizes)
console.log(
  JSON.stringify(
    {
      ...sizes,
      redemptionsPerSecond: Math.round(result.perSecond),
      p50Ms: Math.round(result.p50 * 10) / 10,
      p99Ms: Math.round(result.p99 * 10) / 10,
    },
    null,
    2,
  ),
)
