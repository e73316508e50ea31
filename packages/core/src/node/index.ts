export { generateKeyPair, signBytes, verifyBytesFast, publicKeyObject } from './sign.js'
export type { KeyPair } from './sign.js'
