/**
 * Reading our own JSON files (history index, run state) so that damage never stops a run: a missing file
 * is "empty", and a corrupt one is moved aside (kept for inspection) and reported as a warning.
 */
import { readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'
import type { Logger } from '../../logger.js'

export type RecoveredJson<T> =
  { status: 'ok'; value: T } | { status: 'missing' } | { status: 'corrupt'; warning: string; backupPath: string | null }

export async function readRecoverableJson<T>(options: {
  path: string
  schema: z.ZodType<T>
  /** "history index", "run state" — for the warning text. */
  label: string
  logger: Logger
  nowMs: number
}): Promise<RecoveredJson<T>> {
  const { path, label, logger } = options
  let raw: string
  try {
    raw = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { status: 'missing' }
    throw error
  }
  let problem: string
  try {
    const parsed = options.schema.safeParse(JSON.parse(raw))
    if (parsed.success) return { status: 'ok', value: parsed.data }
    const issue = parsed.error.issues[0]
    problem = issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unexpected content'
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  const backupPath = `${path}.corrupt-${options.nowMs}`
  const moved = await rename(path, backupPath).then(
    () => true,
    () => false,
  )
  const warning = `The ${label} (${path}) was unreadable (${problem}); ${
    moved ? `it was kept as ${backupPath} and` : 'it'
  } has been replaced by a fresh one.`
  logger.warn(`${label.replace(/\s+/g, '_')}_corrupt`, { path, problem, backupPath: moved ? backupPath : null })
  return { status: 'corrupt', warning, backupPath: moved ? backupPath : null }
}
