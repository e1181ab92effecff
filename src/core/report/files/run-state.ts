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
  lastSuccessfulRun: zonedIso,
  lastReportCount: z.number().int().min(0).optional(),
})
export type RunStateFile = z.infer<typeof runStateSchema>

export interface RunState {
  /** Epoch ms of the last successful report; null on a first run. */
  lastSuccessMs: number | null
  /** Set when the file was damaged and has been set aside. */
  warning: string | null
}

export async function readRunState(dataDir: string, logger: Logger, nowMs: number): Promise<RunState> {
  const result = await readRecoverableJson({
    path: join(dataDir, RUN_STATE_FILE),
    schema: runStateSchema,
    label: 'run state',
    logger,
    nowMs,
  })
  if (result.status === 'ok') return { lastSuccessMs: parseZonedIso(result.value.lastSuccessfulRun), warning: null }
  if (result.status === 'missing') return { lastSuccessMs: null, warning: null }
  return { lastSuccessMs: null, warning: `${result.warning} This run is treated as a first run.` }
}

export async function writeRunState(
  dataDir: string,
  state: { lastSuccessMs: number; timezone: string; reportCount: number },
): Promise<void> {
  const file: RunStateFile = {
    schemaVersion: 1,
    lastSuccessfulRun: toZonedIso(state.lastSuccessMs, state.timezone),
    lastReportCount: state.reportCount,
  }
  await writeFileAtomic(join(dataDir, RUN_STATE_FILE), `${JSON.stringify(file, null, 2)}\n`)
}
