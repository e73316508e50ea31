import { Agent, request } from 'node:http'

// One keep-alive agent for the benchmark's clients: node:http costs the
// client less CPU per request than fetch (undici's streams and Response), and
// on this 2-core machine the client's CPU is taken from the nodes under test.
const agent = new Agent({ keepAlive: true, maxSockets: 64 })

/**
 * POSTs a pre-serialised JSON body and resolves with the status once the
 * whole answer has arrived (read and dropped). Rejects on a network error.
 *
 * @example const status = await postJson(`${url}/v1/transactions?wait=true`, body)
 */
export function postJson(url, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => {})
        res.on('end', () => resolve(res.statusCode))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
