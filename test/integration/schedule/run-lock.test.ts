/**
 * The data folder's run lock across real processes: a second node process holds it through the engine's own
 * module (as the app or a CLI `schedule` would during a run), and this process, a report session and the built
 * CLI are refused with the typed "busy" error; a holder that crashed is taken over once its lock is stale.
 * Every wait is bounded; nothing asserts how long anything took.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import { acquireRunLock, DataFolderBusyError } from '../../../src/core/files/run-lock.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createReportSession } from '../../../src/core/pipeline/report-session.js'
import { defaultSettings } from '../../../src/shared/settings.js'
import { ensureCliBuilt } from '../cli/support/build-cli.js'
import { runCli } from '../cli/support/run-cli.js'

// Bundled into node_modules/.cache so the child resolves proper-lockfile from the repo's node_modules.
const root = process.cwd()
const outDir = path.join(root, 'node_modules/.cache/run-lock-holder-test')
const holderEntry = path.join(outDir, 'index.mjs')
let work: string
const children: ChildProcessWithoutNullStreams[] = []

beforeAll(async () => {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: path.join(root, 'test/integration/schedule/fixtures/lock-holder.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'index.mjs' } },
    },
  })
  await ensureCliBuilt()
}, 180_000)

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await rm(work, { recursive: true, force: true })
})

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
})

interface Holder {
  child: ChildProcessWithoutNullStreams
  output(): string
  exited: Promise<number | null>
}

async function startHolder(dataDir: string, staleMs = 30_000): Promise<Holder> {
  const child = spawn(process.execPath, [holderEntry, dataDir, String(staleMs)], { stdio: 'pipe' })
  children.push(child)
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  await until(
    () => output.includes('held'),
    () => `holder never took the lock: ${output}`,
  )
  return { child, output: () => output, exited }
}

async function until(check: () => boolean | Promise<boolean>, why: () => string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(why())
}

describe('run lock across processes', () => {
  it('a folder another process runs on is refused with the typed busy error, and free again after it', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'run-lock-'))
    const holder = await startHolder(work)

    const refused = acquireRunLock(work, { logger: createMemoryLogger() })
    await expect(refused).rejects.toBeInstanceOf(DataFolderBusyError)
    await expect(refused).rejects.toThrow(`Another UniFi Scanner run is using ${work}`)

    holder.child.stdin.write('release\n')
    expect(await holder.exited).toBe(0)
    const mine = await acquireRunLock(work, { logger: createMemoryLogger() })
    await mine.release()
  }, 60_000)

  it('a report session refuses to run while another process holds the folder, and writes nothing', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'run-lock-'))
    const holder = await startHolder(work)
    const session = createReportSession({
      logger: createMemoryLogger(),
      appVersion: 'test',
      folders: () => ({ dataDir: work, reportsDir: path.join(work, 'reports') }),
    })
    try {
      const run = session.run({ settings: defaultSettings(), signal: new AbortController().signal })
      await expect(run).rejects.toMatchObject({ code: 'DATA_FOLDER_BUSY', kind: 'config' })
      expect((await readdir(work)).sort()).toEqual(['run.lock'])
    } finally {
      await session.close()
      holder.child.stdin.end()
      await holder.exited
    }
  }, 60_000)

  it('the CLI report on a busy folder exits 1 and says why', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'run-lock-'))
    const holder = await startHolder(work)
    try {
      const result = await runCli(['report', '--data-dir', work], {
        UNIFI_URL: 'https://127.0.0.1:9',
        UNIFI_API_KEY: 'not-a-real-key',
      })
      expect(result.stderr).toContain(`Another UniFi Scanner run is using ${work}`)
      expect(result.code).toBe(1)
    } finally {
      holder.child.stdin.end()
      await holder.exited
    }
  }, 90_000)

  it('a holder that crashed (killed, lock left behind) is taken over once its lock is stale', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'run-lock-'))
    const staleMs = 2000
    const holder = await startHolder(work, staleMs)
    await expect(acquireRunLock(work, { logger: createMemoryLogger(), staleMs })).rejects.toBeInstanceOf(
      DataFolderBusyError,
    )
    holder.child.kill('SIGKILL')
    await holder.exited
    expect(await readdir(work)).toContain('run.lock')

    let mine: Awaited<ReturnType<typeof acquireRunLock>> | null = null
    await until(
      async () => {
        mine = await acquireRunLock(work, { logger: createMemoryLogger(), staleMs }).catch((error: unknown) => {
          if (error instanceof DataFolderBusyError) return null
          throw error
        })
        return mine !== null
      },
      () => 'the stale lock was never taken over',
    )
    await (mine as Awaited<ReturnType<typeof acquireRunLock>> | null)?.release()
    expect(await readdir(work)).not.toContain('run.lock')
  }, 60_000)
})
