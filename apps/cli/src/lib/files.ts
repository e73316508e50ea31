import { access, chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CliError } from '../cliError.js'

/**
 * Reads and parses a JSON file, with errors that name the file.
 *
 * @example const receipt = await readJsonFile({ path: 'receipt.json' })
 */
export async function readJsonFile({ path }: { path: string }): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new CliError('FILE_NOT_FOUND', `cannot read ${path}`, { cause })
  }
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new CliError('INVALID_FILE', `${path} is not valid JSON`, { cause })
  }
}

/**
 * Writes a secret (a private key) readable by its owner only. The mode is
 * set again after writing because `writeFile` keeps an existing file's mode.
 */
export async function writeSecretFile({ path, data }: { path: string; data: string }): Promise<void> {
  await writeFile(path, data, { mode: 0o600 })
  await chmod(path, 0o600)
}

/** Pretty JSON with a final newline, as every file the CLI writes. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** True when a path exists. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** The network named by `<dir>/genesis.json`, or undefined when there is none. */
export async function readGenesisNetwork(dir: string): Promise<string | undefined> {
  const path = join(dir, 'genesis.json')
  if (!(await exists(path))) return undefined
  const network = ((await readJsonFile({ path })) as { network?: unknown } | null)?.network
  return typeof network === 'string' ? network : undefined
}
