export type { KeyPair } from './sign.js'
export { generateKeyPair, publicKeyObject, signBytes, verifyBytesFast } from './sign.js'
