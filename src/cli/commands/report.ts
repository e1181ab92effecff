/**
 * `report`: one run — collect, analyse, write the report, print where it is. The exit code is the run's:
 * 0 when the report was written (integration failures included), 2–5 for a controller failure (a report
 * explaining it is still written when the folder is usable). Ctrl+C aborts the run without leaving files.
 */
import type { ReportFormat } from '../../shared/settings.js'
import { parseWindowChoice } from '../args.js'
import { resolveReportsDir } from '../config/data-dir.js'
import { loadSettings, type CommandContext, type GlobalOptions } from '../context.js'
import { abortOnInterrupt } from '../interrupts.js'
import { createReportSession } from '../../core/pipeline/report-session.js'
import { toRunResult } from '../run-result.js'
import { CLI_VERSION } from '../version.js'
import { openReport } from '../open-report.js'
import { printRunSummary } from '../print-run.js'
import { INTERRUPTED_EXIT_CODE } from '../../core/exit-codes.js'

export interface ReportOptions {
  out?: string
  format?: ReportFormat
  hours?: string
  since?: string
  json?: boolean
  open?: boolean
  /** False with `--no-deliver`. */
  deliver?: boolean
}

export async function runReportCommand(
  ctx: CommandContext,
  options: ReportOptions,
  globals: GlobalOptions,
): Promise<number> {
  const settings = await loadSettings(ctx, globals, { requireUnifi: true })
  const window = parseWindowChoice(options, ctx.io.now())
  const reportsDir = resolveReportsDir({ out: options.out, outputDir: settings.report.outputDir, dataDir: ctx.dataDir })
  const session = createReportSession({
    logger: ctx.output.logger,
    appVersion: CLI_VERSION,
    folders: () => ({ dataDir: ctx.dataDir, reportsDir }),
  })
  const interrupt = abortOnInterrupt(ctx.io.interrupts)
  try {
    const outcome = await session.run({
      settings,
      format: options.format,
      window: { hours: window.hours, sinceMs: window.since },
      signal: interrupt.signal,
      deliver: options.deliver !== false,
    })
    if (outcome === null) {
      ctx.output.say(`Interrupted (${interrupt.interrupted() ?? 'signal'}): the report was not written.`)
      return INTERRUPTED_EXIT_CODE
    }
    const run = toRunResult(outcome)
    printRunSummary(ctx.output, run)
    ctx.output.json(run.json)
    if (options.open) await openIfWritten(ctx, run.json.report.html ?? run.json.report.text)
    return run.json.exitCode
  } finally {
    interrupt.dispose()
    await session.close()
  }
}

export async function openIfWritten(ctx: CommandContext, file: string | null): Promise<void> {
  if (!file) return
  const problem = await openReport(file, ctx.io.platform)
  if (problem) ctx.output.warn(problem)
}
