export type { BallotsLedger } from './ballotFixture.js'
export {
  codeHash,
  codeOf,
  createIssuer,
  ephemeralSigner,
  messageOf,
  obtainToken,
  openBallotsLedger,
} from './ballotFixture.js'
export { dealAll, finalShare, openSharesOf, registerCeremonyKeys, runCeremony } from './ceremony.js'
