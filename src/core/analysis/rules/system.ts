/** System rules. */
import { defineRule } from './rule.js'

const base = { category: 'system', label: 'System' } as const

export const SYSTEM_RULES = [
  defineRule({
    ...base,
    name: 'firmware_upgraded',
    severity: 'low',
    triggers: [{ keys: ['EVT_AP_Upgraded', 'EVT_SW_Upgraded', 'EVT_GW_Upgraded', 'EVT_DEVICE_UPGRADED'] }],
    title: 'Firmware upgraded on {device_name}',
    description:
      'Firmware on {device_name} was upgraded ({event_type}). Upgrades bring fixes and security patches; the device restarted to apply it.',
  }),
  defineRule({
    ...base,
    name: 'firmware_upgrade_failed',
    severity: 'medium',
    triggers: [
      { keys: ['EVT_AP_UpgradeFailed', 'EVT_SW_UpgradeFailed', 'EVT_GW_UpgradeFailed', 'EVT_DEVICE_UpgradeFailed'] },
    ],
    title: 'Firmware upgrade failed on {device_name}',
    description:
      'The firmware upgrade of {device_name} ({device_mac}) failed ({event_type}). The device keeps running its old firmware and misses the fixes the upgrade carries.',
    remediation: [
      'Open the device in the UniFi console and check the firmware version it runs now.',
      'Make sure the device stayed powered and connected during the upgrade window (PoE budget, uplink).',
      'Check free storage and the upgrade log on the device page; a full or failing flash stops upgrades.',
      'Start the upgrade again from the console; if it fails again, restart the device first.',
      'If it keeps failing, upgrade it by hand with the firmware file from the vendor, or open a support case.',
    ],
  }),
  defineRule({
    ...base,
    name: 'device_restarted',
    severity: 'low',
    triggers: [{ keys: ['EVT_AP_Restarted', 'EVT_SW_Restarted', 'EVT_GW_Restarted', 'EVT_DEVICE_Restarted'] }],
    title: 'Device {device_name} restarted',
    description: 'Device {device_name} restarted as requested ({event_type}).',
  }),
  defineRule({
    ...base,
    name: 'device_restarted_unknown',
    severity: 'medium',
    triggers: [
      {
        keys: [
          'EVT_AP_RestartedUnknown',
          'EVT_SW_RestartedUnknown',
          'EVT_GW_RestartedUnknown',
          'EVT_DEVICE_RestartedUnknown',
        ],
      },
    ],
    title: 'Device {device_name} restarted unexpectedly',
    description:
      'Device {device_name} restarted without being asked to ({event_type}). Unplanned restarts point to power, hardware or firmware problems.',
    remediation: [
      'Check the power source: PoE budget of the switch, the power adapter, or a UPS that switched over.',
      'Look at the device logs in the controller for errors just before the restart.',
      'Check for overheating: ventilation, dust, and the temperature shown on the device page.',
      'Upgrade to the latest stable firmware; crash fixes are common.',
      'If it restarts again, replace the device or open a support case with its logs.',
    ],
  }),
  defineRule({
    ...base,
    name: 'device_adopted',
    severity: 'low',
    triggers: [
      {
        keys: [
          'EVT_AP_Adopted',
          'EVT_SW_Adopted',
          'EVT_GW_Adopted',
          'EVT_DEVICE_ADOPTED',
          'EVT_AP_AutoReadopted',
          'EVT_SW_AutoReadopted',
          'EVT_GW_AutoReadopted',
          'EVT_DEVICE_AutoReadopted',
        ],
      },
    ],
    title: 'New device {device_name} adopted',
    description: 'Device {device_name} was adopted and is now managed by this controller ({event_type}).',
  }),
  defineRule({
    ...base,
    name: 'config_changed',
    severity: 'low',
    triggers: [{ keys: ['EVT_CONFIG_CHANGED', 'EVT_SITE_CONFIG_CHANGED'] }],
    title: 'Configuration changed by {user}',
    description: 'The site configuration was changed by {user} ({event_type}). Listed for audit awareness.',
  }),
  defineRule({
    ...base,
    name: 'backup_created',
    severity: 'low',
    triggers: [{ keys: ['EVT_BACKUP_CREATED', 'EVT_AUTO_BACKUP'] }],
    title: 'Backup created on {device_name}',
    description: 'A controller backup was created ({event_type}). Regular backups are good practice.',
  }),
  defineRule({
    ...base,
    name: 'update_available',
    severity: 'low',
    triggers: [
      {
        keys: [
          'EVT_AP_UPDATE_AVAILABLE',
          'EVT_SW_UPDATE_AVAILABLE',
          'EVT_GW_UPDATE_AVAILABLE',
          'EVT_DEVICE_UPDATE_AVAILABLE',
          'EVT_AD_Update_Available',
        ],
      },
    ],
    title: 'Firmware update available for {device_name}',
    description: 'A firmware or application update is available for {device_name} ({event_type}). Schedule it.',
  }),
]
