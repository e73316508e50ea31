import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { CliError } from '../cliError.js'

/**
 * Hex SHA-256 of a file, streamed so that a document of any size hashes in
 * constant memory. `onProgress(bytesRead, totalBytes)` drives a progress bar.
 *
 * @example await hashFile({ path: 'contract.pdf' }) // 'e3b0c442…'
 */
export async function hashFile({
  path,
  onProgress,
}: {
  path: string
  onProgress?: (done: number, total: number) => void
}): Promise<{ hash: string; size: number }> {
  const size = await fileSize(path)
  const hash = createHash('sha256')
  let done = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
    done += (chunk as Buffer).length
    onProgress?.(done, size)
  }
  return { hash: hash.digest('hex'), size }
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new CliError('INVALID_FILE', `${path} is not a regular file`)
    return info.size
  } catch (cause) {
    if (cause instanceof CliError) throw cause
    throw new CliError('FILE_NOT_FOUND', `cannot read ${path}`, { cause })
  }
}
