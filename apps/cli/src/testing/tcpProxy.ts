import { connect, createServer, type Socket } from 'node:net'

/** A TCP proxy on 127.0.0.1 that can be cut like a network link. */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string
  /** Cuts the link: nothing passes either way, nobody is told (no reset, no close). */
  cut(): void
  /** Restores the link: held data and connections go through again. */
  heal(): void
  close(): Promise<void>
}

interface Pair {
  client: Socket
  upstream: Socket | undefined
  /** Bytes from the client held while cut, before the upstream connection exists. */
  held: Buffer[]
}

/**
 * A proxy to `target` that models a network partition: `cut()` stops
 * reading from both sides of every connection, so bytes stay in flight and
 * no one gets a reset or a close — as when packets are dropped and TCP keeps
 * retransmitting; connections opened while cut are accepted but reach
 * nothing. `heal()` lets everything through again, as TCP recovers after a
 * short partition. (Stopping the etcd member a node talks to would not cut
 * it off: its client fails over to another member.)
 *
 * @example const proxy = await startTcpProxy({ port: 2379 }); proxy.cut(); …; proxy.heal()
 */
export async function startTcpProxy({ host = '127.0.0.1', port }: { host?: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>()
  let isCut = false
  const open = (pair: Pair) => {
    const upstream = connect({ host, port })
    pair.upstream = upstream
    for (const chunk of pair.held.splice(0)) upstream.write(chunk)
    upstream.on('data', (chunk) => pair.client.write(chunk))
    const end = () => close(pair)
    upstream.on('error', end).on('close', end)
    if (isCut) upstream.pause()
  }
  const close = (pair: Pair) => {
    pairs.delete(pair)
    pair.client.destroy()
    pair.upstream?.destroy()
  }
  const server = createServer((client) => {
    const pair: Pair = { client, upstream: undefined, held: [] }
    pairs.add(pair)
    client.on('data', (chunk) => {
      if (pair.upstream === undefined) pair.held.push(chunk)
      else pair.upstream.write(chunk)
    })
    client.on('error', () => close(pair)).on('close', () => close(pair))
    if (isCut) client.pause()
    else open(pair)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const listening = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `http://127.0.0.1:${listening}`,
    cut() {
      isCut = true
      for (const pair of pairs) {
        pair.client.pause()
        pair.upstream?.pause()
      }
    },
    heal() {
      isCut = false
      for (const pair of pairs) {
        if (pair.upstream === undefined) open(pair)
        pair.client.resume()
        pair.upstream?.resume()
      }
    },
    async close() {
      for (const pair of pairs) close(pair)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
