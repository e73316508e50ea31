import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import Database from 'better-sqlite3'
import { type CliRun, type NodeProcess, runCli, startNodeProcess } from './testing/cliProcess.js'
import { flipCharacter } from './testing/flipCharacter.js'

const work = mkdtempSync(join(tmpdir(), 'tabularium-cli-'))
const dir = join(work, 'sandbox')
const genesis = join(dir, 'genesis.json')
let node: NodeProcess
const receipts: string[] = []

const cli = (...args: string[]): Promise<CliRun> => runCli({ args, cwd: work })
const json = (run: CliRun): any => {
  assert.doesNotThrow(() => JSON.parse(run.stdout), `not JSON: ${run.stdout} ${run.stderr}`)
  return JSON.parse(run.stdout)
}

describe('tabularium, end to end with a real node', () => {
  before(async () => {
    const init = await cli('init', '--dir', dir, '--json')
    assert.equal(init.code, 0, init.stderr)
    node = await startNodeProcess({ dir })
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(work, `doc${i}.txt`), `document ${i}\n`)
      const stamp = await cli('stamp', join(work, `doc${i}.txt`), '--dir', dir, '--type', 'memo')
      assert.equal(stamp.code, 0, stamp.stderr)
      writeFileSync(join(work, `receipt${i}.json`), stamp.stdout)
      receipts.push(join(work, `receipt${i}.json`))
    }
  })
  after(async () => {
    await node?.kill()
    rmSync(work, { recursive: true, force: true })
  })

  test('init writes the genesis, the node keys and the organisation keys, secrets with mode 0600', async () => {
    assert.equal(statSync(join(dir, 'node-keys.json')).mode & 0o777, 0o600)
    assert.equal(statSync(join(dir, 'keys', 'organisation-1.jwk.json')).mode & 0o777, 0o600)
    const again = await cli('init', '--dir', dir)
    assert.equal(again.code, 2)
    assert.match(again.stderr, /ALREADY_EXISTS: .*genesis\.json exists; pass --force/)
  })

  test('stamp prints a receipt that verify accepts offline, with the document', async () => {
    const run = await cli('verify', receipts[2] as string, '--genesis', genesis, '--file', join(work, 'doc2.txt'))
    assert.equal(run.code, 0, run.stdout + run.stderr)
    // The sandbox's first start registers its issuer first, so the stamp's entry number is the receipt's.
    const { index } = JSON.parse(readFileSync(receipts[2] as string, 'utf8')) as { index: number }
    assert.match(run.stdout, new RegExp(`^valid: entry ${index} in tree of size \\d+, cosigned by organisation-1\n`))
    assert.match(run.stdout, /doc2\.txt matches the stamped hash/)
  })

  test('verify exits 1 with the reason when the document is another one', async () => {
    const run = await cli('verify', receipts[2] as string, '--genesis', genesis, '--file', join(work, 'doc3.txt'))
    assert.equal(run.code, 1)
    assert.match(
      run.stdout,
      /^invalid: the receipt does not verify\n {2}HASH_MISMATCH: .*doc3\.txt hashes to [0-9a-f]{64}, the receipt stamps [0-9a-f]{64}/,
    )
  })

  test('verify exits 1 with a coded reason for a change of any single character of the receipt', async () => {
    const original = readFileSync(receipts[1] as string, 'utf8')
    const parsed = JSON.parse(original)
    const fields = ['leaf', 'checkpoint', 'txid', 'index', 'treeSize', 'inclusionProof']
    const positions = [
      ...Array.from({ length: 30 }, (_, i) => Math.floor((i * original.length) / 30)),
      ...fields.flatMap((field) => positionsOf(original, field, 3)),
    ]
    const tried = await mapLimited(positions, 4, async (position, i) => {
      const text = flipCharacter(original, position, i)
      if (isSameJson(text, parsed)) return undefined
      const path = join(work, `flipped-${i}.json`)
      writeFileSync(path, text)
      const run = await cli('verify', path, '--genesis', genesis)
      assert.equal(run.code, 1, `a flip at ${position} still verified:\n${text}`)
      assert.match(run.stdout, /^invalid: the receipt does not verify\n( {2}[A-Z_]+: .+\n)+$/)
      return run.stdout.split('\n')[1]?.trim().split(':')[0]
    })
    assert.ok(tried.filter(Boolean).length >= 40, `only ${tried.length} flips tried`)
    assert.ok(new Set(tried).size >= 3, `reasons seen: ${[...new Set(tried)]}`)
  })

  test('--json prints one JSON document for every command', async () => {
    const keyFile = join(work, 'extra.jwk.json')
    const runs = {
      stamp: await cli('stamp', join(work, 'doc0.txt'), '--dir', dir, '--json'),
      verify: await cli('verify', receipts[0] as string, '--genesis', genesis, '--json'),
      verifyBad: await cli('verify', genesis, '--genesis', genesis, '--json'),
      checkpoint: await cli('checkpoint', '--dir', dir, '--json'),
      entries: await cli('entries', '--dir', dir, '--from', '1', '--limit', '2', '--json'),
      generate: await cli('keys', 'generate', '--out', keyFile, '--json'),
      show: await cli('keys', 'show', keyFile, '--json'),
      sign: await cli(
        'tx',
        'sign',
        '--key',
        join(dir, 'keys', 'organisation-1.jwk.json'),
        '--module',
        'notary',
        '--action',
        'stamp',
        '--args',
        `{"hash":"${'c'.repeat(64)}"}`,
        '--dir',
        dir,
        '--json',
      ),
      initAgain: await cli('init', '--dir', dir, '--json'),
      missing: await cli('verify', join(work, 'nope.json'), '--genesis', genesis, '--json'),
    }
    const out = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, json(run)]))
    assert.equal(out.stamp.v, 1)
    assert.equal(out.verify.valid, true)
    assert.equal(out.verifyBad.valid, false)
    assert.equal(out.verifyBad.failures[0].code, 'RECEIPT_MALFORMED')
    assert.equal(runs.verifyBad.code, 1)
    assert.equal(out.checkpoint.treeSize, out.entries.treeSize)
    assert.deepEqual(
      out.entries.entries.map((e: { index: number }) => e.index),
      [1, 2],
    )
    assert.equal(out.generate.did, out.show.did)
    assert.deepEqual(out.initAgain.error.code, 'ALREADY_EXISTS')
    assert.equal(out.missing.error.code, 'FILE_NOT_FOUND')
    assert.equal(runs.missing.code, 2)
    writeFileSync(join(work, 'tx.json'), runs.sign.stdout)
    const submit = await cli('tx', 'submit', join(work, 'tx.json'), '--dir', dir, '--json')
    assert.equal(submit.code, 0, submit.stdout)
    assert.equal(json(submit).results[0].ok, true)
  })

  test('usage errors exit 2', async () => {
    assert.equal((await cli('verify', receipts[0] as string)).code, 2)
    assert.equal((await cli('frobnicate')).code, 2)
    assert.equal((await cli('entries', '--limit', 'many', '--dir', dir)).code, 2)
    assert.equal((await cli('--version')).code, 0)
  })

  test('audit passes, then names the index of a leaf altered in the SQLite file', async () => {
    await node.kill()
    const passed = await cli('audit', '--dir', dir)
    assert.equal(passed.code, 0, passed.stdout + passed.stderr)
    assert.match(passed.stdout, /^audit passed: \d+ entries, \d+ checkpoints\n$/)
    assert.equal(json(await cli('audit', '--dir', dir, '--json')).ok, true)
    const db = new Database(join(dir, 'ledger.sqlite'))
    const row = db.prepare('SELECT leaf FROM entries WHERE idx = 3').get() as { leaf: Buffer }
    const at = row.leaf.length - 10
    row.leaf.writeUInt8(row.leaf.readUInt8(at) ^ 0x01, at)
    db.prepare('UPDATE entries SET leaf = ? WHERE idx = 3').run(row.leaf)
    db.close()
    const failed = await cli('audit', '--dir', dir)
    assert.equal(failed.code, 1)
    assert.match(failed.stdout, /^audit failed at entry 3: .+/)
    const verdict = json(await cli('audit', '--dir', dir, '--json'))
    assert.equal(verdict.firstBadIndex, 3)
  })
})

/** `count` positions inside the value of `"field":` in the JSON text. */
function positionsOf(text: string, field: string, count: number): number[] {
  const start = text.indexOf(`"${field}":`) + field.length + 3
  const end = text.indexOf('\n', start)
  return Array.from({ length: count }, (_, i) => start + 1 + Math.floor((i * (end - start - 2)) / count))
}

function isSameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value)
  } catch {
    return false
  }
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}
