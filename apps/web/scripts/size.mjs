#!/usr/bin/env node
// Prints the gzip size of the JavaScript the portal's first load requests:
// the entry chunk of index.html and every chunk it imports statically (which
// the page preloads), read from Vite's build manifest. Lazy chunks (console,
// wallet, provider, verifier, QR libraries, other languages) are not counted.
// Builds the app first when there is no build.
//   node apps/web/scripts/size.mjs  →  { "name": "web.portal_first_load_js_gzip", "value": 23456, "unit": "bytes" }
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(webDir, 'dist')
const manifestPath = join(dist, '.vite', 'manifest.json')

if (!existsSync(manifestPath)) {
  const vite = join(webDir, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: webDir, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'))
if (!entry) throw new Error('no index.html entry in the Vite manifest')

// The entry's chunk and its static imports, transitively.
const files = new Set()
const visit = (key) => {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) visit(imported)
}
visit(entry)

let value = 0
for (const file of files) {
  if (file.endsWith('.js')) value += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
}
console.log(JSON.stringify({ name: 'web.portal_first_load_js_gzip', value, unit: 'bytes' }))
