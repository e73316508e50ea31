export { signBlindedFast } from './signBlindedFast.js'
export { aggregateParallel } from './aggregateParallel.js'
