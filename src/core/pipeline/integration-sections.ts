/**
 * Turns the run's integration outcomes into the sections the report shows, so the report layer sees
 * sections only and never the integration contract. A configured integration always gets a section — its
 * data, or a note saying why there is none; not-configured ones stay out of the report.
 */
import type { IntegrationOutcome } from '../integrations/contract.js'
import { sectionForOutcome } from '../integrations/outcome-section.js'
import type { IntegrationSectionInput } from '../report/input.js'
import type { ReportSection } from '../report/section.js'

export type DescribeOutcome = (outcome: IntegrationOutcome, timezone: string) => ReportSection | null

export function integrationSections(
  outcomes: readonly IntegrationOutcome[],
  timezone: string,
  describe: DescribeOutcome = sectionForOutcome,
): IntegrationSectionInput[] {
  const sections: IntegrationSectionInput[] = []
  for (const outcome of outcomes) {
    if (outcome.status === 'not-configured') continue
    const section = outcome.status === 'ok' ? outcome.section : describe(outcome, timezone)
    if (section) sections.push({ id: outcome.id, displayName: outcome.displayName, section })
  }
  return sections
}
