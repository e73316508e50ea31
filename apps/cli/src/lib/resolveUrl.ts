import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Where `node start` records the URL it listens on, so other commands find it. */
export const NODE_INFO_FILE = 'node.json'

/** The default data directory, as `npm start` uses it. */
export const DEFAULT_DIR = '.tabularium/sandbox'

/** The URL used when nothing else names one. */
export const DEFAULT_URL = 'http://127.0.0.1:8080'

/**
 * The node to talk to: `--url`, else `$TABULARIUM_URL`, else the URL a
 * running `tabularium node start --dir D` recorded in `D/node.json`, else
 * the default port on 127.0.0.1.
 *
 * @example await resolveUrl({ url: opts.url, dir: opts.dir })
 */
export async function resolveUrl({ url, dir = DEFAULT_DIR }: { url?: string | undefined; dir?: string | undefined }) {
  if (url !== undefined) return url
  const fromEnv = process.env.TABULARIUM_URL
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  try {
    const info = JSON.parse(await readFile(join(dir, NODE_INFO_FILE), 'utf8')) as { url?: unknown }
    if (typeof info.url === 'string') return info.url
  } catch {
    // No running node recorded there: fall through to the default.
  }
  return DEFAULT_URL
}
