import { bytesToHex } from './base64.js'

/**
 * SHA-256 of a file, computed in this browser with WebCrypto: the file is read
 * locally and never sent anywhere.
 */
export async function hashFile(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return bytesToHex(new Uint8Array(digest))
}
