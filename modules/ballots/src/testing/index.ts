export type { BallotsLedger } from './ballotFixture.js'
export {
  codeHash,
  codeOf,
  createIssuer,
  ephemeralSigner,
  obtainToken,
  openBallotsLedger,
  runCeremony,
} from './ballotFixture.js'
