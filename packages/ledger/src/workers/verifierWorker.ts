import { parentPort } from 'node:worker_threads'
import { type PackedBatch, verifyPacked } from './verifyPacked.js'

// The worker side of the verifier pool: verifies each packed batch it is sent
// and answers with one byte per signature, transferring the result buffer.
parentPort?.on('message', (message: { id: number; batch: PackedBatch }) => {
  const results = verifyPacked(message.batch)
  parentPort?.postMessage({ id: message.id, results }, [results.buffer as ArrayBuffer])
})
