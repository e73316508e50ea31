import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { isBaseError } from '@tabularium/core'
import { createEd25519Cosigner, createEd25519NoteSigner } from '@tabularium/log'
import { createSandboxNetwork } from '@tabularium/module-governance'
import { witnessedLogs } from '../witness/witnessedLogs.js'
import { loadConfig } from './loadConfig.js'

const logKey = createEd25519NoteSigner({ name: 'other.example/log', privateKey: randomBytes(32) }).verifierKey
const witnessKey = createEd25519Cosigner({ name: 'witness.example/w1', privateKey: randomBytes(32) }).verifierKey

function load(witness: unknown) {
  const file = join(mkdtempSync(join(tmpdir(), 'tabularium-config-')), 'node.json')
  writeFileSync(file, JSON.stringify({ witness }))
  return loadConfig({ file, env: {}, argv: [] })
}

describe('the witness section of the configuration', () => {
  test('defaults to no extra log, no push, a push every 5 s', () => {
    assert.deepEqual(loadConfig({ env: {}, argv: [] }).witness, {
      logs: [],
      push: [],
      pushIntervalMs: 5000,
      pushTimeoutMs: 10_000,
    })
  })

  test('reads logs to witness and outside witnesses to push to', () => {
    const witness = {
      logs: [{ origin: 'other.example/log', keys: [logKey] }],
      push: [{ url: 'https://witness.example/tlog', key: witnessKey }],
      pushIntervalMs: 2000,
    }
    assert.deepEqual(load(witness).witness, { ...witness, pushTimeoutMs: 10_000 })
  })

  test('reports every bad entry at once', () => {
    const witness = {
      logs: [
        { origin: 'a\nb', keys: [logKey] },
        { origin: 'other.example/log', keys: ['not a key'] },
        { origin: 'other.example/log', keys: [witnessKey] },
        { origin: 'other.example/log', keys: [] },
      ],
      push: [{ url: 'ftp://witness.example', key: 'nope' }],
      pushIntervalMs: 0,
      extra: true,
    }
    assert.throws(
      () => load(witness),
      (error) => {
        assert.ok(isBaseError(error, 'INVALID_CONFIG'))
        const paths = ((error.details?.issues ?? []) as { path: string }[]).map((issue) => issue.path).sort()
        assert.deepEqual(paths, [
          'witness',
          'witness.logs.0.origin',
          'witness.logs.1.keys.0',
          'witness.logs.2.keys.0',
          'witness.logs.3.keys',
          'witness.push.0.key',
          'witness.push.0.url',
          'witness.pushIntervalMs',
        ])
        return true
      },
    )
  })

  test("witnesses its own network's log by default, and the union of keys for an origin named twice", () => {
    const { genesis } = createSandboxNetwork({ organisations: 2, now: 0 })
    const own = genesis.members.map((member) => member.logKey)
    const logs = witnessedLogs({
      genesis,
      configured: [
        { origin: genesis.origin, keys: [logKey, own[0] as string] },
        { origin: 'other.example/log', keys: [logKey] },
      ],
    })
    assert.deepEqual(
      [...logs],
      [
        [genesis.origin, [...own, logKey]],
        ['other.example/log', [logKey]],
      ],
    )
  })
})
