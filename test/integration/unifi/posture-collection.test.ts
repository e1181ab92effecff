/**
 * The posture reads over real HTTPS against the simulated controller: every source read in the run's one wave,
 * the firewall read from the surface the site really uses, secrets reduced to lengths before anything keeps
 * them, and a settings endpoint refused to an API key turned into "could not check" instead of a failed run.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { collectionCoverage } from '../../../src/core/unifi/coverage.js'
import {
  PLANTED_SECRETS,
  startSimulatedController,
  type PostureProfileName,
  type SimulatedController,
} from '../../../src/simulator/unifi/index.js'
import { clientFor, DAY, logText, NOW, requestsTo } from './sim-client.js'

let sim: SimulatedController | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

async function collect(posture: PostureProfileName, auth: 'password' | 'api-key' = 'password', persona?: 'classic-8') {
  sim = await startSimulatedController({ now: () => NOW, posture, ...(persona ? { persona } : {}) })
  const { client, logs } = clientFor(sim, { site: 'default', auth })
  try {
    return { collection: await client.collect(DAY, AbortSignal.timeout(20_000)), logs }
  } finally {
    await client.close()
  }
}

describe('posture collection', () => {
  it('reads settings, WLANs, forwards, UPnP, networks and the legacy firewall on an unmigrated site', async () => {
    const { collection, logs } = await collect('neglected')
    const posture = collection.posture
    expect(posture).toBeDefined()
    if (posture === undefined) return
    expect(posture.settings.state).toBe('read')
    if (posture.settings.state === 'read') {
      expect(posture.settings.value.mgmt).toMatchObject({ sshEnabled: true, sshPasswordAuth: true, sshKeyCount: 0 })
      expect(posture.settings.value.mgmt?.sshPasswordLength).toBe(PLANTED_SECRETS.sshPassword.length)
      expect(posture.settings.value.snmp).toMatchObject({ enabled: true, communityIsDefault: true })
      expect(posture.settings.value.usg?.upnpEnabled).toBe(true)
    }
    expect(posture.wlans.state === 'read' && posture.wlans.value.map((w) => w.passphraseLength)).toEqual([
      PLANTED_SECRETS.shortPsk.length,
      null,
      PLANTED_SECRETS.legacyPsk.length,
    ])
    expect(posture.upnp.state === 'read' && posture.upnp.value.map((m) => m.dstPort)).toEqual([3074, 80])
    expect(posture.firewall.state === 'read' && posture.firewall.value.mode).toBe('legacy')
    expect(posture.devices.state === 'read' && posture.devices.value.some((d) => d.modelInEol === true)).toBe(true)
    expect(posture.sysinfo.state === 'read' && posture.sysinfo.value).toMatchObject({
      updateAvailable: true,
      autobackup: false,
    })
    expect(requestsTo(sim!, 'firewall-policies')).toBe(0)
    const kept = JSON.stringify(collection) + logText(logs)
    for (const secret of Object.values(PLANTED_SECRETS)) expect(kept).not.toContain(secret)
    expect(collectionCoverage(collection).posture).toMatchObject({ state: 'read', records: 6 })
  })

  it('reads the zone-based policies, never the empty legacy list, on a migrated site', async () => {
    const { collection } = await collect('zone-based')
    const firewall = collection.posture?.firewall
    expect(firewall?.state).toBe('read')
    if (firewall?.state !== 'read' || firewall.value.mode !== 'zone-based') throw new Error('expected zone-based')
    expect(firewall.value.policies.map((p) => p.name)).toContain('Allow internal to IoT')
    expect(firewall.value.zones?.map((z) => z.zoneKey)).toContain('external')
    expect(requestsTo(sim!, 'rest/firewallrule')).toBe(0)
  })

  it('takes a console without the migration endpoint (Network 8) as legacy', async () => {
    const { collection } = await collect('well-kept', 'password', 'classic-8')
    expect(collection.posture?.firewall.state === 'read' && collection.posture.firewall.value.mode).toBe('legacy')
  })

  it('turns settings refused to an API key into unavailable sources, and the run still reads the rest', async () => {
    const { collection } = await collect('settings-refused', 'api-key')
    const settings = collection.posture?.settings
    expect(settings?.state).toBe('unavailable')
    if (settings?.state === 'unavailable') expect(settings.reason).toMatch(/refused rest\/setting to the API key/)
    expect(collection.posture?.wlans.state).toBe('read')
    expect(collection.devices.length).toBeGreaterThan(0)
    expect(collection.ipsSettings).toBeNull()
    expect(collectionCoverage(collection).posture.state).toBe('partial')
  })

  it('adds its reads to the same wave: each posture endpoint is asked once', async () => {
    await collect('neglected')
    for (const endpoint of [
      'rest/setting',
      'rest/wlanconf',
      'rest/portforward',
      'stat/portforward',
      'rest/networkconf',
    ])
      expect(requestsTo(sim!, endpoint)).toBe(1)
    expect(requestsTo(sim!, 'site-feature-migration')).toBe(1)
  })

  it('does not ask for the UPnP mappings when the settings say UPnP is off, and says so', async () => {
    const { collection } = await collect('well-kept')
    expect(requestsTo(sim!, 'stat/portforward')).toBe(0)
    expect(requestsTo(sim!, 'rest/portforward')).toBe(1)
    const upnp = collection.posture?.upnp
    expect(upnp).toMatchObject({ state: 'not-needed', endpoint: 'stat/portforward' })
    if (upnp?.state === 'not-needed') expect(upnp.reason).toMatch(/UPnP is off/)
    const attempt = collection.sources.attempts.find((a) => a.endpoint === 'stat/portforward')
    expect(attempt).toMatchObject({ data: 'posture', outcome: 'skipped' })
    expect(attempt?.detail).toMatch(/UPnP is off \(usg\.upnp_enabled = false\)/)
  })

  it('reads the UPnP mappings when UPnP is on', async () => {
    const { collection } = await collect('neglected')
    expect(requestsTo(sim!, 'stat/portforward')).toBe(1)
    expect(collection.posture?.upnp.state).toBe('read')
  })

  it('reads the UPnP mappings when the settings could not be read (whether UPnP is on is unknown)', async () => {
    const { collection } = await collect('settings-refused', 'api-key')
    expect(requestsTo(sim!, 'stat/portforward')).toBe(1)
    expect(collection.posture?.upnp.state).toBe('read')
  })
})
