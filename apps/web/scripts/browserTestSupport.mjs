// Shared support for the web app's browser tests: builds the app, starts a
// real node from the built CLI in a temp dir, launches Debian's Chromium with
// playwright-core, runs axe-core and takes screenshots.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '..')
export const repoRoot = join(webDir, '..', '..')
export const screenshotDir = join(webDir, 'test-output', 'screenshots')
const cli = join(repoRoot, 'apps', 'cli', 'dist', 'main.js')

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } }

/** Builds apps/web/dist unless TABULARIUM_WEB_SKIP_BUILD is set and a build exists. */
export function buildWeb() {
  if (process.env.TABULARIUM_WEB_SKIP_BUILD && existsSync(join(webDir, 'dist', 'index.html'))) return
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: webDir,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
}

/**
 * A build of the app that only this test file serves (a temp dir), so that
 * other test runs rebuilding apps/web/dist cannot pull chunks away mid-test.
 * With TABULARIUM_WEB_SKIP_BUILD it copies the existing dist instead.
 */
export function privateWebBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-web-dist-'))
  if (process.env.TABULARIUM_WEB_SKIP_BUILD && existsSync(join(webDir, 'dist', 'index.html'))) {
    cpSync(join(webDir, 'dist'), dir, { recursive: true })
    return dir
  }
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir'], {
    cwd: webDir,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
  return dir
}

/** `tabularium init` in a temp dir, then `tabularium node start` on a free port serving `webRoot` (apps/web/dist). */
export async function startNode({ webRoot = join(webDir, 'dist') } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-web-'))
  const init = spawnSync(process.execPath, [cli, 'init', '--dir', dir], { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`)
  const child = spawn(
    process.execPath,
    [cli, 'node', 'start', '--dir', dir, '--port', '0', '--json', '--log-level', 'warn'],
    {
      env: { ...process.env, TABULARIUM_WEB_ROOT: webRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
  })
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`node did not start: ${out}${stderr}`)), 30_000)
    child.stdout.on('data', (d) => {
      out += d
      const match = /https?:\/\/[\w.:[\]-]+/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    })
    child.on('exit', (code) => reject(new Error(`node exited with ${code}: ${stderr}`)))
  })
  const keyFile = join(dir, 'keys', readdirKey(dir))
  return {
    url,
    dir,
    keyFile,
    genesis: JSON.parse(readFileSync(join(dir, 'genesis.json'), 'utf8')),
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function readdirKey(dir) {
  return readdirSync(join(dir, 'keys'))
    .filter((f) => f.endsWith('.jwk.json'))
    .sort()[0]
}

/** Stamps a few documents with the CLI so that the explorer and the charts have data. */
export function seed(node, documents) {
  for (const { name, text, type } of documents) {
    const file = join(node.dir, name)
    writeFileSync(file, text)
    const args = [
      cli,
      'stamp',
      file,
      '--url',
      node.url,
      '--key',
      node.keyFile,
      '--json',
      ...(type ? ['--type', type] : []),
    ]
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`stamp failed: ${result.stderr}`)
  }
}

/**
 * Writes a Y4M video (what Chromium's fake camera plays) showing a QR code of
 * `text`, so that the camera scanner can be tested with a real decode.
 */
export async function writeQrVideo(text, path) {
  const QRCode = (await import('qrcode')).default
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const width = 640
  const height = 480
  const scale = Math.floor((height - 40) / (modules.size + 8))
  const offsetX = Math.floor((width - modules.size * scale) / 2)
  const offsetY = Math.floor((height - modules.size * scale) / 2)
  const y = Buffer.alloc(width * height, 235)
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue
      for (let dy = 0; dy < scale; dy++) {
        y.fill(
          16,
          (offsetY + row * scale + dy) * width + offsetX + col * scale,
          (offsetY + row * scale + dy) * width + offsetX + (col + 1) * scale,
        )
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  writeFileSync(path, Buffer.concat([header, frame, frame, frame]))
}

/** Launches Chromium (headless, no sandbox: CI runs as root); `extraArgs` e.g. a fake camera. */
export async function launchBrowser(extraArgs = []) {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...extraArgs,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

const axeSource = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js')

/** Runs axe-core (WCAG 2.1 A/AA rules) and returns the serious and critical violations. */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeSource })
  const results = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }))
}

/** Full-page screenshots at phone and desktop width: test-output/screenshots/<name>-<viewport>.png. */
export async function screenshots(page, name) {
  mkdirSync(screenshotDir, { recursive: true })
  const original = page.viewportSize()
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size)
    await page.waitForTimeout(150)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    if (overflow > 0) throw new Error(`${name} scrolls sideways by ${overflow}px at ${label} width`)
    await page.screenshot({ path: join(screenshotDir, `${name}-${label}.png`), fullPage: true })
  }
  if (original) await page.setViewportSize(original)
}
