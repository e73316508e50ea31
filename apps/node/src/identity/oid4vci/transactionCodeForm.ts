// The page the authorisation endpoint shows when the holder has not yet typed
// the transaction code the clerk handed over. A plain, self-contained form
// (no script, no outside assets) that sends the same authorisation request
// again with `tx_code` added.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

// Every value comes from the request: escaped, never interpreted.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/**
 * The HTML of the transaction-code form.
 *
 * @example c.html(transactionCodeForm({ params, wrong: false }), 401)
 */
export function transactionCodeForm({ params, wrong }: { params: Record<string, string>; wrong: boolean }): string {
  const hidden = Object.entries(params)
    .filter(([name]) => name !== 'tx_code')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ')
  const error = wrong ? '<p role="alert" id="tx-error">That code is not right. Check it and try again.</p>' : ''
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Confirm your credential</title></head>
  <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
    <main>
      <h1>Confirm your credential</h1>
      <p>Type the 6-digit code the clerk gave you.</p>
      ${error}
      <form method="get" action="/v1/oid4vci/authorize">
      ${hidden}
        <label for="tx_code">Transaction code</label><br>
        <input id="tx_code" name="tx_code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required
          ${wrong ? 'aria-invalid="true" aria-describedby="tx-error"' : ''} style="font-size: 1.5rem; letter-spacing: .2em; margin: .5rem 0">
        <br><button type="submit" style="font-size: 1rem; padding: .5rem 1rem">Continue</button>
      </form>
    </main>
  </body>
</html>`
}
