/**
 * What a file of built-CLI tests shares: the CLI built once, the simulated controller and fake Cloudflare (unless
 * the file needs none), a temporary folder, and every CLI it started killed if still running at the end.
 */
import { afterAll, beforeAll } from 'vitest'
import type { SimulatedControllerOptions } from '../../../../src/simulator/unifi/index.js'
import { ensureCliBuilt } from './build-cli.js'
import { startFakes, tempDir, type Fakes } from './fakes.js'
import { startCli, type RunningCli } from './run-cli.js'

export interface CliWorld {
  /** The fakes; only for a world made with them. */
  readonly fakes: Fakes
  readonly work: { path: string }
  /** Starts the built CLI; the world kills it at the end if it is still running. */
  start(args: string[], env: Record<string, string>): RunningCli
}

export function useCliWorld(prefix: string, options: { fakes?: SimulatedControllerOptions | false } = {}): CliWorld {
  let fakes: Fakes | null = null
  let work: Awaited<ReturnType<typeof tempDir>> | null = null
  const running: RunningCli[] = []
  beforeAll(async () => {
    await ensureCliBuilt()
    if (options.fakes !== false) fakes = await startFakes(options.fakes ?? {})
    work = await tempDir(prefix)
  }, 180_000)
  afterAll(async () => {
    for (const cli of running) if (cli.child.exitCode === null) cli.child.kill('SIGKILL')
    await fakes?.close()
    await work?.remove()
  })
  const ready = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the CLI test world has no ${what} (made without it, or used before beforeAll)`)
    return value
  }
  return {
    get fakes() {
      return ready(fakes, 'fakes')
    },
    get work() {
      return ready(work, 'work folder')
    },
    start(args, env) {
      const cli = startCli(args, env)
      running.push(cli)
      return cli
    },
  }
}

/** The JSON lines a `--json` command printed on stdout, one object each. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)
}
