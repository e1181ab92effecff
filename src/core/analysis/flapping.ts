/**
 * Client flapping: a client that roams 5 or more times in the analysed
 * window bounces between access points, usually from coverage gaps or badly balanced power. The
 * individual roam findings are still produced; this adds one medium finding per flapping client.
 */
import type { Finding, LogEntry } from './model.js'
import { placeholderValue } from './placeholders.js'
import { compareText } from './order.js'

export const FLAPPING_THRESHOLD = 5
const UNKNOWN_CLIENT = 'unknown'

const STEPS = [
  'Walk the area where the client is used and look for coverage gaps between the access points listed.',
  'Balance transmit power: APs on High power make clients cling to a far AP and then jump; try Medium or Auto.',
  'Check for interference on the channels of those APs and make neighbouring APs use different channels.',
  'Set a Minimum RSSI on the SSID and enable BSS transition (802.11v) so clients move once, cleanly.',
  'If only this client flaps, update its WiFi driver or check its adapter: a faulty adapter roams constantly.',
]

/** One finding per client with ≥ 5 roams among `roams` (entries already matched by the roaming rule). */
export function detectFlapping(roams: readonly LogEntry[]): Finding[] {
  const byClient = new Map<string, LogEntry[]>()
  for (const entry of roams) {
    const client = placeholderValue(entry, 'client_mac')?.toLowerCase() ?? UNKNOWN_CLIENT
    const list = byClient.get(client) ?? []
    list.push(entry)
    byClient.set(client, list)
  }
  const findings: Finding[] = []
  for (const [client, entries] of byClient) {
    if (entries.length < FLAPPING_THRESHOLD) continue
    findings.push(flappingFinding(client, entries))
  }
  return findings
}

function flappingFinding(client: string, entries: readonly LogEntry[]): Finding {
  const aps = new Set<string>()
  let first = Infinity
  let last = -Infinity
  for (const entry of entries) {
    for (const name of ['ap_from_name', 'ap_to_name'] as const) {
      const ap = placeholderValue(entry, name)
      if (ap !== null) aps.add(ap)
    }
    first = Math.min(first, entry.timestampMs)
    last = Math.max(last, entry.timestampMs)
  }
  const apList = aps.size > 0 ? [...aps].sort(compareText).join(', ') : 'multiple APs'
  let clientName: string | null = null
  for (const entry of entries) {
    clientName = placeholderValue(entry, 'client_name')
    if (clientName !== null) break
  }
  const keys = [...new Set(entries.map((entry) => entry.eventType))].join(', ')
  const who = clientName ? `${clientName} (${client})` : client
  return {
    id: `client_flapping:${client}`,
    severity: 'medium',
    category: 'wireless',
    rule: 'client_flapping',
    title: `[Wireless] Client flapping detected (${entries.length} roams)`,
    description: `Client ${who} roamed ${entries.length} times in this period between ${apList} (${keys}). Constant roaming interrupts calls and video and usually points to coverage or power problems.`,
    remediation: [...STEPS],
    occurrences: entries.length,
    recurring: true,
    firstSeenMs: first,
    lastSeenMs: last,
    deviceMac: client === UNKNOWN_CLIENT ? null : client,
    deviceName: clientName,
    eventType: 'aggregation',
  }
}
