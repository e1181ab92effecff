/** Performance rules. */
import { defineRule } from './rule.js'

const base = { category: 'performance', label: 'Performance' } as const

export const PERFORMANCE_RULES = [
  defineRule({
    ...base,
    name: 'ap_interference',
    severity: 'medium',
    triggers: [{ keys: ['EVT_AP_Interference', 'EVT_AP_RADAR_DETECTED'] }],
    title: 'Wireless interference detected on {device_name}',
    description:
      'Access point {device_name} detected interference on its channel ({event_type}): {message}. Clients see slower speeds and drop-outs, and the AP may change channel on its own.',
    remediation: [
      'Look for new sources of interference near the AP: microwave ovens, baby monitors, wireless cameras, Bluetooth hubs.',
      'Check the current channel and its utilisation in the AP details (RF environment).',
      'Run an RF scan from the AP and move it to the least busy channel.',
      'Lower the transmit power (Medium or Low) where APs are close together so they interfere less with each other.',
      'If this happens on channels 52–144, it may be weather or airport radar (DFS); prefer channels 36–48.',
    ],
  }),
  defineRule({
    ...base,
    name: 'high_cpu_usage',
    severity: 'medium',
    triggers: [{ keys: ['EVT_AP_HIGH_CPU', 'EVT_SW_HIGH_CPU', 'EVT_GW_HIGH_CPU'] }],
    title: 'High CPU usage on {device_name}',
    description:
      'Device {device_name} reported high processor load ({event_type}). An overloaded device drops packets and responds slowly.',
    remediation: [
      'On a gateway, check whether IPS/IDS, DPI or traffic logging is using the processor; these are the heaviest features.',
      'Turn off features you do not use (DPI, unused VPNs, extra logging).',
      'Upgrade to the latest stable firmware, which often fixes runaway processes.',
      'If load stays high during normal traffic, the device is undersized for your internet speed: plan a more capable model.',
      'Restart the device in a maintenance window if the load does not come down.',
    ],
  }),
  defineRule({
    ...base,
    name: 'high_memory_usage',
    severity: 'medium',
    triggers: [{ keys: ['EVT_AP_HIGH_MEMORY', 'EVT_SW_HIGH_MEMORY', 'EVT_GW_HIGH_MEMORY'] }],
    title: 'High memory usage on {device_name}',
    description:
      'Device {device_name} is running low on memory ({event_type}). Memory exhaustion leads to instability and spontaneous reboots.',
    remediation: [
      'Restart the device in a maintenance window to free memory.',
      'Upgrade to the latest stable firmware; memory leaks are a common fix in release notes.',
      'Turn off features you do not need (DPI, extra SSIDs, logging).',
      'On an AP, reduce the number of clients or SSIDs it serves.',
      'If memory fills up again quickly, replace the device with a model that has more headroom.',
    ],
  }),
  defineRule({
    ...base,
    name: 'speed_test_slow',
    severity: 'medium',
    triggers: [{ keys: ['EVT_SPEED_TEST_FAIL', 'EVT_SPEED_TEST_SLOW'] }],
    title: 'Speed test below expected on {device_name}',
    description:
      'The gateway speed test on {device_name} was slower than expected or failed ({event_type}): {message}. Causes are the provider, congestion on your network, or equipment.',
    remediation: [
      'Run the speed test again at a quiet time to rule out a one-off.',
      'Check Insights or the client list for devices using a lot of bandwidth (backups, updates, streaming).',
      'Test with a computer plugged directly into the modem to separate the provider from your network.',
      'If the direct test is also slow, report it to your provider with the results.',
      'Use Smart Queues (QoS) so large transfers do not starve calls and browsing.',
    ],
  }),
  defineRule({
    ...base,
    name: 'channel_utilization_high',
    severity: 'medium',
    triggers: [{ keys: ['EVT_AP_CHANNEL_UTIL_HIGH', 'EVT_HIGH_CHANNEL_UTILIZATION'] }],
    title: 'High channel utilization on {device_name}',
    description:
      'The WiFi channel of {device_name} is congested ({event_type}). Clients wait longer to transmit, so everyone on it gets slower.',
    remediation: [
      'Check how many clients the AP serves and whether a few of them use most of the airtime.',
      'Add an access point where clients are concentrated, or rebalance APs.',
      'Enable band steering so dual-band clients move to 5 GHz or 6 GHz.',
      'Limit heavy users or old 2.4 GHz-only devices with a separate SSID or rate limits.',
      'Move the AP to a less used channel and use narrower channel widths in dense areas.',
    ],
  }),
]
