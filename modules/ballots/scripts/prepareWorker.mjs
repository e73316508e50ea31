// One worker of measure.mjs's wallet pool: encrypts ballots (pure JS, as a
// wallet does) so that preparing thousands of them takes every core.
import { parentPort } from 'node:worker_threads'
import { prepareBallot } from '../dist/client/index.js'

parentPort.on('message', ({ id, ballot, publicKey, jobs }) => {
  const args = jobs.map(({ token, choices }) => prepareBallot({ ballot, publicKey, token, choices }))
  parentPort.postMessage({ id, args })
})
