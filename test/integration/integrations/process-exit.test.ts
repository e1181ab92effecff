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
    const { stdout, exitedAt } = await new Promise<{ stdout: string; exitedAt: number }>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(outDir, 'index.mjs'), upstream.origin],
        { timeout: 20_000 },
        (error, out) =>
          error ? reject(new Error(`child failed: ${error.message}`)) : resolve({ stdout: out, exitedAt: Date.now() }),
      )
    })
    const report = JSON.parse(stdout) as { rounds: string[][]; finishedAt: number }
    expect(report.rounds[0]).toEqual(['hang:failed:closed', 'down:failed:closed', 'fine:ok:closed'])
    expect(report.rounds[2]).toEqual(['hang:failed:open', 'down:failed:open', 'fine:ok:closed'])
    expect(report.rounds[3]).toEqual(['hang:failed:open', 'down:failed:open', 'fine:ok:closed'])
    // The breakers' 60 s reset timers are pending: exiting well before that proves they hold nothing.
    expect(exitedAt - report.finishedAt).toBeLessThan(10_000)
  }, 60_000)
})
