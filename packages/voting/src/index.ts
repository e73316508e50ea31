export type { EncryptedBallot } from './election/ballot.js'
export type { BudgetBallot, BudgetRule, SlackProof } from './election/budget.js'
export { assertWithinBudget, encryptBudgetVote, scaleBudgetRule, verifyBudgetBallot } from './election/budget.js'
export type { Ciphertext, EncodedCiphertext } from './election/ciphertext.js'
export type { ElectionParameters } from './election/electionParameters.js'
export { assertElectionParameters, MAX_OPTIONS } from './election/electionParameters.js'
export { encryptVote } from './election/encryptVote.js'
export type { GroupPoint, RandomBytes } from './election/group.js'
// Secret ballots: threshold exponential ElGamal on P-256
export { cryptoRandom, POINT_BYTES } from './election/group.js'
export { verifyBallot } from './election/verifyBallot.js'
export type { GroupBackend } from './engine/groupBackend.js'
export { nobleGroup } from './engine/groupBackend.js'
export type { VotingEngine } from './engine/votingEngine.js'
export { jsEngine } from './engine/votingEngine.js'
export type { VotingErrorCode } from './errors.js'
export { VotingError } from './errors.js'
export type { MembershipProof } from './proofs/membership.js'
export type { SchnorrProof } from './proofs/schnorr.js'
export { addCiphertexts } from './tally/addCiphertexts.js'
export type { AffineSum } from './tally/aggregatePacked.js'
export {
  aggregatePacked,
  packBallots,
  packedBallotBytes,
  slotsToTally,
  sumPackedSlots,
} from './tally/aggregatePacked.js'
export { combineShares } from './tally/combineShares.js'
export { decodeTally } from './tally/decodeTally.js'
export { decryptTally } from './tally/decryptTally.js'
export type { BlindingState } from './tokens/blindToken.js'
export { blindToken, TOKEN_MESSAGE_BYTES } from './tokens/blindToken.js'
// Anonymous eligibility: RFC 9474 blind RSA tokens
export { createTokenIssuer } from './tokens/createTokenIssuer.js'
export type { Token } from './tokens/finalizeToken.js'
export { finalizeToken } from './tokens/finalizeToken.js'
export { signBlinded } from './tokens/signBlinded.js'
export type { TokenPrivateKey, TokenPublicKey, TokenVariant } from './tokens/tokenKeys.js'
export { TOKEN_MODULUS_BITS, TOKEN_VARIANTS } from './tokens/tokenKeys.js'
export { NULLIFIER_DOMAIN, tokenNullifier, verifyToken } from './tokens/verifyToken.js'
export type { Rsavp1 } from './tokens/verifyTokenSync.js'
export { verifyTokenSync } from './tokens/verifyTokenSync.js'
export type { CeremonyKey } from './trustees/ceremonyKey.js'
export { createCeremonyKey, verifyCeremonyKey } from './trustees/ceremonyKey.js'
export type { Complaint, ComplaintVerdict } from './trustees/complaint.js'
export { fileComplaint, judgeComplaint } from './trustees/complaint.js'
export type { DealerProof } from './trustees/dealerProof.js'
export { proveDealerKnowledge, verifyDealerKnowledge } from './trustees/dealerProof.js'
export type { Dealing, KeyShare } from './trustees/dealShares.js'
export { dealShares, MAX_TRUSTEES } from './trustees/dealShares.js'
export type {
  CeremonyTrustee,
  EncryptedDealing,
  ReceivedDealing,
  ReceivedShares,
} from './trustees/encryptedDealing.js'
export { dealEncryptedShares, decryptShare, openReceivedShares } from './trustees/encryptedDealing.js'
export type { EqualityProof, PartialDecryption } from './trustees/partialDecrypt.js'
export { partialDecrypt, verifyDecryption } from './trustees/partialDecrypt.js'
export type { ShareRoute } from './trustees/shareCipher.js'
export { SHARE_CIPHERTEXT_BYTES, shareCiphertextBytes } from './trustees/shareCipher.js'
export { combineDealings, sumShares, trusteeVerificationKey, verifyShare } from './trustees/verifyShare.js'
