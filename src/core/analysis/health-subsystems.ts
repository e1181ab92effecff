/**
 * `stat/health` subsystems the controller itself rates `warning`, `error` or `critical` become findings: the
 * site-wide view (internet, WAN, LAN, WiFi, VPN, speed test) sees problems no single device reports, such as
 * a site-to-site VPN that is down or a speed test that failed. `ok` and `unknown` say nothing to act on.
 */
import type { HealthSubsystem } from '../unifi/model.js'
import type { Finding, FindingCategory, Severity } from './model.js'

interface SubsystemInfo {
  label: string
  category: FindingCategory
  /** Severity when the controller says `error`/`critical`; a `warning` is one step lower. */
  error: Severity
  steps: readonly string[]
}

const INTERNET_STEPS = [
  'Check the modem or fibre ONT and the cable to the gateway WAN port.',
  "Check your internet provider's status page, or call them to rule out an outage.",
  'Open Settings > Internet in the UniFi console and check the WAN settings (DHCP, PPPoE, static address).',
  'Run a speed test from the console once the link is back to confirm it is healthy.',
]
const LAN_STEPS = [
  'Open UniFi Devices in the console and look for switches that are offline, disconnected or pending adoption.',
  'Check their power and uplink cables, then restart any switch that stays unreachable.',
  'Adopt or forget devices that are pending, so the controller manages every switch on the site.',
]
const WLAN_STEPS = [
  'Open UniFi Devices in the console and look for access points that are offline, disconnected or pending adoption.',
  'Check their power (PoE on the switch port) and uplink, then restart any AP that stays unreachable.',
  'Adopt or forget access points that are pending.',
]
const VPN_STEPS = [
  'Open Settings > VPN in the UniFi console and check which tunnel is inactive.',
  'Check that the remote end is online and that its public address and pre-shared key still match.',
  'Restart the tunnel from the console and confirm it stays up.',
]
const SPEEDTEST_STEPS = [
  'Run the speed test again from the UniFi console (Internet > Speed Test).',
  'If it keeps failing, check that the gateway can reach the internet and its DNS servers.',
]

const SUBSYSTEMS: Readonly<Record<string, SubsystemInfo>> = {
  www: { label: 'Internet', category: 'connectivity', error: 'severe', steps: INTERNET_STEPS },
  wan: { label: 'Internet (WAN)', category: 'connectivity', error: 'severe', steps: INTERNET_STEPS },
  lan: { label: 'Wired network (LAN)', category: 'connectivity', error: 'medium', steps: LAN_STEPS },
  wlan: { label: 'WiFi (WLAN)', category: 'wireless', error: 'medium', steps: WLAN_STEPS },
  vpn: { label: 'VPN', category: 'connectivity', error: 'medium', steps: VPN_STEPS },
  speedtest: { label: 'Speed test', category: 'performance', error: 'low', steps: SPEEDTEST_STEPS },
}
const OTHER: SubsystemInfo = { label: 'Network', category: 'connectivity', error: 'medium', steps: INTERNET_STEPS }

const LOWER: Readonly<Record<Severity, Severity>> = { severe: 'medium', medium: 'low', low: 'low' }
const LABEL: Readonly<Record<FindingCategory, string>> = {
  security: 'Security',
  connectivity: 'Connectivity',
  performance: 'Performance',
  system: 'System',
  wireless: 'Wireless',
  'device-health': 'Device Health',
}

/** Facts of a subsystem worth naming in the finding, as `label: value`. */
const DETAIL_FIELDS: readonly (readonly [string, string])[] = [
  ['gw_name', 'gateway'],
  ['wan_ip', 'WAN address'],
  ['isp_name', 'provider'],
  ['num_disconnected', 'devices disconnected'],
  ['num_pending', 'devices pending adoption'],
  ['site_to_site_num_inactive', 'site-to-site tunnels inactive'],
  ['remote_user_num_inactive', 'remote-user tunnels inactive'],
  ['speedtest_status', 'speed test'],
  ['latency', 'latency (ms)'],
  ['drops', 'drops'],
]

const BAD = new Set(['warning', 'error', 'critical'])
/** `www.speedtest_status` values that mean the last test did not complete. */
const SPEEDTEST_FAILED = /^(fail|error|timeout|timed out)/i

export function analyseHealthSubsystems(health: readonly HealthSubsystem[], checkedAtMs: number): Finding[] {
  const findings: Finding[] = []
  for (const subsystem of health) {
    const status = subsystem.status.toLowerCase()
    const key = subsystem.subsystem.toLowerCase()
    if (BAD.has(status)) findings.push(subsystemFinding(subsystem, key, status, checkedAtMs))
    const speedtest = subsystem.details?.['speedtest_status']
    if (key === 'www' && typeof speedtest === 'string' && SPEEDTEST_FAILED.test(speedtest)) {
      findings.push(subsystemFinding({ ...subsystem, subsystem: 'speedtest' }, 'speedtest', 'error', checkedAtMs))
    }
  }
  return findings
}

function subsystemFinding(subsystem: HealthSubsystem, key: string, status: string, checkedAtMs: number): Finding {
  // Multi-WAN sites add `wan2`, `wan3`: they read like `wan`.
  const info = SUBSYSTEMS[key] ?? (key.startsWith('wan') ? SUBSYSTEMS['wan'] : undefined) ?? OTHER
  const severity = status === 'warning' ? LOWER[info.error] : info.error
  const label = key.startsWith('wan') && key !== 'wan' ? `${info.label}, ${key.toUpperCase()}` : info.label
  const facts = DETAIL_FIELDS.flatMap(([field, name]) => {
    const value = subsystem.details?.[field]
    return value === null || value === undefined || value === '' ? [] : [`${name}: ${String(value)}`]
  })
  const gateway = subsystem.details?.['gw_name']
  const gatewayMac = subsystem.details?.['gw_mac']
  const verdict = key === 'speedtest' ? 'the last speed test failed' : `the controller rates it "${status}"`
  return {
    id: `health_subsystem:${key}`,
    severity,
    category: info.category,
    rule: 'health_subsystem',
    title: `[${LABEL[info.category]}] ${label} ${key === 'speedtest' ? 'failed' : `reports ${status}`}`,
    description: `Network health for ${label}: ${verdict} (stat/health ${subsystem.subsystem}).${facts.length > 0 ? ` ${facts.join('; ')}.` : ''}`,
    remediation: severity === 'low' ? [] : [...info.steps],
    occurrences: 1,
    recurring: false,
    firstSeenMs: checkedAtMs,
    lastSeenMs: checkedAtMs,
    deviceMac: typeof gatewayMac === 'string' && (key.startsWith('wan') || key === 'www') ? gatewayMac : null,
    // The subject is the site's network, or its gateway for the internet subsystems.
    deviceName: typeof gateway === 'string' && (key.startsWith('wan') || key === 'www') ? gateway : label,
    eventType: null,
  }
}
