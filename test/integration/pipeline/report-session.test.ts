/**
 * The CLI's `report` and the tray's "Generate report now" are one report session: against the same simulated
 * console and fake Cloudflare, from the same checkpoint, they write the same history entry and the same run
 * state (only the run's id, its moment and its file paths differ), and both reports are complete.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/program.js'
import { loadConfig } from '../../../src/cli/config/load-config.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { readHistory, type HistoryEntry } from '../../../src/core/report/files/history.js'
import { writeRunState } from '../../../src/core/report/files/run-state.js'
import { createPush } from '../../../src/main/ipc/push.js'
import { createEngineReportRunner } from '../../../src/main/reports/engine-runner.js'
import { createMainServices } from '../../../src/main/services.js'
import { createMemorySettingsService } from '../../../src/main/settings/create-settings-service.js'
import { startFakes, tempDir, type Fakes } from '../cli/support/fakes.js'

const NOW = Date.now()
const CHECKPOINT = NOW - 12 * 3_600_000

let fakes: Fakes
let work: Awaited<ReturnType<typeof tempDir>>
beforeAll(async () => {
  // The console's data ends at NOW whenever it is asked, so two runs a moment apart read the same records.
  fakes = await startFakes({ now: () => NOW })
  work = await tempDir('session')
})
afterAll(async () => {
  await fakes?.close()
  await work?.remove()
})

async function fromCheckpoint(dataDir: string): Promise<void> {
  await writeRunState(dataDir, { lastSuccessMs: CHECKPOINT, timezone: 'UTC', reportCount: 0 })
}

async function cliRun(dataDir: string): Promise<void> {
  const interrupts = { onInterrupt: () => () => undefined }
  const code = await runCli(['node', 'unifi-scanner', 'report', '--data-dir', dataDir], {
    env: fakes.env(),
    stdout: new PassThrough(),
    stderr: new PassThrough().resume(),
    interrupts,
    platform: process.platform,
    now: Date.now,
  })
  expect(code).toBe(0)
}

async function trayRun(dataDir: string): Promise<void> {
  // The settings the CLI reads from the same environment, saved in the app instead.
  const { settings } = await loadConfig({ configFile: undefined, env: fakes.env(), requireUnifi: true })
  const logger = createMemoryLogger()
  const services = createMainServices({
    settings: createMemorySettingsService(settings),
    runner: createEngineReportRunner({
      logger,
      appVersion: '0.1.0-test',
      folders: () => ({ dataDir, reportsDir: path.join(dataDir, 'reports') }),
    }),
    appInfo: () => ({ name: 'u', version: '0', platform: 'linux', electronVersion: null, reportsDir: '' }),
    push: createPush(() => []),
    pageUrl: 'file:///app/index.html',
    logger,
    dataDir,
    reportsDir: () => path.join(dataDir, 'reports'),
  })
  try {
    const summary = await services.reports.generate()
    expect(summary.files).toHaveLength(2)
  } finally {
    await services.close()
  }
}

/** What a run records, without what makes each run its own: its id, moment (and first-seen dates) and file paths. */
function comparable(entry: HistoryEntry | undefined): unknown {
  expect(entry).toBeDefined()
  const { id, generatedAt, period, files, ...rest } = entry as HistoryEntry
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  expect(Date.parse(generatedAt)).toBeGreaterThanOrEqual(NOW)
  expect(files.html).toMatch(/\.html$/)
  expect(files.text).toMatch(/\.txt$/)
  // A baseline's findings were first seen in the run itself: that moment is the run's own too.
  const changes = rest.changes && {
    ...rest.changes,
    findings: rest.changes.findings.map((finding) => {
      expect(finding.firstSeen).toBe(generatedAt)
      return { ...finding, firstSeen: 'this run' }
    }),
  }
  return { ...rest, changes, since: period.since }
}

async function stateOf(dataDir: string): Promise<unknown> {
  const state = JSON.parse(await readFile(path.join(dataDir, 'state.json'), 'utf8')) as Record<string, unknown>
  // The checkpoint moved to the end of the run's window (a moment that is each run's own).
  expect(Date.parse(String(state.lastSuccessfulRun))).toBeGreaterThan(CHECKPOINT)
  const { lastSuccessfulRun: _moved, ...rest } = state
  expect(rest).toHaveProperty('lastReportCount')
  return rest
}

describe('one report session for the CLI and the tray', () => {
  it('records the same history entry and run state for the same console', async () => {
    const cliDir = path.join(work.path, 'cli')
    const trayDir = path.join(work.path, 'tray')
    await fromCheckpoint(cliDir)
    await fromCheckpoint(trayDir)
    await cliRun(cliDir)
    await trayRun(trayDir)

    const logger = createMemoryLogger()
    const cli = (await readHistory(cliDir, logger, Date.now())).entries
    const tray = (await readHistory(trayDir, logger, Date.now())).entries
    expect(cli).toHaveLength(1)
    expect(tray).toHaveLength(1)
    const cliEntry = comparable(cli[0])
    expect(cliEntry).toMatchObject({ ok: true, demo: false, unifi: { ok: true, error: null } })
    expect(comparable(tray[0])).toEqual(cliEntry)
    // Both windows started at the checkpoint (the "since last report" window, widened once for clock skew).
    expect(cli[0]?.period.since).toBe(tray[0]?.period.since)
    expect(await stateOf(trayDir)).toEqual(await stateOf(cliDir))
  }, 60_000)
})
