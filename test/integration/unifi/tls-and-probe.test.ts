/**
 * TLS trust and address handling over real sockets: pins are enforced (a mismatch names both
 * fingerprints), an unpinned self-signed console yields its fingerprint for trust on first use, a CA file
 * works, and ports are probed in order until a controller answers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulatedController, type SimulatedController } from '../../../src/simulator/unifi/index.js'
import { NetworkError, TlsTrustError } from '../../../src/core/errors.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { createUnifiClient } from '../../../src/core/unifi/client.js'
import { unifiSettingsSchema } from '../../../src/shared/settings.js'
import { clientFor, DAY, NOW } from './sim-client.js'

let sim: SimulatedController | null = null
let tempDir: string | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
  if (tempDir !== null) await rm(tempDir, { recursive: true, force: true })
  tempDir = null
})

const WRONG_PIN = Array.from({ length: 32 }, () => 'AB').join(':')

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('TLS trust', () => {
  it('enforces a pinned fingerprint: a mismatch fails before login and names both fingerprints', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    const { client } = clientFor(sim, { tlsFingerprint: WRONG_PIN })
    const failure = client.connect(AbortSignal.timeout(10_000))
    await expect(failure).rejects.toBeInstanceOf(TlsTrustError)
    await expect(failure).rejects.toMatchObject({
      code: 'ERR_TLS_PIN_MISMATCH',
      presentedFingerprint: sim.fingerprint,
      expectedFingerprint: WRONG_PIN,
    })
    const error = (await failure.catch((caught: unknown) => caught)) as Error
    expect(error.message).toContain(WRONG_PIN)
    expect(error.message).toContain(sim.fingerprint)
    await client.close()
    expect(sim.stats.logins).toBe(0)
    expect(sim.stats.requests).toEqual([])
  })

  it('without a pin, an untrusted self-signed console fails with its fingerprint for trust on first use', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    const { client } = clientFor(sim, { tlsFingerprint: undefined })
    await expect(client.connect(AbortSignal.timeout(10_000))).rejects.toMatchObject({
      kind: 'tls-untrusted',
      presentedFingerprint: sim.fingerprint,
    })
    await client.close()
    expect(sim.stats.logins).toBe(0)
  })

  it('trusts a console through a CA file and reports the fingerprint it presented', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    tempDir = await mkdtemp(path.join(tmpdir(), 'unifi-ca-'))
    const caFile = path.join(tempDir, 'console.pem')
    await writeFile(caFile, sim.certPem)
    const { client } = clientFor(sim, { tlsFingerprint: undefined, caFile })
    const info = await client.connect(AbortSignal.timeout(10_000))
    await client.close()
    expect(info.tlsFingerprint).toBe(sim.fingerprint)
  })

  it('an unreadable CA file is a config error naming the setting', async () => {
    sim = await startSimulatedController({ now: () => NOW })
    const { client } = clientFor(sim, { tlsFingerprint: undefined, caFile: '/nonexistent/ca.pem' })
    await expect(client.connect(AbortSignal.timeout(10_000))).rejects.toMatchObject({
      kind: 'config',
      code: 'UNIFI_CA_FILE',
    })
    await client.close()
  })
})

describe('address and port probing', () => {
  it('without a port, probes the ports in order and settles on the one that answers', async () => {
    sim = await startSimulatedController({ persona: 'classic-8', now: () => NOW })
    const dead = await closedPort()
    const settings = unifiSettingsSchema.parse({
      url: 'https://127.0.0.1/manage/site/default',
      username: sim.credentials.username,
      password: sim.credentials.password,
      tlsFingerprint: sim.fingerprint,
    })
    const client = createUnifiClient({
      settings,
      logger: createMemoryLogger(),
      now: () => NOW,
      probePorts: [dead, sim.port],
    })
    const info = await client.connect(AbortSignal.timeout(10_000))
    await client.close()
    expect(info).toMatchObject({ kind: 'classic', baseUrl: `https://127.0.0.1:${sim.port}`, version: '8.6.9' })
  })

  it('names every port tried when none answers', async () => {
    const ports = [await closedPort(), await closedPort()]
    const settings = unifiSettingsSchema.parse({ url: '127.0.0.1', username: 'a', password: 'b' })
    const client = createUnifiClient({ settings, logger: createMemoryLogger(), now: () => NOW, probePorts: ports })
    const failure = client.connect(AbortSignal.timeout(10_000))
    await expect(failure).rejects.toBeInstanceOf(NetworkError)
    await expect(failure).rejects.toThrow(new RegExp(`ports ${ports[0]}, ${ports[1]}`))
    await client.close()
  })

  it('lists the sites and refuses to guess when several exist and none is configured', async () => {
    sim = await startSimulatedController({ seed: 2, now: () => NOW })
    const { client } = clientFor(sim)
    expect((await client.listSites(AbortSignal.timeout(10_000))).map((site) => site.name)).toEqual([
      'default',
      'branch',
    ])
    await expect(client.collect(DAY, AbortSignal.timeout(10_000))).rejects.toMatchObject({
      kind: 'config',
      code: 'UNIFI_SITE_REQUIRED',
      message: expect.stringContaining('default (Default), branch (Branch office)') as unknown,
    })
    await client.close()
    const branch = clientFor(sim, { site: 'branch' })
    const collection = await branch.client.collect(DAY, AbortSignal.timeout(25_000))
    await branch.client.close()
    expect(collection.site).toEqual({ name: 'branch', description: 'Branch office' })
    expect(collection.devices.length).toBeGreaterThan(0)
  })
})
