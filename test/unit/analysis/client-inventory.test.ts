/** The client inventory: addresses, manufacturers, the baseline, new clients by severity, private addresses grouped. */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareClients, type SiteInventory } from '../../../src/core/analysis/clients/inventory.js'
import { isRandomisedMac, manufacturerOf, normaliseMac } from '../../../src/core/analysis/clients/mac.js'
import { createMemoryLogger } from '../../../src/core/logger.js'
import { forgetKnownClient, markClientKnown, readKnownClients } from '../../../src/core/report/files/known-clients.js'
import type { CollectedClient } from '../../../src/core/unifi/model.js'
import { parseClient } from '../../../src/core/unifi/parse/client.js'

const NOW = Date.UTC(2026, 11, 4, 6, 0)
const nowIso = '2026-12-04T06:00:00+00:00'

function client(mac: string, over: Partial<CollectedClient> = {}): CollectedClient {
  return {
    mac,
    name: null,
    hostname: `host-${mac.slice(-2)}`,
    ip: null,
    wired: false,
    network: 'LAN',
    vlan: null,
    ssid: 'HomeWiFi',
    guest: false,
    firstSeenMs: null,
    oui: null,
    ...over,
  }
}

describe('client addresses', () => {
  it('writes one form and knows a randomised (locally administered) address', () => {
    expect(normaliseMac('B8-27-EB-12-34-56')).toBe('b8:27:eb:12:34:56')
    expect(normaliseMac('not a mac')).toBeNull()
    expect(isRandomisedMac('da:a1:19:00:00:01')).toBe(true)
    expect(isRandomisedMac('b8:27:eb:12:34:56')).toBe(false)
  })

  it('names the manufacturer from the bundled IEEE table, else from the controller, never for a private address', () => {
    expect(manufacturerOf('b8:27:eb:12:34:56', null)).toBe('Raspberry Pi')
    expect(manufacturerOf('f0:9f:c2:00:00:01', null)).toBe('Ubiquiti')
    expect(manufacturerOf('00:00:5e:00:00:01', 'Some Vendor')).toBe('Some Vendor')
    expect(manufacturerOf('00:00:5e:00:00:01', null)).toBeNull()
    expect(manufacturerOf('da:a1:19:00:00:01', 'Apple')).toBeNull()
  })

  it('parses a stat/sta record, dropping one without a MAC', () => {
    expect(
      parseClient({ mac: 'AA:BB:CC:00:11:22', is_wired: true, network: 'LAN', vlan: 20, essid: 'x', first_seen: 10 }),
    ).toMatchObject({
      mac: 'aa:bb:cc:00:11:22',
      wired: true,
      vlan: 20,
      ssid: null,
      firstSeenMs: 10_000,
    })
    expect(parseClient({ hostname: 'no-mac' })).toBeNull()
  })
})

describe('new clients since the previous report', () => {
  const first = compareClients({
    current: [client('b8:27:eb:00:00:01')],
    previous: null,
    known: [],
    nowIso,
    nowMs: NOW,
  })

  it('records a baseline on the first report and lists nobody as new', () => {
    expect(first.baseline).toBe(true)
    expect(first.newClients).toEqual([])
    expect(first.inventory.clients.map((c) => c.mac)).toEqual(['b8:27:eb:00:00:01'])
  })

  it('rates a wired client on a trusted network medium, one on the guest network or Wi-Fi low, and groups private addresses', () => {
    const later = '2026-12-05T06:00:00+00:00'
    const result = compareClients({
      current: [
        client('b8:27:eb:00:00:01'),
        client('b8:27:eb:00:00:02', { wired: true, ssid: null }),
        client('b8:27:eb:00:00:03', { wired: true, ssid: null, network: 'Guest', guest: true }),
        client('b8:27:eb:00:00:04'),
        client('da:00:00:00:00:01', { ssid: 'Guest WiFi', guest: true }),
        client('da:00:00:00:00:02', { ssid: 'Guest WiFi', guest: true }),
        client('6e:00:00:00:00:03', { ssid: 'HomeWiFi' }),
        client('d8:4c:90:00:00:09', { wired: true, ssid: null }),
      ],
      previous: first.inventory,
      known: [{ mac: 'd8:4c:90:00:00:09', name: 'Printer', markedAt: nowIso }],
      nowIso: later,
      nowMs: NOW + 86_400_000,
    })
    expect(result.baseline).toBe(false)
    expect(result.since).toBe(nowIso)
    expect(result.newClients.map((c) => [c.mac, c.severity])).toEqual([
      ['b8:27:eb:00:00:02', 'medium'],
      ['b8:27:eb:00:00:03', 'low'],
      ['b8:27:eb:00:00:04', 'low'],
    ])
    expect(result.randomised).toEqual([
      { where: 'Guest WiFi', guest: true, count: 2 },
      { where: 'HomeWiFi', guest: false, count: 1 },
    ])
    expect(result.totals).toMatchObject({ connected: 8, wired: 3, wireless: 5, known: 1 })
    // The client seen before keeps its first-seen date.
    expect(result.inventory.clients.find((c) => c.mac === 'b8:27:eb:00:00:01')?.firstSeen).toBe(nowIso)
  })

  it('forgets a client not seen for 90 days (a private address after 7), never a known one', () => {
    const old = (mac: string, randomised: boolean, daysAgo: number) => ({
      mac,
      name: null,
      manufacturer: null,
      wired: false,
      network: 'LAN',
      vlan: null,
      ssid: null,
      guest: false,
      randomised,
      firstSeen: nowIso,
      lastSeen: new Date(NOW - daysAgo * 86_400_000).toISOString(),
    })
    const previous: SiteInventory = {
      baselineAt: nowIso,
      updatedAt: nowIso,
      clients: [
        old('b8:27:eb:00:00:0a', false, 91),
        old('b8:27:eb:00:00:0b', false, 89),
        old('da:00:00:00:00:0c', true, 8),
        old('b8:27:eb:00:00:0d', false, 400),
      ],
    }
    const result = compareClients({
      current: [],
      previous,
      known: [{ mac: 'b8:27:eb:00:00:0d', name: null, markedAt: nowIso }],
      nowIso,
      nowMs: NOW,
    })
    expect(result.inventory.clients.map((c) => c.mac).sort()).toEqual(['b8:27:eb:00:00:0b', 'b8:27:eb:00:00:0d'])
  })
})

describe('known clients store', () => {
  it('marks, renames and forgets clients in a private file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'known-'))
    try {
      const logger = createMemoryLogger()
      await markClientKnown(dir, { mac: 'B8:27:EB:00:00:01', name: ' Kitchen Pi ' }, logger, new Date(NOW))
      await markClientKnown(dir, { mac: 'b8:27:eb:00:00:02' }, logger, new Date(NOW))
      await markClientKnown(dir, { mac: 'b8-27-eb-00-00-01', name: 'Lab Pi' }, logger, new Date(NOW))
      const read = await readKnownClients(dir, logger, NOW)
      expect(read.clients.map((c) => [c.mac, c.name])).toEqual([
        ['b8:27:eb:00:00:01', 'Lab Pi'],
        ['b8:27:eb:00:00:02', null],
      ])
      if (process.platform !== 'win32') expect((await stat(join(dir, 'known-clients.json'))).mode & 0o777).toBe(0o600)
      await forgetKnownClient(dir, 'b8:27:eb:00:00:02', logger, NOW)
      expect((await readKnownClients(dir, logger, NOW)).clients.map((c) => c.mac)).toEqual(['b8:27:eb:00:00:01'])
      await expect(markClientKnown(dir, { mac: 'nope' }, logger, new Date(NOW))).rejects.toThrow(/not a MAC address/)
      expect(JSON.parse(await readFile(join(dir, 'known-clients.json'), 'utf8'))).toHaveProperty('schemaVersion', 1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
