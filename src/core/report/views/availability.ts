/**
 * Tells "no data available" apart from "nothing happened": a data kind is
 * available when some endpoint answered for it (even with zero rows); otherwise the attempts say why not.
 */
import type { DataKind, UnifiCollection } from '../../unifi/model.js'

export type Availability = { available: true } | { available: false; reason: string }

const KIND_LABEL: Record<DataKind, string> = {
  sites: 'site list',
  sysinfo: 'controller information',
  devices: 'device data',
  health: 'health data',
  clients: 'client data',
  events: 'event data',
  alarms: 'alarm data',
  threats: 'IPS data',
  'ips-settings': 'IPS settings',
}

export function availabilityOf(collection: UnifiCollection, kind: DataKind, rows: number): Availability {
  const attempts = collection.sources.attempts.filter((attempt) => attempt.data === kind)
  if (rows > 0) return { available: true }
  if (attempts.some((attempt) => attempt.outcome === 'used' || attempt.outcome === 'empty')) return { available: true }
  if (attempts.length === 0) {
    return {
      available: false,
      reason: `${capitalise(KIND_LABEL[kind])} unavailable: the controller offered no source for it.`,
    }
  }
  const details = attempts.map((attempt) => `${attempt.endpoint}: ${attempt.detail ?? attempt.outcome}`).join('; ')
  return { available: false, reason: `${capitalise(KIND_LABEL[kind])} unavailable (${details}).` }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
