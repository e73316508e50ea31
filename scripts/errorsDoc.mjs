#!/usr/bin/env node
// Writes docs/errors.md from the error catalogue, so the document can never
// drift from the code that maps codes to HTTP statuses.
import { writeFileSync } from 'node:fs'
import { ERROR_CATALOGUE } from '@tabularium/protocol'

const rows = Object.entries(ERROR_CATALOGUE).map(
  ([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${meaning} |`,
)
const text = `# Error catalogue

Every error a client sees is \`{ "error": { "code", "message", "details"? } }\`
with the HTTP status below. Codes are stable; messages may be reworded.
Generated from \`packages/protocol/src/errorCatalogue.ts\` by \`npm run docs:errors\`.

| code | HTTP | meaning |
|---|---|---|
${rows.join('\n')}
`
writeFileSync(new URL('../docs/errors.md', import.meta.url), text)
console.log(`docs/errors.md: ${rows.length} codes`)
