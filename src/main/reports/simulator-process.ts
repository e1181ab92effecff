/**
 * Demo backends for "Try with demo data": the headless CLI's `simulate` command in a child process. Main never
 * imports `src/simulator` (layer rule); it runs the same bundled CLI a user would, reads the one JSON line that
 * describes the simulated controller and fake Cloudflare, and turns it into settings for one demo run.
 * The app launches it with Electron's `utilityProcess`, a Node environment that does not need the binary to run
 * as Node (the RunAsNode fuse is off in the packaged app); tests launch the same bundle with plain Node.
 */
import { createInterface } from 'node:readline'
import { ScannerError } from '../../core/errors.js'
import { demoBackendsSchema, demoSettings, type DemoBackendsDescription } from '../../core/pipeline/demo.js'
import type { DemoBackends } from './demo-runner.js'

/** What the demo needs of a child running a Node module: Electron's UtilityProcess and Node's ChildProcess both fit. */
export interface SimulatorChild {
  stdout: NodeJS.ReadableStream | null
  stderr: NodeJS.ReadableStream | null
  kill(): boolean
  once(event: 'exit', listener: (code: number | null) => void): unknown
  /** A child that cannot start or dies of a fatal error emits 'error'; without a listener it would throw. */
  once(event: 'error', listener: () => void): unknown
  removeListener(event: 'exit', listener: (code: number | null) => void): unknown
}

/** Starts `modulePath` with `args` (as `process.argv[2…]`) in a Node environment, stdout and stderr piped. */
export type SimulatorLauncher = (modulePath: string, args: string[]) => SimulatorChild

export interface SimulatorProcessOptions {
  /** The bundled CLI (`out/cli/index.js`). */
  cliEntry: string
  launch: SimulatorLauncher
  startTimeoutMs?: number
}

export function startSimulatorProcess(options: SimulatorProcessOptions): Promise<DemoBackends> {
  let child: SimulatorChild
  try {
    child = options.launch(options.cliEntry, ['simulate'])
  } catch (error) {
    return Promise.reject(
      new ScannerError('internal', 'DEMO_UNAVAILABLE', 'The demo could not start: the simulator did not launch.', {
        cause: error,
      }),
    )
  }
  let running = true
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running = false
      resolve()
    }),
  )
  const close = async (): Promise<void> => {
    if (running) child.kill()
    await exited
  }
  const stdout = child.stdout
  if (!stdout) {
    void close()
    return Promise.reject(
      new ScannerError('internal', 'DEMO_UNAVAILABLE', 'The demo could not start: the simulator has no output.'),
    )
  }
  return new Promise<DemoBackends>((resolve, reject) => {
    const fail = (message: string, cause?: unknown): void => {
      clearTimeout(timer)
      void close()
      reject(new ScannerError('internal', 'DEMO_UNAVAILABLE', `The demo could not start: ${message}`, { cause }))
    }
    const timer = setTimeout(() => fail('the simulated controller did not start in time.'), options.startTimeoutMs ?? 30_000)
    child.once('error', () => fail('the simulator failed.'))
    const exitedEarly = (code: number | null): void => fail(`the simulator exited early (code ${String(code)}).`)
    child.once('exit', exitedEarly)
    child.stderr?.resume()
    const lines = createInterface({ input: stdout })
    lines.once('line', (line) => {
      clearTimeout(timer)
      child.removeListener('exit', exitedEarly)
      let parsed: DemoBackendsDescription
      try {
        parsed = demoBackendsSchema.parse(JSON.parse(line))
      } catch (error) {
        fail('the simulator printed an unexpected line.', error)
        return
      }
      lines.close()
      resolve({
        settings: demoSettings(parsed),
        close,
      })
    })
  })
}
