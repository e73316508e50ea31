#!/usr/bin/env node
import { isBaseError } from '@tabularium/core'
import { loadConfig } from './config/loadConfig.js'
import { startNode } from './startNode.js'

// `tabularium-node [--data-dir DIR] [--port N] …`: configuration from flags,
// TABULARIUM_* variables and an optional --config file (see README).
try {
  await startNode({ config: loadConfig({ argv: process.argv.slice(2) }) })
} catch (error) {
  const message = isBaseError(error) ? `${error.code}: ${error.message}` : String(error)
  const issues = isBaseError(error)
    ? (error.details?.issues as { path: string; message: string }[] | undefined)
    : undefined
  process.stderr.write(
    `tabularium-node: ${message}\n${(issues ?? []).map((i) => `  ${i.path}: ${i.message}\n`).join('')}`,
  )
  process.exit(1)
}
