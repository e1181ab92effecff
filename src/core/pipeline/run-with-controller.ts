/**
 * One report run against a fresh UniFi client: what the CLI and the tray app both do per run. The client (and so
 * its one login) lives for exactly one run and is always closed (logout), whatever the outcome.
 */
import { createUnifiClient } from '../unifi/client.js'
import type { PipelineDeps, RunReportOptions } from './deps.js'
import type { RunOutcome } from './outcome.js'
import { runReport } from './run-report.js'

export type ControllerRunDeps = Omit<PipelineDeps, 'unifi'>

export async function runReportWithController(deps: ControllerRunDeps, options: RunReportOptions): Promise<RunOutcome> {
  const client = createUnifiClient({ settings: deps.settings.unifi, logger: deps.logger })
  try {
    return await runReport({ ...deps, unifi: client }, options)
  } finally {
    await client.close().catch(() => undefined)
  }
}
