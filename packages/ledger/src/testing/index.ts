export { compactEtcd } from './compactEtcd.js'
export type { TestEtcd } from './startEtcd.js'
export { startEtcd } from './startEtcd.js'
