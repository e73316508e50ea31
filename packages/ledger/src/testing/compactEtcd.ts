/**
 * Compacts etcd's history up to its current revision through the gRPC
 * gateway (`POST /v3/kv/compaction`, physical), as an operator or etcd's
 * auto-compaction would: every revision before it is gone. Returns that
 * revision.
 *
 * @example const revision = await compactEtcd('http://127.0.0.1:2379')
 */
export async function compactEtcd(endpoint: string): Promise<number> {
  const status = (await post(endpoint, '/v3/kv/range', {
    key: Buffer.from('/').toString('base64'),
    count_only: true,
  })) as {
    header: { revision: string }
  }
  const revision = Number(status.header.revision)
  await post(endpoint, '/v3/kv/compaction', { revision: String(revision), physical: true })
  return revision
}

async function post(endpoint: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${endpoint}${path}`, { method: 'POST', body: JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`etcd answered ${response.status} to ${path}: ${text}`)
  return JSON.parse(text) as unknown
}
