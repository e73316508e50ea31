/**
 * The lines of a byte stream, decoded as UTF-8, trimmed, empty ones skipped
 * (etcd's gateway streams a watch as one JSON object per line). A batch's
 * event is one line of a few hundred kB arriving in many chunks: the chunks
 * are kept as bytes and decoded once per line — appending them to a string
 * searched from its start flattened and copied it per chunk (~2 % of a
 * node's main thread). 0x0A never occurs inside a UTF-8 sequence.
 *
 * @example for await (const line of readLines(response.body)) handle(JSON.parse(line))
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let pending: Buffer[] = []
  for await (const chunk of chunks) {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    for (let newline = bytes.indexOf(0x0a); newline >= 0; newline = bytes.indexOf(0x0a)) {
      pending.push(bytes.subarray(0, newline))
      const line = Buffer.concat(pending).toString('utf8').trim()
      pending = []
      bytes = bytes.subarray(newline + 1)
      if (line !== '') yield line
    }
    if (bytes.length > 0) pending.push(bytes)
  }
}
