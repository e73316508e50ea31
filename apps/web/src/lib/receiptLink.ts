import { base64ToBytes, base64UrlToBytes, bytesToBase64, bytesToBase64Url } from './base64.js'
import { assertReceipt, type Receipt, ReceiptFormatError } from './receipt.js'

// A receipt travels in a URL (and so in a QR code) as `r=<form><base64url>`:
// form `z` is the compact JSON deflated with `deflate-raw`, form `j` is the
// compact JSON uncompressed (for browsers without CompressionStream). The
// compact JSON carries the leaf as its UTF-8 text rather than base64 (it is
// JCS JSON, which deflates well) and drops the txid when the leaf holds it.

interface CompactReceipt extends Omit<Receipt, 'leaf' | 'txid'> {
  l: string
  txid?: string
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** Encodes a receipt for the `r` parameter of a portal link. */
export async function encodeReceiptParam(receipt: Receipt): Promise<string> {
  const { leaf, txid, ...rest } = receipt
  const leafText = decoder.decode(base64ToBytes(leaf))
  const compact: CompactReceipt = { ...rest, l: leafText }
  if (txidOfLeaf(leafText) !== txid) compact.txid = txid
  const json = encoder.encode(JSON.stringify(compact))
  if (typeof CompressionStream === 'undefined') return `j${bytesToBase64Url(json)}`
  return `z${bytesToBase64Url(await transform(json, new CompressionStream('deflate-raw')))}`
}

/** Decodes the `r` parameter of a portal link; throws `ReceiptFormatError('bad-link')`. */
export async function decodeReceiptParam(param: string): Promise<Receipt> {
  let compact: CompactReceipt
  try {
    const body = base64UrlToBytes(param.slice(1))
    const json = param[0] === 'z' ? await transform(body, new DecompressionStream('deflate-raw')) : body
    if (param[0] !== 'z' && param[0] !== 'j') throw new Error('unknown form')
    compact = JSON.parse(decoder.decode(json)) as CompactReceipt
    if (typeof compact.l !== 'string') throw new Error('no leaf')
  } catch {
    throw new ReceiptFormatError('bad-link')
  }
  const { l, txid, ...rest } = compact
  return assertReceipt({ ...rest, txid: txid ?? txidOfLeaf(l) ?? '', leaf: bytesToBase64(encoder.encode(l)) })
}

/** The portal URL that opens verification with this receipt in it. */
export async function receiptVerifyUrl(receipt: Receipt, origin = location.origin): Promise<string> {
  return `${origin}/#/verify?r=${await encodeReceiptParam(receipt)}`
}

/** Extracts the `r` parameter from a scanned or pasted portal link, if any. */
export function receiptParamOf(text: string): string | undefined {
  const match = /[?&]r=([zj][A-Za-z0-9_-]+)/.exec(text.trim())
  return match?.[1]
}

function txidOfLeaf(leafText: string): string | undefined {
  try {
    const entry = JSON.parse(leafText) as { txid?: unknown }
    return typeof entry.txid === 'string' ? entry.txid : undefined
  } catch {
    return undefined
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as TransformStream<Uint8Array, Uint8Array>)
  return new Uint8Array(await new Response(out).arrayBuffer())
}
