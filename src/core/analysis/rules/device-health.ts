/** PoE and device-hardware event rules, titled `[Device Health]`. */
import { defineRule } from './rule.js'

const base = { category: 'device-health', label: 'Device Health' } as const

export const DEVICE_HEALTH_RULES = [
  defineRule({
    ...base,
    name: 'poe_disconnect',
    severity: 'medium',
    triggers: [{ keys: ['EVT_SW_PoeDisconnect'] }],
    title: 'PoE device disconnected on {device_name} port {port}',
    description: 'The device powered by port {port} of {device_name} lost PoE power ({event_type}): {message}',
    remediation: [
      'Check the PoE budget of {device_name}: if it is nearly used up, the switch cuts power to some ports.',
      'Reseat the cable on port {port} at both ends.',
      'Replace the cable if it is damaged, too long (over 100 m) or not solid copper.',
      'If the device needs PoE+ or PoE++, make sure port {port} (or an injector) can supply it.',
      'Check the port power settings (PoE mode, power class) match what the device needs.',
    ],
  }),
  defineRule({
    ...base,
    name: 'poe_overload',
    severity: 'severe',
    triggers: [{ keys: ['EVT_SW_PoeOverload', 'EVT_SW_PoeBudgetExceeded'] }],
    title: 'PoE power budget exceeded on {device_name}',
    description:
      'IMMEDIATE ATTENTION REQUIRED: switch {device_name} is asked for more PoE power than it can supply ({event_type}). It will cut power to some cameras, phones or access points.',
    remediation: [
      'List the PoE devices on {device_name} and their power draw (Ports view, PoE column).',
      'Turn off PoE on ports that do not need it, or unplug non-critical PoE devices.',
      'Check per-port usage for a device drawing more than expected (faulty device or cable).',
      'Move some devices to another PoE switch, or upgrade to a switch with a larger budget.',
      'Use PoE injectors for high-power devices.',
      'Set per-port power limits so critical devices (APs, cameras) keep power first.',
    ],
  }),
  defineRule({
    ...base,
    name: 'switch_overheat',
    severity: 'severe',
    triggers: [{ keys: ['EVT_SW_Overheat'] }],
    title: 'Switch {device_name} is overheating',
    description:
      'Switch {device_name} reported that it is overheating ({event_type}). Hot switches throttle PoE, drop links and fail early.',
    remediation: [
      'Check the ventilation around the switch: open the cabinet, clear the vents, leave space above and beside it.',
      'Check the fans are spinning and clean out dust.',
      'Reduce PoE load if the switch powers many devices; PoE adds a lot of heat.',
      'Move the switch to a cooler place or add cabinet cooling.',
      'If it overheats in normal conditions, replace it.',
    ],
  }),
  defineRule({
    ...base,
    name: 'rps_power_denied',
    severity: 'severe',
    triggers: [{ keys: ['EVT_USP_RpsPowerDeniedByPsuOverload'] }],
    title: 'Redundant power denied on {device_name}',
    description:
      'The redundant power system {device_name} refused to power a device because its power supply is overloaded ({event_type}): {message}. That device has no backup power.',
    remediation: [
      'Check which devices the RPS backs up and their combined power draw.',
      'Reduce the number of devices on the RPS or move some to another one.',
      'Check the RPS power supply for faults and replace it if it underperforms.',
      'Make sure the RPS is on a circuit (or UPS) that can carry the load.',
      'Test failover once the load fits the supply.',
    ],
  }),
]
