import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

// The library is bundled for the browser's offline verifier: nothing it ships
// may import a node: module or use Node globals. Test files are exempt.
const dist = fileURLToPath(new URL('.', import.meta.url))

function libraryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : libraryFiles(path)
    return entry.name.endsWith('.js') && !entry.name.endsWith('.test.js') ? [path] : []
  })
}

describe('browser safety', () => {
  it('no library module imports node: modules or uses Buffer or process', () => {
    const files = libraryFiles(dist)
    assert.ok(files.length > 20)
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
      assert.doesNotMatch(code, /from ['"]node:|require\(|\bBuffer\b|\bprocess\./, file)
    }
  })
})
