/**
 * Device connection states (`stat/device` `state`, an integer 0–11) and how serious each is when a
 * report runs. Transient states (upgrading, provisioning, adopting) are normal at report time.
 */
import type { Severity } from './model.js'

interface StateInfo {
  label: string
  /** null: nothing to report. */
  severity: Severity | null
  /** The device's metrics are stale in this state (it is not talking to the controller). */
  stale: boolean
}

const STATES: Readonly<Record<number, StateInfo>> = {
  0: { label: 'offline', severity: 'severe', stale: true },
  1: { label: 'connected', severity: null, stale: false },
  2: { label: 'pending adoption', severity: 'medium', stale: false },
  3: { label: 'firmware mismatch', severity: 'medium', stale: false },
  4: { label: 'upgrading', severity: 'low', stale: false },
  5: { label: 'provisioning', severity: 'low', stale: false },
  6: { label: 'heartbeat missed', severity: 'severe', stale: true },
  7: { label: 'adopting', severity: 'low', stale: false },
  8: { label: 'deleting', severity: 'low', stale: false },
  9: { label: 'adoption error', severity: 'medium', stale: false },
  10: { label: 'adoption failed', severity: 'medium', stale: false },
  11: { label: 'isolated', severity: 'severe', stale: false },
}

/** A record without a state says nothing about the connection: no finding, metrics taken as reported. */
const NOT_REPORTED: StateInfo = { label: 'state not reported', severity: null, stale: false }

export function deviceState(state: number | null): StateInfo {
  if (state === null) return NOT_REPORTED
  return STATES[state] ?? { label: `unknown state ${state}`, severity: 'medium', stale: false }
}

export const STATE_REMEDIATION: Readonly<Record<Severity, readonly string[]>> = {
  severe: [
    'Check that the device has power (LED on, PoE enabled on its switch port).',
    'Check its network cable or wireless uplink.',
    'Power-cycle it and wait a few minutes for it to reconnect.',
    'If it stays unreachable, check the upstream switch and whether other devices dropped at the same time.',
    'Re-adopt it (or reset and adopt) if it comes back but is not managed.',
  ],
  medium: [
    'Open the device in the UniFi console and check the state it shows.',
    'Adopt it, or forget it if it no longer belongs to this site.',
    'If adoption fails, check the device can reach the controller (inform URL, firewall) and upgrade its firmware.',
  ],
  low: [],
}
