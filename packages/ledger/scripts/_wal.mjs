import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { z } from 'zod'
import { createLedger, defineAction, defineModule } from '../dist/index.js'
import {
  createGenesis,
  createNodeKeys,
  createSigner,
  createTempDir,
  signTransaction,
} from '../dist/testing/fixtures.js'

const notary = defineModule({
  name: 'notary',
  actions: {
    stamp: defineAction({
      args: z.strictObject({ hash: z.string() }),
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
const tmp = createTempDir()
const member = createSigner()
const { keys, logKey, witnessKey } = createNodeKeys()
const genesis = createGenesis({ member, logKey, witnessKey })
const path = tmp.path('w.db')
const ledger = await createLedger({ genesis, keys, modules: [notary], path, verifierThreads: 2 })
const signers = Array.from({ length: 200 }, () => createSigner())
const N = Number(process.argv[2] ?? 20000)
const txs = Array.from({ length: N }, (_, i) =>
  signTransaction({
    signer: signers[i % 200],
    module: 'notary',
    action: 'stamp',
    args: {
      hash: createHash('sha256')
        .update('d' + i + Math.random())
        .digest('hex'),
    },
  }),
)
const wal0 = statSync(path + '-wal').size
for (let i = 0; i < N; i += 1000) await ledger.submit(txs.slice(i, i + 1000))
console.log(
  'wal bytes/tx (upper bound, WAL reused after checkpoints):',
  (statSync(path + '-wal').size - wal0) / N,
  'db',
  statSync(path).size / N,
)
await ledger.close()
tmp.remove()
