/**
 * Builds the report model from one run's results. Pure: no I/O, no clock (the run's times come in).
 */
import type { ReportModel, ExecutiveSummary, HealthView, ThreatsView } from './model.js'
import { DEFAULT_CAPS, DEFAULT_REPORT_TITLE, type ReportInput } from './input.js'
import { indexAddressNotes } from './address-notes.js'
import type { ReportSection } from './section.js'
import { checkedSection } from './section-schema.js'
import { collectionCoverage, isComplete, type Coverage } from '../unifi/coverage.js'
import { buildCoverageSection, couldNotCheck, coverageNote, failedCoverage, SOURCE_LABEL } from './views/coverage.js'
import { buildDataSourcesSection } from './views/data-sources.js'
import { buildFindingsView, unavailableFindings } from './views/findings.js'
import { buildHeader } from './views/header.js'
import { buildHealthView } from './views/health.js'
import { buildSummary } from './views/summary.js'
import { buildPostureSection, postureHeadline } from './views/posture.js'
import { buildThreatsView } from './views/threats.js'
import { buildChangesView, changeMarker, changesSummary } from './views/changes.js'
import { buildClientsSection } from './views/clients.js'
import { buildUnifiFailureSection } from './views/unifi-failure.js'

const NO_UNIFI = 'UniFi data unavailable: the controller could not be read (see the UniFi controller section).'

function integrationSections(input: ReportInput): ReportSection[] {
  return input.integrations.map(({ id, displayName, section }) =>
    checkedSection(section, { id: `integration-${id}`, title: displayName }),
  )
}

function noticeText(section: ReportSection): string {
  if (section.summary) return section.summary
  const paragraph = section.blocks.find((block) => block.type === 'paragraph')
  return paragraph?.type === 'paragraph' ? paragraph.text : section.title
}

function noteOf(...notes: (string | null)[]): string | null {
  const present = notes.filter((note): note is string => note !== null)
  return present.length > 0 ? present.join(' ') : null
}

export function buildReportModel(input: ReportInput): ReportModel {
  const caps = { ...DEFAULT_CAPS, ...input.caps }
  const { unifi, timezone } = input
  const integrations = integrationSections(input)
  const notes = indexAddressNotes(input.addressNotes)
  const notices: ExecutiveSummary['notices'] = []
  let threats: ThreatsView = { available: false, reason: NO_UNIFI }
  let health: HealthView = { available: false, reason: NO_UNIFI }
  let findings = unavailableFindings(NO_UNIFI)
  let unifiFailure: ReportSection | null = null
  let coverage: Coverage
  const mark = changeMarker(unifi.ok ? input.changes : null, timezone)

  if (unifi.ok) {
    const { collection, analysis } = unifi
    coverage = collectionCoverage(collection)
    const eventsRead = coverage.events.state !== 'unavailable'
    const alarmsRead = coverage.alarms.state !== 'unavailable'
    findings =
      eventsRead || alarmsRead
        ? buildFindingsView(
            analysis,
            timezone,
            caps,
            noteOf(coverageNote('events', coverage), coverageNote('alarms', coverage)),
            notes,
            mark,
          )
        : unavailableFindings(couldNotCheck('events', coverage.events))
    threats =
      coverage.threats.state === 'unavailable'
        ? { available: false, reason: couldNotCheck('threats', coverage.threats) }
        : buildThreatsView(analysis.threats, timezone, caps, coverageNote('threats', coverage), notes)
    health =
      coverage.devices.state === 'unavailable'
        ? { available: false, reason: couldNotCheck('devices', coverage.devices) }
        : buildHealthView(analysis.health, timezone, caps, coverageNote('devices', coverage), mark)
    for (const source of ['events', 'alarms', 'threats', 'devices', 'health'] as const) {
      const text = coverageNote(source, coverage)
      if (text === null) continue
      const core = source === 'events' || source === 'threats' || source === 'devices'
      notices.push({
        title: `${SOURCE_LABEL[source].charAt(0).toUpperCase()}${SOURCE_LABEL[source].slice(1)}`,
        tone: core && coverage[source].state === 'unavailable' ? 'error' : 'warning',
        text,
      })
    }
  } else {
    coverage = failedCoverage(unifi.error)
    unifiFailure = buildUnifiFailureSection(unifi.error)
    notices.unshift({
      title: 'UniFi controller',
      tone: 'error',
      text: `${unifiFailure.summary} ${unifi.error.message}`,
    })
  }
  for (const section of integrations) {
    if (section.tone === 'warning' || section.tone === 'error') {
      notices.push({ title: section.title, tone: section.tone, text: noticeText(section) })
    }
  }

  const analysis = unifi.ok ? unifi.analysis : null
  const complete = unifi.ok && isComplete(coverage)
  const posture = unifi.ok && input.posture ? input.posture : null
  const clients = unifi.ok && input.clients ? buildClientsSection(input.clients, timezone) : null
  const summary = buildSummary({
    analysis,
    threatsAvailable: threats.available,
    healthAvailable: health.available,
    // New clients count in the summary like a section's findings.
    integrationSections: clients === null ? integrations : [clients, ...integrations],
    notices,
    coverage,
  })
  const changes = unifi.ok && input.changes ? input.changes : null
  if (changes !== null) summary.changes = changesSummary(changes, timezone)
  if (posture !== null)
    summary.posture = [postureHeadline(posture.assessment), posture.drift?.sentence].filter(Boolean).join(' ')
  return {
    title: input.title?.trim() || DEFAULT_REPORT_TITLE,
    demo: input.demo,
    complete,
    header: buildHeader(input),
    coverage: buildCoverageSection(coverage, input.runNotes ?? []),
    summary,
    findings,
    threats,
    health,
    unifiFailure,
    integrations,
    posture: posture === null ? null : buildPostureSection(posture.assessment, posture.drift),
    changes: changes === null ? null : buildChangesView(changes, timezone, caps.changedFindings),
    clients,
    dataSources: buildDataSourcesSection(unifi, analysis?.logEntryCount ?? null),
    footer: { appVersion: input.appVersion, text: `Generated by UniFi Scanner ${input.appVersion}` },
  }
}
