// Restart time of a large ledger file: fills a file with N notary-like
// entries (or reuses one), closes it, then times createLedger until the node
// answers reads and commits a new transaction. Prints JSON. Usage:
//   node packages/ledger/scripts/measureRestart.mjs [--size 1000000] [--path /tmp/big.db]
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createLedger, defineAction, defineModule } from '../dist/index.js'
import { createGenesis, createSigner, signTransaction } from '../dist/testing/fixtures.js'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    path: { type: 'string', default: '/tmp/tabularium-restart.db' },
    append: { type: 'string', default: '0' },
  },
})
const size = Number(values.size)
const path = values.path

const notary = defineModule({
  name: 'notary',
  actions: {
    stamp: defineAction({
      args: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      access: { public: true },
      execute(ctx, { hash }) {
        if (ctx.get(`doc/${hash}`) !== undefined) return
        ctx.put(`doc/${hash}`, { signer: ctx.signer, time: ctx.time, index: ctx.index })
        ctx.emit('stamped', { hash })
      },
    }),
  },
  queries: {},
})

// The genesis and keys are derived from fixed seeds, so a file can be reused.
const seed = (label) => createHash('sha256').update(label).digest('base64url')
const keys = {
  logKeyName: 'restart.log',
  logPrivateKey: seed('log'),
  witnessKeyName: 'restart.witness',
  witnessPrivateKey: seed('witness'),
}
const { nodeVerifierKeys } = await import('../dist/index.js')
const { logKey, witnessKey } = nodeVerifierKeys(keys)
const member = { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }
const genesis = createGenesis({ member, logKey, witnessKey })

const fill = async () => {
  const ledger = await createLedger({ genesis, keys, modules: [notary], path })
  const signers = Array.from({ length: 100 }, () => createSigner())
  const started = performance.now()
  let done = ledger.checkpoint().treeSize
  while (done < size) {
    const chunk = Math.min(20_000, size - done)
    const txs = Array.from({ length: chunk }, (_, i) =>
      signTransaction({
        signer: signers[i % signers.length],
        module: 'notary',
        action: 'stamp',
        args: {
          hash: createHash('sha256')
            .update(`doc ${done + i} ${Math.random()}`)
            .digest('hex'),
        },
      }),
    )
    await Promise.all(Array.from({ length: 20 }, (_, k) => ledger.submit(txs.slice(k * 1000, (k + 1) * 1000))))
    done += chunk
    if (done % 100_000 === 0)
      console.error(`${done} entries, ${Math.round(done / ((performance.now() - started) / 1000))} tx/s`)
  }
  await ledger.close()
}

if (!existsSync(path)) await fill()
const started = performance.now()
const ledger = await createLedger({ genesis, keys, modules: [notary], path })
const openedMs = performance.now() - started
const { treeSize } = ledger.checkpoint()
ledger.receipt(Math.floor(treeSize / 2))
const servingMs = performance.now() - started
const signer = createSigner()
const [result] = await ledger.submit(
  [
    signTransaction({
      signer,
      module: 'notary',
      action: 'stamp',
      args: { hash: createHash('sha256').update(`x${Math.random()}`).digest('hex') },
    }),
  ],
  { receipts: true },
)
const committedMs = performance.now() - started
// Throughput on the large file: pre-signed transactions, batches of 250, 16 in flight.
const signers = Array.from({ length: 200 }, () => createSigner())
const extra = Array.from({ length: Number(values.append) }, (_, i) =>
  signTransaction({
    signer: signers[i % signers.length],
    module: 'notary',
    action: 'stamp',
    args: { hash: createHash('sha256').update(`more ${i} ${Math.random()}`).digest('hex') },
  }),
)
let next = 0
const appendStart = performance.now()
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < extra.length) {
      const slice = extra.slice(next, next + 250)
      next += 250
      await ledger.submit(slice)
    }
  }),
)
const appendTxPerSecond = Math.round(extra.length / ((performance.now() - appendStart) / 1000))
await ledger.close()
console.log(
  JSON.stringify(
    {
      treeSize,
      fileBytes: statSync(path).size,
      openMs: Math.round(openedMs),
      servingReadsMs: Math.round(servingMs),
      firstCommitMs: Math.round(committedMs),
      ok: result?.ok === true,
      appended: extra.length,
      appendTxPerSecond,
    },
    null,
    2,
  ),
)
