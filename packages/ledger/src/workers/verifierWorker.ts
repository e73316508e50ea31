import { parentPort } from 'node:worker_threads'
import type { Json } from '../module/defineModule.js'
import { type PackedBatch, verifyPacked } from './verifyPacked.js'

type Request = { id: number; batch?: PackedBatch; precheck?: { worker: string; jobs: Json[] } }
type PrecheckModule = { runPrecheck(job: Json): Json }

// The worker side of the verifier pool: verifies each packed batch it is sent
// and answers with one byte per signature, transferring the result buffer;
// or runs a module's prechecks (see `Precheck`), one answer per job.
const modules = new Map<string, Promise<PrecheckModule>>()

parentPort?.on('message', async (message: Request) => {
  if (message.batch !== undefined) {
    const results = verifyPacked(message.batch)
    parentPort?.postMessage({ id: message.id, results }, [results.buffer as ArrayBuffer])
    return
  }
  const { worker, jobs } = message.precheck as NonNullable<Request['precheck']>
  let results: (Json | null)[]
  try {
    let loading = modules.get(worker)
    if (loading === undefined) {
      loading = import(worker) as Promise<PrecheckModule>
      modules.set(worker, loading)
    }
    const module = await loading
    results = jobs.map((job) => runOne(module, job))
  } catch {
    results = jobs.map(() => null) // the module did not load: the actions check inline
  }
  parentPort?.postMessage({ id: message.id, results })
})

function runOne(module: PrecheckModule, job: Json): Json | null {
  try {
    return module.runPrecheck(job)
  } catch {
    return null
  }
}
