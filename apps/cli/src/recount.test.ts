import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { electionOf } from '@tabularium/module-ballots'
import { prepareBallot } from '@tabularium/module-ballots/client'
import {
  type BallotsLedger,
  codeHash,
  createIssuer,
  ephemeralSigner,
  obtainToken,
  openBallotsLedger,
  runCeremony,
} from '@tabularium/module-ballots/testing'
import type { SandboxMember } from '@tabularium/module-governance'
import { type Ciphertext, type KeyShare, partialDecrypt } from '@tabularium/voting'
import { runCli } from './testing/cliProcess.js'

const HOUR = 3_600_000

// A small election on a real ledger (2-of-3 trustees, two voters), its log
// exported as `tabularium entries --export` writes it, then recounted by the
// built CLI: exit 0 when the recount equals the published tally, 1 when not.
describe('tabularium recount BALLOT --entries FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-recount-'))
  const file = join(dir, 'export.json')
  const tamperedFile = join(dir, 'tampered.json')
  let t: BallotsLedger

  before(async () => {
    t = await openBallotsLedger()
    const member = (i: number) => t.members[i] as SandboxMember
    const issuer = await createIssuer()
    const codes = ['AAAA-0001', 'AAAA-0002']
    const send = async (m: SandboxMember, action: string, args: Record<string, unknown>) =>
      assert.equal((await t.send(m, action, args)).code, 'ok', action)
    await send(member(0), 'createBallot', {
      id: 'park',
      title: 'Park',
      questions: [
        {
          id: 'q',
          title: 'Trees?',
          type: 'single',
          options: [
            { id: 'y', title: 'Yes' },
            { id: 'n', title: 'No' },
          ],
        },
      ],
      opens: new Date(t.now() + HOUR).toISOString(),
      closes: new Date(t.now() + 2 * HOUR).toISOString(),
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
      trustees: ['leuven', 'gent', 'brugge'],
      threshold: 2,
    })
    await send(member(0), 'addCensusCodes', { process: 'park', codeHashes: codes.map(codeHash) })
    const shares = await runCeremony(t, 'park', 2)
    const tokens = [
      await obtainToken(t, { process: 'park', member: codeHash(codes[0] as string), issuer }),
      await obtainToken(t, { process: 'park', member: codeHash(codes[1] as string), issuer }),
    ]
    t.advance(HOUR)
    // biome-ignore lint/suspicious/noExplicitAny: a query result
    const ballot = t.ledger.query('ballots', 'ballot', { id: 'park' }) as any
    for (const [i, token] of tokens.entries()) {
      const args = prepareBallot({
        ballot,
        publicKey: ballot.ceremony.publicKey,
        token,
        choices: [i === 0 ? [1, 0] : [1, 0]],
      })
      assert.equal((await t.send(ephemeralSigner(), 'cast', args)).code, 'ok')
    }
    t.advance(HOUR)
    // Stored packed: the query reads it back as ciphertexts.
    const tally = (t.ledger.query('ballots', 'encryptedTally', { id: 'park' }) as { tally: Ciphertext[][] }).tally
    for (const i of [0, 1]) {
      const partials = [
        partialDecrypt({
          election: electionOf('park', ballot.questions[0], ballot.ceremony.publicKey),
          tally: tally[0] as Ciphertext[],
          share: shares[i] as KeyShare,
        }),
      ]
      await send(member(i), 'publishPartial', { ballot: 'park', partials })
    }
    assert.equal((await t.send(ephemeralSigner(), 'publishTally', { ballot: 'park', counts: [[2, 0]] })).code, 'ok')
    const entries = t.ledger.entries({ from: 0, limit: 1000 }).map(({ index, txid, entry }) => ({ index, txid, entry }))
    writeFileSync(file, JSON.stringify({ treeSize: entries.length, entries }))
    // The published counts changed in the export: the recount must disagree.
    const tampered = JSON.parse(JSON.stringify(entries))
    const tallyEntry = tampered.find((e: { entry: { tx: { action: string } } }) => e.entry.tx.action === 'publishTally')
    tallyEntry.entry.tx.args.counts = [[1, 1]]
    writeFileSync(tamperedFile, JSON.stringify({ entries: tampered }))
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints the recomputed counts and exits 0 when they equal the published tally', async () => {
    const run = await runCli({ args: ['recount', 'park', '--entries', file, '--json'] })
    assert.equal(run.code, 0, run.stderr)
    const out = JSON.parse(run.stdout)
    assert.deepEqual([out.ok, out.counts, out.published, out.ballots, out.problems], [true, [[2, 0]], [[2, 0]], 2, []])
    const text = await runCli({ args: ['recount', 'park', '--entries', file, '--no-proofs'] })
    assert.equal(text.code, 0)
    assert.match(text.stdout, /question 1: 2 0\n[\s\S]*the recount equals the published tally/)
  })

  it('exits 1 when the published tally differs from the recount, 2 for a file that is not an export', async () => {
    const run = await runCli({ args: ['recount', 'park', '--entries', tamperedFile, '--json'] })
    assert.equal(run.code, 1)
    assert.deepEqual(JSON.parse(run.stdout).problems, ['the published tally differs from the recount'])
    writeFileSync(join(dir, 'junk.json'), '{"hello": 1}')
    const junk = await runCli({ args: ['recount', 'park', '--entries', join(dir, 'junk.json')] })
    assert.equal(junk.code, 2)
    assert.match(junk.stderr, /INVALID_FILE/)
  })
})
