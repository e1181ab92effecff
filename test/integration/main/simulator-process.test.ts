/**
 * The tray app's demo backends: the bundled CLI's `simulate` command in a child process, as main starts it
 * (main never imports the simulator). The app's launcher is Electron's utilityProcess; here the same bundle
 * runs under plain Node, the one stand-in for an Electron API. A demo run against it writes a labelled report.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createDemoRunner } from '../../../src/main/reports/demo-runner.js'
import { startSimulatorProcess, type SimulatorLauncher } from '../../../src/main/reports/simulator-process.js'
import { CLI_ENTRY, ensureCliBuilt } from '../cli/support/build-cli.js'

const nodeLauncher: SimulatorLauncher = (modulePath, args) =>
  spawn(process.execPath, [modulePath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })

let dataDir = ''
beforeAll(async () => {
  await ensureCliBuilt()
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'unifi-scanner-simproc-'))
}, 180_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('demo backends in a child process', () => {
  it('starts the simulators, hands over working settings, and stops them on close', async () => {
    const backends = await startSimulatorProcess({ cliEntry: CLI_ENTRY, launch: nodeLauncher })
    expect(backends.settings.unifi.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(backends.settings.unifi.tlsFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(backends.settings.integrations['cloudflare']?.['apiUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)

    const demo = createDemoRunner({
      logger: createMemoryLogger(),
      appVersion: '0.1.0-test',
      dataDir,
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
    const error = await startSimulatorProcess({
      cliEntry: path.join(dataDir, 'missing.js'),
      launch: nodeLauncher,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^The demo could not start: the simulator exited early/)
  }, 60_000)

  it('never asks Electron to run as Node', async () => {
    const launched: Array<{ modulePath: string; args: string[] }> = []
    const recording: SimulatorLauncher = (modulePath, args) => {
      launched.push({ modulePath, args })
      return nodeLauncher(modulePath, args)
    }
    const backends = await startSimulatorProcess({ cliEntry: CLI_ENTRY, launch: recording })
    await backends.close()
    expect(launched).toEqual([{ modulePath: CLI_ENTRY, args: ['simulate'] }])
  }, 60_000)

  it('fails with a clear message when the launcher throws', async () => {
    const error = await startSimulatorProcess({
      cliEntry: CLI_ENTRY,
      launch: () => {
        throw new Error('no utility process')
      },
    }).catch((e: unknown) => e)
    expect((error as Error).message).toBe('The demo could not start: the simulator did not launch.')
  })
})
