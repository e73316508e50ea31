/** One member of an etcd cluster: its name, data directory and URLs. */
export interface EtcdMemberSpec {
  name: string
  dataDir: string
  /** Where clients (nodes) connect, e.g. `http://127.0.0.1:2379`. */
  clientUrl: string
  /** Where the other members connect, e.g. `http://127.0.0.1:2380`. */
  peerUrl: string
}

/** Parameters of `etcdMemberArgs`. */
export interface EtcdMemberArgsParameters {
  member: EtcdMemberSpec
  /** Every member, this one included. */
  cluster: readonly EtcdMemberSpec[]
  /** Distinguishes this cluster from others on the same machine (`--initial-cluster-token`). */
  token: string
  /** etcd's own log level (its logs go to stderr). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

/**
 * Raft timing of the clusters this project starts. The orderer's 2 s request
 * deadline assumes a leader is re-elected within 1–3 s (DESIGN §2.4); etcd's
 * defaults on loopback (100 ms heartbeat, 1 s election timeout) give that.
 */
export const ETCD_HEARTBEAT_MS = 100
export const ETCD_ELECTION_TIMEOUT_MS = 1000

/**
 * How often etcd tells an idle, synced watcher the revision it has seen up
 * to (a progress notification; etcd's default is 10 minutes). The batch
 * consumer records that revision, so that an up-to-date node is not taken
 * for one behind a compaction (ledger README, "etcd compaction").
 */
export const ETCD_PROGRESS_NOTIFY_MS = 1000

/**
 * The command-line arguments of one etcd member (3.4 or later), so that the
 * test helpers, `tabularium devnet` and the benchmark start members alike.
 * `--initial-cluster*` only matter on the first start: a member restarted on
 * an existing data directory rejoins with what it stored.
 *
 * @example spawn('etcd', etcdMemberArgs({ member: m0, cluster: [m0, m1, m2], token: 'devnet-1' }))
 */
export function etcdMemberArgs({ member, cluster, token, logLevel = 'error' }: EtcdMemberArgsParameters): string[] {
  return [
    ...['--name', member.name, '--data-dir', member.dataDir],
    ...['--listen-client-urls', member.clientUrl, '--advertise-client-urls', member.clientUrl],
    ...['--listen-peer-urls', member.peerUrl, '--initial-advertise-peer-urls', member.peerUrl],
    ...['--initial-cluster', cluster.map((m) => `${m.name}=${m.peerUrl}`).join(',')],
    ...['--initial-cluster-state', 'new', '--initial-cluster-token', token],
    ...['--heartbeat-interval', String(ETCD_HEARTBEAT_MS), '--election-timeout', String(ETCD_ELECTION_TIMEOUT_MS)],
    // The flag of 3.4 and 3.5; later releases also name it without "experimental-".
    ...['--experimental-watch-progress-notify-interval', `${ETCD_PROGRESS_NOTIFY_MS}ms`],
    ...['--logger', 'zap', '--log-level', logLevel],
  ]
}
