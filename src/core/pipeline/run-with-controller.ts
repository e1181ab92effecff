/**
 * One report run against a fresh UniFi client: what the CLI and the tray app both do per run. The client (and so
 * its one login) lives for exactly one run and is always closed (logout), whatever the outcome. Once the report
 * files are written the outcome goes back at once; the logout runs behind it, tracked in `closes` for the owner of
 * the process to wait for before it exits (the logout has its own 5 s limit).
 */
import { createUnifiClient } from '../unifi/client.js'
import { BackgroundCloses } from './background-closes.js'
import type { PipelineDeps, RunReportOptions } from './deps.js'
import type { RunOutcome } from './outcome.js'
import { runReport } from './run-report.js'

export type ControllerRunDeps = Omit<PipelineDeps, 'unifi'> & {
  /** Where the run's logout is tracked (default: one set for the process). */
  closes?: BackgroundCloses
}

/** For callers that keep no set of their own (the tray app, whose process outlives its runs). */
export const processCloses = new BackgroundCloses()

export async function runReportWithController(deps: ControllerRunDeps, options: RunReportOptions): Promise<RunOutcome> {
  const { closes = processCloses, ...pipeline } = deps
  const client = createUnifiClient({ settings: pipeline.settings.unifi, logger: pipeline.logger })
  try {
    return await runReport({ ...pipeline, unifi: client }, options)
  } finally {
    closes.add(client.close())
  }
}
