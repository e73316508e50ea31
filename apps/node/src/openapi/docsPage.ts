/**
 * The browsable API page at /docs: plain HTML that loads /docs/docs.js, which
 * renders /openapi.json. Self-contained (no CDN: nodes may run offline), and
 * it writes every value from the document with textContent, never as HTML.
 *
 * @example app.get('/docs', (c) => c.html(DOCS_HTML))
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tabularium API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
header{background:#1f3a5f;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
main{max-width:60rem;margin:0 auto;padding:1rem 2rem}
section.op{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:.75rem 0;padding:.5rem 1rem}
.method{display:inline-block;min-width:3.5rem;text-align:center;font-weight:700;border-radius:4px;padding:0 .4rem;color:#fff;background:#0b6e4f}
.method.post{background:#9a4d00}code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f3f4f6;padding:.5rem;overflow:auto;max-height:24rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;border-bottom:1px solid #e5e7eb;padding:.25rem .5rem;vertical-align:top}
summary{cursor:pointer}.status{font-weight:700}
</style>
</head>
<body>
<header><h1 id="title">Tabularium API</h1><p id="version"></p></header>
<main id="main"><p>Loading <a href="openapi.json">openapi.json</a>…</p></main>
<script src="docs/docs.js"></script>
</body>
</html>
`

/** The script of the docs page (served as /docs/docs.js). */
export const DOCS_JS = `'use strict'
function el(tag, attrs, children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v)
  for (const child of children || []) node.append(typeof child === 'string' ? document.createTextNode(child) : child)
  return node
}
function schemaBlock(label, schema) {
  return el('details', {}, [el('summary', {}, [label]), el('pre', {}, [JSON.stringify(schema, null, 2)])])
}
function operation(path, method, op) {
  const parts = [el('h3', {}, [el('span', { class: 'method ' + method }, [method.toUpperCase()]), ' ', el('code', {}, [path])]), el('p', {}, [op.summary || ''])]
  if (op.description) parts.push(el('p', {}, [op.description]))
  if (op.parameters && op.parameters.length) {
    const rows = op.parameters.map((p) => el('tr', {}, [el('td', {}, [el('code', {}, [p.name])]), el('td', {}, [p.in + (p.required ? ', required' : '')]), el('td', {}, [p.description || ''])]))
    parts.push(el('table', {}, [el('tr', {}, [el('th', {}, ['parameter']), el('th', {}, ['in']), el('th', {}, ['description'])]), ...rows]))
  }
  if (op.requestBody) parts.push(schemaBlock('Request body', op.requestBody.content['application/json'].schema))
  const responses = Object.entries(op.responses || {}).map(([status, r]) => el('li', {}, [el('span', { class: 'status' }, [status]), ' ', r.description || '']))
  parts.push(el('ul', {}, responses))
  return el('section', { class: 'op', id: op.operationId || '' }, parts)
}
async function main() {
  const root = document.getElementById('main')
  try {
    const response = await fetch('openapi.json')
    const doc = await response.json()
    document.getElementById('title').textContent = doc.info.title
    document.getElementById('version').textContent = 'version ' + doc.info.version + ' · OpenAPI ' + doc.openapi
    const byTag = new Map()
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const tag = (op.tags && op.tags[0]) || 'other'
        if (!byTag.has(tag)) byTag.set(tag, [])
        byTag.get(tag).push(operation(path, method, op))
      }
    }
    const content = [el('p', {}, [doc.info.description || ''])]
    for (const [tag, ops] of byTag) content.push(el('h2', {}, [tag]), ...ops)
    content.push(el('h2', {}, ['Schemas']))
    for (const [name, schema] of Object.entries(doc.components.schemas)) content.push(schemaBlock(name, schema))
    root.replaceChildren(...content)
  } catch (error) {
    root.replaceChildren(el('p', {}, ['Could not load the API document: ' + error]))
  }
}
main()
`
