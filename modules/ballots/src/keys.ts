/** The module's name. */
export const BALLOTS = 'ballots'

/** The role that may create ballots, petitions and censuses (members may too). */
export const ORGANISER_ROLE = 'ballots:organiser'

/** The role of a token desk: records that a census member received a token (members may too). */
export const ISSUER_ROLE = 'ballots:issuer'

/** `processes/<id>` → 'ballot' | 'petition': one id space for both, so a token is never valid for two. */
export const processKey = (id: string) => `processes/${id}`
/** `ballots/<id>` → BallotRecord. */
export const ballotKey = (id: string) => `ballots/${id}`
/** `petitions/<id>` → PetitionRecord. */
export const petitionKey = (id: string) => `petitions/${id}`
/** `ceremony/<id>` → Ceremony: keys, dealings, confirmations, complaints' outcomes, then the election key. */
export const ceremonyKey = (id: string) => `ceremony/${id}`
/** `shares/<id>/<dealer>` → string[]: the dealer's encrypted shares, one per trustee in order. */
export const sharesKey = (id: string, dealer: string) => `shares/${id}/${dealer}`
/** `census/<id>/<sha256 of a one-time code>` → true. */
export const censusKey = (id: string, hash: string) => `census/${id}/${hash}`
/** `issued/<id>/<census member hash>` → time: who received a token (never which token). */
export const issuedKey = (id: string, member: string) => `issued/${id}/${member}`
/** `nullifiers/<id>/<nullifier>` → CastRecord: the ballot that counts for that token. */
export const nullifierKey = (id: string, nullifier: string) => `nullifiers/${id}/${nullifier}`
/** `counters/<id>` → Counters. */
export const countersKey = (id: string) => `counters/${id}`
/** `tally/<id>` → the running encrypted sum per question (Ciphertext[][]). */
export const tallyKey = (id: string) => `tally/${id}`
/** `partials/<id>` → { [trustee member id]: PartialDecryption[] } (one per question). */
export const partialsKey = (id: string) => `partials/${id}`
/** `results/<id>` → BallotResult. */
export const resultKey = (id: string) => `results/${id}`
