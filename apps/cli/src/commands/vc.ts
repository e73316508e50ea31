import { readFile } from 'node:fs/promises'
import { BaseError, isBaseError } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import {
  createDidResolver,
  type DidDocument,
  decodeJwt,
  didKeyKid,
  signJwt,
  verifyCredential,
} from '@tabularium/identity'
import { createRegistrySchemas, type RegistryReader } from '@tabularium/module-registry'
import { buildTransaction, createClient, signTransaction } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { type LoadedKey, loadPrivateKey, resolveKeyPath } from '../lib/loadPrivateKey.js'
import { createNodeHttp, type NodeHttp } from '../lib/nodeHttp.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'

interface VcOptions {
  url?: string
  dir: string
  key?: string
  holderKey?: string
  claims?: string
  format: string
  json?: boolean
}

const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'
const CONFIGURATIONS: Record<string, string> = {
  jwt: 'ResidencyCredential_jwt_vc_json',
  'sd-jwt': 'ResidencyCredential_sd_jwt',
}

const common = (c: Command) =>
  c
    .option('--url <url>', 'node URL (default: the node running on --dir)')
    .option('--dir <dir>', 'data directory of the sandbox', DEFAULT_DIR)
    .option('--json', 'print JSON')

/** `tabularium vc issue|verify|revoke`: verifiable credentials through the node's issuer, verified here. */
export function registerVc(program: Command): void {
  const vc = program.command('vc').description('verifiable credentials (EBSI JWT VC, SD-JWT VC)')
  common(vc.command('issue'))
    .description(
      "issue a residency credential from the node's issuer to a holder key (OpenID4VCI, pre-authorised code)",
    )
    .requiredOption('--holder-key <file>', "the holder's private JWK (proof of possession; its did:key is the subject)")
    .requiredOption('--claims <json>', 'the claims, e.g. {"resident_of":"Zug","age_over_16":true}')
    .option('--format <format>', 'jwt (EBSI JWT VC, revocable) or sd-jwt (SD-JWT VC)', 'jwt')
    .option(
      '--key <file>',
      "a clerk's private JWK (role member or oid4vci:clerk; default: the first key in <dir>/keys)",
    )
    .action(commandAction<VcOptions>(issue))
  common(vc.command('verify'))
    .description(
      'verify a credential here: signature, accreditation, schema, validity, status (registry read from the node)',
    )
    .argument('<file>', 'the credential (JWT VC or SD-JWT VC), or - for stdin')
    .option('--format <format>', 'unused', 'any')
    .action(commandAction<VcOptions>(verify))
  common(vc.command('revoke'))
    .description('revoke a JWT VC: a registry revoke transaction signed by a controller of its issuer')
    .argument('<file>', 'the credential, or - for stdin')
    .option('--key <file>', 'private JWK of a controller of the issuer DID (default: the first key in <dir>/keys)')
    .option('--format <format>', 'unused', 'any')
    .action(commandAction<VcOptions>(revoke))
}

async function readCredential(path: string): Promise<string> {
  const text =
    path === '-'
      ? await readStdin()
      : await readFile(path, 'utf8').catch((cause) => {
          throw new CliError('FILE_NOT_FOUND', `cannot read ${path}`, { cause })
        })
  const trimmed = text.trim()
  // A file `vc issue --json` wrote holds { credential }.
  if (trimmed.startsWith('{')) return String((JSON.parse(trimmed) as { credential?: unknown }).credential ?? '')
  return trimmed
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function command(p: { network: string; key: LoadedKey; action: string; args: Record<string, unknown> }) {
  const tx = buildTransaction({
    network: p.network,
    module: 'oid4vci',
    action: p.action,
    args: p.args,
    signer: p.key.did,
    expiresInMs: 5 * 60_000,
  })
  return signTransaction({ tx, sign: (data) => signBytes({ privateJwk: p.key.privateJwk, data }) })
}

async function issue({ opts, out }: CommandContext<VcOptions>) {
  const configuration = CONFIGURATIONS[opts.format]
  if (configuration === undefined) throw new CliError('USAGE', '--format is jwt or sd-jwt')
  let claims: Record<string, unknown>
  try {
    claims = JSON.parse(opts.claims ?? '') as Record<string, unknown>
  } catch {
    throw new CliError('USAGE', '--claims must be a JSON object')
  }
  const clerk = await loadPrivateKey({ path: await resolveKeyPath({ key: opts.key, dir: opts.dir }) })
  const holder = await loadPrivateKey({ path: opts.holderKey as string })
  const http = createNodeHttp(await resolveUrl({ url: opts.url, dir: opts.dir }))
  const { network } = await http.get<{ network: string }>('/v1/network')
  const created = await http.post<{
    offer: { credential_issuer: string; grants: Record<string, Record<string, string>> }
    txCode: string
  }>(
    '/v1/oid4vci/offers',
    await command({ network, key: clerk, action: 'createOffer', args: { configurationIds: [configuration], claims } }),
  )
  const issuer = created.offer.credential_issuer
  const code = created.offer.grants[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'] ?? ''
  const token = await http.post<{ access_token: string; c_nonce: string }>(
    '/v1/oid4vci/token',
    { grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': code, tx_code: created.txCode },
    { form: true },
  )
  const alg = holder.publicJwk.kty === 'OKP' ? 'EdDSA' : 'ES256'
  const proof = await signJwt({
    header: { typ: 'openid4vci-proof+jwt', kid: didKeyKid(holder.did) },
    payload: { aud: issuer, nonce: token.c_nonce, iat: Math.floor(Date.now() / 1000) },
    alg,
    sign: (data) => signBytes({ privateJwk: holder.privateJwk, data }),
  })
  const request =
    opts.format === 'jwt'
      ? { format: 'jwt_vc_json', credential_definition: { type: ['VerifiableCredential', 'ResidencyCredential'] } }
      : { format: 'vc+sd-jwt', vct: 'https://schemas.tabularium.org/residency/v1' }
  const { credential } = await http.post<{ credential: string }>(
    '/v1/oid4vci/credential',
    { ...request, proof: { proof_type: 'jwt', jwt: proof } },
    { bearer: token.access_token },
  )
  out.result({ credential, format: request.format, holder: holder.did }, () => credential)
  out.note(`issued a ${request.format} credential to ${holder.did}`)
  return EXIT.ok
}

// verifyCredential's world over HTTP: DID documents, accreditation and
// status lists from the node; schemas fetched first, then compiled here.
async function verificationWorld(http: NodeHttp, credential: string) {
  const schemaIds = schemaIdsOf(credential)
  const records = new Map<string, unknown>()
  for (const id of schemaIds) {
    try {
      records.set(id, await http.get('/v1/modules/registry/queries/schema', { id }))
    } catch {
      // Unknown: the pipeline reports SCHEMA_UNKNOWN.
    }
  }
  const reader: RegistryReader = {
    query(_module, _name, params) {
      const record = records.get((params as { id: string }).id)
      if (record === undefined) throw new BaseError('SCHEMA_UNKNOWN', 'no schema with this id')
      return record
    },
  }
  // Status lists are fetched before the verification time is taken, so a
  // list the node signs "now" is never judged from a moment before it.
  const lists = new Map<string, string>()
  for (const url of statusUrlsOf(credential)) {
    if (url.startsWith(`${http.baseUrl}/`)) {
      lists.set(url, await http.getText(url.slice(http.baseUrl.length)).catch(() => ''))
    }
  }
  return {
    resolveDid: createDidResolver({
      registry: async (did: string, { at }: { at?: Date }) => {
        try {
          const r = await http.get<{ didDocument: DidDocument | null }>(
            `/v1/registry/dids/${encodeURIComponent(did)}`,
            {
              at: at?.toISOString(),
            },
          )
          return r.didDocument ?? undefined
        } catch (error) {
          if (isBaseError(error) && (error.code === 'DID_NOT_FOUND' || error.code === 'NOT_FOUND')) return undefined
          throw error
        }
      },
    }),
    isAccredited: async ({ issuer, type, termsOfUse }: { issuer: string; type: string; termsOfUse: unknown }) => {
      const id =
        typeof (termsOfUse as { id?: unknown })?.id === 'string'
          ? String((termsOfUse as { id: string }).id)
              .split('/')
              .at(-1)
          : undefined
      const r = await http.get<{ accredited: boolean }>('/v1/modules/registry/queries/isAccredited', {
        issuer,
        type,
        accreditation: id,
      })
      return r.accredited
    },
    schemas: createRegistrySchemas(reader),
    fetchStatusList: async (url: string) => {
      const list = lists.get(url)
      if (!list) throw new Error('status lists are fetched from this node only')
      return list
    },
  }
}

function statusUrlsOf(credential: string): string[] {
  const { payload } = decodeJwt(credential.split('~')[0])
  const status = (payload.vc as { credentialStatus?: unknown } | undefined)?.credentialStatus
  return (Array.isArray(status) ? status : [status])
    .map((s) => (s as { statusListCredential?: unknown } | undefined)?.statusListCredential)
    .filter((url): url is string => typeof url === 'string')
}

function schemaIdsOf(credential: string): string[] {
  const { payload } = decodeJwt(credential.split('~')[0])
  if (typeof payload.vct === 'string') return [payload.vct]
  const schema = (payload.vc as { credentialSchema?: unknown } | undefined)?.credentialSchema
  return (Array.isArray(schema) ? schema : [schema])
    .map((s) => (s as { id?: unknown } | undefined)?.id)
    .filter((id): id is string => typeof id === 'string')
}

async function verify({ args, opts, out }: CommandContext<VcOptions>) {
  const credential = await readCredential(args[0] as string)
  const http = createNodeHttp(await resolveUrl({ url: opts.url, dir: opts.dir }))
  try {
    const world = await verificationWorld(http, credential)
    const v = await verifyCredential({ credential, now: new Date(), ...world })
    const summary = {
      ok: true,
      format: v.format,
      issuer: v.issuer,
      subject: v.subject,
      types: v.types,
      claims: v.claims,
      validFrom: v.validFrom,
      validUntil: v.validUntil ?? null,
    }
    out.result(summary, () =>
      [
        `valid: ${v.format} of ${v.types.join(', ')} issued by ${v.issuer}`,
        ...Object.entries(v.claims).map(([k, val]) => `  ${k}: ${JSON.stringify(val)}`),
      ].join('\n'),
    )
    return EXIT.ok
  } catch (error) {
    if (!isBaseError(error)) throw error
    throw new CliError('VERIFICATION_FAILED', `invalid: ${error.code}: ${error.message}`, {
      cause: error,
      details: { reason: error.code },
    })
  }
}

async function revoke({ args, opts, out }: CommandContext<VcOptions>) {
  const credential = await readCredential(args[0] as string)
  const { payload } = decodeJwt(credential.split('~')[0])
  const entry = (
    payload.vc as { credentialStatus?: { statusListCredential?: unknown; statusListIndex?: unknown } } | undefined
  )?.credentialStatus
  const match =
    typeof entry?.statusListCredential === 'string'
      ? /\/v1\/registry\/status-lists\/(did:tab:[a-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(entry.statusListCredential)
      : null
  if (!match || typeof entry?.statusListIndex !== 'string')
    throw new CliError('USAGE', 'this credential names no registry status list; it cannot be revoked')
  const position = { issuer: match[1] as string, list: match[2] as string, index: Number(entry.statusListIndex) }
  const key = await loadPrivateKey({ path: await resolveKeyPath({ key: opts.key, dir: opts.dir }) })
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  const { network } = await client.getNetwork()
  const tx = buildTransaction({ network, module: 'registry', action: 'revoke', args: position, signer: key.did })
  const transaction = await signTransaction({ tx, sign: (data) => signBytes({ privateJwk: key.privateJwk, data }) })
  const result = await client.submit({ transaction, wait: true })
  if (result.outcome.status === 'rejected') {
    throw new CliError('USAGE', `the registry refused: ${result.outcome.code}: ${result.outcome.message}`, {
      details: { reason: result.outcome.code },
    })
  }
  out.result(
    { ...position, txid: result.txid, index: result.index, receipt: result.receipt },
    () =>
      `revoked index ${position.index} of ${position.issuer}/${position.list} (entry ${result.index}, txid ${result.txid})`,
  )
  return EXIT.ok
}
