/**
 * `demo`: a complete report without owning a console. Starts the simulated controller and the fake Cloudflare
 * API in this process, runs one report against them (marked as demo data) over the last 24 hours, prints where
 * it is and stops the simulators. Demo runs keep their own state and history under `<data-dir>/demo`, so they
 * never move the "since last report" window of real reports.
 */
import path from 'node:path'
import { startFakeCloudflare } from '../../simulator/cloudflare/index.js'
import { startSimulatedController } from '../../simulator/unifi/index.js'
import type { CommandContext, GlobalOptions } from '../context.js'
import { INTERRUPTED_EXIT_CODE } from '../../core/exit-codes.js'
import { abortOnInterrupt } from '../interrupts.js'
import { demoFolders, demoSettings } from '../../core/pipeline/demo.js'
import { createReportSession } from '../../core/pipeline/report-session.js'
import { toRunResult } from '../run-result.js'
import { CLI_VERSION } from '../version.js'
import { printRunSummary } from '../print-run.js'
import { openIfWritten } from './report.js'

export interface DemoOptions {
  out?: string
  json?: boolean
  open?: boolean
}

export async function runDemoCommand(
  ctx: CommandContext,
  options: DemoOptions,
  _globals?: GlobalOptions,
): Promise<number> {
  const folders = demoFolders(ctx.dataDir, options.out ? path.resolve(options.out) : undefined)
  ctx.output.say('Starting the simulated UniFi controller and Cloudflare API (demo data)…')
  const controller = await startSimulatedController({})
  const cloudflare = await startFakeCloudflare({}).catch(async (error: unknown) => {
    await controller.close()
    throw error
  })
  const settings = demoSettings({
    unifi: {
      url: controller.url,
      site: 'default',
      username: controller.credentials.username,
      password: controller.credentials.password,
      fingerprint: controller.fingerprint,
    },
    cloudflare: { url: cloudflare.url, apiToken: cloudflare.token, accountId: cloudflare.accountId },
  })
  const session = createReportSession({
    logger: ctx.output.logger,
    appVersion: CLI_VERSION,
    folders: () => folders,
    demo: true,
  })
  const interrupt = abortOnInterrupt(ctx.io.interrupts)
  try {
    const outcome = await session.run({ settings, signal: interrupt.signal })
    if (outcome === null) {
      ctx.output.say('Interrupted: the demo report was not written.')
      return INTERRUPTED_EXIT_CODE
    }
    const run = toRunResult(outcome)
    printRunSummary(ctx.output, run, { label: 'Demo' })
    ctx.output.json(run.json)
    if (options.open) await openIfWritten(ctx, run.json.report.html ?? run.json.report.text)
    return run.json.exitCode
  } finally {
    interrupt.dispose()
    await session.close()
    await Promise.allSettled([controller.close(), cloudflare.close()])
  }
}
