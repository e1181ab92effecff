/**
 * "What changed": the findings that are new since the previous complete report of the site (they open the
 * findings), the ones resolved since (listed briefly), and the ones that keep coming back with the date they
 * were first seen and how many reports in a row carried them. A baseline run says that it is one.
 */
import type { FindingChanges } from '../../analysis/changes/compare.js'
import { findingKey } from '../../analysis/changes/identity.js'
import type { Finding } from '../../analysis/model.js'
import { formatDateTime, parseZonedIso } from '../../time.js'
import type { ChangesView, FindingView } from '../model.js'
import { capList, plural } from './cap.js'

const when = (iso: string, timeZone: string): string => {
  const ms = parseZonedIso(iso)
  return ms === null ? iso : formatDateTime(ms, timeZone)
}

const MAX_RECURRING_ROWS = 10

export const BASELINE_TEXT =
  'First report of this site: it records the baseline of findings (and of the clients on the network). ' +
  'The next report will say what is new and what was resolved since this one.'

export function changesCounts(changes: FindingChanges): string {
  return `${changes.new.length} new, ${changes.resolved.length} resolved`
}

export function buildChangesView(changes: FindingChanges, timeZone: string, cap: number): ChangesView {
  const previousAt = changes.previousAt === null ? null : when(changes.previousAt, timeZone)
  const still = changes.recurring.length
  return {
    baseline: changes.baseline,
    previousAt,
    heading: previousAt === null ? 'First report of this site' : `New since ${previousAt}`,
    text: changes.baseline
      ? BASELINE_TEXT
      : `${changesCounts(changes)}, ${plural(still, 'finding')} still open since the previous report.`,
    new: capList(changes.new, cap, (f) => ({ severity: f.severity, title: f.title })),
    resolved: capList(changes.resolved, cap, (f) => ({ severity: f.severity, title: f.title })),
    // Every open finding has its card below: the table only names the longest-standing ones.
    recurring: capList(
      [...changes.recurring].sort((a, b) => b.streak - a.streak),
      Math.min(cap, MAX_RECURRING_ROWS),
      (f) => ({ severity: f.severity, title: f.title, firstSeen: when(f.firstSeen, timeZone), streak: f.streak }),
    ),
  }
}

/** The executive summary's line: "Since the report of Dec 3, 2026 at 9:00 AM EST: 3 new, 2 resolved." */
export function changesSummary(changes: FindingChanges, timeZone: string): string {
  if (changes.baseline || changes.previousAt === null)
    return 'First report of this site: a baseline was recorded; the next report will say what changed.'
  return `Since the report of ${when(changes.previousAt, timeZone)}: ${changesCounts(changes)}.`
}

/** Marks a finding card as new or recurring, by the finding's identity. */
export type ChangeMarker = (finding: Finding) => FindingView['change']

export function changeMarker(changes: FindingChanges | null | undefined, timeZone: string): ChangeMarker {
  if (!changes || changes.baseline) return () => undefined
  const fresh = new Set(changes.new.map((f) => f.key))
  const recurring = new Map(changes.recurring.map((f) => [f.key, f]))
  return (finding) => {
    const key = findingKey(finding)
    if (fresh.has(key)) return { kind: 'new', text: 'New since the previous report' }
    const old = recurring.get(key)
    if (old === undefined) return undefined
    return {
      kind: 'recurring',
      text: `In ${old.streak} reports in a row, first seen ${when(old.firstSeen, timeZone)}`,
    }
  }
}
