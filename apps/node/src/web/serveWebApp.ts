import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { ProtocolError } from '@tabularium/protocol'
import type { Context } from 'hono'
import type { AppEnv } from '../http/appEnv.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
}

// API prefixes never fall back to the web app: an unknown API path is a JSON 404.
const API_PREFIXES = ['/v1/', '/tlog/']

/**
 * A handler serving the web app's static files from `root`, with the SPA
 * fallback: a path without an extension that names no file gets index.html.
 * The path is resolved inside `root` and anything escaping it is NOT_FOUND.
 *
 * @example app.get('*', serveWebApp({ root: '/srv/web/dist' }))
 */
export function serveWebApp({ root }: { root: string }) {
  const base = resolve(root)
  return async (c: Context<AppEnv>): Promise<Response> => {
    const path = decodedPath(c.req.path)
    if (path === undefined || API_PREFIXES.some((prefix) => path.startsWith(prefix))) throw notFound()
    const file = resolve(base, `.${path}`)
    if (file !== base && !file.startsWith(base + sep)) throw notFound()
    const found = (await fileAt(file)) ?? (await fileAt(join(file, 'index.html')))
    if (found !== undefined) return send(c, found)
    if (extname(path) !== '') throw notFound()
    const index = await fileAt(join(base, 'index.html'))
    if (index === undefined) throw notFound()
    return send(c, index)
  }
}

function decodedPath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path)
    return decoded.includes('\0') || decoded.includes('\\') ? undefined : decoded
  } catch {
    return undefined
  }
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    return (await stat(path)).isFile() ? path : undefined
  } catch {
    return undefined
  }
}

async function send(c: Context<AppEnv>, file: string): Promise<Response> {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  // index.html names the current bundles, so it is revalidated; bundles can be cached.
  const cache = file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600'
  return c.body(await readFile(file), 200, { 'Content-Type': type, 'Cache-Control': cache })
}

function notFound(): ProtocolError {
  return new ProtocolError('NOT_FOUND', 'no such file')
}
