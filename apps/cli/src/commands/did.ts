import { signBytes } from '@tabularium/core/node'
import { createDidResolver } from '@tabularium/identity'
import { buildTransaction, createClient, signTransaction } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { formatJson } from '../lib/files.js'
import { loadPrivateKey, resolveKeyPath } from '../lib/loadPrivateKey.js'
import { createNodeHttp } from '../lib/nodeHttp.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'

interface DidOptions {
  url?: string
  dir: string
  key?: string
  at?: string
  json?: boolean
}

const common = (c: Command) =>
  c
    .option('--url <url>', 'node URL (default: the node running on --dir)')
    .option('--dir <dir>', 'data directory of the sandbox', DEFAULT_DIR)
    .option('--json', 'print JSON')

/** `tabularium did create|resolve|show`: organisation DIDs (did:tab) on the registry, and did:key. */
export function registerDid(program: Command): void {
  const did = program.command('did').description('organisation DIDs (did:tab) on the ledger registry')
  common(did.command('create'))
    .description('register did:tab:<name> with the key as its first key and controller')
    .argument('<name>', 'the name: 2–64 of a-z 0-9 -')
    .option('--key <file>', 'private JWK (default: the first key in <dir>/keys)')
    .action(commandAction<DidOptions>(create))
  common(did.command('resolve'))
    .description('the W3C DID resolution result of a did:tab (from the node) or did:key (locally)')
    .argument('<did>')
    .option('--at <time>', 'the document valid at this ISO time')
    .action(commandAction<DidOptions>(resolve))
  common(did.command('show'))
    .description('a did:tab in words: organisation, keys, controllers and its history')
    .argument('<did>')
    .action(commandAction<DidOptions>(show))
}

async function create({ args, opts, out }: CommandContext<DidOptions>) {
  const name = args[0] as string
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(name))
    throw new CliError('USAGE', 'the name is 2–64 of a-z 0-9 - (did:tab:<name>)')
  const key = await loadPrivateKey({ path: await resolveKeyPath({ key: opts.key, dir: opts.dir }) })
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  const { network } = await client.getNetwork()
  const did = `did:tab:${name}`
  const txArgs = {
    did,
    methods: [{ id: 'key-1', publicKeyJwk: key.publicJwk, relationships: ['authentication', 'assertionMethod'] }],
  }
  const tx = buildTransaction({ network, module: 'registry', action: 'registerDid', args: txArgs, signer: key.did })
  const transaction = await signTransaction({ tx, sign: (data) => signBytes({ privateJwk: key.privateJwk, data }) })
  const result = await client.submit({ transaction, wait: true })
  if (result.outcome.status === 'rejected') {
    throw new CliError('USAGE', `the registry refused: ${result.outcome.code}: ${result.outcome.message}`)
  }
  out.result({ did, controller: key.did, txid: result.txid, index: result.index, receipt: result.receipt }, () =>
    [
      `registered ${did} (entry ${result.index}, txid ${result.txid})`,
      `  key:        ${did}#key-1`,
      `  controller: ${key.did}`,
    ].join('\n'),
  )
  return EXIT.ok
}

async function resolutionOf(did: string, opts: DidOptions): Promise<Record<string, unknown>> {
  if (did.startsWith('did:key:')) {
    const document = await createDidResolver()(did)
    return {
      didDocument: document,
      didDocumentMetadata: {},
      didResolutionMetadata: { contentType: 'application/did+json' },
    }
  }
  const http = createNodeHttp(await resolveUrl({ url: opts.url, dir: opts.dir }))
  return http.get(`/v1/registry/dids/${encodeURIComponent(did)}`, { at: opts.at })
}

async function resolve({ args, opts, out }: CommandContext<DidOptions>) {
  const resolution = await resolutionOf(args[0] as string, opts)
  out.result(resolution, () => formatJson(resolution).trimEnd())
  return EXIT.ok
}

interface Version {
  version: number
  validFrom: string
  txid: string
  deactivated: boolean
  document: { verificationMethod?: { id: string }[] }
}

async function show({ args, opts, out }: CommandContext<DidOptions>) {
  const did = args[0] as string
  if (!did.startsWith('did:tab:'))
    throw new CliError('USAGE', '`did show` describes a did:tab; use `did resolve` for did:key')
  const http = createNodeHttp(await resolveUrl({ url: opts.url, dir: opts.dir }))
  const resolution = await http.get<{
    didDocument: {
      controller?: string[]
      verificationMethod?: { id: string; publicKeyJwk?: { crv?: string } }[]
    } | null
    didDocumentMetadata: { organisation?: string | null; version?: number; created?: string; deactivated?: boolean }
  }>(`/v1/registry/dids/${encodeURIComponent(did)}`)
  const { versions } = await http.get<{ versions: Version[] }>('/v1/modules/registry/queries/history', { did })
  const meta = resolution.didDocumentMetadata
  const doc = resolution.didDocument
  out.result({ did, ...resolution, history: versions }, () =>
    [
      `${did}${meta.deactivated ? ' (deactivated)' : ''}`,
      `  organisation: ${meta.organisation ?? '—'}`,
      `  registered:   ${meta.created ?? '—'}`,
      `  version:      ${meta.version ?? '—'}`,
      ...(doc?.verificationMethod ?? []).map((m) => `  key:          ${m.id} (${m.publicKeyJwk?.crv ?? '?'})`),
      ...(doc?.controller ?? []).map((c) => `  controller:   ${c}`),
      'history:',
      ...versions.map(
        (v) =>
          `  v${v.version} from ${v.validFrom}${v.deactivated ? ' deactivated' : ''}: ${(v.document?.verificationMethod ?? []).map((m) => m.id.split('#')[1]).join(', ')} (tx ${v.txid.slice(0, 16)}…)`,
      ),
    ].join('\n'),
  )
  return EXIT.ok
}
