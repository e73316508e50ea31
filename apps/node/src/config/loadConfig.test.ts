import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { isBaseError } from '@tabularium/core'
import { loadConfig } from './loadConfig.js'

function configFile(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tabularium-config-')), 'node.json')
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

describe('loadConfig', () => {
  test('defaults to loopback on port 8080', () => {
    const config = loadConfig({ env: {}, argv: [] })
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.port, 8080)
    assert.equal(config.logLevel, 'info')
    assert.equal(config.theme.name, 'Tabularium')
    assert.equal(config.theme.colors.primary, '#1f3a5f')
    assert.equal(config.webRoot, undefined)
  })

  test('flags win over the environment, which wins over the file', () => {
    const file = configFile({
      port: 1000,
      host: '127.0.0.2',
      logLevel: 'warn',
      theme: { name: 'Leuven', colors: { accent: '#000' } },
    })
    const env = { TABULARIUM_PORT: '2000', TABULARIUM_HOST: '127.0.0.3', TABULARIUM_THEME_PRIMARY_COLOR: '#123456' }
    const config = loadConfig({ file, env, argv: ['--port=0', '--data-dir', '/srv/node'] })
    assert.equal(config.port, 0)
    assert.equal(config.host, '127.0.0.3')
    assert.equal(config.logLevel, 'warn')
    assert.equal(config.dataDir, '/srv/node')
    assert.deepEqual(config.theme.colors, {
      primary: '#123456',
      accent: '#000',
      background: '#ffffff',
      text: '#1b1f24',
    })
    assert.equal(config.theme.name, 'Leuven')
  })

  test('finds the file through --config or TABULARIUM_CONFIG', () => {
    const file = configFile({ blockSize: 50, blockIntervalMs: 5 })
    assert.equal(loadConfig({ env: {}, argv: ['--config', file] }).blockSize, 50)
    assert.equal(loadConfig({ env: { TABULARIUM_CONFIG: file } }).blockIntervalMs, 5)
  })

  test('reports every bad option at once', () => {
    const env = { TABULARIUM_PORT: 'eighty', TABULARIUM_THEME_PRIMARY_COLOR: 'red;}', TABULARIUM_LOG_LEVEL: 'loud' }
    assert.throws(
      () => loadConfig({ env, argv: [] }),
      (error) => {
        assert.ok(isBaseError(error, 'INVALID_CONFIG'))
        const paths = ((error.details?.issues ?? []) as { path: string }[]).map((issue) => issue.path).sort()
        assert.deepEqual(paths, ['logLevel', 'port', 'theme.colors.primary'])
        return true
      },
    )
  })

  test('refuses unknown flags, unknown file keys and unreadable files', () => {
    assert.throws(
      () => loadConfig({ env: {}, argv: ['--bind', '0.0.0.0'] }),
      (e) => isBaseError(e, 'INVALID_CONFIG'),
    )
    assert.throws(
      () => loadConfig({ env: {}, file: configFile({ prot: 1 }) }),
      (e) => isBaseError(e, 'INVALID_CONFIG'),
    )
    assert.throws(
      () => loadConfig({ env: {}, file: configFile('{nope') }),
      (e) => isBaseError(e, 'INVALID_CONFIG'),
    )
    assert.throws(
      () => loadConfig({ env: {}, file: configFile([1]) }),
      (e) => isBaseError(e, 'INVALID_CONFIG'),
    )
    assert.throws(
      () => loadConfig({ env: {}, file: '/nonexistent/node.json' }),
      (e) => isBaseError(e, 'INVALID_CONFIG'),
    )
  })

  test('a __proto__ key in the file pollutes nothing', () => {
    const config = loadConfig({ env: {}, file: configFile('{"__proto__": {"polluted": true}, "port": 1}') })
    assert.equal(config.port, 1)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })
})
