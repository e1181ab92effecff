/**
 * The coverage panel that opens every report: for each UniFi source, whether it was read, partly read or
 * could not be checked, and why. The sections below word "nothing found" only for a source that was read.
 */
import {
  COVERAGE_SOURCES,
  CORE_SOURCES,
  isComplete,
  type Coverage,
  type CoverageSource,
  type SourceCoverage,
} from '../../unifi/coverage.js'
import type { UnifiFailure } from '../input.js'
import type { ReportSection, Tone } from '../section.js'

export const SOURCE_LABEL: Record<CoverageSource, string> = {
  events: 'events',
  alarms: 'alarms',
  threats: 'security threats',
  devices: 'devices',
  health: 'network health',
  posture: 'configuration posture',
}

const STATE_TEXT: Record<SourceCoverage['state'], string> = {
  read: 'read',
  partial: 'partly read',
  unavailable: 'could not check',
}

const STATE_TONE: Record<SourceCoverage['state'], Tone> = { read: 'good', partial: 'warning', unavailable: 'error' }

/** Every source unavailable with the failure's class, when the controller could not be read at all. */
export function failedCoverage(failure: UnifiFailure): Coverage {
  const reason =
    failure.class === 'unreachable'
      ? 'controller unreachable'
      : failure.class === 'auth'
        ? 'authentication failed'
        : failure.class === 'tls'
          ? 'certificate not trusted'
          : 'collection failed'
  const coverage = {} as Coverage
  for (const source of COVERAGE_SOURCES) coverage[source] = { state: 'unavailable', records: 0, rejected: 0, reason }
  return coverage
}

/** "Could not check security threats (HTTP 500)." */
export function couldNotCheck(source: CoverageSource, coverage: SourceCoverage): string {
  return `Could not check ${SOURCE_LABEL[source]} (${coverage.reason ?? 'no reason given'}).`
}

/** "Security threats were only partly read (…): counts are at least these." */
export function partlyRead(source: CoverageSource, coverage: SourceCoverage): string {
  const label = SOURCE_LABEL[source]
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} were only partly read (${coverage.reason ?? 'incomplete'}): the numbers below are at least these.`
}

/** The note a section shows for its source: null when read, else "could not check" or "partly read". */
export function coverageNote(source: CoverageSource, coverage: Coverage): string | null {
  const entry = coverage[source]
  if (entry.state === 'read') return null
  return entry.state === 'partial' ? partlyRead(source, entry) : couldNotCheck(source, entry)
}

export function buildCoverageSection(coverage: Coverage, notes: readonly string[]): ReportSection {
  const complete = isComplete(coverage)
  // The configuration posture has its own section, which says what could not be checked and why; its row is in
  // the table, but the panel's headline is about the sources the counts come from.
  const counted = COVERAGE_SOURCES.filter((source) => source !== 'posture')
  const unavailable = counted.filter((source) => coverage[source].state === 'unavailable')
  const partial = counted.filter((source) => coverage[source].state === 'partial')
  const coreMissing = CORE_SOURCES.filter((source) => coverage[source].state === 'unavailable')
  const summary = !complete
    ? `Incomplete report: could not check ${coreMissing.map((source) => SOURCE_LABEL[source]).join(', ')}.`
    : unavailable.length + partial.length === 0
      ? 'Every UniFi source was read.'
      : `Complete for events, threats and devices; ${[
          ...unavailable.map((source) => `could not check ${SOURCE_LABEL[source]}`),
          ...partial.map((source) => `${SOURCE_LABEL[source]} partly read`),
        ].join(', ')}.`
  const tone: Tone = !complete ? 'error' : unavailable.length + partial.length > 0 ? 'warning' : 'good'
  return {
    id: 'coverage',
    title: 'Coverage',
    tone,
    summary,
    blocks: [
      { type: 'paragraph', text: summary, tone },
      {
        type: 'table',
        columns: ['Source', 'State', 'Records', 'Rejected', 'Reason'],
        rows: COVERAGE_SOURCES.map((source) => {
          const entry = coverage[source]
          return {
            cells: [
              SOURCE_LABEL[source],
              STATE_TEXT[entry.state],
              entry.records.toLocaleString('en-US'),
              entry.rejected.toLocaleString('en-US'),
              entry.reason ?? '',
            ],
            tone: STATE_TONE[entry.state],
          }
        }),
      },
      ...notes.map((text) => ({ type: 'paragraph' as const, text, tone: 'warning' as const })),
    ],
  }
}
