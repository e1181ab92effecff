/**
 * `schedule`: reports on a timer or cron expression in one long-lived process. One report session is kept
 * for the whole process so circuit breakers remember failures across runs; runs never overlap (within the
 * process, and across processes through the data folder's run lock, which the tray app takes too); SIGINT or
 * SIGTERM aborts the current run (its files are not written) and ends with exit 0.
 */
import type { ReportFormat } from '../../shared/settings.js'
import { toScannerError } from '../../core/errors.js'
import { resolveReportsDir } from '../config/data-dir.js'
import { loadSettings, type CommandContext, type GlobalOptions } from '../context.js'
import { ExitCode } from '../../core/exit-codes.js'
import { abortOnInterrupt } from '../interrupts.js'
import { createReportSession } from '../../core/pipeline/report-session.js'
import { toRunResult } from '../run-result.js'
import { CLI_VERSION } from '../version.js'
import { printRunSummary } from '../print-run.js'
import { runScheduleLoop } from '../schedule/schedule-loop.js'
import { parseSchedule } from '../schedule/schedule-spec.js'

export interface ScheduleCommandOptions {
  every?: string
  cron?: string
  out?: string
  format?: ReportFormat
  json?: boolean
}

export async function runScheduleCommand(
  ctx: CommandContext,
  options: ScheduleCommandOptions,
  globals: GlobalOptions,
): Promise<number> {
  const settings = await loadSettings(ctx, globals, { requireUnifi: true })
  const spec = parseSchedule({
    every: options.every,
    cron: options.cron,
    timezone: settings.report.timezone,
    configured: settings.schedule,
  })
  const reportsDir = resolveReportsDir({ out: options.out, outputDir: settings.report.outputDir, dataDir: ctx.dataDir })
  const session = createReportSession({
    logger: ctx.output.logger,
    appVersion: CLI_VERSION,
    folders: () => ({ dataDir: ctx.dataDir, reportsDir }),
  })
  const interrupt = abortOnInterrupt(ctx.io.interrupts)
  ctx.output.say(`Scheduling reports ${spec.description}; reports go to ${reportsDir}. Press Ctrl+C to stop.`)
  let runNumber = 0
  try {
    await runScheduleLoop({
      spec,
      signal: interrupt.signal,
      now: ctx.io.now,
      onPlanned: (at) => {
        if (at > ctx.io.now() + 1000) ctx.output.say(`Next report at ${new Date(at).toISOString()}.`)
      },
      runOnce: async (signal) => {
        runNumber += 1
        try {
          const outcome = await session.run({ settings, format: options.format, signal })
          if (outcome === null) return
          const run = toRunResult(outcome)
          printRunSummary(ctx.output, run, { label: `Run ${runNumber}` })
          ctx.output.json(run.json)
        } catch (error) {
          // A run that could not even start (e.g. the reports folder vanished) must not end the schedule.
          ctx.output.logger.error(`Run ${runNumber} failed: ${toScannerError(error).message}`)
        }
      },
    })
    ctx.output.say(`Stopped (${interrupt.interrupted() ?? 'signal'}) after ${runNumber} run(s).`)
    return ExitCode.ok
  } finally {
    interrupt.dispose()
    await session.close()
  }
}
