/**
 * `npm run bench`: every benchmark of the engine in one run, printed as figures and ratios (the machines are
 * noisy, so targets are judged on ratios from one run, never in timed tests). Benchmarks are imported lazily so
 * the build's `NODE_ENV=production` banner takes effect before React loads.
 */
interface Bench {
  title: string
  load(): Promise<{ run: (print: (line: string) => void) => Promise<void> }>
}

const benches: Bench[] = [
  { title: 'Integration runtime (issue #3)', load: () => import('./runtime.bench.js') },
  { title: 'UniFi collection (issue #4)', load: () => import('./unifi.bench.js') },
  { title: 'Analysis and report rendering (issue #5)', load: () => import('./report.bench.js') },
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
    const { run } = await bench.load()
    await run(print)
    print(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
}

async function start(): Promise<void> {
  const unifi = await import('./unifi.bench.js')
  // The UniFi benchmark hosts its simulated controller in a child process running this same entry.
  if (process.env[unifi.SIMULATOR_CHILD_ENV] === '1') await unifi.runSimulatorChild()
  else await main()
}

start().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
