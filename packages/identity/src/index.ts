// @tabularium/identity: DIDs, W3C VCs (JWT, EBSI profile), SD-JWT VCs, status
// lists and one verification pipeline. Browser-safe: no node: imports.

export { didKeyDocument, didKeyKid } from './did/didKeyDocument.js'
export type { ResolveDidOptions } from './did/resolveDid.js'
// DIDs
export { createDidResolver, resolveDid } from './did/resolveDid.js'
export type { ResolveVerificationKeyParameters } from './did/resolveVerificationKey.js'
export { resolveVerificationKey } from './did/resolveVerificationKey.js'
export type {
  DidDocument,
  DidRegistry,
  DidResolver,
  VerificationMethod,
  VerificationRelationship,
} from './did/types.js'
export type { IdentityErrorCode } from './errors.js'
export { IDENTITY_ERROR_CODES, IdentityError } from './errors.js'
export type { DecodedJwt } from './jwt/decodeJwt.js'
export { decodeJwt, MAX_JWT_LENGTH } from './jwt/decodeJwt.js'
export type { Signer } from './jwt/signer.js'
// JWS / JWT
export { webCryptoSigner } from './jwt/signer.js'
export type { SignJwtParameters } from './jwt/signJwt.js'
export { signJwt } from './jwt/signJwt.js'
export type { VerifyJwsParameters } from './jwt/verifyJws.js'
export { DEFAULT_ALGORITHMS, verifyJws } from './jwt/verifyJws.js'
export type { VerifyJwtParameters } from './jwt/verifyJwt.js'
export { verifyJwt } from './jwt/verifyJwt.js'
export { sdJwtHasher, sdJwtSaltGenerator, sdJwtSigner } from './sdjwt/bridge.js'
export type { IssueSdJwtVcParameters } from './sdjwt/issueSdJwtVc.js'
// SD-JWT VC
export { issueSdJwtVc } from './sdjwt/issueSdJwtVc.js'
export type { PresentSdJwtVcParameters } from './sdjwt/presentSdJwtVc.js'
export { presentSdJwtVc } from './sdjwt/presentSdJwtVc.js'
export { revealClaims } from './sdjwt/revealClaims.js'
export { verifyKeyBinding } from './sdjwt/verifyKeyBinding.js'
// Status lists
export { createBitstring, getBit, MIN_STATUS_LIST_LENGTH, setBit } from './status/bitstring.js'
export type { CheckCredentialStatusParameters, FetchStatusList } from './status/checkCredentialStatus.js'
export { checkCredentialStatus } from './status/checkCredentialStatus.js'
export { createStatusEntry } from './status/createStatusEntry.js'
export type { StatusListFormat } from './status/encodedList.js'
export { decodeStatusList, encodeStatusList, MAX_STATUS_LIST_BYTES } from './status/encodedList.js'
export type { IssueStatusListCredentialParameters } from './status/issueStatusListCredential.js'
export { issueStatusListCredential } from './status/issueStatusListCredential.js'
export type { CreateJwtVpParameters } from './vc/createJwtVp.js'
export { createJwtVp } from './vc/createJwtVp.js'
export { toDateTime, toNumericDate } from './vc/dates.js'
export type { IssueJwtVcParameters } from './vc/issueJwtVc.js'
// W3C VC as JWT (EBSI profile)
export { algorithmOfKid, issueJwtVc } from './vc/issueJwtVc.js'
export { parseJwtVcPayload } from './vc/parseJwtVcPayload.js'
export type { CredentialSchema, CredentialStatus, JwtVcPayload, TermsOfUse, VerifiableCredential } from './vc/types.js'
export { BASE_CREDENTIAL_TYPES, VC_CONTEXT_V1 } from './vc/types.js'
export { checkAccreditation, checkSchemas, checkValidity } from './verify/checks.js'
export type {
  IsAccredited,
  KeyBindingExpectation,
  SchemaRegistry,
  SchemaValidator,
  VerifiedCredential,
  VerifyCredentialParameters,
} from './verify/types.js'
// Verification
export { verifyCredential } from './verify/verifyCredential.js'
export type { VerifyJwtVpParameters } from './verify/verifyJwtVp.js'
export { verifyJwtVp } from './verify/verifyJwtVp.js'
