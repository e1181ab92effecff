import type { RunPhase, RunProgress } from './deps.js'

/** Emits progress that never goes backwards, and never lets a listener's exception break the run. */
export function progressReporter(listener: ((progress: RunProgress) => void) | undefined) {
  let last = 0
  return (phase: RunPhase, percent: number, label: string) => {
    last = Math.max(last, Math.min(100, Math.round(percent)))
    try {
      listener?.({ phase, percent: last, label })
    } catch {
      // A broken progress listener (e.g. a closed window) must not fail the report.
    }
  }
}
