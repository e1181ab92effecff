/**
 * Makes sure `out/cli/index.js` is built from the current sources before the end-to-end tests run it. Test
 * files run in parallel workers, so the build is guarded by a lock directory: one worker builds, the others
 * wait and then see a fresh bundle.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isMainThread } from 'node:worker_threads'

export const ROOT = process.cwd()
export const CLI_ENTRY = path.join(ROOT, 'out', 'cli', 'index.js')
const LOCK = path.join(ROOT, 'out', '.cli-build-lock')
/**
 * Records which test run last checked the bundle. Every test file of one vitest run shares the parent
 * process, so the bundle is built at most once per run: a rebuild while another file's CLI child is running
 * would delete the chunks it is about to load.
 */
const STAMP = path.join(ROOT, 'out', '.cli-build-checked')

function newestMtime(target: string): number {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

function isFresh(): boolean {
  if (!existsSync(CLI_ENTRY)) return false
  const built = statSync(CLI_ENTRY).mtimeMs
  return built >= Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'package.json')))
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK, { recursive: false })
    return true
  } catch {
    // A lock left by a crashed run would block forever; builds take seconds, so an old one is stale.
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000)
      rmSync(LOCK, { recursive: true, force: true })
    return false
  }
}

/** The vitest process: the parent of a forked worker, or this process for a worker thread. */
const RUN_ID = String(isMainThread ? process.ppid : process.pid)

function checkedThisRun(): boolean {
  try {
    return existsSync(CLI_ENTRY) && readFileSync(STAMP, 'utf8') === RUN_ID
  } catch {
    return false
  }
}

export async function ensureCliBuilt(): Promise<void> {
  mkdirSync(path.join(ROOT, 'out'), { recursive: true })
  const deadline = Date.now() + 180_000
  while (!checkedThisRun()) {
    if (tryLock()) {
      try {
        if (!isFresh()) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'pipe' })
        writeFileSync(STAMP, RUN_ID)
      } finally {
        rmSync(LOCK, { recursive: true, force: true })
      }
      return
    }
    if (Date.now() > deadline) throw new Error('Timed out waiting for another worker to build the CLI')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
