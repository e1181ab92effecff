/**
 * Demo backends for "Try with demo data": the headless CLI's `simulate` command in a child process. Main never
 * imports `src/simulator` (layer rule); it runs the same bundled CLI a user would, reads the one JSON line that
 * describes the simulated controller and fake Cloudflare, and turns it into settings for one demo run.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { ScannerError } from '../../core/errors.js'
import { settingsSchema } from '../../shared/settings.js'
import type { DemoBackends } from './demo-runner.js'

const simulateLineSchema = z.object({
  unifi: z.object({
    url: z.string(),
    site: z.string(),
    username: z.string(),
    password: z.string(),
    fingerprint: z.string(),
  }),
  cloudflare: z.object({ url: z.string(), apiToken: z.string(), accountId: z.string() }),
})

export interface SimulatorProcessOptions {
  /** The bundled CLI (`out/cli/index.js`). */
  cliEntry: string
  /** A Node runtime: `process.execPath` (Electron runs it as Node with ELECTRON_RUN_AS_NODE). */
  execPath?: string
  startTimeoutMs?: number
}

export function startSimulatorProcess(options: SimulatorProcessOptions): Promise<DemoBackends> {
  const child = spawn(options.execPath ?? process.execPath, [options.cliEntry, 'simulate'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return new Promise<DemoBackends>((resolve, reject) => {
    const fail = (message: string, cause?: unknown): void => {
      clearTimeout(timer)
      void close()
      reject(new ScannerError('internal', 'DEMO_UNAVAILABLE', `The demo could not start: ${message}`, { cause }))
    }
    const timer = setTimeout(() => fail('the simulated controller did not start in time.'), options.startTimeoutMs ?? 30_000)
    child.once('error', (error) => fail(error.message, error))
    const exitedEarly = (code: number | null): void => fail(`the simulator exited early (code ${String(code)}).`)
    child.once('exit', exitedEarly)
    child.stderr.resume()
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      clearTimeout(timer)
      child.removeListener('exit', exitedEarly)
      let parsed: z.infer<typeof simulateLineSchema>
      try {
        parsed = simulateLineSchema.parse(JSON.parse(line))
      } catch (error) {
        fail('the simulator printed an unexpected line.', error)
        return
      }
      lines.close()
      resolve({
        settings: settingsSchema.parse({
          unifi: {
            url: parsed.unifi.url,
            site: parsed.unifi.site,
            username: parsed.unifi.username,
            password: parsed.unifi.password,
            tlsFingerprint: parsed.unifi.fingerprint,
          },
          cloudflare: {
            apiUrl: parsed.cloudflare.url,
            apiToken: parsed.cloudflare.apiToken,
            accountId: parsed.cloudflare.accountId,
          },
        }),
        close,
      })
    })
  })
}
