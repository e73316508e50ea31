export { aggregateParallel } from './aggregateParallel.js'
export { signBlindedFast } from './signBlindedFast.js'
