/**
 * `npm run bench`: every benchmark of the engine in one run, printed as figures and ratios (the machines are
 * noisy, so targets are judged on ratios from one run, never in timed tests).
 */
import { run as runRuntime } from './runtime.bench.js'
import { run as runUnifi, runSimulatorChild, SIMULATOR_CHILD_ENV } from './unifi.bench.js'

interface Bench {
  title: string
  run(print: (line: string) => void): Promise<void>
}

const benches: Bench[] = [
  { title: 'Integration runtime (issue #3)', run: runRuntime },
  { title: 'UniFi collection (issue #4)', run: runUnifi },
]

async function main(): Promise<void> {
  const print = (line: string): void => {
    process.stdout.write(`${line}\n`)
  }
  print(`UniFi Scanner benchmarks — node ${process.version}, ${process.platform}/${process.arch}`)
  for (const bench of benches) {
    print('')
    print(`## ${bench.title}`)
    const started = performance.now()
    await bench.run(print)
    print(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
}

// The UniFi benchmark hosts its simulated controller in a child process running this same entry.
const entry = process.env[SIMULATOR_CHILD_ENV] === '1' ? runSimulatorChild() : main()
entry.catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
