/**
 * The command-line interface: commands, options and help. Each command's work lives in
 * `commands/` and is loaded only when that command runs, so `--help` and a config error stay instant and
 * the simulators (certificate generation) load only for `demo` and `simulate`.
 */
import { Command, CommanderError, Option } from 'commander'
import { tightenPermissions } from '../core/files/private-files.js'
import { createContext, reportFailure, type CliIo, type CommandContext, type GlobalOptions } from './context.js'
import { ExitCode } from '../core/exit-codes.js'
import { CLI_VERSION } from './version.js'
import type { IntegrationMeta } from '../core/integrations/contract.js'
import { integrations as registered } from '../core/integrations/registry.js'
import { DATA_DIR_ENV, envBindings } from './config/env.js'
import type { ReportOptions } from './commands/report.js'
import type { CheckOptions } from './commands/check.js'
import type { ScheduleCommandOptions } from './commands/schedule.js'
import type { DemoOptions } from './commands/demo.js'
import type { SimulateOptions } from './commands/simulate.js'

/** The environment variables, wrapped for the help text: UniFi's, each integration's, then the data folder. */
function environmentHelp(integrations: readonly IntegrationMeta[]): string {
  const names = [...envBindings(integrations).map((binding) => binding.name), DATA_DIR_ENV]
  const lines: string[] = []
  let line = ''
  for (const name of names) {
    if (line !== '' && line.length + name.length + 1 > 96) {
      lines.push(line)
      line = ''
    }
    line = line === '' ? name : `${line} ${name}`
  }
  lines.push(line)
  return lines.join('\n  ')
}

type Handler<T> = (ctx: CommandContext, options: T, globals: GlobalOptions) => Promise<number>

/** Parses `argv` (as in `process.argv`), runs the command and resolves with the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok
  const program = createProgram(io, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with 0; usage mistakes are configuration errors.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.config
    }
    throw error
  }
  return exitCode
}

function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command()
  const configure = (command: Command): Command =>
    command
      .version(CLI_VERSION, '-V, --version', 'print the version and exit')
      .helpOption('-h, --help', 'show help for this command')
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      })
      .showHelpAfterError('(run with --help for usage)')

  const action =
    <T extends object>(handler: Handler<T>) =>
    async (options: T, command: Command): Promise<void> => {
      const globals = command.optsWithGlobals<GlobalOptions & T>()
      const ctx = createContext(io, globals, 'json' in options && options.json === true)
      try {
        // Files an older version left group- or world-readable are made private before anything else runs.
        await tightenPermissions([{ dir: ctx.dataDir }], ctx.output.logger, io.platform)
        setExitCode(await handler(ctx, options, globals))
      } catch (error) {
        setExitCode(reportFailure(ctx, error))
      }
    }

  configure(program)
    .name('unifi-scanner')
    .description('Plain-English security report of a UniFi Network controller, from the command line.')
    .option('-c, --config <file>', 'JSON settings file (same schema as the app; environment variables win)')
    .option('-d, --data-dir <dir>', 'folder for state, history and reports (env UNIFI_SCANNER_DATA_DIR)')
    .option('--verbose', 'also print debug log lines')
    .addHelpText(
      'after',
      `
Environment: ${environmentHelp(io.integrations ?? registered)}

Exit codes: 0 report written, 1 configuration error, 2 controller unreachable,
  3 authentication failed, 4 TLS trust failure, 5 any other failure,
  6 report written but incomplete (events, threats or devices could not be read).`,
    )

  configure(program.command('report'))
    .description('collect, analyse and write one report')
    .option('-o, --out <dir>', 'folder for the report files (default: report.outputDir or <data-dir>/reports)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['html', 'text', 'both']))
    .option('--hours <n>', 'report the last N hours (1-720) instead of "since the last report"')
    .option('--since <iso>', 'report since this ISO 8601 time (with timezone)')
    .option('--json', 'print one JSON result object on stdout')
    .option('--open', 'open the report with the default application')
    .option('--no-deliver', 'do not send the report to the configured email and webhook channels')
    .action(
      action<ReportOptions>(async (ctx, options, globals) =>
        (await import('./commands/report.js')).runReportCommand(ctx, options, globals),
      ),
    )

  configure(program.command('check'))
    .description('connect and authenticate; show the controller, sites, TLS fingerprint and integrations')
    .option('--json', 'print the result as JSON on stdout')
    .action(
      action<CheckOptions>(async (ctx, options, globals) =>
        (await import('./commands/check.js')).runCheckCommand(ctx, options, globals),
      ),
    )

  configure(program.command('schedule'))
    .description('run reports on a schedule in this process until interrupted')
    .option('--every <duration>', 'interval such as 30s, 10m, 6h (first run at once)')
    .option(
      '--cron <expr>',
      '5-field cron expression in the report timezone, e.g. "0 8 * * 1" (neither flag: the config file\'s enabled schedule section)',
    )
    .option('-o, --out <dir>', 'folder for the report files')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['html', 'text', 'both']))
    .option('--json', 'print one JSON result line per run on stdout')
    .action(
      action<ScheduleCommandOptions>(async (ctx, options, globals) =>
        (await import('./commands/schedule.js')).runScheduleCommand(ctx, options, globals),
      ),
    )

  configure(program.command('demo'))
    .description('run a report against a built-in simulated controller and Cloudflare (demo data)')
    .option('-o, --out <dir>', 'folder for the report files (default: <data-dir>/demo/reports)')
    .option('--json', 'print one JSON result object on stdout')
    .option('--open', 'open the report with the default application')
    .action(
      action<DemoOptions>(async (ctx, options, globals) =>
        (await import('./commands/demo.js')).runDemoCommand(ctx, options, globals),
      ),
    )

  configure(program.command('simulate'))
    .description('run the simulated controller and Cloudflare API until interrupted (for trying things out)')
    .option('--port <n>', 'controller HTTPS port (default: a free port)')
    .option(
      '--persona <name>',
      'controller flavour: classic-8, unifi-os-9.1, unifi-os-9.4, unifi-os-10.0, unifi-os-10.3',
    )
    .option('--seed <n>', 'data set seed (default 1)')
    .option('--events <n>', 'number of events in the data set')
    .action(
      action<SimulateOptions>(async (ctx, options, globals) =>
        (await import('./commands/simulate.js')).runSimulateCommand(ctx, options, globals),
      ),
    )

  return program
}
