/**
 * Golden tests of both renderers: a fixed simulator seed and a fixed clock, through the real client,
 * analysis and pipeline, with one fixed loopback integration section. The real integrations are left
 * out on purpose: their sections have their own tests, and their wording changes would otherwise churn
 * these files. Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx vitest run test/integration/pipeline/golden.test.ts` and
 * review the diff of test/golden/ like code.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIntegrationRuntime } from '../../../src/core/integrations/runner.js'
import { silentLogger } from '../../../src/core/logger.js'
import { runReport } from '../../../src/core/pipeline/run-report.js'
import { createUnifiClient } from '../../../src/core/unifi/index.js'
import { settingsSchema } from '../../../src/shared/settings.js'
import { startSimulatedController } from '../../../src/simulator/unifi/index.js'
import { feedIntegration, startFeedServer } from './harness.js'

const GOLDEN_DIR = resolve(process.cwd(), 'test/golden')
const NOW = Date.UTC(2026, 0, 24, 14, 30, 0)
const SEED = 42

/** The loopback ports change every run; everything else must not. */
const normalise = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')

let rendered: { html: string; text: string }

beforeAll(async () => {
  const now = () => NOW
  const sim = await startSimulatedController({ seed: SEED, now })
  const feed = await startFeedServer()
  const dir = await mkdtemp(join(tmpdir(), 'golden-'))
  try {
    const settings = settingsSchema.parse({
      unifi: { url: sim.url, site: 'default', apiKey: sim.credentials.apiKey, tlsFingerprint: sim.fingerprint },
      report: { timezone: 'America/New_York' },
    })
    const client = createUnifiClient({ settings: settings.unifi, logger: silentLogger, now })
    const runtime = createIntegrationRuntime({
      integrations: [feedIntegration(feed.url)],
      settings,
      logger: silentLogger,
      now,
    })
    try {
      const outcome = await runReport(
        {
          settings,
          unifi: client,
          integrations: runtime,
          logger: silentLogger,
          appVersion: 'golden',
          reportsDir: dir,
          dataDir: dir,
          now,
        },
        { demo: true },
      )
      rendered = {
        html: normalise(await readFile(outcome.report.html!, 'utf8')),
        text: normalise(await readFile(outcome.report.text!, 'utf8')),
      }
    } finally {
      await client.close()
      await runtime.close()
    }
  } finally {
    await Promise.all([sim.close(), feed.close()])
    await rm(dir, { recursive: true, force: true })
  }
})

afterAll(() => undefined)

describe('golden run', () => {
  it('keeps the text report within 72 columns and the HTML report free of scripts', () => {
    expect(rendered.text.split('\n').filter((line) => line.length > 72)).toEqual([])
    expect(rendered.html).not.toMatch(/<script/i)
    expect(rendered.html).toContain('CYBERSECURE')
    expect(rendered.html).toContain('DEMO DATA')
  })
})

describe.each([
  ['html', 'report.html.golden'],
  ['text', 'report.txt.golden'],
] as const)('golden %s report', (format, file) => {
  it(`matches test/golden/${file}`, async () => {
    const path = join(GOLDEN_DIR, file)
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(path, rendered[format])
    const golden = await readFile(path, 'utf8')
    expect(rendered[format], `regenerate with UPDATE_GOLDEN=1 if the change is intended`).toBe(golden)
  })
})
