/**
 * What a run could see of each UniFi source (docs/architecture.md, "Coverage"): `read` (every record the
 * controller offered for the window was accepted), `partial` (some records rejected by shape, pages
 * missing, or one of several endpoints failed) or `unavailable` (nothing usable, with the reason). The
 * state is derived from the endpoint attempts the collectors record, so there is one source of truth.
 */
import type { DataKind, SourceAttempt, UnifiCollection } from './model.js'

export type CoverageState = 'read' | 'partial' | 'unavailable'

export const COVERAGE_SOURCES = ['events', 'alarms', 'threats', 'devices', 'health', 'posture'] as const
export type CoverageSource = (typeof COVERAGE_SOURCES)[number]

/** A report is incomplete when one of these is unavailable; the checkpoint advances only when all were read. */
export const CORE_SOURCES = ['events', 'threats', 'devices'] as const satisfies readonly CoverageSource[]

export interface SourceCoverage {
  state: CoverageState
  /** Records accepted into the report. */
  records: number
  /** Records the controller sent that were dropped because of their shape. */
  rejected: number
  /** Why the source is partial or unavailable, in a few words; null when read. */
  reason: string | null
}

export type Coverage = Record<CoverageSource, SourceCoverage>

/** The reason of a source the time budget cut off (matched by the report and the CLI). */
export const TIME_BUDGET_REASON = 'time budget'

/** Reasons kept per endpoint for rejected records (the panel shows the first ones, never thousands). */
export const MAX_REJECT_REASONS = 3

export function collectionCoverage(collection: UnifiCollection): Coverage {
  const records: Record<CoverageSource, number> = {
    events: collection.events.length,
    alarms: collection.alarms.length,
    threats: collection.threats.length,
    devices: collection.devices.length,
    health: collection.health.length,
    posture: postureRecords(collection),
  }
  const coverage = {} as Coverage
  for (const source of COVERAGE_SOURCES) {
    coverage[source] = judgeCoverage(source, attemptsFor(source, collection), records[source])
  }
  return coverage
}

/**
 * The posture reads its settings from the run's one settings read (recorded as `ips-settings`): that attempt
 * counts for the posture too, once the run collected a posture at all.
 */
function attemptsFor(source: CoverageSource, collection: UnifiCollection): readonly SourceAttempt[] {
  const attempts = collection.sources.attempts
  if (source !== 'posture' || collection.posture === undefined) return attempts
  return attempts.map((attempt) => (attempt.data === 'ips-settings' ? { ...attempt, data: 'posture' } : attempt))
}

/** Posture sources that were read (settings, WLANs, forwards, UPnP, networks, firewall). */
function postureRecords(collection: UnifiCollection): number {
  const posture = collection.posture
  if (posture === undefined) return 0
  const reads = [
    posture.settings,
    posture.wlans,
    posture.portForwards,
    posture.upnp,
    posture.networks,
    posture.firewall,
  ]
  return reads.filter((read) => read.state === 'read').length
}

/** One source's state from its attempts and the number of records the collection kept. */
export function judgeCoverage(kind: DataKind, attempts: readonly SourceAttempt[], records: number): SourceCoverage {
  const mine = attempts.filter((attempt) => attempt.data === kind)
  const answered = mine.filter((attempt) => attempt.outcome === 'used' || attempt.outcome === 'empty')
  const failed = mine.filter((attempt) => attempt.outcome === 'failed')
  let rejected = 0
  const rejectReasons: string[] = []
  for (const attempt of mine) {
    rejected += attempt.rejected ?? 0
    for (const reason of attempt.rejectReasons ?? []) {
      if (rejectReasons.length < MAX_REJECT_REASONS && !rejectReasons.includes(reason)) rejectReasons.push(reason)
    }
  }
  const shapeReason = rejectReasons.length > 0 ? `unexpected shape: ${rejectReasons.join('; ')}` : 'unexpected shape'

  if (answered.length === 0) {
    if (records > 0 && failed.length > 0) {
      // Some pages arrived before the endpoint failed: what they held is reported, the rest is missing.
      return { state: 'partial', records, rejected, reason: failureReason(failed) }
    }
    return { state: 'unavailable', records, rejected, reason: unavailableReason(mine) }
  }
  if (rejected > 0 && rejected >= records) {
    // A short list that is mostly garbage would read as "a quiet period"; it is not one.
    return { state: 'unavailable', records, rejected, reason: shapeReason }
  }
  const problems: string[] = []
  if (rejected > 0) problems.push(`${rejected} rejected by shape (${shapeReason})`)
  const truncated = answered.filter((attempt) => attempt.truncated)
  if (truncated.length > 0) problems.push(`pages missing from ${truncated.map((a) => a.endpoint).join(', ')}`)
  if (failed.length > 0) problems.push(failureReason(failed))
  if (problems.length === 0) return { state: 'read', records, rejected, reason: null }
  return { state: 'partial', records, rejected, reason: problems.join('; ') }
}

function failureReason(failed: readonly SourceAttempt[]): string {
  return failed.map((attempt) => `${attempt.endpoint}: ${attempt.reason ?? 'failed'}`).join('; ')
}

function unavailableReason(attempts: readonly SourceAttempt[]): string {
  if (attempts.length === 0) return 'no source on this controller'
  const failed = attempts.filter((attempt) => attempt.outcome === 'failed')
  if (failed.length > 0) return failureReason(failed)
  return 'not supported by this firmware'
}

/**
 * A run is complete when no core source is unavailable. Partial sources still count as read: a controller
 * that always truncates or always sends one odd record would otherwise never let the checkpoint move.
 */
export function isComplete(coverage: Coverage): boolean {
  return CORE_SOURCES.every((source) => coverage[source].state !== 'unavailable')
}
