import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))))

/**
 * Credential verifications per second through `verifyCredential`'s whole
 * pipeline (packages/identity/bench/verifyCredentials.mjs, one core, in its
 * own process so that the other measurements' heaps do not weigh on it):
 * an EBSI JWT VC with a status-list check, and an SD-JWT VC presentation
 * with key binding.
 *
 * @example const { jwtVc, sdJwtVc } = measureCredentialVerifications({ seconds: 2 })
 */
export function measureCredentialVerifications({ seconds }) {
  const stdout = execFileSync(
    process.execPath,
    [join(root, 'packages', 'identity', 'bench', 'verifyCredentials.mjs')],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BENCH_SECONDS: String(seconds) },
    },
  )
  const result = JSON.parse(stdout.trim().split('\n').at(-1))
  return {
    jwtVc: result.jwtVcWithStatusList,
    sdJwtVc: result.sdJwtVcPresentation,
    rawEs256: result.rawEs256VerifyNodeCrypto,
  }
}
