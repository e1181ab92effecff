/**
 * What changed since the previous complete report of the same site: the run's findings with their identities,
 * compared with the findings that report kept in the history (`previousOfSite`). A run whose UniFi collection
 * failed has nothing to compare.
 */
import { compareFindings, type FindingChanges } from '../analysis/changes/compare.js'
import { trackedFindings, type FindingSource } from '../analysis/changes/identity.js'
import type { HistoryEntry } from '../report/files/history.js'
import type { UnifiResult } from '../report/input.js'
import type { Coverage } from '../unifi/coverage.js'
import { previousOfSite } from './site-history.js'

export interface RunChanges {
  site: string
  findings: FindingChanges
}

export function runChanges(
  unifi: UnifiResult,
  coverage: Coverage,
  history: { entries: readonly HistoryEntry[]; demo: boolean; generatedAt: string },
): RunChanges | null {
  if (!unifi.ok) return null
  const site = unifi.collection.site.name
  const seen = (source: 'events' | 'alarms' | 'devices' | 'threats') => coverage[source].state !== 'unavailable'
  const whole = (source: 'events' | 'alarms' | 'devices' | 'threats') => coverage[source].state === 'read'
  const included: Record<FindingSource, boolean> = {
    events: seen('events') || seen('alarms'),
    devices: seen('devices'),
    threats: seen('threats'),
  }
  // Only a source read in full can say that a finding went away.
  const complete: Record<FindingSource, boolean> = {
    events: whole('events') && whole('alarms'),
    devices: whole('devices'),
    threats: whole('threats'),
  }
  const previous = previousOfSite(history.entries, site, history.demo, (entry) =>
    entry.ok && entry.changes ? { generatedAt: entry.generatedAt, findings: entry.changes.findings } : null,
  )
  return {
    site,
    findings: compareFindings(trackedFindings(unifi.analysis, included), previous, history.generatedAt, complete),
  }
}

/** The `changes` object of `report --json` and of the run outcome. */
export interface ChangesJson {
  previous: string | null
  new: number
  resolved: number
  recurring: number
  newClients: number
  baseline: boolean
}

export function changesJson(changes: RunChanges | null, newClients: number): ChangesJson {
  if (changes === null) return { previous: null, new: 0, resolved: 0, recurring: 0, newClients, baseline: false }
  const { findings } = changes
  return {
    previous: findings.previousAt,
    new: findings.new.length,
    resolved: findings.resolved.length,
    recurring: findings.recurring.length,
    newClients,
    baseline: findings.baseline,
  }
}
