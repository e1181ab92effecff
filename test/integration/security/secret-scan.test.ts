/**
 * Secret scan after full CLI runs with canary secrets: a good run, a wrong password, an untrusted certificate,
 * and upstreams that echo the secret back in their error bodies. Afterwards no file under the data and output
 * folders, and no line on stdout or stderr (debug lines included), may contain a canary.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeCloudflare, type FakeCloudflare } from '../../../src/simulator/cloudflare/index.js'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { ensureCliBuilt } from '../cli/support/build-cli.js'
import { tempDir } from '../cli/support/fakes.js'
import { runCli, type CliResult } from '../cli/support/run-cli.js'
import { startHttpCanaryListener, startHttpsCanaryListener, type CanaryListener } from './canary-listener.js'

const CANARY_PASSWORD = 'canary-pw-0d9e61b7'
const CANARY_KEY = 'canary-apikey-44f1c2a9'
const CANARY_TOKEN = 'canary-cftoken-8a7b3e55'
const WRONG_PASSWORD = 'canary-wrongpw-1c5f0d3e'
const CANARIES = [CANARY_PASSWORD, CANARY_KEY, CANARY_TOKEN, WRONG_PASSWORD]

let controller: SimulatedController
let cloudflare: FakeCloudflare
let echoConsole: CanaryListener
let echoCloudflare: CanaryListener
let work: Awaited<ReturnType<typeof tempDir>>

/**
 * Looks like a UniFi OS console to detection (GET / answers 200), then echoes everything it received (headers
 * with the key, the login body with the password, the Bearer token) back in failure bodies.
 */
const echo = ({ text }: { text: string }) =>
  text.startsWith('GET /\n')
    ? { status: 200, body: { up: true } }
    : {
        status: 401,
        body: {
          meta: { rc: 'error', msg: `api.err.Invalid ${text}` },
          message: `Invalid credentials: ${text}`,
          success: false,
          errors: [{ code: 10000, message: `Authentication error for ${text}` }],
        },
      }

beforeAll(async () => {
  await ensureCliBuilt()
  controller = await startSimulatedController({ password: CANARY_PASSWORD, apiKey: CANARY_KEY })
  cloudflare = await startFakeCloudflare({ token: CANARY_TOKEN })
  echoConsole = await startHttpsCanaryListener(echo)
  echoCloudflare = await startHttpCanaryListener(echo)
  work = await tempDir('secret-scan')
}, 180_000)

afterAll(async () => {
  await Promise.allSettled([controller?.close(), cloudflare?.close(), echoConsole?.close(), echoCloudflare?.close()])
  await work?.remove()
})

/** Every file below `dir`, read as text (reports, history, state, backups), with its path. */
async function filesUnder(dir: string): Promise<Array<{ file: string; text: string }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const files: Array<{ file: string; text: string }> = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.push({ file, text: await readFile(file, 'utf8') })
  }
  return files
}

interface Scenario {
  name: string
  env: Record<string, string>
  /** The exit code, or `failure` for any non-zero one (an echoing upstream is not a real console). */
  expectCode: number | 'failure'
}

describe('no canary secret in any file or log line after full runs', { timeout: 180_000 }, () => {
  it('success, wrong password, untrusted certificate and echoing upstreams', async () => {
    const base = {
      UNIFI_URL: controller.url,
      UNIFI_USERNAME: controller.credentials.username,
      UNIFI_PASSWORD: CANARY_PASSWORD,
      UNIFI_TLS_FINGERPRINT: controller.fingerprint,
      CLOUDFLARE_API_URL: cloudflare.url,
      CLOUDFLARE_API_TOKEN: CANARY_TOKEN,
      CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
    }
    const scenarios: Scenario[] = [
      { name: 'success', env: base, expectCode: 0 },
      { name: 'api-key', env: { ...base, UNIFI_PASSWORD: '', UNIFI_API_KEY: CANARY_KEY }, expectCode: 0 },
      { name: 'auth-failure', env: { ...base, UNIFI_PASSWORD: WRONG_PASSWORD }, expectCode: 3 },
      { name: 'tls-failure', env: { ...base, UNIFI_TLS_FINGERPRINT: 'AB'.repeat(32) }, expectCode: 4 },
      {
        name: 'echoing-upstreams',
        env: {
          ...base,
          UNIFI_URL: echoConsole.url,
          UNIFI_TLS_FINGERPRINT: echoConsole.fingerprint!,
          CLOUDFLARE_API_URL: `${echoCloudflare.url}/client/v4`,
        },
        expectCode: 'failure',
      },
    ]
    const results: Array<{ name: string; result: CliResult }> = []
    const dataDirs: string[] = []
    for (const scenario of scenarios) {
      const dataDir = path.join(work.path, scenario.name, 'data')
      const outDir = path.join(work.path, scenario.name, 'out')
      dataDirs.push(path.join(work.path, scenario.name))
      const report = await runCli(
        ['report', '--json', '--verbose', '--data-dir', dataDir, '--out', outDir],
        scenario.env,
      )
      if (scenario.expectCode === 'failure') expect(report.code, scenario.name).not.toBe(0)
      else expect(report.code, `${scenario.name}: ${report.stderr}`).toBe(scenario.expectCode)
      const check = await runCli(['check', '--json', '--verbose', '--data-dir', dataDir], scenario.env)
      results.push(
        { name: `${scenario.name} report`, result: report },
        { name: `${scenario.name} check`, result: check },
      )
    }
    // The echoing upstreams really received the secrets (so the scan below is meaningful) and sent them back.
    expect(echoConsole.received().join('\n')).toContain(CANARY_PASSWORD)
    expect(echoCloudflare.received().join('\n')).toContain(CANARY_TOKEN)

    const leaks: string[] = []
    for (const { name, result } of results) {
      for (const canary of CANARIES) {
        if (result.stdout.includes(canary)) leaks.push(`${name} stdout: ${canary}`)
        if (result.stderr.includes(canary)) leaks.push(`${name} stderr: ${canary}`)
      }
    }
    let scanned = 0
    for (const dir of dataDirs) {
      for (const { file, text } of await filesUnder(dir)) {
        scanned++
        for (const canary of CANARIES) if (text.includes(canary)) leaks.push(`${file}: ${canary}`)
      }
    }
    expect(scanned).toBeGreaterThanOrEqual(10)
    expect(leaks).toEqual([])
  })
})
