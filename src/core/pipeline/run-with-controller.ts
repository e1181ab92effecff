/**
 * One report run against a fresh UniFi client: what the CLI and the tray app both do per run. The client (and so
 * its one login) lives for exactly one run and is always closed (logout), whatever the outcome. Once the report
 * files are written the outcome goes back at once; the logout runs behind it, tracked in `closes` for the owner of
 * the process to wait for before it exits (the logout has its own 5 s limit). What the run learned about the
 * console's endpoints is kept in the data folder the same way, behind the outcome.
 */
import { createUnifiClient } from '../unifi/client.js'
import type { UnifiExchangeRecord } from '../unifi/session.js'
import { BackgroundCloses } from './background-closes.js'
import type { PipelineDeps, RunReportOptions } from './deps.js'
import type { RunOutcome } from './outcome.js'
import { runReport } from './run-report.js'
import { openSourceMemory } from './source-memory-file.js'

export type ControllerRunDeps = Omit<PipelineDeps, 'unifi'> & {
  /** Where the run's logout is tracked (default: one set for the process). */
  closes?: BackgroundCloses
  onUnifiExchange?: (record: UnifiExchangeRecord) => void
}

/** For callers that keep no set of their own (the tray app, whose process outlives its runs). */
export const processCloses = new BackgroundCloses()

export async function runReportWithController(deps: ControllerRunDeps, options: RunReportOptions): Promise<RunOutcome> {
  const { closes = processCloses, onUnifiExchange, ...pipeline } = deps
  // What earlier runs (of any process) found missing on the console, from the data folder: see source-memory-file.ts.
  const { memory, warning } = await openSourceMemory(pipeline.dataDir, pipeline.logger, pipeline.now ?? Date.now)
  const client = createUnifiClient({
    settings: pipeline.settings.unifi,
    logger: pipeline.logger,
    sourceMemory: memory,
    ...(onUnifiExchange ? { onExchange: onUnifiExchange } : {}),
  })
  try {
    const outcome = await runReport({ ...pipeline, unifi: client }, options)
    return warning === null ? outcome : { ...outcome, warnings: [warning, ...outcome.warnings] }
  } finally {
    // After the collection what it learned is complete; writing it is off the critical path like the logout.
    closes.add(Promise.all([client.close(), memory.flush()]).then(() => undefined))
  }
}
