/** The residency credential as an SD-JWT VC (`vct`) and as a JWT VC (type): what a fund may ask for. */
export const CREDENTIAL_TYPES = [
  ['https://schemas.tabularium.org/residency/v1', 'fund.credential.residencySd'],
  ['ResidencyCredential', 'fund.credential.residencyJwt'],
] as const
