import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'vite'
import { startUpstream, type Upstream } from './loopback.js'

// Bundled into node_modules/.cache so the child resolves opossum and undici from the repo's node_modules.
const root = process.cwd()
const outDir = path.join(root, 'node_modules/.cache/integration-runtime-exit-test')
let upstream: Upstream

beforeAll(async () => {
  upstream = await startUpstream()
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: path.join(root, 'test/integration/integrations/fixtures/exit-child.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'index.mjs' } },
    },
  })
}, 60_000)

afterAll(async () => {
  await upstream.close()
  await rm(outDir, { recursive: true, force: true })
})

describe('process lifetime', () => {
  it('a process that used the runtime (timeouts, an open breaker) exits on its own without close()', async () => {
    // The breakers' reset timers are set to an hour in the child: still running when execFile's limit kills it,
    // the child fails the test; exiting on its own proves the timers hold nothing.
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(outDir, 'index.mjs'), upstream.origin],
        { timeout: 20_000 },
        (error, out) => (error ? reject(new Error(`child failed: ${error.message}`)) : resolve(out)),
      )
    })
    const report = JSON.parse(stdout) as { rounds: string[][]; finishedAt: number }
    expect(report.rounds[0]).toEqual(['hang:failed:closed', 'down:failed:closed', 'fine:ok:closed'])
    expect(report.rounds[2]).toEqual(['hang:failed:open', 'down:failed:open', 'fine:ok:closed'])
    expect(report.rounds[3]).toEqual(['hang:failed:open', 'down:failed:open', 'fine:ok:closed'])
  }, 60_000)
})
