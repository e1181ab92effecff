/**
 * `npm run bench`: every benchmark of the engine in one run, printed as figures and ratios (the machines are
 * noisy, so targets are judged on ratios from one run, never in timed tests). Benchmarks are imported lazily so
 * the build's `NODE_ENV=production` banner takes effect before React loads.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

interface Bench {
  title: string
  load(): Promise<{ run: (print: (line: string) => void) => Promise<void> }>
}

const benches: Bench[] = [
  { title: 'Integration runtime', load: () => import('./runtime.bench.js') },
  { title: 'UniFi collection', load: () => import('./unifi.bench.js') },
  { title: 'UniFi collection over a slow link', load: () => import('./unifi-latency.bench.js') },
  { title: 'Analysis and report rendering', load: () => import('./report.bench.js') },
  { title: 'One report run (UniFi and integrations side by side)', load: () => import('./pipeline.bench.js') },
  { title: 'History at scale (5,000 entries)', load: () => import('./history.bench.js') },
]

/** Each benchmark runs in a fresh process, so one's heap and RSS never count against the next. */
const ONLY_ENV = 'UNIFI_SCANNER_BENCH_ONLY'

async function runOne(index: number): Promise<void> {
  const bench = benches[index]
  if (!bench) throw new Error(`no benchmark #${index}`)
  const { run } = await bench.load()
  await run((line) => process.stdout.write(`${line}\n`))
}

function runInChild(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, [ONLY_ENV]: String(index) },
      stdio: 'inherit',
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`benchmark #${index} exited with ${code}`)),
    )
  })
}

async function main(): Promise<void> {
  const print = (line: string): void => {
    process.stdout.write(`${line}\n`)
  }
  print(`UniFi Scanner benchmarks — node ${process.version}, ${process.platform}/${process.arch}`)
  for (const [index, bench] of benches.entries()) {
    print('')
    print(`## ${bench.title}`)
    const started = performance.now()
    await runInChild(index)
    print(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
}

async function start(): Promise<void> {
  const simulator = await import('./sim-child.js')
  // The UniFi benchmarks host their simulated controller in a child process running this same entry.
  const only = process.env[ONLY_ENV]
  if (process.env[simulator.SIMULATOR_CHILD_ENV] === '1') await simulator.runSimulatorChild()
  else if (only !== undefined) await runOne(Number(only))
  else await main()
}

start().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
