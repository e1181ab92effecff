import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from '../../core/errors.js'

/**
 * Resolves `candidate` and checks it lies inside `reportsDir` (symlinks followed on both sides), so a tampered
 * history index can never make the app open, reveal or delete a file elsewhere.
 */
export async function reportPathInside(reportsDir: string, candidate: string): Promise<string> {
  const root = await realpath(reportsDir).catch(() => path.resolve(reportsDir))
  const resolved = await realpath(candidate).catch(() => {
    throw new ConfigError('That report file no longer exists. It may have been deleted or moved.', undefined, {
      code: 'REPORT_MISSING',
    })
  })
  const relative = path.relative(root, resolved)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ConfigError(
      'That report is not inside the reports folder, so UniFi Scanner will not open it. Generate a new report.',
      undefined,
      { code: 'REPORT_OUTSIDE_FOLDER' },
    )
  }
  return resolved
}
