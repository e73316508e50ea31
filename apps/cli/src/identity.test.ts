import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type NodeProcess, runCli, startNodeProcess } from './testing/cliProcess.js'

// `tabularium did …` and `tabularium vc …` against a real sandbox node whose
// issuer `init` created and `node start` registered.
describe('tabularium did and vc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-cli-identity-'))
  let node: NodeProcess
  const cli = async (...args: string[]) => runCli({ args: [...args, '--dir', dir] })
  const json = async (...args: string[]) => {
    const run = await cli(...args, '--json')
    assert.equal(run.code, 0, run.stderr)
    return JSON.parse(run.stdout)
  }
  before(async () => {
    assert.equal((await runCli({ args: ['init', '--dir', dir] })).code, 0)
    node = await startNodeProcess({ dir })
    const keys = await runCli({ args: ['keys', 'generate', '--alg', 'ES256', '--out', join(dir, 'holder.jwk.json')] })
    assert.equal(keys.code, 0, keys.stderr)
  })
  after(async () => {
    await node?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates a did:tab, resolves it and shows its history; an unknown DID exits 2 with its code', async () => {
    const created = await json('did', 'create', 'zug-city')
    assert.equal(created.did, 'did:tab:zug-city')
    const resolved = await json('did', 'resolve', 'did:tab:zug-city')
    assert.equal(resolved.didDocument.id, 'did:tab:zug-city')
    assert.deepEqual(resolved.didDocument.controller, [created.controller])
    const shown = await json('did', 'show', 'did:tab:zug-city')
    assert.equal(shown.history.length, 1)
    const text = await cli('did', 'show', 'did:tab:zug-city')
    assert.match(text.stdout, /history:\n {2}v1 from /)
    const local = await json('did', 'resolve', created.controller)
    assert.equal(local.didDocument.id, created.controller)
    const unknown = await cli('did', 'resolve', 'did:tab:nobody', '--json')
    assert.equal(unknown.code, 2)
    assert.equal(JSON.parse(unknown.stdout).error.code, 'DID_NOT_FOUND')
  })

  it('issues a JWT VC, verifies it, revokes it, then verification exits 1 with REVOKED', async () => {
    const claims = JSON.stringify({ resident_of: 'Zug', age_over_16: true })
    const issued = await json('vc', 'issue', '--holder-key', join(dir, 'holder.jwk.json'), '--claims', claims)
    const file = join(dir, 'residency.jwt')
    writeFileSync(file, issued.credential)
    const verified = await json('vc', 'verify', file)
    assert.deepEqual(
      [verified.format, verified.issuer, verified.claims],
      ['jwt_vc', 'did:tab:organisation-1', { resident_of: 'Zug', age_over_16: true }],
    )
    const revoked = await json('vc', 'revoke', file)
    assert.equal(revoked.issuer, 'did:tab:organisation-1')
    const again = await cli('vc', 'verify', file, '--json')
    assert.equal(again.code, 1)
    assert.match(JSON.parse(again.stdout).error.message, /REVOKED/)
  })

  it('issues an SD-JWT VC that verifies, and rejects a tampered one with exit 1', async () => {
    const claims = JSON.stringify({ resident_of: 'Zug', birthdate: '2001-04-01', age_over_16: true })
    const issued = await json(
      'vc',
      'issue',
      '--format',
      'sd-jwt',
      '--holder-key',
      join(dir, 'holder.jwk.json'),
      '--claims',
      claims,
    )
    const file = join(dir, 'residency.sd-jwt')
    writeFileSync(file, issued.credential)
    assert.equal((await json('vc', 'verify', file)).format, 'sd_jwt_vc')
    const [jwt = '', ...rest] = issued.credential.split('~')
    const [h, p, s] = jwt.split('.')
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString())
    payload.iss = 'did:tab:someone-else'
    const forged = [`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`, ...rest].join('~')
    writeFileSync(file, forged)
    assert.equal((await cli('vc', 'verify', file)).code, 1)
  })
})
