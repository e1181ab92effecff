/**
 * Run state (`state.json` in the data folder): when the last successful report was made, stored as ISO
 * 8601 with an offset. A naive or corrupt timestamp means "first run" with a warning — and because we
 * always write offsets, our own file always reads back.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../../logger.js'
import { parseZonedIso, toZonedIso } from '../../time.js'
import { writeFileAtomic } from './atomic-write.js'
import { readRecoverableJson } from './recoverable-json.js'

export const RUN_STATE_FILE = 'state.json'

const zonedIso = z.string().refine((value) => parseZonedIso(value) !== null, {
  message: 'must be an ISO 8601 timestamp with a timezone offset',
})

export const runStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** Absent when no complete report was made yet (only incomplete ones). */
  lastSuccessfulRun: zonedIso.optional(),
  lastReportCount: z.number().int().min(0).optional(),
  /** The newest run that wrote an incomplete report, and the core sources it could not check. */
  lastIncompleteRun: z.object({ at: zonedIso, sources: z.array(z.string()) }).optional(),
})
export type RunStateFile = z.infer<typeof runStateSchema>

export interface RunState {
  /** Epoch ms of the last successful report; null on a first run. */
  lastSuccessMs: number | null
  /** Set when the file was damaged and has been set aside. */
  warning: string | null
  /** The last run was incomplete: when, and what it could not check; null otherwise. */
  lastIncomplete: { atMs: number; sources: string[] } | null
}

export async function readRunState(dataDir: string, logger: Logger, nowMs: number): Promise<RunState> {
  const result = await readRecoverableJson({
    path: join(dataDir, RUN_STATE_FILE),
    schema: runStateSchema,
    label: 'run state',
    logger,
    nowMs,
  })
  if (result.status === 'ok') {
    const { lastSuccessfulRun, lastIncompleteRun } = result.value
    const incompleteMs = lastIncompleteRun === undefined ? null : parseZonedIso(lastIncompleteRun.at)
    return {
      lastSuccessMs: lastSuccessfulRun === undefined ? null : parseZonedIso(lastSuccessfulRun),
      warning: null,
      lastIncomplete:
        incompleteMs === null || lastIncompleteRun === undefined
          ? null
          : { atMs: incompleteMs, sources: lastIncompleteRun.sources },
    }
  }
  if (result.status === 'missing') return { lastSuccessMs: null, warning: null, lastIncomplete: null }
  return { lastSuccessMs: null, warning: `${result.warning} This run is treated as a first run.`, lastIncomplete: null }
}

export async function writeRunState(
  dataDir: string,
  state: {
    /** Null keeps "no complete report yet" (an incomplete first run). */
    lastSuccessMs: number | null
    timezone: string
    reportCount: number
    lastIncomplete?: { atMs: number; sources: string[] } | null
  },
): Promise<void> {
  const file: RunStateFile = { schemaVersion: 1, lastReportCount: state.reportCount }
  if (state.lastSuccessMs !== null) file.lastSuccessfulRun = toZonedIso(state.lastSuccessMs, state.timezone)
  if (state.lastIncomplete) {
    file.lastIncompleteRun = {
      at: toZonedIso(state.lastIncomplete.atMs, state.timezone),
      sources: state.lastIncomplete.sources,
    }
  }
  await writeFileAtomic(join(dataDir, RUN_STATE_FILE), `${JSON.stringify(file, null, 2)}\n`)
}
