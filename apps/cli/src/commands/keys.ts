import { type Algorithm, assertPublicJwk, didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { type Command, Option } from 'commander'
import { CliError } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { exists, formatJson, readJsonFile, writeSecretFile } from '../lib/files.js'

interface GenerateOptions {
  alg: Algorithm
  out?: string
  force?: boolean
  json?: boolean
}

/** `tabularium keys generate|show`: key pairs as JWK files and their did:key. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('generate and inspect signing keys')
  keys
    .command('generate')
    .description('generate a key pair (a private JWK); prints it, or writes it to --out (mode 0600)')
    .addOption(new Option('--alg <alg>', 'signature algorithm').choices(['EdDSA', 'ES256']).default('EdDSA'))
    .option('--out <file>', 'write the private JWK to this file')
    .option('--force', 'overwrite --out if it exists')
    .option('--json', 'print JSON')
    .action(commandAction<GenerateOptions>(generate))
  keys
    .command('show')
    .description("print a key file's did:key and public JWK")
    .argument('<file>', 'a JWK file (private or public)')
    .option('--json', 'print JSON')
    .action(commandAction<{ json?: boolean }>(show))
}

async function generate({ opts, out }: CommandContext<GenerateOptions>) {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm: opts.alg })
  const did = didKeyFromJwk(publicJwk)
  if (opts.out === undefined) {
    out.result({ did, publicJwk, privateJwk }, () => formatJson(privateJwk).trimEnd())
    out.note(`did: ${did}`)
    return
  }
  if (!opts.force && (await exists(opts.out))) {
    throw new CliError('ALREADY_EXISTS', `${opts.out} exists; pass --force to overwrite it`)
  }
  await writeSecretFile({ path: opts.out, data: formatJson(privateJwk) })
  out.result({ did, publicJwk, path: opts.out }, () => `wrote ${opts.out} (mode 0600)\ndid: ${did}`)
}

async function show({ args, out }: CommandContext<{ json?: boolean }>) {
  const path = args[0] as string
  const value = await readJsonFile({ path })
  let publicJwk: ReturnType<typeof assertPublicJwk>
  try {
    publicJwk = assertPublicJwk(value)
  } catch (cause) {
    throw new CliError('INVALID_FILE', `${path} holds no Ed25519 or P-256 JWK`, { cause })
  }
  const did = didKeyFromJwk(publicJwk)
  const hasPrivate = typeof (value as { d?: unknown }).d === 'string'
  out.result({ did, publicJwk, private: hasPrivate }, () =>
    [
      `did: ${did}`,
      `algorithm: ${publicJwk.kty === 'OKP' ? 'EdDSA' : 'ES256'}`,
      `public JWK: ${JSON.stringify(publicJwk)}`,
    ].join('\n'),
  )
}
