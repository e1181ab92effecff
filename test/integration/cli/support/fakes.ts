/**
 * The loopback world the CLI end-to-end tests run against: the simulated controller and the fake Cloudflare
 * API in the test process, a temporary data folder, and helpers to write config files and read reports.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startFakeCloudflare } from '../../../../src/simulator/cloudflare/index.js'
import { startSimulatedController, type SimulatedControllerOptions } from '../../../../src/simulator/unifi/index.js'

export type FakeController = Awaited<ReturnType<typeof startSimulatedController>>
export type FakeCloudflare = Awaited<ReturnType<typeof startFakeCloudflare>>

export interface Fakes {
  controller: FakeController
  cloudflare: FakeCloudflare
  /** Environment that points the CLI at both fakes, trusting the controller's certificate by pin. */
  env(extra?: Record<string, string>): Record<string, string>
  close(): Promise<void>
}

export async function startFakes(options: SimulatedControllerOptions = {}): Promise<Fakes> {
  const controller = await startSimulatedController(options)
  const cloudflare = await startFakeCloudflare({})
  return {
    controller,
    cloudflare,
    env: (extra = {}) => ({
      UNIFI_URL: controller.url,
      UNIFI_USERNAME: controller.credentials.username,
      UNIFI_PASSWORD: controller.credentials.password,
      UNIFI_TLS_FINGERPRINT: controller.fingerprint,
      CLOUDFLARE_API_URL: cloudflare.url,
      CLOUDFLARE_API_TOKEN: cloudflare.token,
      CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
      ...extra,
    }),
    async close() {
      await Promise.allSettled([controller.close(), cloudflare.close()])
    },
  }
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `unifi-scanner-${prefix}-`))
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

export async function writeConfig(dir: string, name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return file
}

/** Every file below `dir`, relative to it (empty when the folder does not exist). */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()
  } catch {
    return []
  }
}

/** A TCP port with nothing listening (bound once, then released). */
export async function closedPort(): Promise<number> {
  const net = await import('node:net')
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
