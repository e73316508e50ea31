import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSandboxNetwork } from '@tabularium/module-governance'
import { CliError } from '../cliError.js'
import { exists, formatJson, writeSecretFile } from './files.js'
import { createSandboxIssuer } from './sandboxIssuer.js'

/** Options of `createSandbox`. */
export interface CreateSandboxParameters {
  dir: string
  organisations?: number
  network?: string
  /** Replace an existing sandbox, its keys and its ledger. */
  force?: boolean
  now?: Date | number
  /** Cosignatures a checkpoint needs; 1 by default, since one embedded node serves the sandbox. */
  witnessQuorum?: number
}

/** What `createSandbox` wrote. */
export interface CreateSandboxResult {
  dir: string
  network: string
  origin: string
  /** Cosignatures a checkpoint needs. */
  witnessQuorum: number
  genesis: string
  nodeKeys: string
  removedLedger: boolean
  members: { id: string; name: string; did: string; key: string }[]
  /** The organisation's issuer (`did:tab:<first member>`), its key in `issuer-key.json`, registered on first start. */
  issuer: { did: string; key: string }
}

// The ledger files SQLite keeps beside the database in WAL mode.
const LEDGER_FILES = ['ledger.sqlite', 'ledger.sqlite-wal', 'ledger.sqlite-shm']

/**
 * Creates a sandbox network in a directory: `genesis.json`, `node-keys.json`
 * (the first member's node keys, mode 0600) and `keys/<member>.jwk.json`
 * (each organisation's private key, mode 0600). Refuses to overwrite an
 * existing sandbox unless `force`, which also removes its old ledger (a
 * ledger is bound to its genesis and cannot serve a new one).
 *
 * @example await createSandbox({ dir: '.tabularium/sandbox', organisations: 3 })
 */
export async function createSandbox(p: CreateSandboxParameters): Promise<CreateSandboxResult> {
  const { dir, organisations = 1, network = 'sandbox', force = false, now = Date.now(), witnessQuorum = 1 } = p
  const genesisPath = join(dir, 'genesis.json')
  for (const file of [genesisPath, join(dir, 'node-keys.json')]) {
    if (!force && (await exists(file))) {
      throw new CliError('ALREADY_EXISTS', `${file} exists; pass --force to replace the sandbox (and its ledger)`)
    }
  }
  const created = createSandboxNetwork({ network, organisations, now, witnessQuorum })
  const { members } = created
  const keysDir = join(dir, 'keys')
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  const removedLedger = await removeOld(dir, keysDir)
  const nodeKeysPath = join(dir, 'node-keys.json')
  await writeSecretFile({ path: nodeKeysPath, data: formatJson((members[0] as (typeof members)[0]).nodeKeys) })
  const written = []
  for (const member of members) {
    const key = join(keysDir, `${member.id}.jwk.json`)
    await writeSecretFile({ path: key, data: formatJson(member.privateJwk) })
    written.push({ id: member.id, name: member.name, did: member.did, key })
  }
  const first = members[0] as (typeof members)[0]
  const issuer = await createSandboxIssuer({ dir, genesis: created.genesis, name: first.id, consoleDid: first.did })
  const { genesis } = issuer
  // The genesis goes last: its presence is what marks a complete sandbox.
  await writeFile(genesisPath, formatJson(genesis))
  return {
    dir,
    network,
    origin: genesis.origin,
    witnessQuorum: genesis.witnessQuorum,
    genesis: genesisPath,
    nodeKeys: nodeKeysPath,
    removedLedger,
    members: written,
    issuer: { did: issuer.did, key: issuer.path },
  }
}

async function removeOld(dir: string, keysDir: string): Promise<boolean> {
  let removedLedger = false
  for (const file of LEDGER_FILES) {
    if (await exists(join(dir, file))) removedLedger = true
    await rm(join(dir, file), { force: true })
  }
  for (const file of await readdir(keysDir)) {
    if (file.endsWith('.jwk.json')) await rm(join(keysDir, file))
  }
  return removedLedger
}
