/**
 * When the last report of a data folder ran, for the catch-up rule: the newest of the run state's last complete
 * and last incomplete run and the history's newest non-demo entry (a failed run is in the history only). Both
 * files are read the tolerant way the pipeline reads them; a damaged one counts as "no run".
 */
import type { Logger } from '../logger.js'
import { readHistory } from '../report/files/history.js'
import { readRunState } from '../report/files/run-state.js'
import { parseZonedIso } from '../time.js'

export async function lastRunMs(dataDir: string, logger: Logger, nowMs: number): Promise<number | null> {
  const [state, history] = await Promise.all([
    readRunState(dataDir, logger, nowMs).catch(() => null),
    readHistory(dataDir, logger, nowMs).catch(() => null),
  ])
  const candidates: number[] = []
  if (state?.lastSuccessMs != null) candidates.push(state.lastSuccessMs)
  if (state?.lastIncomplete) candidates.push(state.lastIncomplete.atMs)
  for (const entry of history?.entries ?? []) {
    const generated = entry.demo ? null : parseZonedIso(entry.generatedAt)
    if (generated !== null) candidates.push(generated)
  }
  return candidates.length > 0 ? Math.max(...candidates) : null
}
