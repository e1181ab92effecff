/**
 * The tray app's demo backends: the bundled CLI's `simulate` command in a child process, exactly as main starts it
 * (main never imports the simulator). A demo run against it writes a labelled report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createDemoRunner } from '../../../src/main/reports/demo-runner.js'
import { startSimulatorProcess } from '../../../src/main/reports/simulator-process.js'
import { CLI_ENTRY, ensureCliBuilt } from '../cli/support/build-cli.js'

let dataDir = ''
beforeAll(async () => {
  await ensureCliBuilt()
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-simproc-'))
}, 180_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('demo backends in a child process', () => {
  it('starts the simulators, hands over working settings, and stops them on close', async () => {
    const backends = await startSimulatorProcess({ cliEntry: CLI_ENTRY })
    expect(backends.settings.unifi.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(backends.settings.unifi.tlsFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(backends.settings.cloudflare.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)

    const reportsDir = path.join(dataDir, 'reports')
    const demo = createDemoRunner({
      logger: createMemoryLogger(),
      appVersion: '0.1.0-test',
      dataDir,
      reportsDir: () => reportsDir,
      startBackends: () => Promise.resolve(backends),
    })
    const summary = await demo()
    const htmlPath = summary.files.find((file) => file.endsWith('.html'))
    expect(htmlPath).toBeDefined()
    const html = readFileSync(htmlPath!, 'utf8')
    expect(html).toContain('DEMO DATA')
    expect(html).toContain('Cloudflare Security')

    // createDemoRunner closed the backends: the simulated controller no longer answers.
    await expect(fetch(backends.settings.unifi.url!)).rejects.toThrow()
  }, 120_000)

  it('fails with a clear message when the CLI bundle is missing', async () => {
    const error = await startSimulatorProcess({ cliEntry: path.join(dataDir, 'missing.js') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^The demo could not start: the simulator exited early/)
  }, 60_000)
})
