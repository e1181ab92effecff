/**
 * Every recorded payload in test/fixtures/real goes through the parsers, the analysis and both renderers, and
 * comes out as a person reading it would expect: the findings (severity and title, naming the device by its
 * name when the payload has one), what is left in "Other events", the threat groups. The table has one entry
 * per file; a file without an entry fails the guard at the bottom, so a new fixture cannot be added unjudged.
 * Payloads the report does not read (configuration lists, Cloudflare's API) name the test that covers them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Severity } from '../../../src/core/analysis/model.js'
import { REAL_FIXTURES } from '../../fixtures/real-fixtures.js'
import { runFixture, words, type FixtureRun, type PayloadKind } from './real-fixture-run.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** `severity: title` of each expected finding, most severe first as the report orders them. */
type Expected = `${Severity}: ${string}`

interface ReadEntry {
  kind: PayloadKind
  findings: Expected[]
  /** Event types left in "Other events" (unknown and not flagged negative by the controller). */
  other?: string[]
  /** `severity: signature (count)` of each threat group. */
  threats?: string[]
  /** Further facts this payload must show in both renderings. */
  shows?: string[]
  /** The name the device list shows for the one device of a stat/device payload. */
  device?: string
  /** Payloads of other endpoints read in the same run (files from the same capture). */
  alongside?: (readonly [string, PayloadKind])[]
  /** Why a finding may say "Unknown" (the payload names nothing else); absent means it never may. */
  unknownAllowed?: string
}
interface ElsewhereEntry {
  /** Read by other code than the report; the named test exercises it and must mention the file. */
  coveredBy: string
  why: string
}
interface NotReadEntry {
  notRead: string
}
type Entry = ReadEntry | ElsewhereEntry | NotReadEntry

const CONFIG_NOT_READ =
  'configuration the report does not read (it reports events, threats, devices and health, not settings)'

const TABLE: Record<string, Entry> = {
  // Devices (stat/device items). A healthy device gives no finding; names come from `name`, never the MAC.
  'aiounifi/devices/access-point-ac-pro.json': { kind: 'stat/device', findings: [], device: 'ACCESS POINT AC PRO' },
  'aiounifi/devices/gateway-usg3.json': { kind: 'stat/device', findings: [], device: 'USG' },
  'aiounifi/devices/pdu-pro.json': { kind: 'stat/device', findings: [], device: 'Main Server Cabinet PDU' },
  'aiounifi/devices/plug-up1.json': { kind: 'stat/device', findings: [], device: 'Plug' },
  // The strip has no name of its own: the MAC is all there is.
  'aiounifi/devices/strip-up6.json': { kind: 'stat/device', findings: [], device: '78:45:58:fc:16:7d' },
  'aiounifi/devices/switch-16-port-poe.json': {
    kind: 'stat/device',
    // system-stats.cpu is "100.0" in the capture.
    findings: ['severe: [Device Health] Critical CPU Usage on Switch 16'],
    device: 'Switch 16',
  },
  'aiounifi/devices/switch-8-port.json': { kind: 'stat/device', findings: [], device: 'Switch 8' },
  'aiounifi/devices/switch-flex-mini-5-port.json': {
    kind: 'stat/device',
    // Up for 107 days (uptime 9273422 s): past the 90-day warning, short of the 180-day critical threshold.
    findings: ['medium: [Device Health] Extended Uptime - Consider Restart on UniFi Switch Flex Mini'],
    device: 'UniFi Switch Flex Mini',
  },
  'unpoller-unifi/devices/pdu.json': { kind: 'stat/device', findings: [], device: 'USP-Pro-PDU' },
  'unpoller-unifi/devices/uap.json': { kind: 'stat/device', findings: [], device: 'wap-lower' },
  'unpoller-unifi/devices/ugw.json': { kind: 'stat/device', findings: [], device: 'gateway' },
  'unpoller-unifi/devices/umbb.json': { kind: 'stat/device', findings: [], device: 'U5G Max' },
  'unpoller-unifi/devices/usw.json': { kind: 'stat/device', findings: [], device: 'switch' },

  // Legacy events as stat/event rows or websocket frames of the same rows.
  'aiounifi/websocket/event-switch-16-connected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Device Switch 16 came online'],
  },
  'aiounifi/websocket/event-switch-16-lost-contact.json': {
    kind: 'stat/event',
    findings: ['severe: [Connectivity] Switch Switch 16 went offline'],
  },
  'aiounifi/websocket/event-switch-16-restarted-unknown.json': {
    kind: 'stat/event',
    findings: ['medium: [System] Device Switch 16 restarted unexpectedly'],
  },
  'aiounifi/websocket/event-switch-16-upgraded.json': {
    kind: 'stat/event',
    findings: ['low: [System] Firmware upgraded on Switch 16'],
  },
  // The events name the AP by MAC only; the device list of the same capture names it.
  'aiounifi/websocket/event-wireless-client-connected.json': {
    kind: 'stat/event',
    alongside: [['aiounifi/devices/access-point-ac-pro.json', 'stat/device']],
    findings: ['low: [Connectivity] Client connected to ACCESS POINT AC PRO'],
  },
  // Without a device list the MAC is all there is.
  'aiounifi/websocket/event-wireless-client-disconnected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Client disconnected from 80:2a:a8:00:01:02'],
  },
  // Wired clients join a network, not a device: "has connected to LAN".
  'aiounifi/websocket/event-wireless-client-wired-connected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Client connected to LAN'],
    unknownAllowed: 'the "Device:" line of a wired client event: no device takes part',
  },
  'aiounifi/websocket/event-wireless-client-wired-disconnected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Client disconnected from LAN'],
    unknownAllowed: 'the "Device:" line of a wired client event: no device takes part',
  },
  'unpoller-unifi/events/stat-event-data.json': {
    kind: 'stat/event',
    findings: [
      'low: [Connectivity] Client connected to b4:fb:e4:d2:74:39',
      'low: [Connectivity] Client disconnected from 74:83:c2:d4:11:3d',
    ],
    // The EVT_IPS_IpsAlert row goes to the threat section.
    threats: ['severe: ET MALWARE Suspicious User Agent (Autoupdate) (1)'],
  },

  // Events users pasted from their controllers into public issues.
  'issue-pastes/aiounifi-219-udm-wan-transition.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Internet (WAN) state changed on UDM XXXX'],
  },
  'issue-pastes/aiounifi-236-uxg-wan-transition.json': {
    kind: 'stat/event',
    // eth0 became active a second before eth1 went inactive: a failover, the internet stayed up over eth0.
    findings: [
      'medium: [Connectivity] WAN link eth1 went down on UXG Pro; internet moved to the other WAN',
      'low: [Connectivity] Internet (WAN) state changed on UXG Pro',
    ],
    shows: ['WAN iface eth1 transition to state inactive'],
  },
  'issue-pastes/aiounifi-252-uxg-readopted-connected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Device UXG Pro came online', 'low: [System] New device UXG Pro adopted'],
  },
  'issue-pastes/aiounifi-361-udm-connected.json': {
    kind: 'stat/event',
    findings: ['low: [Connectivity] Device UDM XXX came online'],
  },
  // The controller marks it negative and no rule knows it; the device (a Protect doorbell) has no name here.
  'issue-pastes/aiounifi-234-schedule-upgrade-failed.json': {
    kind: 'stat/event',
    findings: ['medium: [System] Device 74:ac:b9:0b:07:1b not found for firmware upgrade'],
  },
  'issue-pastes/aiounifi-pr358-hotspot-authed-by-password.json': {
    kind: 'stat/event',
    findings: [],
    other: ['EVT_HS_AuthedByPassword'],
  },
  'issue-pastes/aiounifi-pr630-rogue-dhcp.json': {
    kind: 'stat/event',
    findings: ['severe: [Security] Rogue DHCP server detected on <switch name>'],
    shows: ['detected rogue dhcp server 192.168.1.1'],
  },
  'issue-pastes/home-assistant-117410-poe-overload.json': {
    kind: 'stat/event',
    findings: ['severe: [Device Health] PoE power budget exceeded on Loft Switch'],
  },
  'issue-pastes/home-assistant-127968-usp-rps-power-denied.json': {
    kind: 'stat/event',
    findings: ['severe: [Device Health] Redundant power denied on Power'],
  },
  'issue-pastes/home-assistant-81477-stp-port-blocking.json': {
    kind: 'stat/event',
    findings: ['medium: [Connectivity] Spanning tree blocked a port on Garage SWITCH'],
  },
  'issue-pastes/home-assistant-82084-udm-lost-contact.json': {
    kind: 'stat/event',
    findings: ['severe: [Connectivity] Gateway White Rabbit Gardens went offline'],
  },
  'issue-pastes/home-assistant-82423-radar-detected.json': {
    kind: 'stat/event',
    findings: ['medium: [Wireless] DFS radar detected on U6LR1'],
  },
  'issue-pastes/home-assistant-96463-ap-upgrade-failed.json': {
    kind: 'stat/event',
    findings: ['medium: [System] Firmware upgrade failed on Upstairs (AC Lite)'],
  },

  // v2 system log, IPS and traffic flows.
  'unifi-mcp/v2/system-log-all.json': {
    kind: 'system-log',
    findings: [
      'low: [Connectivity] Client connected to Lab-AP',
      'low: [Security] Traffic blocked by firewall policy block cameras to external',
    ],
    // A LOW entry of an event name no rule knows, not rated HIGH: counted, not listed.
    other: ['EVENT_WITH_UNKNOWN_PLACEHOLDER'],
    // THREAT_DETECTED goes to the threat section; system-log threats carry no signature.
    threats: ['severe: Unidentified threat (no signature available) (1)'],
    // The firewall entry names its console only in the CONSOLE_NAME role; low findings are listed by title.
    shows: ['Lab-Gateway'],
  },
  'unpoller-unifi/ips/stat-ips-event-data.json': {
    kind: 'stat/ips/event',
    findings: [],
    threats: ['medium: ET DROP Spamhaus DROP Listed Traffic Inbound group 23 (1)'],
    shows: ['196.196.244.84'],
  },
  'unifi-mcp/v2/traffic-flows.json': {
    kind: 'traffic-flows',
    findings: [],
    threats: ['severe: Unidentified threat (no signature available) (1)'],
  },

  // Network health, controller, sites, clients.
  'unpoller-unifi/health/stat-health.json': {
    kind: 'stat/health',
    // The capture has vpn in error with one site-to-site tunnel inactive; every other subsystem is ok.
    findings: ['medium: [Connectivity] VPN reports error'],
    shows: ['site-to-site tunnels inactive: 1'],
  },
  'aiounifi/sysinfo/stat-sysinfo-item.json': { kind: 'stat/sysinfo', findings: [], shows: ['Network 7.4.162'] },
  'aiounifi/sites/self-sites.json': { kind: 'self/sites', findings: [], shows: ['Default (default)'] },
  'aiounifi/clients/wired-client.json': { kind: 'stat/sta', findings: [] },
  'aiounifi/clients/wireless-client.json': { kind: 'stat/sta', findings: [] },

  // Read by other code than the report.
  'aiounifi/auth/error-responses.json': {
    coveredBy: 'test/unit/unifi/parse-controller.test.ts',
    why: 'login and error bodies decide the run outcome, not report findings',
  },
  'aiounifi/auth/login-unifios-response.json': {
    coveredBy: 'test/unit/unifi/parse-controller.test.ts',
    why: 'the login answer is read by the session, not the report',
  },
  'cloudflare-api-schemas/openapi-subset.json': {
    coveredBy: 'test/unit/cloudflare/openapi-example.ts',
    why: "Cloudflare's API, read by the Cloudflare integration",
  },
  'cloudflare-docs/graphql/error-in-200.response.json': {
    coveredBy: 'test/unit/cloudflare/fixtures.test.ts',
    why: "Cloudflare's API, read by the Cloudflare integration",
  },
  'cloudflare-docs/graphql/firewall-events-adaptive.request.json': {
    coveredBy: 'test/unit/cloudflare/fixtures.test.ts',
    why: 'a request body, compared with what the integration sends',
  },
  'cloudflare-docs/graphql/firewall-events-adaptive.response.json': {
    coveredBy: 'test/unit/cloudflare/fixtures.test.ts',
    why: "Cloudflare's API, read by the Cloudflare integration",
  },
  'cloudflare-docs/graphql/settings-firewall-events-adaptive.request.json': {
    coveredBy: 'test/unit/cloudflare/fixtures.test.ts',
    why: 'a request body, compared with what the integration sends',
  },
  'cloudflare-docs/graphql/settings-firewall-events-adaptive.response.json': {
    coveredBy: 'test/unit/cloudflare/fixtures.test.ts',
    why: "Cloudflare's API, read by the Cloudflare integration",
  },

  // Not read by the product.
  'aiounifi/websocket/message-wireless-client-removed.json': {
    notRead: 'a websocket "user:delete" notice; the report reads no websocket and no client removals',
  },
  'aiounifi/config/firewall-policies.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/firewall-zones.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/port-forwarding.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/traffic-routes.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/traffic-rules.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/vouchers.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/config/wlans.json': { notRead: CONFIG_NOT_READ },
  'aiounifi/dpi/dpi-apps.json': { notRead: 'DPI application catalogue; the report does not read DPI' },
  'aiounifi/dpi/dpi-groups.json': { notRead: 'DPI group catalogue; the report does not read DPI' },
  'unpoller-unifi/wan/wan-enriched-configuration.json': {
    notRead: 'v2 WAN configuration; WAN state comes from stat/health and the gateway record',
  },
  'unpoller-unifi/wan/wan-isp-status.json': {
    notRead: 'v2 ISP status; WAN state comes from stat/health and the gateway record',
  },
  'unpoller-unifi/wan/wan-load-balancing-configuration.json': { notRead: 'v2 WAN load-balancing configuration' },
  'unpoller-unifi/wan/wan-load-balancing-status.json': {
    notRead: 'v2 WAN load-balancing status; WAN state comes from stat/health and the gateway record',
  },
  'unpoller-unifi/wan/wan-slas.json': { notRead: 'v2 WAN SLAs (an empty array in the capture)' },
}

const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi
/** "Unknown" as a word: the renderers' word for a missing value (not the `…Unknown` of an event key). */
const UNKNOWN = /\bUnknown\b/

function assertReads(file: string, entry: ReadEntry, run: FixtureRun): void {
  expect(run.rejected, 'records the parsers refused').toBe(0)
  expect(run.findings.map((finding) => `${finding.severity}: ${finding.title}`)).toEqual(entry.findings)
  expect(run.analysis.otherEvents.map((other) => other.eventType)).toEqual(entry.other ?? [])
  expect(run.analysis.threats.groups.map((group) => `${group.severity}: ${group.signature} (${group.count})`)).toEqual(
    entry.threats ?? [],
  )

  for (const finding of run.findings) {
    // Both renderers carry every finding, in the same words.
    expect(run.htmlWords.includes(words(finding.title)), `HTML of ${file} lists ${finding.title}`).toBe(true)
    expect(run.textWords.includes(words(finding.title)), `text of ${file} lists ${finding.title}`).toBe(true)
    // A MAC is shown only when no name exists: a finding that knows its device's name never titles it by MAC.
    if (finding.deviceName !== null && finding.deviceName !== finding.deviceMac) {
      expect(finding.title.match(MAC) ?? [], finding.title).toEqual([])
    }
    // No finding says "Unknown" (an address, a device) unless the payload names nothing to say instead.
    if (entry.unknownAllowed === undefined) expect(`${finding.title} ${finding.description}`).not.toMatch(UNKNOWN)
  }
  if (entry.unknownAllowed === undefined) {
    expect(UNKNOWN.exec(run.htmlWords)?.[0] ?? null, `HTML of ${file} says Unknown`).toBeNull()
    expect(UNKNOWN.exec(run.textWords)?.[0] ?? null, `text of ${file} says Unknown`).toBeNull()
  }
  expect(run.htmlWords.includes('from Unknown'), 'from Unknown').toBe(false)
  // Placeholders of rule and advice templates never leak into a report.
  expect(/\{[a-z_]+\}|\[(src_ip|dest_ip|signature)\]/.exec(run.textWords)?.[0] ?? null).toBeNull()
  if (entry.device !== undefined) {
    expect(run.analysis.health.rows.map((row) => row.name)).toEqual([entry.device])
    expect(run.htmlWords.includes(entry.device), `HTML shows ${entry.device}`).toBe(true)
    // The text table wraps a long name across lines of its cell: the start of its first word is on the row.
    const start = (entry.device.split(' ')[0] ?? '').slice(0, 8)
    expect(run.textWords.includes(start), `text shows ${entry.device}`).toBe(true)
  }
  for (const fact of entry.shows ?? []) {
    expect(run.htmlWords.includes(fact), `HTML of ${file} shows ${fact}`).toBe(true)
    expect(run.textWords.includes(fact), `text of ${file} shows ${fact}`).toBe(true)
  }
  // A payload that was read says so in the coverage panel of both files.
  expect(run.htmlWords.includes('Every UniFi source was read.'), 'HTML coverage panel').toBe(true)
  expect(run.textWords.includes('Every UniFi source was read.'), 'text coverage panel').toBe(true)
}

describe('every real payload comes out as a person would read it', () => {
  for (const [file, entry] of Object.entries(TABLE)) {
    if ('kind' in entry) {
      it(`${file} (${entry.kind})`, () => assertReads(file, entry, runFixture(file, entry.kind, entry.alongside)))
    } else if ('coveredBy' in entry) {
      it(`${file} is covered by ${entry.coveredBy} (${entry.why})`, () => {
        const test = path.join(REPO, entry.coveredBy)
        expect(existsSync(test), entry.coveredBy).toBe(true)
        const source = readFileSync(test, 'utf8')
        const name = path.basename(file)
        // The covering test names the file (or the folder it reads the file from, with the file's name).
        expect(source.includes(name) || source.includes(file), `${entry.coveredBy} mentions ${name}`).toBe(true)
      })
    }
  }
})

function payloadFiles(dir: string, prefix = ''): string[] {
  const files: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const relative = prefix === '' ? name : `${prefix}/${name}`
    if (relative === 'LICENSES' || relative === 'README.md') continue
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) files.push(...payloadFiles(full, relative))
    else files.push(relative)
  }
  return files
}

describe('the table covers test/fixtures/real exactly', () => {
  it('has an entry for every payload file and no entry without a file', () => {
    const files = payloadFiles(REAL_FIXTURES)
    expect(files.length).toBeGreaterThan(50)
    expect(
      files.filter((file) => !(file in TABLE)),
      'payload files without a table entry',
    ).toEqual([])
    expect(
      Object.keys(TABLE).filter((file) => !files.includes(file)),
      'table entries without a file',
    ).toEqual([])
  })

  it('gives every file it does not read a reason', () => {
    for (const [file, entry] of Object.entries(TABLE)) {
      if ('notRead' in entry) expect(entry.notRead.length, file).toBeGreaterThan(10)
    }
  })
})
