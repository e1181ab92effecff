/** Connectivity rules: lost contact, WAN transitions, isolation, STP blocking; each lists every event key real
 * consoles send for it. */
import type { LogEntry } from '../model.js'
import { rawText } from '../normalise-values.js'
import { defineRule } from './rule.js'

const base = { category: 'connectivity', label: 'Connectivity' } as const

/** "WAN port (eth8) transitioned from connected to disconnected" — only the downward transition is an outage. */
const WAN_WENT_DOWN = /\bto\s+(state\s+)?(disconnected|down|offline|inactive|failed)\b/i
/** `state` values of `EVT_GW_WANTransition` (UXG, UDM: `active`/`inactive`) that mean the link stopped carrying traffic. */
const WAN_DOWN_STATES: ReadonlySet<string> = new Set([
  'inactive',
  'down',
  'disconnected',
  'offline',
  'failed',
  'unplugged',
])

/**
 * A WAN transition is judged by its structured `state` when the record has one (the message wording varies by
 * firmware: "transitioned from connected to disconnected", "transition to state inactive"), else by the message.
 */
export function wanWentDown(entry: LogEntry): boolean {
  const state = rawText(entry.raw, 'state')
  return state === null ? WAN_WENT_DOWN.test(entry.message) : WAN_DOWN_STATES.has(state.toLowerCase())
}

/** A WAN link went inactive while another WAN of the gateway came up (chosen by `wan-failover.ts`, not by key). */
export const WAN_FAILOVER_RULE = defineRule({
  ...base,
  name: 'wan_failover',
  severity: 'medium',
  triggers: [],
  title: 'WAN link {wan_iface} went down on {device_name}; internet moved to the other WAN',
  description:
    'Gateway {device_name} lost its WAN link {wan_iface} and switched to its other WAN ({event_type}): {message}. The internet still works, but without a backup until the link is back.',
  remediation: [
    'Check the modem or ONT on the failed WAN port: power and its "online" light.',
    'Reseat the cable between that modem and the gateway WAN port.',
    "Check that provider's status page, or call them.",
    'Check the WAN settings of that port (DHCP, static IP, PPPoE credentials) under Settings > Internet.',
    'Confirm in the next report that the link came back, so the site has a backup again.',
  ],
})

export const CONNECTIVITY_RULES = [
  defineRule({
    ...base,
    name: 'ap_lost_contact',
    severity: 'severe',
    triggers: [{ keys: ['EVT_AP_Lost_Contact', 'EVT_AP_DISCONNECTED'] }],
    title: 'Access point {device_name} went offline',
    description:
      'Access point {device_name} ({device_mac}) lost contact with the controller ({event_type}). Its WiFi clients lose their connection or crowd onto neighbouring APs.',
    remediation: [
      'Check that the AP has power: look at its LED and at the PoE status of its switch port.',
      'Reseat or replace the Ethernet cable between the AP and the switch.',
      'Power-cycle the AP by disabling and re-enabling PoE on its port (or unplugging the injector).',
      'Check the upstream switch: if other devices on it also went offline, the switch or its uplink is the cause.',
      'Read the LED pattern (steady white = not adopted, flashing = booting or upgrading) and re-adopt if needed.',
    ],
  }),
  defineRule({
    ...base,
    name: 'switch_lost_contact',
    severity: 'severe',
    triggers: [{ keys: ['EVT_SW_Lost_Contact', 'EVT_SW_DISCONNECTED'] }],
    title: 'Switch {device_name} went offline',
    description:
      'Switch {device_name} ({device_mac}) lost contact with the controller ({event_type}). Everything connected behind it, including APs and cameras it powers, may be offline too.',
    remediation: [
      'Check the switch has power and its status LED is on.',
      'Check the uplink cable or fibre module between this switch and the rest of the network.',
      'Power-cycle the switch if it is powered but unreachable.',
      'Check for overheating: blocked vents, a closed cabinet or a failed fan cause lock-ups.',
      'If it keeps dropping off, replace it or open a support case with its logs.',
    ],
  }),
  defineRule({
    ...base,
    name: 'gateway_wan_down',
    severity: 'severe',
    triggers: [
      { keys: ['EVT_GW_WANTransition'], when: wanWentDown },
      { keys: ['EVT_GW_WAN_DISCONNECTED', 'EVT_GW_WAN_DOWN', 'EVT_WAN_FAILOVER'] },
    ],
    title: 'Internet connection lost on {device_name}',
    description:
      'Gateway {device_name} lost its internet (WAN) connection ({event_type}): {message}. Without a backup WAN, nobody can reach the internet.',
    remediation: [
      'Check the modem or fibre ONT: power, and its "online" light.',
      'Reseat the cable between the modem and the gateway WAN port.',
      "Check your internet provider's status page or call them to rule out an outage.",
      'Make sure the account is in good standing and no change was made on the provider side.',
      'If you use a static IP or PPPoE, check those settings under Settings > Internet are still correct.',
    ],
  }),
  defineRule({
    ...base,
    name: 'wan_transition',
    severity: 'low',
    triggers: [{ keys: ['EVT_GW_WANTransition'] }],
    title: 'Internet (WAN) state changed on {device_name}',
    description: 'The WAN connection of {device_name} changed state ({event_type}): {message}',
  }),
  defineRule({
    ...base,
    name: 'gateway_lost_contact',
    severity: 'severe',
    // EVT_DM_* keys come from the Dream Machine (console and gateway in one box), EVT_XG_* from UXG gateways.
    triggers: [{ keys: ['EVT_GW_Lost_Contact', 'EVT_DM_Lost_Contact', 'EVT_XG_Lost_Contact'] }],
    title: 'Gateway {device_name} went offline',
    description:
      'Gateway {device_name} ({device_mac}) lost contact with the controller ({event_type}). Internet access and routing between networks are probably down.',
    remediation: [
      'Check the gateway has power and its display or LED shows it running.',
      'Check the cable between the gateway LAN port and your main switch.',
      'Power-cycle the gateway if it is powered but unreachable, and wait five minutes for it to boot.',
      'Check that the gateway did not start a firmware upgrade; do not unplug it while it upgrades.',
      'If it keeps going offline, check its temperature and logs, and restore from backup or replace it.',
    ],
  }),
  defineRule({
    ...base,
    name: 'device_lost_contact',
    severity: 'severe',
    triggers: [{ keys: ['EVT_USP_Lost_Contact', 'EVT_DEVICE_LOST_CONTACT'] }],
    title: 'Device {device_name} went offline',
    description: 'UniFi device {device_name} ({device_mac}) lost contact with the controller ({event_type}).',
    remediation: [
      'Check the device has power and its status LED is on.',
      'Check the network cable or uplink to the device.',
      'Power-cycle the device.',
      'Check the upstream switch and whether other devices went offline at the same time.',
      'Re-adopt or replace the device if it does not come back.',
    ],
  }),
  defineRule({
    ...base,
    name: 'ap_isolated',
    severity: 'severe',
    triggers: [{ keys: ['EVT_AP_Isolated', 'EVT_AP_ISOLATED'] }],
    title: 'Access point {device_name} is isolated',
    description:
      'Access point {device_name} can reach the controller but not the rest of the network ({event_type}). Clients may connect to its WiFi but get no internet.',
    remediation: [
      'Check the cable and switch port the AP is plugged into; try another port.',
      "Check the switch port's VLAN profile: the AP's management network must be untagged (native) on it.",
      'Check spanning tree: a blocked port (loop protection) isolates the AP.',
      'Check the uplink VLAN configuration of the switches between the AP and the gateway.',
      'If the AP meshes wirelessly, move it closer to its uplink AP or cable it.',
    ],
  }),
  defineRule({
    ...base,
    name: 'stp_port_blocking',
    severity: 'medium',
    triggers: [{ keys: ['EVT_SW_StpPortBlocking'] }],
    title: 'Spanning tree blocked a port on {device_name}',
    description: 'Switch {device_name} put a port into blocking state to stop a network loop ({event_type}): {message}',
    remediation: [
      'Find the port named in the message and trace where its cable goes.',
      'Remove accidental loops: two cables between the same switches, or a desk switch plugged back into the wall.',
      'If the redundant link is intentional, make sure both switches run spanning tree (RSTP) so it stays a backup.',
      'Enable loop protection on access ports.',
      'Check whether devices behind the blocked port lost connectivity.',
    ],
  }),
  defineRule({
    ...base,
    name: 'ap_connected',
    severity: 'low',
    triggers: [{ keys: ['EVT_AP_Connected', 'EVT_AP_CONNECTED'] }],
    title: 'Access point {device_name} came online',
    description: 'Access point {device_name} connected to the controller after booting or recovering ({event_type}).',
  }),
  defineRule({
    ...base,
    name: 'device_connected',
    severity: 'low',
    triggers: [{ keys: ['EVT_SW_Connected', 'EVT_GW_Connected', 'EVT_DEVICE_Connected'] }],
    title: 'Device {device_name} came online',
    description: 'UniFi device {device_name} connected to the controller after booting or recovering ({event_type}).',
  }),
  defineRule({
    ...base,
    name: 'guest_connected',
    severity: 'low',
    triggers: [{ keys: ['EVT_LG_Connected'] }],
    title: 'Wired guest {client_mac} connected to {connected_to}',
    description: 'Guest {client_mac} connected to {connected_to} ({event_type}). Normal activity.',
  }),
  defineRule({
    ...base,
    name: 'guest_disconnected',
    severity: 'low',
    triggers: [{ keys: ['EVT_LG_Disconnected'] }],
    title: 'Wired guest {client_mac} disconnected from {connected_to}',
    description: 'Guest {client_mac} disconnected from {connected_to} ({event_type}). Normal activity.',
  }),
  defineRule({
    ...base,
    name: 'client_connected',
    severity: 'low',
    triggers: [{ keys: ['EVT_WU_Connected', 'EVT_WG_Connected', 'EVT_LU_Connected'] }],
    title: 'Client connected to {connected_to}',
    description: 'Client {client_mac} connected to {connected_to} ({event_type}). Normal activity.',
  }),
  defineRule({
    ...base,
    name: 'client_disconnected',
    severity: 'low',
    triggers: [{ keys: ['EVT_WU_Disconnected', 'EVT_WG_Disconnected', 'EVT_LU_Disconnected'] }],
    title: 'Client disconnected from {connected_to}',
    description: 'Client {client_mac} disconnected from {connected_to} ({event_type}). Normal activity.',
  }),
]
