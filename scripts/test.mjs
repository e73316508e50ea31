#!/usr/bin/env node
// Runs every test of the repository with node's test runner: the compiled
// tests of each workspace (`<ws>/dist/**/*.test.js`) and the browser tests of
// the web app (`apps/web/test/*.test.mjs`). Ends with the line
// `N passed, N failed` that CI reads. Arguments filter the files by substring.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const filters = process.argv.slice(2)

function findTests(dir, out = []) {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) findTests(path, out)
    else if (/\.test\.(m?js)$/.test(name)) out.push(path)
  }
  return out
}

const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces
const files = workspaces
  .flatMap((ws) => [...findTests(join(root, ws, 'dist')), ...findTests(join(root, ws, 'test'))])
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .map((file) => file.slice(root.length))

mkdirSync(join(root, 'test-output'), { recursive: true })
const tap = join(root, 'test-output', 'results.tap')
const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
)
child.on('exit', (code) => {
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : ''
  const count = (label) => Number(text.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0)
  const passed = count('pass')
  const failed = count('fail') + count('cancelled')
  console.log(`\n${files.length} test files`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1)
})
