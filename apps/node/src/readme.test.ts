import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { CONFIG_OPTIONS } from './config/configOptions.js'
import { API_ROUTES } from './openapi/apiRoutes.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

test('the README documents every configuration option and route', () => {
  for (const option of CONFIG_OPTIONS) {
    for (const name of [`\`${option.path.join('.')}\``, `\`${option.env}\``, `\`--${option.flag}\``])
      assert.ok(readme.includes(name), name)
  }
  for (const route of API_ROUTES) {
    const path = route.path.replace(/\{(\w+)\}/g, ':$1').replace('/tlog/tile/:tilePath', '/tlog/tile/')
    assert.ok(readme.includes(path), path)
  }
})
