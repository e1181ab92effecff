/** Wireless rules: roaming, band switches, radar (DFS) and channel changes. */
import type { LogEntry } from '../model.js'
import { entryRssi, rssiQuality } from '../placeholders.js'
import { defineRule } from './rule.js'

const base = { category: 'wireless', label: 'Wireless' } as const

/** "radar" followed by "detected" or "hit" (rule 27's pattern, case-insensitive). */
export const RADAR_PATTERN = /radar.*\b(detected|hit)\b/i

/** Omitted when the event carries no signal reading (the earlier code printed "Unknown (None dBm)"). */
function signalSentence(entry: LogEntry): string | null {
  const rssi = entryRssi(entry.raw)
  return rssi === null ? null : `Signal: ${rssiQuality(rssi)} (${rssi} dBm).`
}

export const WIRELESS_RULES = [
  defineRule({
    ...base,
    name: 'client_roaming',
    severity: 'low',
    triggers: [{ keys: ['EVT_WU_Roam', 'EVT_WG_Roam'] }],
    title: 'Client roamed from {ap_from_name} to {ap_to_name}',
    description: 'Client {client_mac} moved from {ap_from_name} to {ap_to_name} ({event_type}). Normal mobility.',
    detail: signalSentence,
  }),
  defineRule({
    ...base,
    name: 'band_switch',
    severity: 'low',
    triggers: [{ keys: ['EVT_WU_RoamRadio', 'EVT_WG_RoamRadio'] }],
    title: 'Client switched from {radio_from_display} to {radio_to_display} on {device_name}',
    description:
      'Client {client_mac} switched bands from {radio_from_display} to {radio_to_display} on {device_name} ({event_type}). Band steering at work.',
  }),
  defineRule({
    ...base,
    name: 'dfs_radar_detected',
    severity: 'medium',
    // Pattern-gated triggers are tried before the generic interference and channel-change rules for the
    // same keys, which made this rule unreachable in the earlier implementation.
    triggers: [
      { keys: ['EVT_AP_RADAR_DETECTED', 'EVT_AP_Interference', 'EVT_AP_ChannelChange'], pattern: RADAR_PATTERN },
      { keys: ['EVT_AP_RadarDetected'] },
    ],
    title: 'DFS radar detected on {device_name}',
    description:
      'Access point {device_name} detected radar on a DFS channel and had to leave it ({event_type}): {message}. The law requires it to vacate the channel (52–144) for at least 30 minutes, so clients were briefly disconnected.',
    remediation: [
      'Switch the 5 GHz radio of {device_name} to a non-DFS channel (36–48 or 149–165 where allowed).',
      'Expect this near airports, weather stations, ports and military sites; radar hits there are normal, not a fault.',
      'If hits repeat, keep the AP on a non-DFS channel permanently.',
      'Check that the country/region setting of the site is correct, since it decides which channels are DFS.',
      'If you keep a DFS channel, know that the AP returns to it automatically after the 30-minute quiet period.',
    ],
  }),
  defineRule({
    ...base,
    name: 'ap_channel_change',
    severity: 'medium',
    triggers: [{ keys: ['EVT_AP_ChannelChange'] }],
    title: 'AP {device_name} changed channel from {channel_from} to {channel_to}',
    description:
      'Access point {device_name} moved from channel {channel_from} to {channel_to} ({event_type}), usually to avoid interference. Clients reconnect briefly when this happens.',
    remediation: [
      'If changes are frequent, let WiFi AI / Channel Optimisation pick stable channels at night.',
      'Run an RF survey (the AP RF scan or a phone analyser) to see what else uses the band.',
      'Look for non-WiFi interferers near the AP (microwaves, wireless video senders, Bluetooth).',
      'Set channels manually so neighbouring APs do not overlap.',
      'Prefer non-DFS 5 GHz channels (36–48) for APs that must not change channel.',
    ],
  }),
]
