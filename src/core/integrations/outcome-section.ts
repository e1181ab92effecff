/**
 * The report section for an integration that produced no data: a configured
 * integration always gets its section — its data, or a note saying why there is none — also when it is the
 * only integration. Not configured integrations stay out of the report entirely.
 */
import type { ReportSection, SectionBlock } from '../report/section.js'
import type { IntegrationOutcome } from './contract.js'
import { formatDateTime } from '../time.js'

export function sectionIdFor(integrationId: string): string {
  return `integration-${integrationId}`
}

/** Pure: the section to show for an outcome, or null for not-configured. */
export function sectionForOutcome(outcome: IntegrationOutcome, timezone: string): ReportSection | null {
  switch (outcome.status) {
    case 'ok':
      return outcome.section
    case 'not-configured':
      return null
    case 'failed': {
      const blocks: SectionBlock[] = [{ type: 'paragraph', text: outcome.message, tone: 'error' }]
      if (outcome.detail && outcome.detail !== outcome.message) blocks.push({ type: 'paragraph', text: outcome.detail })
      if (outcome.nextAttemptAt !== null) {
        blocks.push({
          type: 'facts',
          items: [{ label: 'Next attempt', value: formatDateTime(outcome.nextAttemptAt, timezone) }],
        })
      }
      blocks.push({
        type: 'paragraph',
        text: 'The rest of the report is complete; this section fills in again once the service answers.',
        tone: 'note',
      })
      return {
        id: sectionIdFor(outcome.id),
        title: outcome.displayName,
        tone: 'error',
        summary: outcome.message,
        blocks,
      }
    }
    case 'needs-attention': {
      const blocks: SectionBlock[] = [{ type: 'paragraph', text: outcome.message, tone: 'warning' }]
      if (outcome.detail && outcome.detail !== outcome.message) blocks.push({ type: 'paragraph', text: outcome.detail })
      return {
        id: sectionIdFor(outcome.id),
        title: outcome.displayName,
        tone: 'warning',
        summary: outcome.message,
        blocks,
      }
    }
    case 'partial-config':
      return {
        id: sectionIdFor(outcome.id),
        title: outcome.displayName,
        tone: 'warning',
        summary: outcome.message,
        blocks: [
          { type: 'paragraph', text: outcome.message, tone: 'warning' },
          {
            type: 'paragraph',
            text: 'Complete these settings to include this section, or clear the ones already entered to hide it.',
            tone: 'note',
          },
        ],
      }
    case 'paused':
      return {
        id: sectionIdFor(outcome.id),
        title: outcome.displayName,
        tone: 'warning',
        summary: outcome.message,
        blocks: [{ type: 'paragraph', text: outcome.message, tone: 'warning' }],
      }
  }
}
