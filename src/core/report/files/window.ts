/**
 * The report window: since the last successful report, else the lookback setting (1–720 h). This is the one
 * place that widens it for clock skew between this computer and the controller: `query` starts 5 minutes
 * before `period`, and the collectors ask for and keep exactly `query`.
 */
import type { ReportWindow } from '../../unifi/model.js'

export const CLOCK_SKEW_MS = 5 * 60_000
export const MAX_LOOKBACK_HOURS = 720
const HOUR_MS = 3_600_000

export type WindowBasis = 'since-last-report' | 'first-run' | 'requested-hours' | 'requested-since'

export interface ResolvedWindow {
  /** What the report says it covers. */
  period: { since: number; until: number }
  /** What is asked of the sources: the period widened by the clock-skew tolerance. */
  query: ReportWindow
  basis: WindowBasis
  /** Plain-English notes, e.g. that an old checkpoint was limited to 720 h. */
  notes: string[]
}

export function resolveWindow(options: {
  nowMs: number
  lastSuccessMs: number | null
  lookbackHours: number
  /** CLI `--hours N` / `--since ISO`. */
  requested?: { hours?: number; sinceMs?: number }
}): ResolvedWindow {
  const { nowMs } = options
  const notes: string[] = []
  const earliest = nowMs - MAX_LOOKBACK_HOURS * HOUR_MS
  const lookback = Math.min(Math.max(options.lookbackHours, 1), MAX_LOOKBACK_HOURS)
  let since: number
  let basis: WindowBasis
  if (options.requested?.sinceMs !== undefined) {
    since = options.requested.sinceMs
    basis = 'requested-since'
  } else if (options.requested?.hours !== undefined) {
    since = nowMs - Math.min(Math.max(options.requested.hours, 1), MAX_LOOKBACK_HOURS) * HOUR_MS
    basis = 'requested-hours'
  } else if (options.lastSuccessMs !== null && options.lastSuccessMs <= nowMs + CLOCK_SKEW_MS) {
    since = Math.min(options.lastSuccessMs, nowMs)
    basis = 'since-last-report'
  } else {
    if (options.lastSuccessMs !== null) {
      notes.push('The last report is dated in the future (the clock changed?); using the lookback period instead.')
    }
    since = nowMs - lookback * HOUR_MS
    basis = 'first-run'
  }
  if (since < earliest) {
    notes.push(`The window was limited to the last ${MAX_LOOKBACK_HOURS} hours.`)
    since = earliest
  }
  if (since > nowMs) since = nowMs
  return {
    period: { since, until: nowMs },
    query: { since: since - CLOCK_SKEW_MS, until: nowMs },
    basis,
    notes,
  }
}
